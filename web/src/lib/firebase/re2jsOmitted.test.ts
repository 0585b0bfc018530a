import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RE2JS } from './re2jsOmitted';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
/** A static or dynamic import of the Pipelines entry point. */
const PIPELINES_IMPORT = /['"]firebase\/firestore\/pipelines['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
  });
}

describe('the web build without re2js', () => {
  it('is safe only while no page uses the Firestore Pipelines API', () => {
    const users = sourceFiles(SRC).filter((file) => PIPELINES_IMPORT.test(readFileSync(file, 'utf8')));
    // A page that needs Pipelines must drop the re2js alias from web/vite.config.ts.
    expect(users).toEqual([]);
  });

  it('fails a regex expression loudly, naming the reason', () => {
    expect(() => RE2JS.compile('^a.*$')).toThrow(/omits re2js/);
  });
});
