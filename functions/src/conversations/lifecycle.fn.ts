// The two triggers of a conversation's life: one on creation, one on every
// update. The update trigger finishes a close (the transition into 'closed',
// by a participant, the sweep's inactivity close or the refusal when the chat
// is off) and then lets the metrics count what changed. Both steps are
// idempotent (closingDoneAt, the metrics markers), so the event is retried.
import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { paths } from '../shared/catalogue';
import type { ConversationDoc } from '../shared/model';
import { countConversationUpdate } from '../metrics/conversationOutcome.io';
import { finishClosing } from './closing.io';
import { openConversation } from './opening.io';

// Retried: opening is safe to run twice, and a conversation whose opening failed
// would otherwise wait unseen (the sweep only knows queues routing has counted).
export const onConversationCreated = onDocumentCreated(
  { document: paths.conversation('{conversationId}'), retry: true },
  async (event) => {
    const { conversationId } = event.params;
    if (conversationId) await openConversation(conversationId);
  },
);

export const onConversationUpdated = onDocumentUpdated(
  { document: paths.conversation('{conversationId}'), retry: true },
  async (event) => {
    const before = event.data?.before.data() as ConversationDoc | undefined;
    const after = event.data?.after.data() as ConversationDoc | undefined;
    const { conversationId } = event.params;
    if (!conversationId || !after) return;
    if (before && before.status !== 'closed' && after.status === 'closed') await finishClosing(conversationId);
    await countConversationUpdate(conversationId, before, after);
  },
);
