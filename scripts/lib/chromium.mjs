// Debian's Chromium drives the browser tests; Playwright never downloads one here.
import { existsSync } from 'node:fs';

export const CHROMIUM_INSTALL = 'sudo apt-get install -y chromium';
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function chromiumPath() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}
