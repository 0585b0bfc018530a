// Builds what the emulators serve: the functions bundle and the web app, the
// latter wired at build time to the emulators the plan says will run.
import { spawnSync } from 'node:child_process';
import { emulatorHosts, ROOT } from './emulators.mjs';

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${[cmd, ...args].join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

export function buildForEmulators(plan) {
  run('npm', ['run', 'build', '-w', 'functions']);
  run('npm', ['run', 'build', '-w', 'web'], {
    env: { ...process.env, PUBLIC_FIREBASE_EMULATORS: JSON.stringify(emulatorHosts(plan)) },
  });
}
