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
  /** Conversations already in the project's Level 2 line: a transfer does not jump ahead of them. */
  waitingAtLevel2: number;
  projectName: string;
  maxConversations: number;
  nowMs: number;
}

/**
 * Where the conversation goes: the chosen or least busy available Level 2
 * specialist; else the project's Level 2 line, where the first of them to be
 * free takes it; or why neither (a chosen colleague who cannot take it now, or
 * a project with nobody at Level 2 to ever serve the line).
 */
export function chooseTransferTarget(
  level2: readonly Candidate[],
  request: TargetRequest,
): { target: Candidate } | { waitInLine: true } | { refusal: Refusal } {
  const { toSpecialistId, projectName, maxConversations, nowMs, waitingAtLevel2 } = request;
  // A colleague chosen by name takes it directly (they agreed to); otherwise first come, first served.
  if (toSpecialistId !== undefined) {
    const chosen = level2.find((c) => c.uid === toSpecialistId && c.level === ESCALATION_LEVEL);
    if (!chosen) {
      const message = `The chosen colleague is not a Level 2 specialist of ${projectName}.`;
      return { refusal: { code: 'failed-precondition', message } };
    }
    if (!isAvailable(chosen.presence, chosen.activeCount, maxConversations, nowMs)) {
      const message =
        `${chosen.displayName} is not available right now (away, offline or at capacity); ` +
        'choose someone else or let the desk pick (it waits in the Level 2 line if nobody is free).';
      return { refusal: { code: 'failed-precondition', message } };
    }
    return { target: chosen };
  }
  const hasLevel2 = level2.some((c) => c.level === ESCALATION_LEVEL);
  if (hasLevel2 && waitingAtLevel2 > 0) return { waitInLine: true };
  const picked = pickSpecialist(level2, { level: ESCALATION_LEVEL, maxConversations, nowMs });
  if (picked) return { target: picked };
  if (hasLevel2) return { waitInLine: true };
  return {
    refusal: {
      code: 'failed-precondition',
      message: `${projectName} has no Level 2 specialist, so nobody could take the transfer; an admin can associate one.`,
    },
  };
}
