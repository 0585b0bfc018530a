// Where the bench talks to: the emulators `firebase emulators:exec` started
// (ports from firebase.json), on 127.0.0.1 only, and the three project ids of
// one run. Refuses to run outside emulators:exec so nothing can reach a real project.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The app: its rules, its functions. */
export const APP_PROJECT = 'demo-helpdesk';
/** The raw baseline: the same emulator, open rules, no functions (triggers register per project). */
export const RAW_PROJECT = 'demo-bench-raw';
/** The raw baseline with the authorization a chat message needs: its author is a participant (one get). */
export const AUTHED_PROJECT = 'demo-bench-authed';
/**
 * The app's rules without its functions: long histories and metric buckets are
 * seeded here, where 10,000 writes start no triggers.
 */
export const SEEDED_PROJECT = 'demo-bench-seeded';

type EmulatorName = 'auth' | 'firestore' | 'functions' | 'hub';

const config = JSON.parse(readFileSync(`${ROOT}/firebase.json`, 'utf8')) as {
  emulators: Record<string, { host: string; port: number }>;
};

export function emulator(name: EmulatorName) {
  const entry = config.emulators[name];
  if (!entry) throw new Error(`firebase.json declares no ${name} emulator`);
  if (entry.host !== '127.0.0.1' && entry.host !== 'localhost')
    throw new Error(`The ${name} emulator must listen on 127.0.0.1`);
  return { host: entry.host, port: entry.port, url: `http://${entry.host}:${entry.port}` };
}

export function requireEmulators(): void {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('The bench needs the emulators: run it with `npm run bench`, which starts them.');
  }
}

/** Loads security rules into one project of the Firestore emulator (its REST API, as rules-unit-testing does). */
export async function loadRules(projectId: string, rules: string): Promise<void> {
  const response = await fetch(`${emulator('firestore').url}/emulator/v1/projects/${projectId}:securityRules`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content: rules }] } }),
  });
  if (!response.ok)
    throw new Error(`Loading rules into ${projectId} failed: HTTP ${response.status} ${await response.text()}`);
}

/**
 * Pauses or resumes every background trigger (the emulator hub's REST API), to
 * tell the functions' share of the app's latency from the rules' and listeners'.
 * Resuming reloads the triggers, so the next writes may meet cold workers.
 */
export async function setBackgroundTriggers(enabled: boolean): Promise<void> {
  const path = enabled ? 'enableBackgroundTriggers' : 'disableBackgroundTriggers';
  const response = await fetch(`${emulator('hub').url}/functions/${path}`, { method: 'PUT' });
  if (!response.ok) throw new Error(`${path} failed: HTTP ${response.status} ${await response.text()}`);
}

export const OPEN_RULES = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /{document=**} {
      allow read, write: if true;
    }
  }
}
`;

export const appRules = () => readFileSync(`${ROOT}/firestore.rules`, 'utf8');

/**
 * The same-authorization baseline: bare message collections, but reading or
 * writing a message needs a signed-in participant of its conversation, checked
 * with one get() of the conversation, as a chat must at the very least.
 */
export const AUTHED_RULES = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /conversations/{conversationId}/messages/{messageId} {
      function participant() {
        let c = get(/databases/$(database)/documents/conversations/$(conversationId)).data;
        return request.auth != null && (c.userId == request.auth.uid || c.specialistId == request.auth.uid);
      }
      allow read: if participant();
      allow create: if participant() && request.resource.data.authorId == request.auth.uid;
    }
  }
}
`;
