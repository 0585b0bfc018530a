// Documents only functions write: specialist metrics, and anything the rules
// never name (cases have their own spec, cases.test.ts).
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import {
  P,
  Q,
  assertFails,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  storedLine,
  uidOf,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('functions-owned');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

describe('specialistStats/{uid} and days/{day}', () => {
  const sam = paths.specialistStats(uidOf('specialist'));
  const samToday = paths.specialistDay(uidOf('specialist'), '2026-11-25');

  it('is readable by the specialist themself and admin', async () => {
    await h.seed({ [sam]: { conversations: 3 }, [samToday]: { conversations: 1 } });
    await onlyAllows(h, ['specialist', 'admin'], (db) => db.doc(sam).get());
    await onlyAllows(h, ['specialist', 'admin'], (db) => db.doc(samToday).get());
  });

  it('opens per-project day buckets to the specialist themself and admin only', async () => {
    const byProject = paths.specialistProjectDay(uidOf('specialist'), P, '2026-11-25');
    await h.seed({ [byProject]: { engagements: 2 } });
    await onlyAllows(h, ['specialist', 'admin'], (db) => db.doc(byProject).get());
    await assertFails(h.as('specialist').doc(byProject).set({ engagements: 99 }));
    await assertFails(h.as('admin').doc(byProject).set({ engagements: 0 }));
  });

  it('keeps applied-event markers away from clients', async () => {
    const marker = paths.specialistAppliedEvent(uidOf('specialist'), 'rating_conv-1');
    await h.seed({ [marker]: { kind: 'rating', sourceId: 'conv-1', appliedAt: past() } });
    await onlyAllows(h, [], (db) => db.doc(marker).get());
  });

  it('takes no client writes', async () => {
    await assertFails(h.as('specialist').doc(sam).set({ conversations: 999 }));
    await assertFails(h.as('specialist').doc(samToday).set({ conversations: 999 }));
    await assertFails(h.as('admin').doc(sam).set({ conversations: 0 }));
  });
});

describe('everything else', () => {
  it('specialistLoad is readable by the specialist themself and admin, written by functions only', async () => {
    const load = paths.specialistLoad(uidOf('specialist'));
    await h.seed({ [load]: { activeConversationIds: ['conv-1'], updatedAt: past() } });
    await onlyAllows(h, ['specialist', 'admin'], (db) => db.doc(load).get());
    await onlyAllows(h, [], (db) => db.doc(load).set({ activeConversationIds: [], updatedAt: past() }));
  });

  it('a waiting line is readable by the project’s members, its specialists and admin; written by functions only', async () => {
    const line = paths.queue(P, 1);
    await h.seed({ [line]: storedLine() });
    await onlyAllows(h, ['user', 'otherUser', 'specialist', 'level2', 'admin'], (db) => db.doc(line).get());
    await onlyAllows(h, [], (db) => db.doc(line).update({ head: 1 }));
    await onlyAllows(h, [], (db) => db.doc(paths.queue(Q, 1)).set(storedLine({ projectId: Q })));
  });

  it('the routing lease and the line’s tally are closed to every persona', async () => {
    const lease = paths.queueLease(P, 1);
    const tally = paths.queueTally(P, 1);
    await h.seed({
      [lease]: { holder: 'pass-1', until: past(-1), again: false },
      [tally]: { projectId: P, level: 1, tail: 3, waiting: 2, updatedAt: past(1) },
    });
    await onlyAllows(h, [], (db) => db.doc(lease).get());
    await onlyAllows(h, [], (db) => db.doc(lease).set({ holder: 'me', until: past(-5), again: false }));
    await onlyAllows(h, [], (db) => db.doc(tally).get());
    await onlyAllows(h, [], (db) => db.doc(tally).update({ tail: 0 }));
  });

  it('is closed to every persona', async () => {
    await h.seed({ 'audit/entry': { what: 'x' } });
    await onlyAllows(h, [], (db) => db.doc('audit/entry').get());
    await onlyAllows(h, [], (db) => db.doc('audit/other').set({ what: 'y' }));
  });
});
