// A pure single-page app: no server rendering, no prerendering. Firebase is
// connected here, once, before any page renders, so pages can use it synchronously.
import { connectFirebase } from '$lib/firebase/app';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async () => {
  try {
    await connectFirebase();
    return { firebaseProblem: null };
  } catch (error) {
    // Shown by the layout rather than thrown: the root layout has no error page above it.
    return { firebaseProblem: error instanceof Error ? error.message : String(error) };
  }
};
