// users/{uid}: read by self or admin; written by functions only. The role the
// rules act on comes from this document, never from the ID token's claim.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, onlyAllows, paths, rulesHarness, uidOf, type RulesHarness } from './support';

let h: RulesHarness;
beforeAll(async () => {
  h = await rulesHarness('users');
});
beforeEach(() => h.reset());
afterAll(() => h?.finish());

const ana = paths.user(uidOf('user'));

describe('users/{uid}', () => {
  it('is readable by its owner and admins only', async () => {
    await onlyAllows(h, ['user', 'admin'], (db) => db.doc(ana).get());
  });

  it('the People list (a query of every account) is for admins only', async () => {
    await onlyAllows(h, ['admin'], (db) => db.collection('users').orderBy('sortName').limit(25).get());
    await onlyAllows(h, ['admin'], (db) =>
      db.collection('users').where('searchTerms', 'array-contains', 'an').orderBy('sortName').get(),
    );
  });

  it('takes no client writes: name, role and email are the organization’s to set', async () => {
    await onlyAllows(h, [], (db) => db.doc(ana).update({ displayName: 'Ana Maria' }));
    const db = h.as('user');
    await assertFails(db.doc(ana).update({ displayName: 'Sam (specialist)' }));
    await assertFails(db.doc(ana).update({ role: 'admin' }));
    await assertFails(db.doc(ana).update({ email: 'ana@evil.example' }));
    await assertFails(db.doc(ana).update({ disabled: false }));
    await assertFails(db.doc(ana).update({ projectIds: ['project-q'] }));
    await assertFails(db.doc(ana).update({ lastSignInAt: new Date() }));
    await assertFails(h.as('admin').doc(ana).update({ role: 'specialist' }));
    expect(await h.peek(ana)).toMatchObject({ displayName: 'Ana', role: 'user' });
  });

  it('is created and deleted by functions only', async () => {
    await h.remove(ana);
    await assertFails(h.as('user').doc(ana).set({ displayName: 'Ana', email: 'ana@example.com', role: 'user' }));
    await assertFails(h.as('user').doc(paths.user('newcomer')).set({ displayName: 'N', email: 'n@x', role: 'user' }));
    await assertFails(h.as('admin').doc(paths.user('newcomer')).set({ displayName: 'N', email: 'n@x', role: 'user' }));
    await assertFails(h.as('user').doc(ana).delete());
    await assertFails(h.as('admin').doc(ana).delete());
  });
});

describe('the role comes from users/{uid}, not from the ID token', () => {
  const settings = paths.chatSettings();
  const adminWrite = (db: ReturnType<RulesHarness['as']>) => db.doc(settings).update({ enabled: false });

  it('a demoted admin’s token, still claiming admin, has no admin powers', async () => {
    await h.seed({ [paths.user(uidOf('admin'))]: { displayName: 'Ada', email: 'ada@example.com', role: 'user' } });
    await assertFails(adminWrite(h.as('admin')));
    await assertFails(h.as('admin').doc(ana).get());
    await assertFails(h.as('admin').collection('users').get());
    expect((await h.peek(settings))?.enabled).toBe(true);
  });

  it('a promotion counts at once, before the token is refreshed', async () => {
    await h.seed({ [paths.user(uidOf('otherUser'))]: { displayName: 'Ben', email: 'ben@example.com', role: 'admin' } });
    const ben = h.withToken(uidOf('otherUser'), { role: 'user' });
    await assertSucceeds(ben.doc(ana).get());
  });

  it('a disabled account may only read its own document (so the app can say why)', async () => {
    await h.seed({
      [paths.user(uidOf('admin'))]: { displayName: 'Ada', email: 'ada@example.com', role: 'admin', disabled: true },
      [paths.user(uidOf('user'))]: { displayName: 'Ana', email: 'ana@example.com', role: 'user', disabled: true },
    });
    await assertFails(adminWrite(h.as('admin')));
    await assertFails(h.as('user').doc(paths.project('project-p')).get());
    await assertSucceeds(h.as('user').doc(ana).get());
  });

  it('a disabled account reads neither the settings nor its own chat records', async () => {
    const own = {
      settings: paths.chatSettings(),
      texts: paths.chatMessages(),
      offline: paths.offlineMessage('conv-disabled'),
      rating: paths.rating('conv-disabled'),
    };
    await h.seed({
      [own.offline]: { projectId: 'project-p', userId: uidOf('user'), userName: 'Ana', text: 'Hi' },
      [own.rating]: { projectId: 'project-p', userId: uidOf('user'), specialistId: uidOf('specialist'), score: 5 },
    });
    // One read at a time: a refused read must be awaited where it starts, or it rejects unhandled.
    const reads = Object.values(own).map((path) => () => h.as('user').doc(path).get());
    const member = () => h.as('user').collectionGroup('members').where('uid', '==', uidOf('user')).get();
    // Readable while active, so the refusals below are the disabled flag's doing.
    for (const read of reads) await assertSucceeds(read());
    await assertSucceeds(member());
    await h.seed({
      [paths.user(uidOf('user'))]: { displayName: 'Ana', email: 'ana@example.com', role: 'user', disabled: true },
    });
    for (const read of reads) await assertFails(read());
    await assertFails(member());
  });

  it('an account without a users document has no role, whatever its token says', async () => {
    await assertFails(adminWrite(h.withToken('stranger', { role: 'admin' })));
    await assertFails(h.withToken('stranger', { role: 'user' }).doc(paths.project('project-p')).get());
  });
});
