// groups/{g} and caseTemplates/{t}: admin-managed catalogues specialists read.
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
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

  it('is written by an admin only', async () => {
    await onlyAllows(h, ['admin'], (db) => db.doc(printing).set(group()));
  });

  it('holds a name and at most 200 specialist ids, nothing else', async () => {
    const admin = h.as('admin').doc(printing);
    await assertFails(admin.set(group({ name: '' })));
    await assertFails(admin.set(group({ specialistIds: 'sam' })));
    await assertFails(admin.set(group({ specialistIds: Array.from({ length: 201 }, (_, i) => `s${i}`) })));
    await assertFails(admin.set(group({ lead: 'sam' })));
    await assertSucceeds(admin.set(group({ specialistIds: Array.from({ length: 200 }, (_, i) => `s${i}`) })));
  });

  it('is deleted by an admin only', async () => {
    await h.seed({ [printing]: group() });
    await assertFails(h.as('specialist').doc(printing).delete());
    await assertSucceeds(h.as('admin').doc(printing).delete());
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
