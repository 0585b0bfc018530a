// A user started a conversation: unless chat was switched off meanwhile, hand
// it to routing, which greets the user and serves it or tells them where they
// stand. Safe to run twice.
import { Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { loadSettings } from '../platform/settings';
import { paths } from '../shared/catalogue';
import { closedBySystem } from './transitions';
import type { ConversationDoc } from '../shared/model';
import { withContentionRetry } from '../platform/contention';
import { drainQueue } from '../routing/drainQueue.io';

export async function openConversation(conversationId: string): Promise<void> {
  const ref = db.doc(paths.conversation(conversationId));
  const conversation = (await ref.get()).data() as ConversationDoc | undefined;
  if (!conversation) return;
  const settings = await loadSettings();
  if (conversation.status === 'queued' && !settings.enabled) {
    await refuse(conversationId);
    return;
  }
  if (conversation.status !== 'queued') return;
  // Routing takes it from here, in the same write as whatever it decides: the welcome, then either
  // the specialist joining or the user's place in line.
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
