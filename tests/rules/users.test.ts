// users/{uid}: read by self or admin; the owner may only rename themself.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '$shared/catalogue';
import {
  assertFails,
  assertSucceeds,
  onlyAllows,
  paths,
  rulesHarness,
  tooLong,
  uidOf,
  type RulesHarness,
} from './support';

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

  it('lets the owner change displayName, and nobody else', async () => {
    await onlyAllows(h, ['user'], (db) => db.doc(ana).update({ displayName: 'Ana Maria' }));
  });

  it('keeps role and email out of the owner’s reach', async () => {
    const db = h.as('user');
    await assertFails(db.doc(ana).update({ role: 'admin' }));
    await assertFails(db.doc(ana).update({ email: 'ana@evil.example' }));
    await assertFails(db.doc(ana).update({ displayName: 'Ana', role: 'specialist' }));
    expect((await h.peek(ana))?.role).toBe('user');
  });

  it('bounds displayName to 1..120 characters of text', async () => {
    const db = h.as('user');
    await assertFails(db.doc(ana).update({ displayName: '' }));
    await assertFails(db.doc(ana).update({ displayName: tooLong(LIMITS.displayName) }));
    await assertFails(db.doc(ana).update({ displayName: 42 }));
    await assertSucceeds(db.doc(ana).update({ displayName: 'x'.repeat(120) }));
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
