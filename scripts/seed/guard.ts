// The seed writes with Admin SDK privileges, so it must prove it is talking to
// the local emulators before it touches anything.
export const DEMO_PROJECT_ID = 'demo-helpdesk';

export interface EmulatorTarget {
  projectId: string;
  firestoreHost: string;
  authHost: string;
}

/** Where the seed may write, or an error saying why it must not run at all. */
export function emulatorTarget(projectId: string, env: Record<string, string | undefined>): EmulatorTarget {
  // A `demo-` project id has no real counterpart, so even a stray write cannot reach production.
  if (!projectId.startsWith('demo-')) {
    throw new Error(
      `Refusing to seed project "${projectId}": only demo- projects (the local emulators) may be seeded.`,
    );
  }
  const firestoreHost = env.FIRESTORE_EMULATOR_HOST;
  const authHost = env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!firestoreHost || !authHost) {
    const missing = [!firestoreHost && 'FIRESTORE_EMULATOR_HOST', !authHost && 'FIREBASE_AUTH_EMULATOR_HOST'];
    throw new Error(
      `Refusing to seed: ${missing.filter(Boolean).join(' and ')} not set. Run it inside the emulators, ` +
        'e.g. `npm run seed`, or `firebase emulators:exec --only auth,firestore "npx tsx scripts/seed/seed.ts"`.',
    );
  }
  return { projectId, firestoreHost, authHost };
}
