// JavaScript a route of the production web build loads before it can show:
// SvelteKit's two entry chunks, the root layout, the route's layouts and page,
// and everything those import statically (Vite's manifest says which chunks).
// Dynamic imports (the Realtime Database SDK, loaded only in RTDB presence
// mode) are listed apart. Pure apart from routeBundle, which reads files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

export interface RouteNodes {
  page: number;
  layouts: number[];
}

const NODE_KEY = (n: number) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;
const APP_KEY = '.svelte-kit/generated/client-optimized/app.js';
const START_SUFFIX = '@sveltejs/kit/src/runtime/client/entry.js';

/** Route id -> node indices, from the `dictionary` SvelteKit generates in client-optimized/app.js. */
export function parseDictionary(appJs: string): Map<string, RouteNodes> {
  const body = /export const dictionary = \{([\s\S]*?)\};/.exec(appJs)?.[1];
  if (body === undefined) throw new Error('No route dictionary in the generated app.js');
  const routes = new Map<string, RouteNodes>();
  for (const match of body.matchAll(/"([^"]+)":\s*\[\s*~?(-?\d+)\s*(?:,\s*\[([^\]]*)\])?/g)) {
    const layouts = (match[3] ?? '')
      .split(',')
      .map((v) => v.trim().replace('~', ''))
      .filter((v) => /^\d+$/.test(v))
      .map(Number);
    routes.set(match[1]!, { page: Math.abs(Number(match[2])), layouts });
  }
  return routes;
}

export interface RouteChunks {
  files: string[];
  dynamicFiles: string[];
}

/** Files a route loads statically (sorted), and the dynamic imports reachable from them. */
export function routeChunks(manifest: ViteManifest, nodes: RouteNodes): RouteChunks {
  const start = Object.keys(manifest).find((k) => k.endsWith(START_SUFFIX));
  if (!start) throw new Error('No SvelteKit start entry in the Vite manifest');
  const roots = [start, APP_KEY, NODE_KEY(0), ...nodes.layouts.map(NODE_KEY), NODE_KEY(nodes.page)];
  const seen = new Set<string>();
  const dynamic = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The Vite manifest has no chunk ${key}`);
    seen.add(key);
    for (const d of chunk.dynamicImports ?? []) dynamic.add(d);
    for (const i of chunk.imports ?? []) visit(i);
  };
  roots.forEach(visit);
  const files = [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  // The app entry lazily imports every route node; only this route's count, and they are already in `files`.
  const dynamicFiles = [...dynamic]
    .filter((k) => !seen.has(k) && !k.startsWith('.svelte-kit/generated/'))
    .map((k) => manifest[k]?.file)
    .filter((f): f is string => typeof f === 'string' && f.endsWith('.js'));
  return { files: files.sort(), dynamicFiles: [...new Set(dynamicFiles)].sort() };
}

export interface RouteBundle {
  route: string;
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
  /** What Firebase Hosting sends browsers that accept brotli. */
  brotliBytes: number;
  /** Loaded on demand only (not in gzipBytes). */
  dynamicGzipBytes: number;
}

/** Each file compressed on its own, as a server sends it (default zlib levels). */
const gzipSize = (buildDir: string, file: string) => gzipSync(readFileSync(join(buildDir, file))).length;
const brotliSize = (buildDir: string, file: string) => brotliCompressSync(readFileSync(join(buildDir, file))).length;

export function routeBundle(
  buildDir: string,
  manifest: ViteManifest,
  routes: Map<string, RouteNodes>,
  route: string,
): RouteBundle {
  const nodes = routes.get(route);
  if (!nodes) throw new Error(`The web build has no route ${route}`);
  const { files, dynamicFiles } = routeChunks(manifest, nodes);
  return {
    route,
    chunks: files.length,
    rawBytes: files.reduce((sum, f) => sum + readFileSync(join(buildDir, f)).length, 0),
    gzipBytes: files.reduce((sum, f) => sum + gzipSize(buildDir, f), 0),
    brotliBytes: files.reduce((sum, f) => sum + brotliSize(buildDir, f), 0),
    dynamicGzipBytes: dynamicFiles.reduce((sum, f) => sum + gzipSize(buildDir, f), 0),
  };
}
