// Trigger on every conversation update, doing two cheap things:
// - once the conversation has settled (closed, last engagement ended), credit
//   each engagement to its specialist's totals, UTC day bucket and project day
//   bucket, exactly once (applyParts' markers), and the conversion into a case
//   once more if it is recorded after the close;
// - keep `participantIds` (every engaged specialist) for the admin's detail
//   query. It writes back into the triggering document, but only when a
//   specialist is missing, so the update it causes finds nothing to do.
import { FieldValue } from 'firebase-admin/firestore';
import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { db } from '../platform/admin';
import { loadSettings } from '../platform/settings';
import { paths } from '../shared/catalogue';
import type { ConversationDoc } from '../shared/model';
import { applyParts, type PartsApplication } from './applyParts';
import { conversationParts } from './conversationEvents';
import { isSettled, outcomeChanged, participantIdsOf, type ConversationOutcomeView } from './engagementMetrics';
import { outcomeWiring } from './wiring';

const NOT_FOUND = 5;

/** Adds missing specialists to `participantIds`; true when it wrote. arrayUnion makes a replay harmless. */
export async function syncParticipants(
  conversationId: string,
  conversation: Pick<ConversationDoc, 'engagements' | 'participantIds'>,
): Promise<boolean> {
  const known = new Set(conversation.participantIds ?? []);
  const missing = participantIdsOf(conversation.engagements).filter((id) => !known.has(id));
  if (missing.length === 0) return false;
  try {
    await db.doc(paths.conversation(conversationId)).update({ participantIds: FieldValue.arrayUnion(...missing) });
    return true;
  } catch (error) {
    // Deleted since the event: nothing left to keep in step.
    if ((error as { code?: unknown }).code === NOT_FOUND) return false;
    throw error;
  }
}

/** The counting half of the trigger, exported so tests can replay an event. */
export async function applyConversationOutcome(
  conversationId: string,
  conversation: ConversationOutcomeView,
): Promise<PartsApplication | 'not-settled'> {
  if (!isSettled(conversation)) return 'not-settled';
  // The target in force when the conversation is counted; docs/metrics.md says what a change means.
  const { general } = await loadSettings();
  return applyParts(conversationParts(conversationId, conversation, general.firstResponseTargetSeconds), outcomeWiring);
}

export const onConversationClosedForMetrics = onDocumentUpdated(
  { document: paths.conversation('{conversationId}'), retry: true },
  async (event) => {
    const before = event.data?.before.data() as ConversationDoc | undefined;
    const after = event.data?.after.data() as ConversationDoc | undefined;
    const { conversationId } = event.params;
    if (!conversationId || !after) return;
    await syncParticipants(conversationId, after);
    if (outcomeChanged(before, after)) await applyConversationOutcome(conversationId, after);
  },
);
