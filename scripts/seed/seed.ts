// Writes the demo roster into the running Auth and Firestore emulators.
// `npm run seed` runs it inside `emulators:exec` and exports the result to
// `emulator-data/`; run alone: `npx tsx scripts/seed/seed.ts` with the emulators up.
import { pathToFileURL } from 'node:url';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { FieldValue, getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { seedDocuments, type SeedDocument } from './documents';
import { DEMO_PROJECT_ID, emulatorTarget, type EmulatorTarget } from './guard';
import { ACCOUNTS, DEMO_PASSWORD, type Account } from './roster';

export { DEMO_LOGINS, type DemoLogin } from './roster';

export interface SeedSummary extends EmulatorTarget {
  accounts: number;
  documents: number;
}

export async function seed(options: { projectId?: string } = {}): Promise<SeedSummary> {
  const target = emulatorTarget(options.projectId ?? process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID, process.env);
  // A named app of our own: importing this module initialises nothing, and
  // deleting it at the end cannot pull the default app from under a caller.
  const app = initializeApp({ projectId: target.projectId }, `helpdesk-seed-${Date.now()}`);
  try {
    const auth = getAuth(app);
    for (const account of ACCOUNTS) await upsertAccount(auth, account);
    const documents = seedDocuments(Timestamp.now());
    await writeDocuments(getFirestore(app), documents);
    return { ...target, accounts: ACCOUNTS.length, documents: documents.length };
  } finally {
    await deleteApp(app);
  }
}

/** Creates the account, or brings an existing one back to the roster, so re-seeding is safe. */
async function upsertAccount(auth: Auth, account: Account): Promise<void> {
  const profile = {
    email: account.email,
    password: DEMO_PASSWORD,
    displayName: account.displayName,
    emailVerified: true,
  };
  try {
    await auth.updateUser(account.uid, profile);
  } catch (error) {
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    await auth.createUser({ uid: account.uid, ...profile });
  }
  await auth.setCustomUserClaims(account.uid, { role: account.role });
}

async function writeDocuments(db: Firestore, documents: SeedDocument[]): Promise<void> {
  const batch = db.batch();
  for (const doc of documents) {
    const ref = db.doc(doc.path);
    if (doc.kind === 'project') {
      // Re-seeding a desk that already opened cases must not restart their
      // numbering: increment(0) creates the counter at 0 and leaves a live one as is.
      batch.set(ref, { ...doc.data, lastCaseNumber: FieldValue.increment(0) }, { merge: true });
    } else {
      batch.set(ref, doc.data);
    }
  }
  // The demo is far below a batch's 500 writes; one commit keeps the seed all-or-nothing.
  await batch.commit();
}

const runDirectly = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (runDirectly) {
  seed().then(
    (s) =>
      console.log(
        `Seeded ${s.projectId}: ${s.accounts} accounts (auth ${s.authHost}), ` +
          `${s.documents} documents (firestore ${s.firestoreHost}).`,
      ),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
