// projects/{p} and what hangs under it: members, specialists, caseConfig.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDefaults } from '$shared/model';
import { LIMITS } from '$shared/catalogue';
import {
  P,
  assertFails,
  assertSucceeds,
  onlyAllows,
  past,
  paths,
  rulesHarness,
  serverTime,
  tooLong,
  uidOf,
  without,
  type Data,
  type RulesHarness,
} from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('projects');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const member = (overrides: Data = {}): Data => ({
  uid: 'dora',
  displayName: 'Dora',
  addedAt: serverTime(),
  ...overrides,
});
const specialist = (overrides: Data = {}): Data => ({
  uid: 'vic',
  displayName: 'Vic',
  level: 1,
  addedAt: serverTime(),
  addedBy: uidOf('admin'),
  ...overrides,
});
const defaults: CaseDefaults = {
  type: 'Incident',
  category: 'Chat',
  service: 'Printing',
  priority: 'medium',
  group: 'Desk',
};
const caseConfig = (overrides: Data = {}): Data => ({
  templateId: 'chat-template',
  defaults,
  subjectPattern: 'Chat: {firstLine}',
  updatedAt: serverTime(),
  updatedBy: uidOf('admin'),
  ...overrides,
});

describe('projects/{p}', () => {
  it('is readable by admin, its members and its specialists', async () => {
    await onlyAllows(h, ['user', 'otherUser', 'specialist', 'level2', 'admin'], (db) => db.doc(paths.project(P)).get());
  });

  it('takes no client writes, admins included (saveProject writes it with its audit entry)', async () => {
    const project = { name: 'Network', description: '', lastCaseNumber: 0 };
    await onlyAllows(h, [], (db) => db.doc(paths.project('project-n')).set(project));
    await onlyAllows(h, [], (db) => db.doc(paths.project(P)).update({ name: 'Printers and scanners' }));
    await onlyAllows(h, [], (db) => db.doc(paths.project(P)).update({ archived: true }));
    await onlyAllows(h, [], (db) => db.doc(paths.project(P)).update({ lastCaseNumber: 100 }));
    await onlyAllows(h, [], (db) => db.doc(paths.project(P)).delete());
    expect(await h.peek(paths.project(P))).toMatchObject({ name: 'Printers', lastCaseNumber: 0 });
  });

  it('stays readable to its members and specialists once archived (history)', async () => {
    await h.seed({ [paths.project(P)]: { name: 'Printers', description: '', lastCaseNumber: 0, archived: true } });
    await onlyAllows(h, ['user', 'otherUser', 'specialist', 'level2', 'admin'], (db) => db.doc(paths.project(P)).get());
  });
});

describe('projects/{p}/members/{uid}', () => {
  const ana = paths.member(P, uidOf('user'));

  it('is readable by the member, the project’s specialists and admin', async () => {
    await onlyAllows(h, ['user', 'specialist', 'level2', 'admin'], (db) => db.doc(ana).get());
  });

  it('takes no client writes, admins included (setProjectMembers writes it with its audit entry)', async () => {
    const dora = paths.member(P, 'dora');
    await onlyAllows(h, [], (db) => db.doc(dora).set(member()));
    await onlyAllows(h, [], (db) => db.doc(paths.member(P, uidOf('userOfQ'))).set(member({ uid: uidOf('userOfQ') })));
    await onlyAllows(h, [], (db) => db.doc(ana).update({ displayName: 'Ana M.' }));
    await onlyAllows(h, [], (db) => db.doc(ana).delete());
    expect(await h.peek(ana)).toMatchObject({ displayName: 'Ana' });
  });

  it('lists across projects for its own uid only (collection group)', async () => {
    const memberships = (persona: 'user' | 'otherUser' | 'admin') =>
      h.as(persona).collectionGroup('members').where('uid', '==', uidOf('user')).get();
    const mine = await assertSucceeds(memberships('user'));
    expect(mine.size).toBe(1);
    await assertFails(memberships('otherUser'));
    await assertSucceeds(memberships('admin'));
    await assertFails(h.as('user').collectionGroup('members').get());
  });
});

describe('projects/{p}/specialists/{uid}', () => {
  const sam = paths.projectSpecialist(P, uidOf('specialist'));

  it('is readable by any specialist (for transfers) and admin', async () => {
    await onlyAllows(h, ['specialist', 'level2', 'specialistOfQ', 'admin'], (db) => db.doc(sam).get());
  });

  it('is added by an admin only, level 1 or 2, stamped by that admin', async () => {
    const vic = paths.projectSpecialist(P, 'vic');
    await onlyAllows(h, ['admin'], (db) => db.doc(vic).set(specialist()));
    await h.remove(vic);
    const admin = h.as('admin');
    await assertFails(admin.doc(vic).set(specialist({ level: 3 })));
    await assertFails(admin.doc(vic).set(specialist({ level: '1' })));
    await assertFails(admin.doc(vic).set(specialist({ addedBy: uidOf('level2') })));
    await assertFails(admin.doc(vic).set(without(specialist(), 'addedAt')));
    await assertFails(admin.doc(vic).set(specialist({ displayName: '' })));
    await assertFails(admin.doc(vic).set(specialist({ uid: uidOf('specialist') })));
  });

  it('lists across projects for specialists and admin (collection group)', async () => {
    const services = (persona: 'specialist' | 'user' | 'admin') =>
      h.as(persona).collectionGroup('specialists').where('uid', '==', uidOf('specialist')).get();
    const mine = await assertSucceeds(services('specialist'));
    expect(mine.size).toBe(1);
    await assertSucceeds(services('admin'));
    await assertFails(services('user'));
  });

  it('cannot be self-promoted by a specialist', async () => {
    await assertFails(h.as('specialist').doc(sam).update({ level: 2 }));
    await assertFails(
      h
        .as('specialistOfQ')
        .doc(paths.projectSpecialist(P, uidOf('specialistOfQ')))
        .set(specialist()),
    );
    expect((await h.peek(sam))?.level).toBe(1);
  });

  it('changes level by admin only', async () => {
    await assertFails(h.as('admin').doc(sam).update({ level: 0 }));
    await assertSucceeds(h.as('admin').doc(sam).update({ level: 2 }));
  });

  it('is removed by an admin only', async () => {
    await assertFails(h.as('level2').doc(sam).delete());
    await assertSucceeds(h.as('admin').doc(sam).delete());
  });
});

describe('projects/{p}/caseConfig/{circumstance}', () => {
  const offline = paths.caseConfig(P, 'offline');

  it('is readable by admin and the project’s specialists', async () => {
    await h.seed({ [offline]: { ...caseConfig(), updatedAt: past() } });
    await onlyAllows(h, ['specialist', 'level2', 'admin'], (db) => db.doc(offline).get());
  });

  it('is written by an admin only', async () => {
    await onlyAllows(h, ['admin'], (db) => db.doc(offline).set(caseConfig()));
  });

  it('exists only for offline and conversion', async () => {
    const admin = h.as('admin');
    await assertSucceeds(admin.doc(paths.caseConfig(P, 'conversion')).set(caseConfig()));
    await assertFails(admin.doc(`projects/${P}/caseConfig/escalation`).set(caseConfig()));
  });

  it('validates defaults, subject and stamps', async () => {
    const admin = h.as('admin').doc(offline);
    await assertFails(admin.set(caseConfig({ defaults: { ...defaults, priority: 'urgent' } })));
    await assertFails(admin.set(caseConfig({ defaults: without(defaults, 'group') })));
    await assertFails(admin.set(caseConfig({ defaults: { ...defaults, service: '' } })));
    await assertFails(admin.set(caseConfig({ defaults: { ...defaults, category: tooLong(120) } })));
    await assertFails(admin.set(caseConfig({ subjectPattern: '' })));
    await assertFails(admin.set(caseConfig({ subjectPattern: tooLong(200) })));
    await assertFails(admin.set(caseConfig({ templateId: 7 })));
    await assertFails(admin.set(caseConfig({ updatedBy: uidOf('specialist') })));
    await assertFails(admin.set(caseConfig({ updatedAt: past() })));
  });
});
