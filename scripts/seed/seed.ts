// Writes the demo roster into the running Auth and Firestore emulators.
// `npm run seed` runs it inside `emulators:exec` and exports the result to
// `emulator-data/`; run alone: `npx tsx scripts/seed/seed.ts` with the emulators up.
import { pathToFileURL } from 'node:url';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { FieldValue, getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { paths } from '../../functions/src/shared/catalogue';
import type { ProjectDoc } from '../../functions/src/shared/model';
import { seedDocuments, type SeedDocument } from './documents';
import { DEMO_PROJECT_ID, emulatorTarget, type EmulatorTarget } from './guard';
import { generateHistory, type History } from './history';
import { historyStatsDocuments } from './historyStats';
import { ACCOUNTS, CHAT_SETTINGS, DEMO_PASSWORD, type Account } from './roster';

export { DEMO_LOGINS, type DemoLogin } from './roster';

export interface SeedSummary extends EmulatorTarget {
  accounts: number;
  documents: number;
  /** Demo conversations, ratings and cases of the last two weeks, and the statistics documents they make. */
  history: { conversations: number; messages: number; ratings: number; cases: number; statistics: number };
}

const DAY_MS = 86_400_000;

export async function seed(options: { projectId?: string } = {}): Promise<SeedSummary> {
  const target = emulatorTarget(options.projectId ?? process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID, process.env);
  // A named app of our own: importing this module initialises nothing, and
  // deleting it at the end cannot pull the default app from under a caller.
  const app = initializeApp({ projectId: target.projectId }, `helpdesk-seed-${Date.now()}`);
  try {
    const auth = getAuth(app);
    for (const account of ACCOUNTS) await upsertAccount(auth, account);
    const at = Timestamp.now();
    const documents = seedDocuments(at);
    const db = getFirestore(app);
    await writeDocuments(db, documents);
    const history = generateHistory({
      reference: Math.floor(at.toMillis() / DAY_MS) * DAY_MS,
      stamp: (millis) => Timestamp.fromMillis(millis),
    });
    const statistics = historyStatsDocuments(history, CHAT_SETTINGS.general.firstResponseTargetSeconds, at);
    await writeHistory(db, history, statistics);
    return {
      ...target,
      accounts: ACCOUNTS.length,
      documents: documents.length,
      history: {
        conversations: history.conversations.length,
        messages: history.conversations.reduce((n, c) => n + c.messages.length, 0),
        ratings: history.ratings.length,
        cases: history.cases.length,
        statistics: statistics.length,
      },
    };
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

/**
 * The history is far over one batch's 500 writes, so it goes in chunks; `npm run
 * seed` drops the whole export if any chunk fails. Statistics are overwritten,
 * not incremented: they are the recompute of exactly these sources (re-seeding
 * a desk with live chats of its own leaves their statistics to backfill-stats).
 */
async function writeHistory(
  db: Firestore,
  history: History,
  statistics: ReadonlyArray<{ path: string; data: object }>,
) {
  const writes: Array<{ path: string; data: object }> = [
    ...history.cases.flatMap(({ id, data, created }) => [
      { path: paths.case(id), data },
      { path: paths.caseHistory(id, 0), data: created },
    ]),
    ...history.conversations.flatMap(({ id, data, messages }) => [
      { path: paths.conversation(id), data },
      ...messages.map((m) => ({ path: paths.message(id, m.id), data: m.data })),
    ]),
    ...history.ratings.map(({ id, data }) => ({ path: paths.rating(id), data })),
    ...statistics,
  ];
  for (let i = 0; i < writes.length; i += 500) {
    const batch = db.batch();
    for (const { path, data } of writes.slice(i, i + 500)) batch.set(db.doc(path), data);
    await batch.commit();
  }
  // The history's cases hold numbers 1..n; a desk that already counted further keeps its counter.
  for (const [projectId, last] of Object.entries(history.lastCaseNumbers)) {
    const ref = db.doc(paths.project(projectId));
    await db.runTransaction(async (tx) => {
      const current = ((await tx.get(ref)).data() as Partial<ProjectDoc> | undefined)?.lastCaseNumber ?? 0;
      if (last > current) tx.update(ref, { lastCaseNumber: last });
    });
  }
}

const runDirectly = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (runDirectly) {
  seed().then(
    (s) =>
      console.log(
        `Seeded ${s.projectId}: ${s.accounts} accounts (auth ${s.authHost}), ` +
          `${s.documents} documents (firestore ${s.firestoreHost}); history: ${s.history.conversations} conversations, ` +
          `${s.history.messages} messages, ${s.history.ratings} ratings, ${s.history.cases} cases, ` +
          `${s.history.statistics} statistics documents.`,
      ),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
