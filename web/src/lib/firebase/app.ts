// The one Firebase app of this page. The root layout awaits connectFirebase()
// before rendering, so everything below it may call firebase() synchronously.
import { initializeApp, type FirebaseApp } from 'firebase/app';
import {
  browserLocalPersistence,
  browserSessionPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  type Auth,
} from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import type { Functions } from 'firebase/functions';
import type { Database } from 'firebase/database';
import { FUNCTIONS_REGION } from '$shared/catalogue';
import { loadRuntimeConfig, type RuntimeConfig } from './config';

export interface FirebaseHandles {
  app: FirebaseApp;
  auth: Auth;
  db: Firestore;
}

let connecting: Promise<FirebaseHandles> | undefined;
let handles: FirebaseHandles | undefined;
let runtime: RuntimeConfig | undefined;

function connect(config: RuntimeConfig): FirebaseHandles {
  const app = initializeApp(config.options);
  // getAuth's browser persistence, in its order, without its popup/redirect resolver:
  // people sign in with email and password only, so that code need not ship.
  const auth = initializeAuth(app, {
    persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence],
  });
  const db = getFirestore(app);
  const emulators = config.emulators;
  if (emulators) {
    connectAuthEmulator(auth, `http://${emulators.auth.host}:${emulators.auth.port}`, { disableWarnings: true });
    connectFirestoreEmulator(db, emulators.firestore.host, emulators.firestore.port);
  }
  return { app, auth, db };
}

/** Initialises Firebase once; later calls share the same promise. A failure may be retried. */
export function connectFirebase(): Promise<FirebaseHandles> {
  connecting ??= loadRuntimeConfig().then(
    (config) => {
      runtime = config;
      handles = connect(config);
      return handles;
    },
    (error: unknown) => {
      connecting = undefined;
      throw error;
    },
  );
  return connecting;
}

/** The connected SDKs. Throws if used before the root layout's connectFirebase() settled. */
export function firebase(): FirebaseHandles {
  if (!handles) throw new Error('Firebase is not connected yet; the root layout must await connectFirebase() first.');
  return handles;
}

/**
 * An SDK loaded on first use and shared after. A failed load (the chunk could
 * not download, e.g. offline) is forgotten, so the next call tries again.
 */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

/** The Realtime Database, loaded on first use so pages without presence do not ship its SDK. */
export const realtimeDatabase = onFirstUse(async (): Promise<Database> => {
  const { app } = firebase();
  const { getDatabase, connectDatabaseEmulator } = await import('firebase/database');
  const rtdb = getDatabase(app);
  const emulator = runtime?.emulators?.database;
  if (emulator) connectDatabaseEmulator(rtdb, emulator.host, emulator.port);
  return rtdb;
});

/** Cloud Functions, loaded on first use: only specialists' transfer and case conversion call them. */
export const cloudFunctions = onFirstUse(async (): Promise<Functions> => {
  const { app } = firebase();
  const { getFunctions, connectFunctionsEmulator } = await import('firebase/functions');
  const instance = getFunctions(app, FUNCTIONS_REGION);
  const emulator = runtime?.emulators?.functions;
  if (emulator) connectFunctionsEmulator(instance, emulator.host, emulator.port);
  return instance;
});

/** True when this page talks to the emulators (where no mail ever goes out). */
export const usingEmulators = (): boolean => runtime?.emulators != null;
