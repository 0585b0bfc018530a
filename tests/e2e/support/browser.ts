// Debian's Chromium drives the browser tests; Playwright never downloads a browser here.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { emulator } from '../../support/emulators';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findChromium(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Null when no Chromium is installed; browser suites use `describe.skipIf(!chromiumPath)`. */
export const chromiumPath: string | null = findChromium();

/** The web build as the Hosting emulator serves it (firebase.json: hosting 127.0.0.1:5000). */
export const BASE_URL = emulator('hosting').url;

export function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error('No Chromium found: set CHROME_PATH or install it (apt-get install chromium).');
  return chromium.launch({
    executablePath: chromiumPath,
    // Quiet, sandbox-free Chromium for containers and CI: nothing phones home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
