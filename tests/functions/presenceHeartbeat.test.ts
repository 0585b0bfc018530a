// The heartbeat presence adapter (local mode) against the Firestore emulator and
// the real rules, with the client SDK: several tabs of one specialist, and the TTL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { paths, PRESENCE } from '$shared/catalogue';
import type { PresenceDoc } from '$shared/model';
import { isConnected } from '$shared/availability';
import { connectPresence } from '../../web/src/lib/presence/connect';
import type { PresenceConnection } from '../../web/src/lib/presence/connection';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';
import { waitFor } from '../support/wait';

let app: App;
let db: Firestore;
const errors: unknown[] = [];

beforeAll(() => {
  app = adminApp();
  db = getFirestore(app);
});
afterAll(async () => {
  expect(errors).toEqual([]);
  await cleanupApps(app);
});

/** One browser tab of `specialist`: its own client app, so its own connection to the emulator. */
async function openTab(specialist: TestAccount): Promise<PresenceConnection> {
  const client = await signedInClient(specialist);
  return connectPresence('heartbeat', {
    uid: specialist.uid,
    firestore: client.db,
    page: null,
    onError: (error) => errors.push(error),
  });
}

async function presenceOf(uid: string) {
  return (await db.doc(paths.presence(uid)).get()).data() as PresenceDoc | undefined;
}

const connectionIds = (p: PresenceDoc | undefined) => Object.keys(p?.connections ?? {}).sort();

describe('heartbeat presence', () => {
  it('keeps a specialist with two tabs connected until both are closed', async () => {
    const specialist = await createAccount(app, 'specialist');
    const first = await openTab(specialist);
    const second = await openTab(specialist);
    const both = [first.connectionId, second.connectionId].sort();
    const withBoth = await waitFor(
      () => presenceOf(specialist.uid),
      (p) => connectionIds(p).join() === both.join(),
      { what: 'both tabs in presence.connections' },
    );
    expect(withBoth?.choice).toBe('away');
    expect(isConnected(withBoth, Date.now())).toBe(true);

    await first.stop();
    const withOne = await presenceOf(specialist.uid);
    expect(connectionIds(withOne)).toEqual([second.connectionId]);
    expect(isConnected(withOne, Date.now())).toBe(true);

    await second.stop();
    const withNone = await presenceOf(specialist.uid);
    expect(withNone?.connections).toEqual({});
    expect(isConnected(withNone, Date.now())).toBe(false);
  });

  it('records the choice beside the connections', async () => {
    const specialist = await createAccount(app, 'specialist');
    const tab = await openTab(specialist);
    await tab.setChoice('available');
    const presence = await waitFor(
      () => presenceOf(specialist.uid),
      (p) => p?.connections[tab.connectionId] !== undefined,
      { what: 'the tab in presence.connections' },
    );
    expect(presence?.choice).toBe('available');
    await tab.setChoice('away');
    expect((await presenceOf(specialist.uid))?.choice).toBe('away');
    await tab.stop();
  });

  it('counts a connection older than the TTL as gone, and a new tab clears it away', async () => {
    const specialist = await createAccount(app, 'specialist');
    const stale = Timestamp.fromMillis(Date.now() - PRESENCE.ttlMs - 5_000);
    await db.doc(paths.presence(specialist.uid)).set({
      choice: 'available',
      connections: { 'crashed-tab-1': stale },
      updatedAt: Timestamp.now(),
    });
    expect(isConnected(await presenceOf(specialist.uid), Date.now())).toBe(false);

    const tab = await openTab(specialist);
    const presence = await waitFor(
      () => presenceOf(specialist.uid),
      (p) => connectionIds(p).join() === tab.connectionId,
      { what: 'the stale key pruned and the new tab stamped' },
    );
    expect(presence?.choice).toBe('available');
    expect(isConnected(presence, Date.now())).toBe(true);
    await tab.stop();
  });
});
