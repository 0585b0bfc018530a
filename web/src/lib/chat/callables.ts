// The chat's callable functions, typed by $shared/callables as the functions are.
// The Functions SDK is imported on first call, so pages that never call one do not load it.
import type { HttpsCallable } from 'firebase/functions';
import { CALLABLES } from '$shared/catalogue';
import type { ConvertRequest, ConvertResult, TransferRequest, TransferResult } from '$shared/callables';
import { cloudFunctions } from '$lib/firebase/app';


async function callable<Request, Result>(name: string): Promise<HttpsCallable<Request, Result>> {
  const [{ httpsCallable }, functions] = await Promise.all([import('firebase/functions'), cloudFunctions()]);
  return httpsCallable<Request, Result>(functions, name);
}

export async function transferToLevel2(request: TransferRequest): Promise<TransferResult> {
  const call = await callable<TransferRequest, TransferResult>(CALLABLES.transferToLevel2);
  return (await call(request)).data;
}

export async function convertToCase(conversationId: string): Promise<ConvertResult> {
  const call = await callable<ConvertRequest, ConvertResult>(CALLABLES.convertToCase);
  return (await call({ conversationId })).data;
}
