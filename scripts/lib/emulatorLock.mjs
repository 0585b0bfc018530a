// The emulators listen on the fixed ports of firebase.json, so two sessions on
// one machine (a test run beside `npm start`, two checkouts, a bench) would
// collide half-way through. Each script that starts emulators first takes one
// lock file: a second session waits for the first to end instead of failing.
//
// The lock is held by a small `flock` child whose stdin is this process's pipe:
// however this process ends (even killed), the pipe closes, the child ends and
// the lock is free. Without flock (not Linux) the scripts run as before.
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EMULATOR_LOCK = join(tmpdir(), 'helpdesk-emulators.lock');
/** Set once held, so a script started by a script that holds the lock does not wait for itself. */
const HELD = 'HELPDESK_EMULATOR_LOCK_HELD';

const hasFlock = () => spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;

/** Resolves once this process holds the emulator lock, for as long as it lives. */
export async function holdEmulatorLock() {
  if (process.env[HELD] === '1' || !hasFlock()) return;
  const holder = spawn('flock', [EMULATOR_LOCK, 'sh', '-c', 'echo held; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = setTimeout(
    () => console.log(`Another emulator session holds ${EMULATOR_LOCK}; waiting for it to end...`),
    300,
  );
  await new Promise((resolve, reject) => {
    holder.stdout.once('data', resolve);
    holder.once('exit', (code) => reject(new Error(`flock ${EMULATOR_LOCK} ended (${code}) before taking the lock`)));
  });
  clearTimeout(waiting);
  // Held until this process ends; it must not keep the process alive by itself.
  holder.unref();
  holder.stdin.unref?.();
  holder.stdout.unref?.();
  process.env[HELD] = '1';
}
