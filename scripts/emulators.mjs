#!/usr/bin/env node
// `npm run emulators -- <firebase args>`: runs firebase-tools with the local
// emulator jars wired in, e.g. `npm run emulators -- emulators:exec "vitest run"`.
import { spawnSync } from 'node:child_process';
import { emulatorPlan, PROJECT_ID, ROOT } from './lib/emulators.mjs';

const plan = emulatorPlan({ withHosting: !process.argv.includes('--no-hosting') });
for (const note of plan.notes) console.log(note);
const args = process.argv.slice(2).filter((a) => a !== '--no-hosting');
const result = spawnSync('npx', ['firebase', ...args, '--project', PROJECT_ID, '--only', plan.only.join(',')], {
  cwd: ROOT,
  env: plan.env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
