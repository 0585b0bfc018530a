// The README's receiver example is real code: this runs it against requests the
// functions' signer makes, so the README and signature.ts cannot drift apart.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret, signWebhook } from './signature';

type Headers = Record<string, string | undefined>;
interface Example {
  refusal(secret: string, headers: Headers, body: string, nowSeconds?: number): string | null;
  deskHandler(
    secret: string,
    onEvent: (event: unknown) => Promise<void> | void,
  ): (request: IncomingMessage, response: ServerResponse) => void;
}

const README = join(__dirname, '..', '..', '..', 'README.md');
const MARK = '<!-- desk-receiver.mjs -->';

function exampleSource(): string {
  const text = readFileSync(README, 'utf8');
  const after = text.slice(text.indexOf(MARK) + MARK.length);
  const match = /```js\n([\s\S]*?)\n```/.exec(after);
  if (text.indexOf(MARK) < 0 || !match) throw new Error(`README.md has no js block after ${MARK}`);
  return match[1]!;
}

const secret = generateSecret();
const body = JSON.stringify({ type: 'case.created', data: { number: 3 } });
const now = Math.floor(Date.now() / 1000);
let example: Example;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'readme-receiver-'));
  const file = join(folder, 'desk-receiver.mjs');
  writeFileSync(file, exampleSource());
  example = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Example;
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the README receiver', () => {
  it('accepts what the functions sign, and refuses another secret, a changed body, an old timestamp', () => {
    const headers = signWebhook(secret, 'offline_c1~0', now, body);
    expect(example.refusal(secret, headers, body, now)).toBeNull();
    expect(example.refusal(generateSecret(), headers, body, now)).toBe('bad signature');
    expect(example.refusal(secret, headers, body.replace('3', '4'), now)).toBe('bad signature');
    expect(example.refusal(secret, headers, body, now + 301)).toBe('timestamp too old or too new');
    expect(example.refusal(secret, { ...headers, 'webhook-id': undefined }, body, now)).toBe('missing webhook headers');
  });

  describe('as a server', () => {
    let server: Server;
    let url: string;
    const events: unknown[] = [];

    beforeAll(async () => {
      server = createServer(example.deskHandler(secret, (event) => void events.push(event)) as RequestListener);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const post = (headers: Record<string, string>) =>
      fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });

    it('processes an event once however often it arrives, and refuses a forged one', async () => {
      const first = signWebhook(secret, 'offline_c2~0', Date.now() / 1000, body);
      expect((await post(first)).status).toBe(204);
      const retried = signWebhook(secret, 'offline_c2~0', Date.now() / 1000 + 1, body);
      expect((await post(retried)).status).toBe(204);
      expect(events).toEqual([JSON.parse(body)]);
      const forged = signWebhook(generateSecret(), 'offline_c3~0', Date.now() / 1000, body);
      const refused = await post(forged);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toBe('bad signature');
      expect(events).toHaveLength(1);
    });
  });
});
