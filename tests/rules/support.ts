// Personas, the base world and the harness every rules spec shares. Each spec file
// runs against its own `demo-rules-<name>` project so files run in parallel on one
// emulator without seeing each other's documents.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import firebase from 'firebase/compat/app';
import { paths } from '$shared/catalogue';
import { ROOT } from '../support/emulators';
import {
  CONVERSATION,
  EVERYONE,
  P,
  PERSONAS,
  baseWorld,
  claimedUid,
  newConversation,
  newOfflineMessage,
  serverTime,
  uidOf,
  type Persona,
  type SignedInPersona,
} from './fixtures';

// Every denied write is expected here; the SDK's warning for each one is noise.
firebase.setLogLevel('silent');

export type Db = firebase.firestore.Firestore;
export type Data = firebase.firestore.DocumentData;

function emulatorHost(): { host: string; port: number } {
  const value = process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080';
  const colon = value.lastIndexOf(':');
  return { host: value.slice(0, colon), port: Number(value.slice(colon + 1)) };
}

export interface RulesHarness {
  readonly projectId: string;
  /** A Firestore client signed in as `persona` (rules enforced). */
  as(persona: Persona): Db;
  /** A client whose ID token carries exactly these claims, e.g. a stale role. */
  withToken(uid: string, claims: Record<string, unknown>): Db;
  /** Writes documents with rules disabled: path -> data. */
  seed(docs: Record<string, Data>): Promise<void>;
  /** Deletes a document with rules disabled. */
  remove(path: string): Promise<void>;
  /** Reads a document with rules disabled, to check what a denied write left behind. */
  peek(path: string): Promise<Data | undefined>;
  /** Clears the project and seeds the base world; call in beforeEach. */
  reset(): Promise<void>;
  /** Saves the rule coverage report and releases the clients; call in afterAll. */
  finish(): Promise<void>;
}

export async function rulesHarness(name: string): Promise<RulesHarness> {
  const projectId = `demo-rules-${name}`;
  const { host, port } = emulatorHost();
  const env: RulesTestEnvironment = await initializeTestEnvironment({
    projectId,
    firestore: { host, port, rules: readFileSync(join(ROOT, 'firestore.rules'), 'utf8') },
  });

  const as = (persona: Persona): Db => {
    if (persona === 'signedOut') return env.unauthenticatedContext().firestore();
    const { uid, role, name: displayName } = PERSONAS[persona];
    return env.authenticatedContext(uid, { role, name: displayName }).firestore();
  };

  const seed = (docs: Record<string, Data>) =>
    env.withSecurityRulesDisabled(async (context) => {
      const db = context.firestore();
      await Promise.all(Object.entries(docs).map(([path, data]) => db.doc(path).set(data)));
    });

  const remove = (path: string) =>
    env.withSecurityRulesDisabled(async (context) => {
      await context.firestore().doc(path).delete();
    });

  const peek = async (path: string) => {
    let data: Data | undefined;
    await env.withSecurityRulesDisabled(async (context) => {
      data = (await context.firestore().doc(path).get()).data();
    });
    return data;
  };

  const withToken = (uid: string, claims: Record<string, unknown>): Db =>
    env.authenticatedContext(uid, claims).firestore();

  return {
    projectId,
    as,
    withToken,
    seed,
    remove,
    peek,
    async reset() {
      await env.clearFirestore();
      await seed(baseWorld());
    },
    async finish() {
      const url = `http://${host}:${port}/emulator/v1/projects/${projectId}:ruleCoverage.html`;
      const response = await fetch(url);
      if (response.ok) {
        const folder = join(ROOT, 'tests', '.reports', 'rules-coverage');
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, `${projectId}.html`), await response.text());
      }
      await env.cleanup();
    },
  };
}

type Attempt = (db: Db, persona: Persona) => Promise<unknown>;

async function expectVerdict(harness: RulesHarness, persona: Persona, allowed: boolean, attempt: Attempt) {
  try {
    if (allowed) await assertSucceeds(attempt(harness.as(persona), persona));
    else await assertFails(attempt(harness.as(persona), persona));
  } catch (error) {
    throw new Error(`${persona} should be ${allowed ? 'allowed' : 'denied'}: ${(error as Error).message}`);
  }
}

/**
 * The matrix for one attempt: every persona in `allowed` succeeds, every other
 * persona fails. Denied personas go first, so an allowed write cannot change
 * what a denied one meets. The persona's name is in the error, so a red row says who.
 */
export async function onlyAllows(harness: RulesHarness, allowed: readonly Persona[], attempt: Attempt): Promise<void> {
  for (const persona of EVERYONE.filter((p) => !allowed.includes(p))) {
    await expectVerdict(harness, persona, false, attempt);
  }
  for (const persona of allowed) await expectVerdict(harness, persona, true, attempt);
}

/** Every persona in `personas` fails the attempt. */
export async function deniesAll(harness: RulesHarness, personas: readonly Persona[], attempt: Attempt): Promise<void> {
  for (const persona of personas) await expectVerdict(harness, persona, false, attempt);
}

/** A chat slot taking `conversationId`, as the app writes it. */
export function newProjectChat(conversationId: string, overrides: Data = {}): Data {
  return { conversationId, startedAt: serverTime(), offlineMessageAt: null, ...overrides };
}

/**
 * What the app does to start a chat: take the user's chat slot and create the
 * conversation in one batch (the rules require both or neither).
 */
export function startChat(
  db: Db,
  persona: Persona,
  conversationId: string,
  overrides: Data = {},
  projectId = P,
  slotPath = paths.projectChat(claimedUid(persona), projectId),
  slotOverrides: Data = {},
): Promise<void> {
  const batch = db.batch();
  const userName = persona === 'signedOut' ? 'Nobody' : PERSONAS[persona].name;
  batch.set(db.doc(slotPath), newProjectChat(conversationId, slotOverrides));
  batch.set(
    db.doc(paths.conversation(conversationId)),
    newConversation({ projectId, userId: claimedUid(persona), userName, ...overrides }),
  );
  return batch.commit();
}

/**
 * What the app does to leave an offline message: the message (its id is the
 * conversation's) and the stamp on the user's chat slot, in one batch.
 */
export function leaveOfflineMessage(
  db: Db,
  persona: SignedInPersona,
  overrides: Data = {},
  conversationId = CONVERSATION,
  projectId = P,
): Promise<void> {
  const batch = db.batch();
  batch.set(
    db.doc(paths.offlineMessage(conversationId)),
    newOfflineMessage({ userId: uidOf(persona), userName: PERSONAS[persona].name, projectId, ...overrides }),
  );
  batch.update(db.doc(paths.projectChat(uidOf(persona), projectId)), { offlineMessageAt: serverTime() });
  return batch.commit();
}

export { assertFails, assertSucceeds, paths };
export * from './fixtures';
