// A user started a conversation: greet them and hand it to routing, which
// serves it or tells them where they stand. Safe to run twice.
import { Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { loadSettings } from '../platform/settings';
import { paths } from '../shared/catalogue';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import { closedBySystem } from './transitions';
import type { ConversationDoc } from '../shared/model';
import { projectNameOf } from '../platform/projects';
import { withContentionRetry } from '../platform/contention';
import { drainQueue } from '../routing/drainQueue.io';
import { postSystemMessageOnce, systemText } from './systemMessages.io';

export async function openConversation(conversationId: string): Promise<void> {
  const ref = db.doc(paths.conversation(conversationId));
  const conversation = (await ref.get()).data() as ConversationDoc | undefined;
  if (!conversation) return;
  const settings = await loadSettings();
  if (conversation.status === 'queued' && !settings.enabled) {
    await refuse(conversationId);
    return;
  }
  const projectName = await projectNameOf(conversation.projectId);
  // Even if another routing pass got here first (status already 'assigned'):
  // stamped at the start, the welcome still comes before the "joined" message.
  await postSystemMessageOnce({
    conversationId,
    eventKey: SYSTEM_EVENTS.welcome(),
    text: systemText(settings, 'welcome', { userName: conversation.userName, projectName }),
    at: Timestamp.fromMillis(conversation.createdAt.toMillis()),
  });
  if (conversation.status !== 'queued') return;
  // Routing takes it from here: it serves it, or gives it a ticket and says where the user stands.
  await drainQueue(conversation.projectId, conversation.level, { arrival: true });
}

/** The chat was switched off between the rules' check and now: close it as the system. */
async function refuse(conversationId: string): Promise<void> {
  const ref = db.doc(paths.conversation(conversationId));
  await withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
      if (conversation?.status !== 'queued') return;
      tx.update(ref, closedBySystem(Timestamp.now()));
    }),
  );
}
