import { describe, expect, it } from 'vitest';
import { parseDictionary, routeChunks, type ViteManifest } from './bundles';

const APP_JS = `
export const dictionary = {
		"/": [5],
		"/(admin)/admin": [6,[2]],
		"/(user)/chat/c/[conversationId]": [~17,[4,~3]],
	};
export const hooks = {};`;

const node = (n: number) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;

const MANIFEST: ViteManifest = {
  '../node_modules/@sveltejs/kit/src/runtime/client/entry.js': {
    file: '_app/immutable/entry/start.js',
    imports: ['_runtime.js'],
  },
  '.svelte-kit/generated/client-optimized/app.js': {
    file: '_app/immutable/entry/app.js',
    imports: ['_runtime.js'],
    dynamicImports: [node(0), node(6), node(17)],
  },
  '_runtime.js': { file: '_app/immutable/chunks/runtime.js' },
  '_firebase.js': {
    file: '_app/immutable/chunks/firebase.js',
    dynamicImports: ['../node_modules/firebase/database/index.js'],
  },
  '_style.css': { file: '_app/immutable/assets/style.css' },
  '../node_modules/firebase/database/index.js': { file: '_app/immutable/chunks/database.js' },
  [node(0)]: { file: '_app/immutable/nodes/0.js', imports: ['_firebase.js', '_style.css'] },
  [node(3)]: { file: '_app/immutable/nodes/3.js' },
  [node(4)]: { file: '_app/immutable/nodes/4.js', imports: ['_runtime.js'] },
  [node(6)]: { file: '_app/immutable/nodes/6.js' },
  [node(17)]: { file: '_app/immutable/nodes/17.js', imports: ['_firebase.js'] },
};

describe('parseDictionary', () => {
  it('reads each route page and layouts, ignoring server-load marks', () => {
    const routes = parseDictionary(APP_JS);
    expect(routes.get('/')).toEqual({ page: 5, layouts: [] });
    expect(routes.get('/(admin)/admin')).toEqual({ page: 6, layouts: [2] });
    expect(routes.get('/(user)/chat/c/[conversationId]')).toEqual({ page: 17, layouts: [4, 3] });
  });

  it('fails loudly when SvelteKit changed the file', () => {
    expect(() => parseDictionary('export const nodes = [];')).toThrow(/No route dictionary/);
  });
});

describe('routeChunks', () => {
  it('follows static imports from the entries, root layout, layouts and page, each file once, JS only', () => {
    const { files, dynamicFiles } = routeChunks(MANIFEST, { page: 17, layouts: [4, 3] });
    expect(files).toEqual([
      '_app/immutable/chunks/firebase.js',
      '_app/immutable/chunks/runtime.js',
      '_app/immutable/entry/app.js',
      '_app/immutable/entry/start.js',
      '_app/immutable/nodes/0.js',
      '_app/immutable/nodes/17.js',
      '_app/immutable/nodes/3.js',
      '_app/immutable/nodes/4.js',
    ]);
    // Other routes' nodes are lazy imports of app.js, not this route's cost.
    expect(dynamicFiles).toEqual(['_app/immutable/chunks/database.js']);
  });

  it('refuses a route whose node the manifest lacks', () => {
    expect(() => routeChunks(MANIFEST, { page: 9, layouts: [] })).toThrow(/no chunk .*nodes\/9\.js/);
  });
});
