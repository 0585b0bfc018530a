// One vitest run, four layers. Layers that share the emulators' `demo-helpdesk`
// project run one after another (groupOrder) so they never see each other's data;
// rules tests each use their own `demo-rules-*` project id and run beside unit tests.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const shared = fileURLToPath(new URL('./functions/src/shared', import.meta.url));
const webLib = fileURLToPath(new URL('./web/src/lib', import.meta.url));

export default defineConfig({
  resolve: { alias: { $shared: shared } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['functions/src/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.svelte.test.ts', '**/node_modules/**'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The web app's runes (*.svelte.ts) compiled by Svelte, as the app is: unit tests of its reactive state.
        plugins: [svelte({ compilerOptions: { runes: true }, dynamicCompileOptions: () => ({ generate: 'client' }) })],
        // Svelte's browser runtime: effects never run in its server build.
        resolve: { alias: { $lib: webLib, $shared: shared }, conditions: ['browser'] },
        ssr: { resolve: { conditions: ['browser'], externalConditions: ['browser'] } },
        environments: { ssr: { resolve: { conditions: ['browser'] } } },
        test: {
          name: 'runes',
          include: ['web/src/**/*.svelte.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'rules',
          include: ['tests/rules/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'functions',
          include: ['tests/functions/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // Only against emulators that imported emulator-data/ (npm test's second session).
          name: 'demo',
          include: ['tests/demo/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
