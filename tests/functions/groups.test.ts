// saveGroup and deleteGroup against the emulators: who may call them, members
// must be specialists, conflicts between two admins, retries, audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { httpsCallable } from 'firebase/functions';
import { getFirestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { CALLABLES } from '$shared/catalogue';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';

let app: App;
let admin: TestAccount;
let otherAdmin: TestAccount;
let specialist: TestAccount;

beforeAll(async () => {
  app = adminApp();
  [admin, otherAdmin, specialist] = await Promise.all([
    createAccount(app, 'admin'),
    createAccount(app, 'admin'),
    createAccount(app, 'specialist'),
  ]);
});
afterAll(() => cleanupApps(app));

async function call(as: TestAccount, name: string, data: unknown) {
  const { functions } = await signedInClient(as);
  return (await httpsCallable(functions, name)(data)).data as Record<string, unknown>;
}

const stored = async (id: string) => (await getFirestore(app).doc(`groups/${id}`).get()).data();
const audit = async (id: string) =>
  (await getFirestore(app).collection('auditLog').where('targetId', '==', id).get()).docs.map((d) => d.get('action'));

describe('saveGroup', () => {
  it('creates, renames and re-staffs a group, each with an audit entry; a retry changes nothing', async () => {
    const groupId = `g-${randomUUID().slice(0, 8)}`;
    const create = { groupId, revision: null, name: 'Network', specialistIds: [specialist.uid] };
    expect(await call(admin, CALLABLES.saveGroup, create)).toEqual({ groupId, revision: 1 });
    // The same create again (its answer was lost): the group is there as asked, no second entry.
    expect(await call(admin, CALLABLES.saveGroup, create)).toEqual({ groupId, revision: 1 });
    await call(admin, CALLABLES.saveGroup, { groupId, revision: 1, name: 'Networks', specialistIds: [] });
    expect(await stored(groupId)).toMatchObject({ name: 'Networks', specialistIds: [], revision: 2 });
    expect((await audit(groupId)).sort()).toEqual(['group.changed', 'group.created']);
  });

  it('refuses a save over someone else’s newer version, handing back their values', async () => {
    const groupId = `g-${randomUUID().slice(0, 8)}`;
    await call(admin, CALLABLES.saveGroup, { groupId, revision: null, name: 'Desk', specialistIds: [] });
    await call(otherAdmin, CALLABLES.saveGroup, { groupId, revision: 1, name: 'Desk team', specialistIds: [] });
    const { functions } = await signedInClient(admin);
    await expect(
      httpsCallable(functions, CALLABLES.saveGroup)({ groupId, revision: 1, name: 'Front desk', specialistIds: [] }),
    ).rejects.toMatchObject({
      code: 'functions/aborted',
      details: { current: { revision: 2, name: 'Desk team', specialistIds: [] } },
    });
    expect(await stored(groupId)).toMatchObject({ name: 'Desk team' });
  });

  it('takes specialist accounts only, and admins only', async () => {
    const user = await createAccount(app, 'user');
    const groupId = `g-${randomUUID().slice(0, 8)}`;
    await expect(
      call(admin, CALLABLES.saveGroup, { groupId, revision: null, name: 'X', specialistIds: [user.uid, 'ghost'] }),
    ).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringContaining(`${user.uid}, ghost`),
    });
    await expect(
      call(specialist, CALLABLES.saveGroup, { groupId, revision: null, name: 'X', specialistIds: [] }),
    ).rejects.toMatchObject({ code: 'functions/permission-denied' });
    await expect(
      call(admin, CALLABLES.saveGroup, { groupId, revision: null, name: '', specialistIds: [] }),
    ).rejects.toMatchObject({ code: 'functions/invalid-argument', message: expect.stringContaining('name') });
    expect(await stored(groupId)).toBeUndefined();
  });
});

describe('deleteGroup', () => {
  it('deletes the version it names, once; a stale version is refused', async () => {
    const groupId = `g-${randomUUID().slice(0, 8)}`;
    await call(admin, CALLABLES.saveGroup, { groupId, revision: null, name: 'Old', specialistIds: [] });
    await call(admin, CALLABLES.saveGroup, { groupId, revision: 1, name: 'Older', specialistIds: [] });
    await expect(call(admin, CALLABLES.deleteGroup, { groupId, revision: 1 })).rejects.toMatchObject({
      code: 'functions/aborted',
    });
    await call(admin, CALLABLES.deleteGroup, { groupId, revision: 2 });
    expect(await stored(groupId)).toBeUndefined();
    // A retry of the delete is answered as done.
    await call(admin, CALLABLES.deleteGroup, { groupId, revision: 2 });
    expect((await audit(groupId)).filter((a) => a === 'group.deleted')).toHaveLength(1);
    await expect(call(specialist, CALLABLES.deleteGroup, { groupId, revision: 2 })).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
  });
});
