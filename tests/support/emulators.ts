// Where the emulators listen during `npm test` (ports from firebase.json).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PROJECT_ID = 'demo-helpdesk';

const config = JSON.parse(readFileSync(`${ROOT}/firebase.json`, 'utf8')) as {
  emulators: Record<string, { host: string; port: number }>;
};

export function emulator(name: 'auth' | 'firestore' | 'functions' | 'hosting' | 'database') {
  const entry = config.emulators[name];
  if (!entry) throw new Error(`firebase.json declares no ${name} emulator`);
  return { host: entry.host, port: entry.port, url: `http://${entry.host}:${entry.port}` };
}

/** True when the Realtime Database emulator runs (npm test passes this on). */
export const databaseEmulatorRunning = process.env.HELPDESK_PRESENCE === 'rtdb';
