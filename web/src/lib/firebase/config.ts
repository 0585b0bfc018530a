// Where the app's Firebase config comes from. Emulator or production is decided
// when the app is built (PUBLIC_FIREBASE_EMULATORS), never at run time, so a
// production bundle cannot be pointed at emulators and vice versa.
import type { FirebaseOptions } from 'firebase/app';
import { PUBLIC_FIREBASE_EMULATORS, PUBLIC_FIREBASE_PROJECT_ID } from '$env/static/public';
import { parseEmulatorHosts, presenceModeFor, type EmulatorHosts, type PresenceMode } from './emulators';

export interface RuntimeConfig {
  options: FirebaseOptions;
  /** Null in production. */
  emulators: EmulatorHosts | null;
}

/** Firebase Hosting serves the project's web config here, so the bundle carries no keys. */
const HOSTING_INIT_URL = '/__/firebase/init.json';

function presenceModeOfThisBuild(): PresenceMode {
  try {
    return presenceModeFor(parseEmulatorHosts(PUBLIC_FIREBASE_EMULATORS));
  } catch {
    // A malformed setting stops the app in loadRuntimeConfig with the reason; this
    // value is never acted on then.
    return 'heartbeat';
  }
}

/** How specialists' presence is tracked: Realtime Database onDisconnect, or Firestore heartbeats. */
export const presenceMode: PresenceMode = presenceModeOfThisBuild();

function emulatorOptions(emulators: EmulatorHosts): FirebaseOptions {
  const projectId = PUBLIC_FIREBASE_PROJECT_ID || 'demo-helpdesk';
  const options: FirebaseOptions = { apiKey: 'demo-key', projectId, authDomain: `${projectId}.firebaseapp.com` };
  if (emulators.database) {
    const { host, port } = emulators.database;
    options.databaseURL = `http://${host}:${port}?ns=${projectId}`;
  }
  return options;
}

async function hostingOptions(): Promise<FirebaseOptions> {
  const unavailable =
    `This app needs Firebase Hosting's ${HOSTING_INIT_URL} for its configuration. ` +
    'Serve it with Firebase Hosting (or its emulator), or build it for the emulators with PUBLIC_FIREBASE_EMULATORS.';
  let options: Partial<FirebaseOptions>;
  try {
    const response = await fetch(HOSTING_INIT_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    options = (await response.json()) as Partial<FirebaseOptions>;
  } catch (cause) {
    throw new Error(unavailable, { cause });
  }
  if (!options.apiKey || !options.projectId) throw new Error(unavailable);
  return options;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const emulators = parseEmulatorHosts(PUBLIC_FIREBASE_EMULATORS);
  if (emulators) return { options: emulatorOptions(emulators), emulators };
  return { options: await hostingOptions(), emulators: null };
}
