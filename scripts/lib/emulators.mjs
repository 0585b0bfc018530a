// Finds the emulators this machine can run without downloading anything, and
// builds the environment and `--only` list firebase-tools needs to run them.
// Used by `npm start`, `npm test` and `npm run bench` so they agree.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PROJECT_ID = 'demo-helpdesk';
const CACHE = join(ROOT, '.cache', 'emulators');
const FIRESTORE_MAIN = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const FIRESTORE_JAR_IN_SDK = 'platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const SDK_ROOTS = [
  '/usr/lib/google-cloud-sdk',
  '/usr/share/google-cloud-sdk',
  '/opt/google-cloud-sdk',
  join(homedir(), 'google-cloud-sdk'),
];
const FIREBASE_CACHE = join(homedir(), '.cache', 'firebase', 'emulators');

/** Ports, mirrored from firebase.json so scripts and tests need not parse it. */
export const PORTS = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')).emulators;

function gcloudSdkRoot() {
  try {
    return execFileSync('gcloud', ['info', '--format=value(installation.sdk_root)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 15000,
    }).trim();
  } catch {
    return '';
  }
}

/** The Firestore emulator jar: $FIRESTORE_EMULATOR_JAR, then the Google Cloud CLI locations. */
export function findFirestoreJar() {
  const fromEnv = process.env.FIRESTORE_EMULATOR_JAR;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIRESTORE_EMULATOR_JAR points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const root of SDK_ROOTS) {
    const jar = join(root, FIRESTORE_JAR_IN_SDK);
    if (existsSync(jar)) return jar;
  }
  const sdk = gcloudSdkRoot();
  if (sdk && existsSync(join(sdk, FIRESTORE_JAR_IN_SDK))) return join(sdk, FIRESTORE_JAR_IN_SDK);
  return null;
}

/**
 * The Cloud SDK jar has no Main-Class, while firebase-tools runs an override with
 * `java -jar`. A two-line-manifest launcher jar bridges the two.
 */
export function firestoreLauncher(jar) {
  mkdirSync(CACHE, { recursive: true });
  const launcher = join(CACHE, 'firestore-launcher.jar');
  const manifestPath = join(CACHE, 'firestore-launcher.mf');
  const manifest = `Main-Class: ${FIRESTORE_MAIN}\nClass-Path: ${pathToFileURL(jar).href}\n`;
  const current = existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : '';
  if (current !== manifest || !existsSync(launcher)) {
    writeFileSync(manifestPath, manifest);
    execFileSync('jar', ['cfm', launcher, manifestPath], { cwd: tmpdir(), stdio: 'inherit' });
  }
  return launcher;
}

/** The Realtime Database emulator, only if already on this machine (it cannot be downloaded here). */
export function findDatabaseEmulator() {
  const fromEnv = process.env.DATABASE_EMULATOR_BINARY_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (!existsSync(FIREBASE_CACHE)) return null;
  const jar = readdirSync(FIREBASE_CACHE).find((f) => /^firebase-database-emulator-v.*\.jar$/.test(f));
  return jar ? join(FIREBASE_CACHE, jar) : null;
}

/**
 * Everything a command needs to run the emulators: env for firebase-tools, the
 * `--only` list, which presence adapter the web app must use, and lines to print.
 */
export function emulatorPlan({ withHosting = true } = {}) {
  const env = { ...process.env };
  const notes = [];
  const jar = findFirestoreJar();
  if (jar) {
    env.FIRESTORE_EMULATOR_BINARY_PATH = firestoreLauncher(jar);
  } else {
    notes.push('No local Firestore emulator jar found; firebase-tools will download its own (needs internet).');
  }
  const only = ['auth', 'firestore', 'functions'];
  if (withHosting) only.push('hosting');
  const database = findDatabaseEmulator();
  let presence = 'heartbeat';
  if (database) {
    env.DATABASE_EMULATOR_BINARY_PATH = database;
    only.push('database');
    presence = 'rtdb';
  } else {
    notes.push(
      'Presence: heartbeat mode (no Realtime Database emulator on this machine). ' +
        'To use RTDB presence locally: npx firebase setup:emulators:database (or set DATABASE_EMULATOR_BINARY_PATH), then restart.',
    );
  }
  return { env, only, presence, notes };
}

/** The emulator hosts the web build and the test clients connect to. */
export function emulatorHosts(plan) {
  const hosts = {
    auth: `127.0.0.1:${PORTS.auth.port}`,
    firestore: `127.0.0.1:${PORTS.firestore.port}`,
    functions: `127.0.0.1:${PORTS.functions.port}`,
  };
  if (plan.presence === 'rtdb') hosts.database = `127.0.0.1:${PORTS.database.port}`;
  return hosts;
}
