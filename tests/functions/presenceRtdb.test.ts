// Production presence end to end: the RTDB adapter in a signed-in client, the
// server running onDisconnect, and mirrorPresence copying /status/{uid} into
// Firestore. Needs the Realtime Database emulator, which `npm test` starts only
// when its binary is on the machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabaseEmulator, get, getDatabase, goOffline, goOnline, ref, type Database } from 'firebase/database';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { paths } from '$shared/catalogue';
import type { PresenceDoc } from '$shared/model';
import { isConnected } from '$shared/availability';
import { connectPresence } from '../../web/src/lib/presence/connect';
import type { PresenceConnection } from '../../web/src/lib/presence/connection';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';
import { databaseEmulatorRunning, emulator, PROJECT_ID } from '../support/emulators';
import { waitFor } from '../support/wait';

const title = databaseEmulatorRunning
  ? 'RTDB presence end to end'
  : 'RTDB presence end to end: requires the Realtime Database emulator (not installed here)';

describe.skipIf(!databaseEmulatorRunning)(title, () => {
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

  async function openTab(specialist: TestAccount): Promise<{ tab: PresenceConnection; rtdb: Database }> {
    const client = await signedInClient(specialist);
    const rtdb = getDatabase(client.app, `https://${PROJECT_ID}-default-rtdb.firebaseio.com`);
    connectDatabaseEmulator(rtdb, emulator('database').host, emulator('database').port);
    const tab = await connectPresence('rtdb', {
      uid: specialist.uid,
      firestore: client.db,
      database: async () => rtdb,
      onError: (error) => errors.push(error),
    });
    return { tab, rtdb };
  }

  const presenceOf = async (uid: string) => (await db.doc(paths.presence(uid)).get()).data() as PresenceDoc | undefined;
  const has = (p: PresenceDoc | undefined, id: string) => p?.connections[id] !== undefined;

  it('mirrors a connected tab into Firestore and keeps the choice', async () => {
    const specialist = await createAccount(app, 'specialist');
    const { tab } = await openTab(specialist);
    const presence = await waitFor(
      () => presenceOf(specialist.uid),
      (p) => has(p, tab.connectionId),
      { what: 'the tab mirrored into presence' },
    );
    expect(isConnected(presence, Date.now())).toBe(true);
    await tab.setChoice('available');
    expect((await presenceOf(specialist.uid))?.choice).toBe('available');
    await tab.stop();
  });

  it('drops only the tab whose connection is lost, and re-arms when it reconnects', async () => {
    const specialist = await createAccount(app, 'specialist');
    const first = await openTab(specialist);
    const second = await openTab(specialist);
    await waitFor(
      () => presenceOf(specialist.uid),
      (p) => has(p, first.tab.connectionId) && has(p, second.tab.connectionId),
      { what: 'both tabs mirrored' },
    );

    goOffline(first.rtdb);
    const afterLoss = await waitFor(
      () => presenceOf(specialist.uid),
      (p) => !has(p, first.tab.connectionId),
      { what: 'onDisconnect removing the lost tab' },
    );
    expect(has(afterLoss, second.tab.connectionId)).toBe(true);
    expect(isConnected(afterLoss, Date.now())).toBe(true);

    goOnline(first.rtdb);
    await waitFor(
      () => presenceOf(specialist.uid),
      (p) => has(p, first.tab.connectionId),
      { what: 'the reconnected tab back in presence' },
    );

    // A connection lost after the reconnect must be removed too: onDisconnect was re-armed.
    goOffline(first.rtdb);
    await waitFor(
      () => presenceOf(specialist.uid),
      (p) => !has(p, first.tab.connectionId),
      { what: 'the re-armed onDisconnect removing the tab again' },
    );
    goOnline(first.rtdb);
    await first.tab.stop();
    await second.tab.stop();
  });

  it('removes the RTDB entry on stop, leaving no connection', async () => {
    const specialist = await createAccount(app, 'specialist');
    const { tab, rtdb } = await openTab(specialist);
    await waitFor(
      () => presenceOf(specialist.uid),
      (p) => has(p, tab.connectionId),
      { what: 'the tab mirrored' },
    );
    await tab.stop();
    expect((await get(ref(rtdb, paths.rtdbStatus(specialist.uid)))).val()).toBeNull();
    const presence = await waitFor(
      () => presenceOf(specialist.uid),
      (p) => Object.keys(p?.connections ?? {}).length === 0,
      { what: 'the stopped tab gone from presence' },
    );
    expect(isConnected(presence, Date.now())).toBe(false);
  });
});
