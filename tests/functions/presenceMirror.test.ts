// mirrorPresence, wrapped with firebase-functions-test and run against the
// Firestore emulator: what an RTDB /status/{uid} event leaves in presence/{uid}.
// No Realtime Database is involved; events are built by hand (see presenceRtdb.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import functionsTest from 'firebase-functions-test';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { paths } from '$shared/catalogue';
import type { PresenceDoc } from '$shared/model';
import { isConnected } from '$shared/availability';
import { adminApp, cleanupApps } from '../support/admin';
import { PROJECT_ID } from '../support/emulators';

// A demo project id keeps the wrapped function on the emulators; without a config
// firebase-functions-test would point the Admin SDK at 'not-a-project' instead.
const fft = functionsTest({ projectId: PROJECT_ID, databaseURL: `https://${PROJECT_ID}-default-rtdb.firebaseio.com` });

let app: App;
let db: Firestore;
let deliver: (uid: string, before: object | null, after: object | null, timeMs: number) => Promise<unknown>;

beforeAll(async () => {
  // Imported after functionsTest() so firebase-functions reads its config, and
  // before any named app exists: platform/admin.ts initialises the default app
  // only when no app at all is there yet.
  const { mirrorPresence } = await import('../../functions/src/presence/mirrorPresence.fn');
  app = adminApp();
  db = getFirestore(app);
  const wrapped = fft.wrap(mirrorPresence);
  deliver = (uid, before, after, timeMs) => {
    const ref = paths.rtdbStatus(uid);
    const data = fft.makeChange(fft.database.makeDataSnapshot(before, ref), fft.database.makeDataSnapshot(after, ref));
    return wrapped({ data, params: { uid }, time: new Date(timeMs).toISOString() });
  };
});
afterAll(async () => {
  fft.cleanup();
  await cleanupApps(app);
});

const status = (connections: Record<string, number>) => ({
  connections: Object.fromEntries(Object.entries(connections).map(([id, at]) => [id, { at }])),
});

/** A specialist account as the mirror sees it: its users/{uid} document says so (the RTDB token alone does not count). */
async function specialist(role: 'specialist' | 'user' = 'specialist', disabled = false): Promise<string> {
  const uid = `${role}-${randomUUID()}`;
  await db
    .doc(paths.user(uid))
    .set({ displayName: uid, email: `${uid}@test.example`, role, ...(disabled ? { disabled } : {}) });
  return uid;
}

async function presenceOf(uid: string) {
  return (await db.doc(paths.presence(uid)).get()).data() as PresenceDoc | undefined;
}

function summary(p: PresenceDoc | undefined) {
  return {
    choice: p?.choice,
    connections: Object.fromEntries(Object.entries(p?.connections ?? {}).map(([id, at]) => [id, at.toMillis()])),
    mirroredEventAt: p?.mirroredEventAt?.toMillis(),
  };
}

describe('mirrorPresence', () => {
  it('creates presence as away with the RTDB connections as Timestamps', async () => {
    const uid = await specialist();
    const now = Date.now();
    await deliver(uid, null, status({ slot1: now - 1_000 }), now);
    const presence = await presenceOf(uid);
    expect(summary(presence)).toEqual({ choice: 'away', connections: { slot1: now - 1_000 }, mirroredEventAt: now });
    expect(presence?.connections.slot1).toBeInstanceOf(Timestamp);
    expect(isConnected(presence, Date.now())).toBe(true);
  });

  it('keeps the choice the specialist made and replaces the connections', async () => {
    const uid = await specialist();
    await db.doc(paths.presence(uid)).set({
      choice: 'available',
      connections: { gone: Timestamp.fromMillis(1_000) },
      updatedAt: Timestamp.now(),
    });
    const now = Date.now();
    await deliver(uid, status({ slot3: 1_000 }), status({ slot2: now }), now);
    expect(summary(await presenceOf(uid))).toEqual({
      choice: 'available',
      connections: { slot2: now },
      mirroredEventAt: now,
    });
  });

  it('empties the connections when the status node is deleted', async () => {
    const uid = await specialist();
    const now = Date.now();
    await deliver(uid, null, status({ slot1: now - 500 }), now - 400);
    await deliver(uid, status({ slot1: now - 500 }), null, now);
    const presence = await presenceOf(uid);
    expect(summary(presence).connections).toEqual({});
    expect(isConnected(presence, Date.now())).toBe(false);
  });

  it('leaves the same state when the same event is delivered twice', async () => {
    const uid = await specialist();
    const now = Date.now();
    await deliver(uid, null, status({ slot1: now, slot2: now - 10 }), now);
    const once = summary(await presenceOf(uid));
    await deliver(uid, null, status({ slot1: now, slot2: now - 10 }), now);
    expect(summary(await presenceOf(uid))).toEqual(once);
    expect(once.connections).toEqual({ slot1: now, slot2: now - 10 });
  });

  it('ignores an older event that arrives after a newer one', async () => {
    const uid = await specialist();
    const now = Date.now();
    await deliver(uid, status({ slot1: now - 2_000 }), null, now);
    await deliver(uid, null, status({ slot1: now - 2_000 }), now - 1_000);
    expect(summary(await presenceOf(uid))).toEqual({ choice: 'away', connections: {}, mirroredEventAt: now });
  });

  it('mirrors nothing for an account that is not an active specialist (demoted, disabled), whatever its token said', async () => {
    for (const uid of [await specialist('user'), await specialist('specialist', true)]) {
      await deliver(uid, null, status({ slot1: 1_000 }), 1_000);
      expect(await presenceOf(uid)).toBeUndefined();
    }
  });
});
