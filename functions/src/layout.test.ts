// The file names say what a module is, and this keeps them honest:
// - `*.fn.ts` define deployed functions (triggers, callables, schedules); index.ts re-exports only these;
// - `*.io.ts` read and write through the Admin SDK for them;
// - every other module is pure: no Firebase SDK, nothing of `*.io`/`*.fn`, so it is unit-tested alone.
// platform/ is the wiring every function shares (the Admin SDK app, options, guards).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [relative(SRC, path)] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(join(SRC, file), 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  );

const isWiring = (file: string) => /\.(fn|io)\.ts$/.test(file) || file.startsWith('platform/') || file === 'index.ts';
const SDK = /^firebase-(admin|functions)(\/|$)/;

describe('functions/src layout', () => {
  const files = sources(SRC);

  it('has pure modules that import no Firebase SDK and no wiring', () => {
    const offenders = files
      .filter((file) => !isWiring(file))
      .flatMap((file) =>
        imports(file)
          .filter(
            (spec) =>
              SDK.test(spec) || /\.(fn|io)$/.test(spec) || /platform\/(admin|callable|options|settings)$/.test(spec),
          )
          .map((spec) => `${file} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('exports from index.ts only the deployed functions of *.fn.ts modules', () => {
    const specs = imports('index.ts');
    expect(specs.filter((spec) => !/\.fn$/.test(spec) && spec !== './platform/options')).toEqual([]);
    const fnFiles = files.filter((file) => file.endsWith('.fn.ts')).map((file) => `./${file.replace(/\.ts$/, '')}`);
    expect([...specs.filter((s) => s !== './platform/options')].sort()).toEqual([...fnFiles].sort());
  });

  it('keeps shared/ self-contained (the web app imports it): only shared/ modules and zod', () => {
    const outside = files
      .filter((file) => file.startsWith('shared/'))
      .flatMap((file) =>
        imports(file)
          .filter((spec) => spec !== 'zod')
          .filter((spec) => !spec.startsWith('.') || !relative(SRC, join(SRC, file, '..', spec)).startsWith('shared/'))
          .map((spec) => `${file} imports ${spec}`),
      );
    expect(outside).toEqual([]);
  });
});
