// groups/{g} (functions write) and caseTemplates/{t} (admins write): catalogues specialists read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseTemplateField } from '$shared/model';
import { LIMITS } from '$shared/catalogue';
import {
  assertFails,
  assertSucceeds,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  serverTime,
  tooLong,
  uidOf,
  type Data,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('groups-and-templates');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const staff = ['specialist', 'level2', 'specialistOfQ', 'admin'] as const;

describe('groups/{g}', () => {
  const printing = paths.group('printing');
  const group = (overrides: Data = {}): Data => ({
    name: 'Printing',
    specialistIds: [uidOf('specialist')],
    ...overrides,
  });

  it('is readable by admin and every specialist, not by users', async () => {
    await h.seed({ [printing]: group() });
    await onlyAllows(h, staff, (db) => db.doc(printing).get());
  });

  it('takes no client writes, admins included (functions save groups with their audit entry)', async () => {
    await onlyAllows(h, [], (db) => db.doc(printing).set(group()));
    await h.seed({ [printing]: group() });
    await onlyAllows(h, [], (db) => db.doc(printing).update({ name: 'Renamed' }));
    await onlyAllows(h, [], (db) => db.doc(printing).update({ specialistIds: [uidOf('level2')] }));
    await onlyAllows(h, [], (db) => db.doc(printing).delete());
    expect(await h.peek(printing)).toMatchObject({ name: 'Printing', specialistIds: [uidOf('specialist')] });
  });
});

describe('caseTemplates/{t}', () => {
  const chat = paths.caseTemplate('chat');
  const field: CaseTemplateField = { key: 'serial', label: 'Serial number', mandatory: true };
  const template = (overrides: Data = {}): Data => ({
    name: 'Chat case',
    fields: [field],
    updatedAt: serverTime(),
    ...overrides,
  });

  it('is readable by admin and every specialist, not by users', async () => {
    await h.seed({ [chat]: template({ updatedAt: past() }) });
    await onlyAllows(h, staff, (db) => db.doc(chat).get());
  });

  it('is written by an admin only', async () => {
    await onlyAllows(h, ['admin'], (db) => db.doc(chat).set(template()));
  });

  it('holds a name, at most 50 fields and the server time', async () => {
    const admin = h.as('admin').doc(chat);
    await assertFails(admin.set(template({ name: tooLong(LIMITS.displayName) })));
    await assertFails(admin.set(template({ fields: Array.from({ length: 51 }, () => field) })));
    await assertFails(admin.set(template({ updatedAt: past() })));
    await assertFails(admin.set(template({ owner: uidOf('admin') })));
    await assertSucceeds(admin.set(template({ fields: Array.from({ length: 50 }, () => field) })));
  });

  it('is deleted by an admin only', async () => {
    await h.seed({ [chat]: template({ updatedAt: past() }) });
    await assertFails(h.as('level2').doc(chat).delete());
    await assertSucceeds(h.as('admin').doc(chat).delete());
  });
});
