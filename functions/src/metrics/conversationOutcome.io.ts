// What a conversation update means for the metrics (run by the conversation's
// one update trigger, conversations/lifecycle.fn.ts):
// - once the conversation has settled (closed, last engagement ended), credit
//   each engagement to its specialist's totals, UTC day bucket and project day
//   bucket, exactly once (applyParts' markers), and the conversion into a case
//   once more if it is recorded after the close;
// - keep `participantIds` (every engaged specialist) for the admin's detail
//   query. Assignments and transfers record it themselves; this only repairs a
//   conversation written before they did, and writes only when one is missing,
//   so the update it causes finds nothing to do.
import { FieldValue } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { loadSettings } from '../platform/settings';
import { paths } from '../shared/catalogue';
import type { ConversationDoc } from '../shared/model';
import { applyParts, type PartsApplication } from './applyParts.io';
import { conversationParts } from './conversationEvents';
import { isSettled, outcomeChanged, participantIdsOf, type ConversationOutcomeView } from './engagementMetrics';
import { outcomeWiring } from './increments.io';

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

/** The metrics side of one conversation update. */
export async function countConversationUpdate(
  conversationId: string,
  before: ConversationDoc | undefined,
  after: ConversationDoc,
): Promise<void> {
  await syncParticipants(conversationId, after);
  if (outcomeChanged(before, after)) await applyConversationOutcome(conversationId, after);
}
