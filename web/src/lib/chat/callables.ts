// The chat's callable functions, typed by $shared/callables as the functions are.
import { CALLABLES } from '$shared/catalogue';
import type { ConvertRequest, ConvertResult, TransferRequest, TransferResult } from '$shared/callables';
import { callable } from '$lib/firebase/callable';

export async function transferToLevel2(request: TransferRequest): Promise<TransferResult> {
  const call = await callable<TransferRequest, TransferResult>(CALLABLES.transferToLevel2);
  return (await call(request)).data;
}

export async function convertToCase(conversationId: string): Promise<ConvertResult> {
  const call = await callable<ConvertRequest, ConvertResult>(CALLABLES.convertToCase);
  return (await call({ conversationId })).data;
}
