// offlineMessages/{o}: left by member users when nobody is available; functions
// turn them into cases.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { LIMITS } from '$shared/catalogue';
import {
  P,
  Q,
  assertFails,
  assertSucceeds,
  claimedUid,
  newOfflineMessage,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  storedChatSettings,
  tooLong,
  uidOf,
  type Data,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('offline-messages');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const offline = paths.offlineMessage('offline-1');
const stored = (): Data => ({ ...newOfflineMessage(), createdAt: past() });

describe('leaving an offline message', () => {
  it('is open to member users of the project, as themselves', async () => {
    await onlyAllows(h, ['user', 'otherUser'], (db, persona) =>
      db.doc(paths.offlineMessage(`from-${persona}`)).set(newOfflineMessage({ userId: claimedUid(persona) })),
    );
  });

  it('refuses a forged userId or a project the user is not in', async () => {
    await assertFails(h.as('user').doc(offline).set(newOfflineMessage({ userId: uidOf('otherUser') })));
    await assertFails(h.as('user').doc(offline).set(newOfflineMessage({ projectId: Q })));
  });

  it('refuses while chat is disabled', async () => {
    await h.seed({ [paths.chatSettings()]: storedChatSettings({ enabled: false }) });
    await assertFails(h.as('user').doc(offline).set(newOfflineMessage()));
  });

  it('leaves the case to functions', async () => {
    await assertFails(h.as('user').doc(offline).set(newOfflineMessage({ caseId: 'offline_offline-1' })));
    await assertFails(h.as('user').doc(offline).set(newOfflineMessage({ caseNumber: 12 })));
  });

  it('text is 1..4000 characters, stamped now, nothing extra', async () => {
    const ana = h.as('user');
    await assertSucceeds(ana.doc(paths.offlineMessage('max')).set(newOfflineMessage({ text: 'x'.repeat(4000) })));
    await assertFails(ana.doc(offline).set(newOfflineMessage({ text: tooLong(LIMITS.offlineMessageText) })));
    await assertFails(ana.doc(offline).set(newOfflineMessage({ text: '' })));
    await assertFails(ana.doc(offline).set(newOfflineMessage({ createdAt: past() })));
    await assertFails(ana.doc(offline).set(newOfflineMessage({ phone: '555-0100' })));
    await assertFails(ana.doc(offline).set(newOfflineMessage({ userName: tooLong(LIMITS.displayName) })));
  });
});

describe('reading and changing offline messages', () => {
  beforeEach(() => h.seed({ [offline]: stored() }));

  it('is readable by its author, the project’s specialists and admin', async () => {
    await onlyAllows(h, ['user', 'specialist', 'level2', 'admin'], (db) => db.doc(offline).get());
  });

  it('lists for the project’s specialists by project', async () => {
    const inbox = (projectId: string) => h.as('specialist').collection('offlineMessages').where('projectId', '==', projectId).get();
    await assertSucceeds(inbox(P));
    await assertFails(inbox(Q));
  });

  it('is never changed or deleted from a client', async () => {
    await assertFails(h.as('user').doc(offline).update({ text: 'Actually, never mind.' }));
    await assertFails(h.as('specialist').doc(offline).update({ caseId: 'offline_offline-1', caseNumber: 1 }));
    await onlyAllows(h, [], (db) => db.doc(offline).delete());
  });
});
