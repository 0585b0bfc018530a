// Who may turn a conversation into a case, and what the conversion changes.
// Pure: convertToCase loads the conversation, asks here, then writes.
import { z } from 'zod';
import type { ConvertRequest } from '../shared/callables';
import type { ConversationDoc } from '../shared/model';

export const convertToCaseSchema: z.ZodType<ConvertRequest> = z.strictObject({
  conversationId: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[^/]+$/, 'must be a document id, without /'),
});
export type ConvertToCaseInput = ConvertRequest;

/** Posted into the conversation once the case exists; `{caseNumber}` is filled in. */
export const CONVERTED_TO_CASE_MESSAGE = 'This conversation has been converted into case #{caseNumber}.';

export type ConversionDecision =
  | { action: 'convert' }
  | { action: 'existing'; caseId: string; caseNumber: number }
  | { action: 'refuse'; code: 'permission-denied' | 'failed-precondition'; message: string };

export function conversionDecision(
  conversation: Pick<ConversationDoc, 'specialistId' | 'status' | 'caseId' | 'caseNumber'>,
  callerUid: string,
): ConversionDecision {
  if (conversation.specialistId !== callerUid) {
    return {
      action: 'refuse',
      code: 'permission-denied',
      message: 'Only the specialist assigned to this conversation can convert it into a case.',
    };
  }
  // Checked before the status so a repeated request after closing still gets its answer.
  if (conversation.caseId && typeof conversation.caseNumber === 'number') {
    return { action: 'existing', caseId: conversation.caseId, caseNumber: conversation.caseNumber };
  }
  if (conversation.status !== 'assigned') {
    return {
      action: 'refuse',
      code: 'failed-precondition',
      message: `This conversation is ${conversation.status}; only an open conversation can be converted into a case.`,
    };
  }
  return { action: 'convert' };
}
