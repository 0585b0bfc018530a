#!/usr/bin/env node
// `npm run seed`: rebuilds `emulator-data/` (the demo that `npm start` imports)
// from scripts/seed/roster.ts. Only Auth and Firestore run, so no Cloud Function
// trigger reacts to the seed and the export holds exactly what the roster says.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { holdEmulatorLock } from './lib/emulatorLock.mjs';
import { emulatorPlan, PORTS, PROJECT_ID, ROOT } from './lib/emulators.mjs';

await holdEmulatorLock();

const DATA = join(ROOT, 'emulator-data');

// The Admin SDK ignores security rules, but the Firestore emulator refuses every
// write while firestore.rules fails to compile. A config with only the emulator
// ports keeps the seed independent of rules work in progress.
const configDir = mkdtempSync(join(tmpdir(), 'helpdesk-seed-'));
const config = join(configDir, 'firebase.json');
writeFileSync(config, JSON.stringify({ emulators: PORTS }));

// A stale export would be merged back on import; start from nothing.
rmSync(DATA, { recursive: true, force: true });

const plan = emulatorPlan({ withHosting: false });
const result = spawnSync(
  'npx',
  [
    'firebase',
    'emulators:exec',
    '--config',
    config,
    '--project',
    PROJECT_ID,
    '--only',
    'auth,firestore',
    '--export-on-exit',
    DATA,
    'npx tsx scripts/seed/seed.ts',
  ],
  { cwd: ROOT, env: plan.env, stdio: 'inherit' },
);
rmSync(configDir, { recursive: true, force: true });
if (result.status !== 0 || !existsSync(join(DATA, 'firebase-export-metadata.json'))) {
  // --export-on-exit also exports after a failed script; a half seed must not ship.
  rmSync(DATA, { recursive: true, force: true });
  console.error('Seeding failed; emulator-data/ was removed rather than left half-written.');
  process.exit(result.status || 1);
}

// `npm start` is plain JS and cannot import the TypeScript roster, so it reads this.
const { DEMO_LOGINS } = await tsImport('./seed/roster.ts', import.meta.url);
writeFileSync(join(DATA, 'demo-logins.json'), `${JSON.stringify(DEMO_LOGINS, null, 2)}\n`);
console.log(`Wrote ${DATA} and demo-logins.json (${DEMO_LOGINS.length} logins).`);
