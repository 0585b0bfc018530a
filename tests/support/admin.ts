// Admin SDK and signed-in client SDK instances for integration tests, each test
// file with its own named apps so nothing leaks between files.
import { randomUUID } from 'node:crypto';
import { deleteApp as deleteAdminApp, initializeApp as initAdmin, type App } from 'firebase-admin/app';
import { getAuth as adminAuth } from 'firebase-admin/auth';
import { getFirestore as adminFirestore } from 'firebase-admin/firestore';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import type { Role } from '$shared/catalogue';
import { FUNCTIONS_REGION } from '$shared/catalogue';
import { emulator, PROJECT_ID } from './emulators';

const PASSWORD = 'test-password';

export function adminApp(): App {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('Integration tests need the emulators: run them through `npm test`.');
  }
  return initAdmin({ projectId: PROJECT_ID }, `admin-${randomUUID()}`);
}

export interface TestAccount {
  uid: string;
  email: string;
  displayName: string;
  role: Role;
}

/** Creates an Auth account with a role claim and its users/{uid} document. */
export async function createAccount(app: App, role: Role, name = role): Promise<TestAccount> {
  const id = randomUUID().slice(0, 8);
  const account = { uid: `${role}-${id}`, email: `${name}-${id}@test.example`, displayName: `${name} ${id}`, role };
  await adminAuth(app).createUser({ ...account, password: PASSWORD });
  await adminAuth(app).setCustomUserClaims(account.uid, { role });
  await adminFirestore(app)
    .doc(`users/${account.uid}`)
    .set({ displayName: account.displayName, email: account.email, role });
  return account;
}

const clients: FirebaseApp[] = [];

/** A client SDK app signed in as `account`, wired to the emulators. */
export async function signedInClient(account: TestAccount) {
  const app = initializeApp({ apiKey: 'demo-key', projectId: PROJECT_ID }, `client-${randomUUID()}`);
  clients.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, emulator('auth').url, { disableWarnings: true });
  const db = getFirestore(app);
  connectFirestoreEmulator(db, emulator('firestore').host, emulator('firestore').port);
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, emulator('functions').host, emulator('functions').port);
  await signInWithEmailAndPassword(auth, account.email, PASSWORD);
  return { app, auth, db, functions };
}

export async function cleanupApps(admin: App) {
  await Promise.all(clients.splice(0).map((c) => deleteApp(c)));
  await deleteAdminApp(admin);
}
