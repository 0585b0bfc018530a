// presence/{uid}: each specialist keeps their own document; one tab adds,
// refreshes or removes only its own connection per write.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import {
  assertFails,
  assertSucceeds,
  claimedUid,
  deleteField,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  serverTime,
  uidOf,
  type Data,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('presence');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const sam = paths.presence(uidOf('specialist'));
const presence = (connections: Data, overrides: Data = {}): Data => ({
  choice: 'available',
  connections,
  updatedAt: serverTime(),
  ...overrides,
});
/** Sam online in two tabs since a minute ago. */
const twoTabs = () => ({ choice: 'available', connections: { tabA: past(1), tabB: past(1) }, updatedAt: past(1) });

describe('the number of connections', () => {
  it('stops at ten: an eleventh tab is refused, a refresh of one of the ten is not', async () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`tab${i}`, past(1)]));
    await h.seed({ [sam]: { choice: 'available', connections: ten, updatedAt: past(1) } });
    const db = h.as('specialist').doc(sam);
    await assertFails(db.update({ 'connections.tab10': serverTime(), updatedAt: serverTime() }));
    await assertSucceeds(db.update({ 'connections.tab3': serverTime(), updatedAt: serverTime() }));
  });
});

describe('creating presence', () => {
  it('is for each specialist’s own document', async () => {
    await onlyAllows(h, ['specialist', 'level2', 'specialistOfQ'], (db, persona) =>
      db.doc(paths.presence(claimedUid(persona))).set(presence({ tab: serverTime() })),
    );
  });

  it('not for another specialist, not even by admin', async () => {
    await assertFails(
      h
        .as('level2')
        .doc(sam)
        .set(presence({ tab: serverTime() })),
    );
    await assertFails(
      h
        .as('admin')
        .doc(sam)
        .set(presence({ tab: serverTime() })),
    );
  });

  it('opens with at most one connection, stamped now', async () => {
    const db = h.as('specialist').doc(sam);
    await assertFails(db.set(presence({ tabA: serverTime(), tabB: serverTime() })));
    await assertFails(db.set(presence({ tab: past() })));
    await assertSucceeds(db.set(presence({}, { choice: 'away' })));
  });

  it('holds a known choice and the server time, nothing else', async () => {
    const db = h.as('specialist').doc(sam);
    await assertFails(db.set(presence({ tab: serverTime() }, { choice: 'busy' })));
    await assertFails(db.set(presence({ tab: serverTime() }, { updatedAt: past() })));
    await assertFails(db.set(presence({ tab: serverTime() }, { level: 2 })));
    await assertFails(db.set({ ...presence({}), connections: ['tab'] }));
  });
});

describe('updating presence', () => {
  beforeEach(() => h.seed({ [sam]: twoTabs() }));
  const update = (data: Data) =>
    h
      .as('specialist')
      .doc(sam)
      .update({ ...data, updatedAt: serverTime() });

  it('adds, refreshes or removes one connection per write', async () => {
    await assertSucceeds(update({ 'connections.tabC': serverTime() }));
    await assertSucceeds(update({ 'connections.tabA': serverTime() }));
    await assertSucceeds(update({ 'connections.tabB': deleteField() }));
  });

  it('refuses touching two connections at once', async () => {
    await assertFails(update({ 'connections.tabC': serverTime(), 'connections.tabD': serverTime() }));
    await assertFails(update({ 'connections.tabA': deleteField(), 'connections.tabB': deleteField() }));
    await assertFails(update({ 'connections.tabA': serverTime(), 'connections.tabB': deleteField() }));
    await assertFails(update({ connections: {} }));
  });

  it('refuses a connection stamped by the client clock', async () => {
    await assertFails(update({ 'connections.tabA': past(-5) }));
    await assertFails(update({ 'connections.tabC': 'online' }));
  });

  it('changes the choice without touching connections', async () => {
    await assertSucceeds(update({ choice: 'away' }));
    await assertFails(update({ choice: 'invisible' }));
    await assertFails(h.as('specialist').doc(sam).update({ choice: 'away', updatedAt: past() }));
  });

  it('leaves mirroredEventAt to the RTDB mirror', async () => {
    await h.seed({ [sam]: { ...twoTabs(), mirroredEventAt: past(1) } });
    await assertSucceeds(update({ choice: 'away' }));
    await assertFails(update({ mirroredEventAt: serverTime() }));
    await assertFails(update({ mirroredEventAt: deleteField() }));
    await h.remove(sam);
    await assertFails(
      h
        .as('specialist')
        .doc(sam)
        .set(presence({}, { mirroredEventAt: serverTime() })),
    );
  });

  it('never on another specialist’s document', async () => {
    await assertFails(h.as('level2').doc(sam).update({ choice: 'away', updatedAt: serverTime() }));
    await assertFails(
      h.as('specialistOfQ').doc(sam).update({ 'connections.tabB': deleteField(), updatedAt: serverTime() }),
    );
  });
});

describe('reading and deleting presence', () => {
  beforeEach(() => h.seed({ [sam]: twoTabs() }));

  it('is readable by specialists and admin, not users', async () => {
    await onlyAllows(h, ['specialist', 'level2', 'specialistOfQ', 'admin'], (db) => db.doc(sam).get());
  });

  it('is deleted by its own specialist only', async () => {
    await onlyAllows(h, ['specialist'], (db) => db.doc(sam).delete());
  });
});
