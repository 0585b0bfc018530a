// conversations/{c}/reads/{uid}: each participant says how far they have read,
// only for themselves and only as the server's time; nobody takes it back.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import {
  CONVERSATION,
  assertFails,
  assertSucceeds,
  claimedUid,
  deleteField,
  deniesAll,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  serverTime,
  storedConversation,
  uidOf,
  type RulesHarness,
  type SignedInPersona,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('reads');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const conv = paths.conversation(CONVERSATION);
const marker = (uid: string) => paths.readMarker(CONVERSATION, uid);
const markerOf = (persona: SignedInPersona) => marker(uidOf(persona));

describe('read markers', () => {
  beforeEach(() => h.seed({ [conv]: storedConversation() }));

  it('each participant writes their own: the owner and the assigned specialist only', async () => {
    await onlyAllows(h, ['user', 'specialist'], (db, persona) =>
      db.doc(marker(claimedUid(persona))).set({ at: serverTime() }),
    );
  });

  it('moves on later, as an update of the same document', async () => {
    await h.seed({ [markerOf('user')]: { at: past(5) }, [markerOf('specialist')]: { at: past(5) } });
    await onlyAllows(h, ['user', 'specialist'], (db, persona) =>
      db.doc(marker(claimedUid(persona))).set({ at: serverTime() }),
    );
  });

  it('never for someone else: a forged uid, or an admin writing for a participant', async () => {
    await assertFails(h.as('user').doc(markerOf('specialist')).set({ at: serverTime() }));
    await assertFails(h.as('specialist').doc(markerOf('user')).set({ at: serverTime() }));
    await deniesAll(h, ['otherUser', 'level2', 'admin'], (db) => db.doc(markerOf('user')).set({ at: serverTime() }));
  });

  it('after a transfer the previous specialist is no longer a participant', async () => {
    await h.seed({ [conv]: storedConversation({ level: 2, specialistId: uidOf('level2'), specialistName: 'Lia' }) });
    await onlyAllows(h, ['user', 'level2'], (db, persona) =>
      db.doc(marker(claimedUid(persona))).set({ at: serverTime() }),
    );
  });

  it('holds only the server time', async () => {
    const ana = h.as('user');
    await assertFails(ana.doc(markerOf('user')).set({ at: past() }));
    await assertFails(ana.doc(markerOf('user')).set({ at: serverTime(), messageId: 'm1' }));
    await assertFails(ana.doc(markerOf('user')).set({}));
    await h.seed({ [markerOf('user')]: { at: past(1) } });
    await assertFails(ana.doc(markerOf('user')).update({ at: deleteField() }));
    await assertFails(ana.doc(markerOf('user')).update({ at: past(0) }));
    await assertSucceeds(ana.doc(markerOf('user')).update({ at: serverTime() }));
  });

  it('is never deleted, not even by its writer or admin', async () => {
    await h.seed({ [markerOf('user')]: { at: past(1) } });
    await deniesAll(h, ['user', 'specialist', 'admin'], (db) => db.doc(markerOf('user')).delete());
  });

  it('is read by the participants and admin', async () => {
    await h.seed({ [markerOf('user')]: { at: past(1) } });
    await onlyAllows(h, ['user', 'specialist', 'admin'], (db) => db.doc(markerOf('user')).get());
  });
});
