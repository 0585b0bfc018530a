#!/usr/bin/env node
// `npm test`: type-checks, builds, then runs every vitest layer inside
// `firebase emulators:exec`, which starts and stops the emulators itself.
// Extra arguments go to vitest, e.g. `npm test -- --project unit`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorPlan, PROJECT_ID, ROOT } from './lib/emulators.mjs';
import { buildForEmulators, run } from './lib/build.mjs';
import { holdEmulatorLock } from './lib/emulatorLock.mjs';
import { chromiumPath, CHROMIUM_INSTALL } from './lib/chromium.mjs';

await holdEmulatorLock();

const vitestArgs = process.argv.slice(2);
const reportDir = join(ROOT, 'tests', '.reports');
const jsonReport = join(reportDir, 'vitest.json');

function typecheck() {
  // Formatting first: `npm run format` fixes what this reports.
  run('npx', ['prettier', '--check', '--log-level', 'warn', '.']);
  run('npx', ['tsc', '-p', 'functions', '--noEmit']);
  run('npx', ['tsc', '-p', 'tests', '--noEmit']);
  run('npx', ['tsc', '-p', 'scripts', '--noEmit']);
  run('npx', ['tsc', '-p', 'bench', '--noEmit']);
  run('npm', ['run', 'check', '-w', 'web']);
}

/** A closing line CI can read in any language: "Tests: N passed, N failed, N skipped". */
function summarise(files) {
  const found = files.filter((file) => existsSync(file));
  if (found.length === 0) return null;
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of found) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  return totals;
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
const quote = (a) => (/[\s'"]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a);
const chosen = vitestArgs.some((a) => a.startsWith('--project'));
const SEEDLESS_PROJECTS = ['unit', 'runes', 'rules', 'functions', 'e2e'].flatMap((p) => ['--project', p]);
const browser = chromiumPath();
const env = { ...plan.env, HELPDESK_PRESENCE: plan.presence, ...(browser ? { CHROME_PATH: browser } : {}) };

/** One `emulators:exec` session running vitest; false when anything failed. */
function session(report, args, extraFirebaseArgs = []) {
  rmSync(report, { force: true });
  const vitest = [
    'npx',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ]
    .map(quote)
    .join(' ');
  try {
    // QUIET keeps the emulators' request logs out of the test report; failures still print.
    run(
      'npx',
      [
        'firebase',
        'emulators:exec',
        vitest,
        '--project',
        PROJECT_ID,
        '--only',
        plan.only.join(','),
        '--log-verbosity',
        'QUIET',
        ...extraFirebaseArgs,
      ],
      { env },
    );
    return true;
  } catch {
    return false;
  }
}

// Suites that seed their own data run on empty emulators; the demo check runs on
// emulators that imported the committed seed, exactly as `npm start` serves it.
const reports = [jsonReport];
// `--project demo` belongs to the second session only: on empty emulators its seeded logins do not exist.
const wantsDemo = vitestArgs.some(
  (a, i) => (a === 'demo' && vitestArgs[i - 1] === '--project') || a === '--project=demo',
);
const seedlessArgs = vitestArgs.filter(
  (a, i) =>
    a !== '--project=demo' &&
    !(a === '--project' && vitestArgs[i + 1] === 'demo') &&
    !(a === 'demo' && vitestArgs[i - 1] === '--project'),
);
const onlyDemo = chosen && wantsDemo && !seedlessArgs.some((a) => a.startsWith('--project'));
let ok = onlyDemo || session(jsonReport, chosen ? seedlessArgs : [...SEEDLESS_PROJECTS, ...vitestArgs]);
if (!chosen || wantsDemo) {
  const demoReport = join(reportDir, 'vitest-demo.json');
  reports.push(demoReport);
  ok = session(demoReport, ['--project', 'demo'], ['--import', join(ROOT, 'emulator-data')]) && ok;
}
const code = ok ? 0 : 1;

const totals = summarise(reports);
console.log('');
if (!browser) console.log(`Browser tests skipped: no Chromium found. Install it with: ${CHROMIUM_INSTALL}`);
if (plan.presence !== 'rtdb')
  console.log(
    'RTDB presence emulator tests skipped: no Realtime Database emulator on this machine (heartbeat presence tested instead).',
  );
if (totals) console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
else console.log('Tests: no vitest report was written (the run failed before tests started).');
process.exit(code || (totals && totals.failed > 0 ? 1 : 0) || (totals ? 0 : 1));
