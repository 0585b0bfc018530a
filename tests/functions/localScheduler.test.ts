// `npm start` stands in for Cloud Scheduler with scripts/local-scheduler.mjs, which
// loads the compiled sweep and webhook retry by path. A renamed module once stopped
// it without any test noticing; this runs one real tick against the emulators.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/emulators';

describe('the local scheduler', () => {
  it('loads the compiled sweep and webhook retry and runs one tick without an error', () => {
    let output = '';
    let status = 0;
    try {
      output = execFileSync(process.execPath, [join(ROOT, 'scripts', 'local-scheduler.mjs'), '--once'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
      });
    } catch (error) {
      const failed = error as { status: number; stderr: string; stdout: string };
      status = failed.status;
      output = `${failed.stdout}\n${failed.stderr}`;
    }
    expect(output).not.toMatch(/failed|Cannot find module/);
    expect(status).toBe(0);
  });
});
