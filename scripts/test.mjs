#!/usr/bin/env node
// `npm test`: type-checks, builds, then runs every vitest layer inside
// `firebase emulators:exec`, which starts and stops the emulators itself.
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorPlan, PROJECT_ID, ROOT } from './lib/emulators.mjs';
import { buildForEmulators, run } from './lib/build.mjs';
import { chromiumPath, CHROMIUM_INSTALL } from './lib/chromium.mjs';

const vitestArgs = process.argv.slice(2);
const reportDir = join(ROOT, 'tests', '.reports');
const jsonReport = join(reportDir, 'vitest.json');

function typecheck() {
  run('npx', ['tsc', '-p', 'functions', '--noEmit']);
  run('npx', ['tsc', '-p', 'tests', '--noEmit']);
  run('npx', ['tsc', '-p', 'scripts', '--noEmit']);
  run('npx', ['tsc', '-p', 'bench', '--noEmit']);
  run('npm', ['run', 'check', '-w', 'web']);
}

/** A closing line CI can read in any language: "Tests: N passed, N failed, N skipped". */
function summarise() {
  if (!existsSync(jsonReport)) return null;
  const report = JSON.parse(readFileSync(jsonReport, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped };
}

const plan = emulatorPlan();
for (const note of plan.notes) console.log(note);
try {
  typecheck();
  buildForEmulators(plan);
} catch (error) {
  console.error(String(error.message ?? error));
  process.exit(1);
}

mkdirSync(reportDir, { recursive: true });
rmSync(jsonReport, { force: true });
const vitest = ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonReport}`, ...vitestArgs]
  .map((a) => (/[\s'"]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a))
  .join(' ');
const browser = chromiumPath();
let code = 0;
try {
  // QUIET keeps the emulators' request logs out of the test report; failures still print.
  run('npx', ['firebase', 'emulators:exec', vitest, '--project', PROJECT_ID, '--only', plan.only.join(','), '--log-verbosity', 'QUIET'], {
    env: { ...plan.env, HELPDESK_PRESENCE: plan.presence, ...(browser ? { CHROME_PATH: browser } : {}) },
  });
} catch {
  code = 1;
}

const totals = summarise();
console.log('');
if (!browser) console.log(`Browser tests skipped: no Chromium found. Install it with: ${CHROMIUM_INSTALL}`);
if (plan.presence !== 'rtdb') console.log('RTDB presence emulator tests skipped: no Realtime Database emulator on this machine (heartbeat presence tested instead).');
if (totals) console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
else console.log('Tests: no vitest report was written (the run failed before tests started).');
process.exit(code || (totals && totals.failed > 0 ? 1 : 0) || (totals ? 0 : 1));
