// The admin switched "show specialist names" on or off: conversations being
// served now follow at once (their user can read the conversation document, so a
// hidden name must leave it). Past conversations keep what their user was shown
// at the time: their "joined" messages already said it.
import { FieldPath, type Query } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions/v2';
import { db } from '../platform/admin';
import { COLLECTIONS, paths } from '../shared/catalogue';
import type { ConversationDoc, Engagement, UserDoc } from '../shared/model';
import { shownName } from '../shared/names';
import { withContentionRetry } from '../platform/contention';
import { activeEngagement } from './engagements';

const PAGE_SIZE = 200;

/** The served conversation with its running engagement's name shown or hidden; null when nothing changes. */
export function withNameVisibility(
  conversation: Pick<ConversationDoc, 'status' | 'specialistName' | 'engagements'>,
  show: boolean,
  realName: string,
): Pick<ConversationDoc, 'specialistName' | 'engagements'> | null {
  const active = activeEngagement(conversation.engagements ?? []);
  if (conversation.status !== 'assigned' || !active) return null;
  const shown = shownName({ showSpecialistName: show }, realName);
  if (conversation.specialistName === shown && active.shownName === shown) return null;
  const engagements: Engagement[] = [...conversation.engagements.slice(0, -1), { ...active, shownName: shown }];
  return { specialistName: shown, engagements };
}

async function realNameOf(uid: string, cache: Map<string, string>): Promise<string> {
  const known = cache.get(uid);
  if (known !== undefined) return known;
  const user = (await db.doc(paths.user(uid)).get()).data() as UserDoc | undefined;
  const name = user?.displayName ?? uid;
  cache.set(uid, name);
  return name;
}

/** Applies the setting to every conversation being served; returns how many changed. */
export async function applyNameVisibility(show: boolean): Promise<number> {
  const names = new Map<string, string>();
  let changed = 0;
  let query: Query = db
    .collection(COLLECTIONS.conversations)
    .where('status', '==', 'assigned')
    .orderBy('assignedAt')
    .orderBy(FieldPath.documentId())
    .limit(PAGE_SIZE);
  for (;;) {
    const page = await query.get();
    for (const doc of page.docs) {
      const specialistId = doc.get('specialistId') as string | null;
      if (!specialistId) continue;
      const realName = await realNameOf(specialistId, names);
      const done = await withContentionRetry(() =>
        db.runTransaction(async (tx) => {
          const conversation = (await tx.get(doc.ref)).data() as ConversationDoc | undefined;
          const update = conversation && withNameVisibility(conversation, show, realName);
          if (!update) return false;
          tx.update(doc.ref, update);
          return true;
        }),
      ).catch((error: unknown) => {
        logger.error('name visibility: conversation not updated', { conversationId: doc.id, error });
        return false;
      });
      if (done) changed++;
    }
    const last = page.docs[page.docs.length - 1];
    if (page.size < PAGE_SIZE || !last) return changed;
    query = query.startAfter(last);
  }
}
