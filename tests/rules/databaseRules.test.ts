// database.rules.json: who may write /status/{uid} in the Realtime Database and
// what. No Realtime Database emulator can run on these machines (its jar cannot
// be downloaded), so these rules are evaluated by targaryen, a JavaScript
// implementation of the Realtime Database rules language, not by Firebase's own
// engine; tests/functions/presenceRtdb.test.ts exercises the real one wherever
// that emulator is installed. docs/security.md says so too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import targaryen from 'targaryen';
import { describe, expect, it } from 'vitest';
import { CONNECTION_SLOTS, paths } from '$shared/catalogue';
import { ROOT } from '../support/emulators';

const rules = JSON.parse(readFileSync(join(ROOT, 'database.rules.json'), 'utf8')) as object;
const specialist = { uid: 'sam', token: { role: 'specialist' } };
const SERVER_TIME = { '.sv': 'timestamp' };

type Auth = { uid: string; token: Record<string, unknown> } | null;
const writeAs = (auth: Auth, path: string, value: unknown, data: object = {}) =>
  targaryen.database(rules, data).as(auth).write(path, value).allowed;
const entry = (slot: string, uid = 'sam') => paths.rtdbConnection(uid, slot);

describe('/status/{uid}/connections', () => {
  it('takes a connection in one of the ten slots, stamped with the server time', () => {
    for (const slot of CONNECTION_SLOTS) expect(writeAs(specialist, entry(slot), { at: SERVER_TIME })).toBe(true);
  });

  it('refuses any other key, so no specialist has more than ten connections', () => {
    for (const key of ['slot10', 'tab-1', 'a1b2c3d4', 'slot', 'SLOT1']) {
      expect(writeAs(specialist, entry(key), { at: SERVER_TIME })).toBe(false);
    }
  });

  it('refuses a time that is not the server’s: past, future, negative or not a number', () => {
    const now = Date.now();
    for (const at of [now - 120_000, now + 120_000, -1, 0, '2026-12-01', true]) {
      expect(writeAs(specialist, entry('slot0'), { at })).toBe(false);
    }
  });

  it('holds only `at`', () => {
    expect(writeAs(specialist, entry('slot0'), { at: SERVER_TIME, device: 'laptop' })).toBe(false);
    expect(writeAs(specialist, `${paths.rtdbStatus('sam')}/choice`, 'available')).toBe(false);
  });

  it('is the specialist’s own: not another account’s, not a user’s, not signed out', () => {
    expect(writeAs({ uid: 'lia', token: { role: 'specialist' } }, entry('slot0'), { at: SERVER_TIME })).toBe(false);
    expect(writeAs({ uid: 'sam', token: { role: 'user' } }, entry('slot0'), { at: SERVER_TIME })).toBe(false);
    expect(writeAs(null, entry('slot0'), { at: SERVER_TIME })).toBe(false);
  });

  it('lets the specialist remove their own entry (what onDisconnect does)', () => {
    const existing = { status: { sam: { connections: { slot2: { at: 1 } } } } };
    expect(writeAs(specialist, entry('slot2'), null, existing)).toBe(true);
    expect(writeAs({ uid: 'lia', token: { role: 'specialist' } }, entry('slot2'), null, existing)).toBe(false);
  });

  it('keeps everything else closed', () => {
    expect(writeAs(specialist, '/anything', { x: 1 })).toBe(false);
    expect(targaryen.database(rules, {}).as(specialist).read(paths.rtdbStatus('lia')).allowed).toBe(false);
    expect(targaryen.database(rules, {}).as(specialist).read(paths.rtdbStatus('sam')).allowed).toBe(true);
  });
});
