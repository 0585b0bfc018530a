#!/usr/bin/env node
// `npm run bench`: builds the functions and the production web app (bundle
// sizes), then runs bench/run.ts inside `firebase emulators:exec`, which starts
// auth, Firestore and functions emulators on 127.0.0.1 and stops them after.
// Arguments go to the bench: `npm run bench -- --quick`, `-- --k 1,10`,
// `-- --only flows,cost`. Not part of `npm test`: it measures, it asserts nothing.
import { emulatorHosts, emulatorPlan, PROJECT_ID } from './lib/emulators.mjs';
import { holdEmulatorLock } from './lib/emulatorLock.mjs';
import { run } from './lib/build.mjs';

await holdEmulatorLock();

const benchArgs = process.argv.slice(2);
const quote = (a) => (/^[\w.,=/-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

const plan = emulatorPlan({ withHosting: false });
// The bench needs no Realtime Database: presence is written directly, so only the jar note matters here.
for (const note of plan.notes.filter((n) => !n.startsWith('Presence:'))) console.log(note);

let failed = false;
try {
  run('npm', ['run', 'build', '-w', 'functions']);
  // A production bundle: without PUBLIC_FIREBASE_EMULATORS the app reads its config from Hosting at run time.
  const { PUBLIC_FIREBASE_EMULATORS: _emulators, ...productionEnv } = process.env;
  run('npm', ['run', 'build', '-w', 'web'], { env: productionEnv });
  const bench = ['npx', 'tsx', '--tsconfig', 'bench/tsconfig.json', 'bench/run.ts', ...benchArgs].map(quote).join(' ');
  run(
    'npx',
    [
      'firebase',
      'emulators:exec',
      bench,
      '--project',
      PROJECT_ID,
      '--only',
      'auth,firestore,functions',
      '--log-verbosity',
      'QUIET',
    ],
    { env: plan.env },
  );
} catch (error) {
  console.error(String(error.message ?? error));
  failed = true;
}
// Leave web/build wired to the emulators again, as `npm test` and `npm start` build it,
// for anyone who serves the existing build without rebuilding.
try {
  run('npm', ['run', 'build', '-w', 'web'], {
    env: { ...process.env, PUBLIC_FIREBASE_EMULATORS: JSON.stringify(emulatorHosts(emulatorPlan())) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} catch (error) {
  console.error(`Rebuilding the emulator web build failed: ${error.message ?? error}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
