// The admin switched "show specialist names" on or off: conversations being
// served now follow at once (their user can read the conversation document, so a
// hidden name must leave it). Past conversations keep what their user was shown
// at the time: their "joined" messages already said it.
import { FieldPath, type DocumentReference, type Query } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions/v2';
import { db } from '../platform/admin';
import { loadSettings } from '../platform/settings';
import { COLLECTIONS, paths } from '../shared/catalogue';
import type { ConversationDoc, UserDoc } from '../shared/model';
import { withContentionRetry } from '../platform/contention';
import { withNameVisibility } from './nameVisibility';

const PAGE_SIZE = 200;

async function realNameOf(uid: string, cache: Map<string, string>): Promise<string> {
  const known = cache.get(uid);
  if (known !== undefined) return known;
  const user = (await db.doc(paths.user(uid)).get()).data() as UserDoc | undefined;
  const name = user?.displayName ?? uid;
  cache.set(uid, name);
  return name;
}

/** Re-decides one conversation in a transaction: it changed since the page was read. */
async function applyOne(ref: DocumentReference, show: boolean, realName: string): Promise<boolean> {
  return withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
      const update = conversation && withNameVisibility(conversation, show, realName);
      if (!update) return false;
      tx.update(ref, update);
      return true;
    }),
  );
}

/**
 * Applies the setting as it stands now (a later switch may have overtaken the
 * event that started this) to every conversation being served; returns how
 * many changed. Each page is written in bulk, every write conditional on the
 * conversation being as it was read; one that changed meanwhile is re-decided
 * in a transaction of its own.
 */
export async function applyNameVisibility(): Promise<number> {
  const show = (await loadSettings()).general.showSpecialistName;
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
    const writer = db.bulkWriter();
    const moved: Array<{ ref: DocumentReference; realName: string }> = [];
    writer.onWriteError(() => false);
    for (const doc of page.docs) {
      const specialistId = doc.get('specialistId') as string | null;
      if (!specialistId) continue;
      const realName = await realNameOf(specialistId, names);
      const update = withNameVisibility(doc.data() as ConversationDoc, show, realName);
      if (!update) continue;
      writer
        .update(doc.ref, update, { lastUpdateTime: doc.updateTime })
        .then(() => changed++)
        .catch(() => moved.push({ ref: doc.ref, realName }));
    }
    await writer.close();
    for (const { ref, realName } of moved) {
      const done = await applyOne(ref, show, realName).catch((error: unknown) => {
        logger.error('name visibility: conversation not updated', { conversationId: ref.id, error });
        return false;
      });
      if (done) changed++;
    }
    const last = page.docs[page.docs.length - 1];
    if (page.size < PAGE_SIZE || !last) return changed;
    query = query.startAfter(last);
  }
}
