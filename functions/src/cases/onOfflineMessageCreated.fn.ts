// Trigger: every offline message a user leaves becomes a case of its project,
// and the user is told its number in their conversation. The message is never lost: when the configuration cannot make a case, the
// reason is written on the message for the user's screen and an admin to see.
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions/v2';
import { db } from '../platform/admin';
import { COLLECTIONS, paths } from '../shared/catalogue';
import type { OfflineMessageDoc } from '../shared/model';
import { CaseRefusedError, createCase, SYSTEM_CREATOR, SYSTEM_CREATOR_NAME } from './createCase.io';
import { postOfflineReceipt } from './offlineReceipt.io';

type OfflineOutcome = Partial<Pick<OfflineMessageDoc, 'caseId' | 'caseNumber' | 'caseError'>>;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

const NOT_FOUND = 5; // gRPC status code

/** Writes the outcome on the message; a message an admin deleted meanwhile needs nothing (and must not be retried). */
async function recordOutcome(offlineMessageId: string, outcome: OfflineOutcome) {
  try {
    await db.doc(paths.offlineMessage(offlineMessageId)).update(outcome);
  } catch (error) {
    if ((error as { code?: unknown }).code !== NOT_FOUND) throw error;
    logger.warn('Offline message deleted before its case outcome was recorded', { offlineMessageId, ...outcome });
  }
}

/**
 * The trigger's body, exported so a test can deliver the same event twice.
 * Only case fields are written back, and only on creation events, so the
 * update cannot trigger this function again.
 */
export async function handleOfflineMessage(offlineMessageId: string, data: Partial<OfflineMessageDoc> | undefined) {
  if (!data || !isText(data.projectId) || !isText(data.userId) || !isText(data.text)) {
    logger.error('Offline message without project, user or text; no case created', { offlineMessageId });
    await recordOutcome(offlineMessageId, {
      caseError: 'This message is incomplete (project, user or text missing), so no case was created.',
    });
    return;
  }
  let outcome: OfflineOutcome;
  try {
    const created = await createCase({
      source: { circumstance: 'offline', text: data.text },
      sourceId: offlineMessageId,
      projectId: data.projectId,
      requester: { id: data.userId, name: data.userName ?? '' },
      createdBy: SYSTEM_CREATOR,
      createdByName: SYSTEM_CREATOR_NAME,
      // The rules give an offline message its conversation's id.
      conversationId: offlineMessageId,
    });
    outcome = { caseId: created.caseId, caseNumber: created.number, caseError: null };
    await postOfflineReceipt(offlineMessageId, data.userId, created.number);
  } catch (error) {
    // Anything but a refusal is transient (contention, outage): rethrow so the event is retried.
    if (!(error instanceof CaseRefusedError)) throw error;
    logger.warn('Offline message kept without a case', { offlineMessageId, reason: error.message });
    outcome = { caseError: error.message };
  }
  await recordOutcome(offlineMessageId, outcome);
}

export const onOfflineMessageCreated = onDocumentCreated(
  { document: `${COLLECTIONS.offlineMessages}/{offlineMessageId}`, retry: true },
  (event) =>
    handleOfflineMessage(event.params.offlineMessageId, event.data?.data() as Partial<OfflineMessageDoc> | undefined),
);
