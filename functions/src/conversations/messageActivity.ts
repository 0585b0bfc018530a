// A message was posted: record activity times and the engagement's first
// response. Writes only the parent conversation, never a message, so it cannot
// trigger itself.
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { db } from '../platform/admin';
import { paths } from '../shared/catalogue';
import type { ConversationDoc, MessageDoc } from '../shared/model';
import { withContentionRetry } from '../routing/contention';
import { activityChange } from './activity';

export async function recordActivity(conversationId: string, message: MessageDoc): Promise<void> {
  const ref = db.doc(paths.conversation(conversationId));
  await withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const conversation = (await tx.get(ref)).data() as ConversationDoc | undefined;
      if (!conversation) return;
      const change = activityChange(conversation, message);
      if (change) tx.update(ref, { ...change });
    }),
  );
}

export const onConversationMessageCreated = onDocumentCreated(
  paths.message('{conversationId}', '{messageId}'),
  async (event) => {
    const message = event.data?.data() as MessageDoc | undefined;
    // System messages and staff notes never count as activity: skip them before any read.
    const { conversationId } = event.params;
    if (!conversationId || !message || message.kind !== 'text') return;
    await recordActivity(conversationId, message);
  },
);
