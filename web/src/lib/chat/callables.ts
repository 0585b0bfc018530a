// The chat's callable functions, typed as functions/src/transfer and cases define them.
// The Functions SDK is imported on first call, so pages that never call one do not load it.
import type { HttpsCallable } from 'firebase/functions';
import { CALLABLES } from '$shared/catalogue';
import { cloudFunctions } from '$lib/firebase/app';

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

async function callable<Request, Result>(name: string): Promise<HttpsCallable<Request, Result>> {
  const [{ httpsCallable }, functions] = await Promise.all([import('firebase/functions'), cloudFunctions()]);
  return httpsCallable<Request, Result>(functions, name);
}

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
