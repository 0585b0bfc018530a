// Gzip size of the JavaScript the three audiences' main screens load, from the
// production build that scripts/bench.mjs makes before the emulators start.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDictionary, routeBundle, type RouteBundle, type ViteManifest } from '../lib/bundles';
import { ROOT } from '../lib/emulators';
import { valueRow, type Row, type Variant } from '../lib/report';

const WEB = join(ROOT, 'web');
const BUILD = join(WEB, 'build');
const MANIFEST = join(WEB, '.svelte-kit/output/client/.vite/manifest.json');
const APP_JS = join(WEB, '.svelte-kit/generated/client-optimized/app.js');

/** The screen each audience works in; the rows measure these. */
export const MEASURED: { variant: Variant; route: string }[] = [
  { variant: 'user', route: '/(user)/chat/c/[conversationId]' },
  { variant: 'specialist', route: '/(specialist)/specialist/c/[conversationId]' },
  { variant: 'admin', route: '/(admin)/admin' },
];
/** Shown in the details beside them. */
const ALSO = ['/(user)/chat', '/(specialist)/specialist', '/(admin)/admin/metrics', '/'];

export function measureBundles(): { rows: Row[]; details: RouteBundle[] } {
  for (const path of [BUILD, MANIFEST, APP_JS]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: build the web app first (npm run build -w web).`);
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ViteManifest;
  const routes = parseDictionary(readFileSync(APP_JS, 'utf8'));
  const measured = MEASURED.map((m) => ({ ...m, bundle: routeBundle(BUILD, manifest, routes, m.route) }));
  const also = ALSO.filter((r) => routes.has(r)).map((r) => routeBundle(BUILD, manifest, routes, r));
  return {
    rows: measured.map((m) => valueRow('bundle_gzip', m.variant, null, 'bytes', m.bundle.gzipBytes)),
    details: [...measured.map((m) => m.bundle), ...also],
  };
}
