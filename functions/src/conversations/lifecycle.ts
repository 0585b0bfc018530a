// Thin Firestore triggers of a conversation's life. Functions write to
// conversations too (assignment, queue positions, engagements, requeue); the
// update trigger reacts only to the transition into 'closed', which functions
// write only for the sweep's inactivity close and the refusal when the chat is
// off, both of which want exactly the handling a client's close gets.
import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { paths } from '../shared/catalogue';
import type { ConversationDoc } from '../shared/model';
import { finishClosing } from './closing';
import { openConversation } from './opening';

// Retried: opening is safe to run twice, and a conversation whose opening failed
// would otherwise wait unseen (the sweep only knows queues routing has counted).
export const onConversationCreated = onDocumentCreated(
  { document: paths.conversation('{conversationId}'), retry: true },
  async (event) => {
    const { conversationId } = event.params;
    if (conversationId) await openConversation(conversationId);
  },
);

export const onConversationUpdated = onDocumentUpdated(paths.conversation('{conversationId}'), async (event) => {
  const before = event.data?.before.data() as ConversationDoc | undefined;
  const after = event.data?.after.data() as ConversationDoc | undefined;
  const { conversationId } = event.params;
  if (!conversationId || !before || !after || before.status === 'closed' || after.status !== 'closed') return;
  await finishClosing(conversationId);
});
