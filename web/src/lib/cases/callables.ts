// The case callables, typed by $shared/callables as the function is.
import { CALLABLES } from '$shared/catalogue';
import type { UpdateCaseRequest, UpdateCaseResult } from '$shared/callables';
import { callable } from '$lib/firebase/callable';

export async function updateCase(request: UpdateCaseRequest): Promise<UpdateCaseResult> {
  const call = await callable<UpdateCaseRequest, UpdateCaseResult>(CALLABLES.updateCase);
  return (await call(request)).data;
}
