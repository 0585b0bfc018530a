// What `firebase deploy` uploads for functions must install and load on its own:
// the cloud build runs `npm install` on functions/package.json and nothing else.
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/emulators';

const FUNCTIONS = join(ROOT, 'functions');
const pkg = JSON.parse(readFileSync(join(FUNCTIONS, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};
const firebaseJson = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

/** `firebase-admin/firestore` -> `firebase-admin`, `@scope/pkg/x` -> `@scope/pkg`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('functions deploy package', () => {
  let sandbox: string;

  beforeAll(() => {
    // Build exactly as firebase.json's predeploy does, from the functions folder.
    execFileSync('npm', ['--prefix', FUNCTIONS, 'run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    sandbox = mkdtempSync(join(tmpdir(), 'functions-deploy-'));
    cpSync(join(FUNCTIONS, 'package.json'), join(sandbox, 'package.json'));
    cpSync(join(FUNCTIONS, 'lib'), join(sandbox, 'lib'), { recursive: true });
  });
  afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

  it('declares nodejs22 and only registry dependencies', () => {
    expect(firebaseJson.functions[0].runtime).toBe('nodejs22');
    for (const [name, spec] of Object.entries(pkg.dependencies)) {
      expect(spec, name).toMatch(/^[\^~]?\d/);
    }
  });

  it('requires nothing outside node built-ins and its declared dependencies', () => {
    const builtins = new Set(builtinModules);
    const used = new Set<string>();
    for (const file of jsFiles(join(sandbox, 'lib'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
        used.add(packageOf(match[1]!));
      }
    }
    const undeclared = [...used].filter((name) => !builtins.has(name.replace(/^node:/, '')) && !pkg.dependencies[name]);
    expect(used.size).toBeGreaterThan(0);
    expect(undeclared).toEqual([]);
  });

  it('loads from the uploaded folder and exports the functions', () => {
    // The root node_modules stands in for the cloud's install of the declared deps;
    // the test above proves nothing else is reached.
    symlinkSync(join(ROOT, 'node_modules'), join(sandbox, 'node_modules'), 'dir');
    writeFileSync(join(sandbox, 'probe.js'), `console.log(JSON.stringify(Object.keys(require('./${pkg.main}'))))`);
    const exported = JSON.parse(execFileSync('node', ['probe.js'], { cwd: sandbox, encoding: 'utf8' })) as string[];
    expect(exported).toContain('setRole');
  });
});
