// The chat's callable functions, typed as functions/src/transfer and cases define them.
import { CALLABLES } from '$shared/catalogue';
import { callable } from '$lib/firebase/callable';

export interface TransferRequest {
  conversationId: string;
  /** Omitted: the least busy available Level 2 specialist of the project. */
  toSpecialistId?: string;
  /** Internal note for the Level 2 specialist (may be empty). */
  note: string;
}

export interface TransferResult {
  specialistId: string;
  specialistName: string;
}

/** Keep in step with TRANSFER_NOTE_MAX in functions/src/transfer/transferRules.ts. */
export const TRANSFER_NOTE_MAX = 2000;

export async function transferToLevel2(request: TransferRequest): Promise<TransferResult> {
  const call = await callable<TransferRequest, TransferResult>(CALLABLES.transferToLevel2);
  return (await call(request)).data;
}

export interface ConvertResult {
  caseId: string;
  caseNumber: number;
}

export async function convertToCase(conversationId: string): Promise<ConvertResult> {
  const call = await callable<{ conversationId: string }, ConvertResult>(CALLABLES.convertToCase);
  return (await call({ conversationId })).data;
}
