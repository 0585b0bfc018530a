#!/usr/bin/env node
// `npm start`: builds, starts the emulators with the demo seed imported, prints
// the URL and demo logins, and on Ctrl-C stops the whole emulator process tree.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorPlan, PORTS, PROJECT_ID, ROOT } from './lib/emulators.mjs';
import { holdEmulatorLock } from './lib/emulatorLock.mjs';
import { buildForEmulators } from './lib/build.mjs';

await holdEmulatorLock();

const SEED = join(ROOT, 'emulator-data');
const plan = emulatorPlan();
try {
  buildForEmulators(plan);
} catch (error) {
  console.error(String(error.message ?? error));
  process.exit(1);
}

const args = ['firebase', 'emulators:start', '--project', PROJECT_ID, '--only', plan.only.join(',')];
if (existsSync(join(SEED, 'firebase-export-metadata.json'))) args.push('--import', SEED);
else console.warn('No seed found in emulator-data/ (run `npm run seed`); starting with empty emulators.');

// Own process group, so a stop can reach java and every node child at once.
const emulators = spawn('npx', args, {
  cwd: ROOT,
  env: plan.env,
  stdio: ['inherit', 'pipe', 'inherit'],
  detached: true,
});

// firebase-tools says when every emulator (functions included) has loaded; the
// banner waits for that line so it is the last thing on screen.
const READY = 'All emulators ready';
const ready = new Promise((resolve) => {
  let tail = '';
  emulators.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    // Search the previous tail plus the whole chunk: the line may straddle chunks.
    const seen = tail + chunk.toString();
    if (seen.includes(READY)) resolve();
    tail = seen.slice(-READY.length);
  });
});

async function announceWhenReady() {
  await ready;
  if (emulators.exitCode !== null) return;
  scheduler = spawn(process.execPath, [join(ROOT, 'scripts', 'local-scheduler.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const loginsFile = join(SEED, 'demo-logins.json');
  const logins = existsSync(loginsFile) ? JSON.parse(readFileSync(loginsFile, 'utf8')) : [];
  const lines = [
    '',
    '  Help-desk live chat is running.',
    `  Open  http://127.0.0.1:${PORTS.hosting.port}`,
    '',
    '  Demo logins:',
    ...logins.map((l) => `    ${l.role.padEnd(10)} ${l.email.padEnd(34)} ${l.password}   ${l.note ?? ''}`),
    '',
    ...plan.notes.map((n) => `  ${n}`),
    '  Scheduled sweep (requeue, inactivity) and webhook retries: run every minute by scripts/local-scheduler.mjs.',
    '  Ctrl-C stops everything. Data changes are not saved; the seed is re-imported each start.',
    '',
  ];
  console.log(lines.join('\n'));
}

let scheduler;
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  scheduler?.kill('SIGTERM');
  try {
    process.kill(-emulators.pid, 'SIGINT');
  } catch {
    /* already gone */
  }
  // firebase-tools shuts its emulators down on SIGINT; if it hangs, end the group.
  setTimeout(() => {
    try {
      process.kill(-emulators.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 20_000).unref();
  console.log(`\nStopping emulators (${signal})...`);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
emulators.on('exit', (code) => {
  scheduler?.kill('SIGTERM');
  process.exit(stopping ? 0 : (code ?? 1));
});
announceWhenReady();
