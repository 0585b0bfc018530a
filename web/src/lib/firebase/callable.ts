// A callable function by name, typed by its caller. The Functions SDK is imported
// on first call, so pages that never call one do not load it.
import type { HttpsCallable } from 'firebase/functions';
import { cloudFunctions } from './app';

export async function callable<Request, Result>(name: string): Promise<HttpsCallable<Request, Result>> {
  const [{ httpsCallable }, functions] = await Promise.all([import('firebase/functions'), cloudFunctions()]);
  return httpsCallable<Request, Result>(functions, name);
}
