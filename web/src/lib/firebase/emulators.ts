// Which emulators a build talks to. Pure, so the parsing is unit-tested without an SDK.

export type PresenceMode = 'rtdb' | 'heartbeat';

export interface HostPort {
  host: string;
  port: number;
}

export interface EmulatorHosts {
  auth: HostPort;
  firestore: HostPort;
  functions: HostPort;
  /** Present only when the Realtime Database emulator runs. */
  database?: HostPort;
}

const REQUIRED = ['auth', 'firestore', 'functions'] as const;

function hostPort(name: string, value: unknown): HostPort {
  if (typeof value !== 'string' || !/^[^\s:/]+:\d{1,5}$/.test(value)) {
    throw new Error(`PUBLIC_FIREBASE_EMULATORS.${name} must look like "127.0.0.1:8080", got ${JSON.stringify(value)}.`);
  }
  const [host, port] = value.split(':') as [string, string];
  return { host, port: Number(port) };
}

/**
 * Reads the build-time emulator setting. Empty means production (null); anything
 * else must name every emulator the app uses, so a typo fails loudly instead of
 * sending a test build to a real project.
 */
export function parseEmulatorHosts(raw: string | undefined): EmulatorHosts | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`PUBLIC_FIREBASE_EMULATORS is not valid JSON: ${text}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('PUBLIC_FIREBASE_EMULATORS must be a JSON object such as {"auth":"127.0.0.1:9099", ...}.');
  }
  const entries = parsed as Record<string, unknown>;
  const [auth, firestore, functions] = REQUIRED.map((name) => hostPort(name, entries[name]));
  const hosts: EmulatorHosts = { auth: auth!, firestore: firestore!, functions: functions! };
  if (entries.database !== undefined) hosts.database = hostPort('database', entries.database);
  return hosts;
}

/** Production always has the Realtime Database; the emulators only when its binary is installed. */
export function presenceModeFor(hosts: EmulatorHosts | null): PresenceMode {
  return hosts === null || hosts.database !== undefined ? 'rtdb' : 'heartbeat';
}
