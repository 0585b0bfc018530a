// auditLog/{id}: admins read; functions write, in the transaction of the change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryDoc } from '$shared/model';
import { assertFails, onlyAllows, past, paths, rulesHarness, uidOf, type RulesHarness } from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('audit-log');
});
beforeEach(async () => {
  await h.reset();
  await h.seed({ [paths.auditEntry('e1')]: entry() });
});
afterAll(() => h?.finish());

function entry(overrides: Partial<AuditEntryDoc> = {}): AuditEntryDoc {
  return {
    at: past(),
    actorId: uidOf('admin'),
    actorName: 'Ada',
    action: 'account.role',
    targetKind: 'account',
    targetId: uidOf('user'),
    targetName: 'Ana',
    before: { role: 'user', disabled: false },
    after: { role: 'specialist', disabled: false },
    ...overrides,
  };
}

describe('auditLog/{id}', () => {
  it('is read and listed by admins only', async () => {
    await onlyAllows(h, ['admin'], (db) => db.doc(paths.auditEntry('e1')).get());
    await onlyAllows(h, ['admin'], (db) => db.collection('auditLog').orderBy('at', 'desc').limit(25).get());
  });

  it('takes no client writes, admins included: a trail nobody can forge or erase', async () => {
    await onlyAllows(h, [], (db) => db.doc(paths.auditEntry('e2')).set(entry()));
    await onlyAllows(h, [], (db) => db.doc(paths.auditEntry('e1')).update({ actorName: 'Someone else' }));
    await onlyAllows(h, [], (db) => db.doc(paths.auditEntry('e1')).delete());
    expect(await h.peek(paths.auditEntry('e1'))).toMatchObject({ actorName: 'Ada' });
  });

  it('is closed to a disabled admin and to a demoted admin whose token still claims admin', async () => {
    await h.seed({
      [paths.user(uidOf('admin'))]: { displayName: 'Ada', email: 'ada@example.com', role: 'admin', disabled: true },
    });
    await assertFails(h.as('admin').doc(paths.auditEntry('e1')).get());
    await h.seed({ [paths.user(uidOf('admin'))]: { displayName: 'Ada', email: 'ada@example.com', role: 'user' } });
    await assertFails(h.withToken(uidOf('admin'), { role: 'admin' }).collection('auditLog').get());
  });
});
