// Who may transfer a conversation to Level 2, and to whom. Pure, so every
// refusal is unit-tested; transferToLevel2.ts applies it inside a transaction.
import { z } from 'zod';
import { TRANSFER_NOTE_MAX, type TransferRequest } from '../shared/callables';
import type { ConversationDoc } from '../shared/model';
import { ESCALATION_LEVEL, mayTransferUp } from '../shared/levels';
import { isAvailable } from '../shared/availability';
import { pickSpecialist, type Candidate } from '../routing/pickSpecialist';

export const transferSchema: z.ZodType<TransferRequest> = z.strictObject({
  conversationId: z.string().min(1).max(128),
  toSpecialistId: z.string().min(1).max(128).optional(),
  note: z.string().max(TRANSFER_NOTE_MAX),
});
export type TransferInput = TransferRequest;

export interface Refusal {
  code: 'not-found' | 'permission-denied' | 'failed-precondition';
  message: string;
}

export type TransferView = Pick<ConversationDoc, 'status' | 'level' | 'specialistId' | 'engagements'>;

/** Why `callerUid` may not transfer this conversation now, or null. */
export function transferRefusal(conversation: TransferView | undefined, callerUid: string): Refusal | null {
  if (!conversation) return { code: 'not-found', message: 'This conversation does not exist.' };
  if (conversation.specialistId !== callerUid) {
    // The loser of two simultaneous transfers is told what happened, not that it never had the right.
    const alreadyTransferredByCaller = (conversation.engagements ?? []).some(
      (e) => e.specialistId === callerUid && e.outcome === 'transferred',
    );
    return alreadyTransferredByCaller
      ? { code: 'failed-precondition', message: 'This conversation has already been transferred to Level 2.' }
      : { code: 'permission-denied', message: 'Only the specialist serving this conversation may transfer it.' };
  }
  if (conversation.status !== 'assigned') {
    return {
      code: 'failed-precondition',
      message: `This conversation is ${conversation.status}; only a conversation being served can be transferred.`,
    };
  }
  if (!mayTransferUp(conversation.level)) {
    return { code: 'failed-precondition', message: 'This conversation is already at Level 2.' };
  }
  return null;
}

export interface TargetRequest {
  toSpecialistId?: string | undefined;
  projectName: string;
  maxConversations: number;
  nowMs: number;
}

/** The Level 2 specialist to receive the conversation, or why there is none. */
export function chooseTransferTarget(
  level2: readonly Candidate[],
  request: TargetRequest,
): { target: Candidate } | { refusal: Refusal } {
  const { toSpecialistId, projectName, maxConversations, nowMs } = request;
  if (toSpecialistId !== undefined) {
    const chosen = level2.find((c) => c.uid === toSpecialistId && c.level === ESCALATION_LEVEL);
    if (!chosen) {
      const message = `The chosen colleague is not a Level 2 specialist of ${projectName}.`;
      return { refusal: { code: 'failed-precondition', message } };
    }
    if (!isAvailable(chosen.presence, chosen.activeCount, maxConversations, nowMs)) {
      const message =
        `${chosen.displayName} is not available right now (away, offline or at capacity); ` +
        'choose someone else or let the desk pick.';
      return { refusal: { code: 'failed-precondition', message } };
    }
    return { target: chosen };
  }
  const picked = pickSpecialist(level2, { level: ESCALATION_LEVEL, maxConversations, nowMs });
  return picked
    ? { target: picked }
    : {
        refusal: {
          code: 'failed-precondition',
          message: `No Level 2 specialist is available in ${projectName} right now`,
        },
      };
}
