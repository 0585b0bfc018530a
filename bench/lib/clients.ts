// Client SDK instances as the web app makes them, one Firebase app per person
// (its own auth and Firestore connection), and the Admin SDK for seeding.
// A ClientPool owns what it made and deletes it all at once.
import { randomUUID } from 'node:crypto';
import { deleteApp as deleteAdminApp, initializeApp as initAdmin, type App } from 'firebase-admin/app';
import { getAuth as adminAuth } from 'firebase-admin/auth';
import { getFirestore as adminFirestore, type Firestore as AdminFirestore } from 'firebase-admin/firestore';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, type Functions } from 'firebase/functions';
import { FUNCTIONS_REGION, type Role } from '$shared/catalogue';
import { APP_PROJECT, emulator } from './emulators';

const PASSWORD = 'bench-password';

export interface Account {
  uid: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface Client {
  account: Account;
  db: Firestore;
  functions: Functions;
}

export interface Admin {
  app: App;
  db: AdminFirestore;
}

export function adminFor(projectId: string): Admin {
  const app = initAdmin({ projectId }, `bench-admin-${projectId}-${randomUUID().slice(0, 6)}`);
  return { app, db: adminFirestore(app) };
}

export const closeAdmin = (admin: Admin) => deleteAdminApp(admin.app);

/** An Auth account with its role claim and users/{uid} document, as setRole leaves it. */
export async function createAccount(admin: Admin, role: Role, label: string): Promise<Account> {
  const id = randomUUID().slice(0, 8);
  const account: Account = {
    uid: `${role}-${id}`,
    email: `${label}-${id}@bench.example`,
    displayName: `${label} ${id}`,
    role,
  };
  await adminAuth(admin.app).createUser({
    uid: account.uid,
    email: account.email,
    displayName: account.displayName,
    password: PASSWORD,
  });
  await adminAuth(admin.app).setCustomUserClaims(account.uid, { role });
  await admin.db.doc(`users/${account.uid}`).set({ displayName: account.displayName, email: account.email, role });
  return account;
}

export class ClientPool {
  #apps: FirebaseApp[] = [];

  #app(projectId: string): FirebaseApp {
    const app = initializeApp({ apiKey: 'demo-key', projectId }, `bench-${randomUUID()}`);
    this.#apps.push(app);
    return app;
  }

  #firestore(app: FirebaseApp, mockUserToken?: { sub: string; role: Role }): Firestore {
    const db = getFirestore(app);
    const { host, port } = emulator('firestore');
    connectFirestoreEmulator(db, host, port, mockUserToken ? { mockUserToken } : {});
    return db;
  }

  /** Signed in through the Auth emulator, as a person signs in to the web app. */
  async signedIn(account: Account): Promise<Client> {
    const app = this.#app(APP_PROJECT);
    const auth = getAuth(app);
    connectAuthEmulator(auth, emulator('auth').url, { disableWarnings: true });
    const db = this.#firestore(app);
    const functions = getFunctions(app, FUNCTIONS_REGION);
    connectFunctionsEmulator(functions, emulator('functions').host, emulator('functions').port);
    await signInWithEmailAndPassword(auth, account.email, PASSWORD);
    return { account, db, functions };
  }

  /** No sign-in: the raw baseline's open rules ask for none. */
  anonymous(projectId: string): Firestore {
    return this.#firestore(this.#app(projectId));
  }

  /**
   * The Firestore emulator's unsigned token with the uid and role claim the Auth
   * emulator would give, for a project without accounts (its functions are never called).
   */
  asRole(projectId: string, account: Account): Client {
    const app = this.#app(projectId);
    const db = this.#firestore(app, { sub: account.uid, role: account.role });
    return { account, db, functions: getFunctions(app, FUNCTIONS_REGION) };
  }

  async dispose(): Promise<void> {
    const apps = this.#apps.splice(0);
    await Promise.allSettled(apps.map((app) => deleteApp(app)));
  }
}

/** Runs `work` over `items` with at most `limit` in flight, results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}
