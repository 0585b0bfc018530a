// saveProject and setProjectMembers against the emulators: admins only, audit
// entries, conflicts, retries, members must be user accounts, archiving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { httpsCallable } from 'firebase/functions';
import { getFirestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { CALLABLES } from '$shared/catalogue';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';
import { waitFor } from '../support/wait';

let app: App;
let admin: TestAccount;
let user: TestAccount;

beforeAll(async () => {
  app = adminApp();
  [admin, user] = await Promise.all([createAccount(app, 'admin'), createAccount(app, 'user')]);
});
afterAll(() => cleanupApps(app));

async function call(as: TestAccount, name: string, data: unknown) {
  const { functions } = await signedInClient(as);
  return (await httpsCallable(functions, name)(data)).data as Record<string, unknown>;
}

const db = () => getFirestore(app);
const audit = async (id: string) =>
  (await db().collection('auditLog').where('targetId', '==', id).get()).docs.map((d) => d.data());
const newProject = (projectId: string) => ({
  projectId,
  revision: null,
  name: 'Network',
  description: '',
  archived: false,
});

describe('saveProject', () => {
  it('creates, describes and archives a project with audit entries; the case counter is left alone', async () => {
    const projectId = `p-${randomUUID().slice(0, 8)}`;
    expect(await call(admin, CALLABLES.saveProject, newProject(projectId))).toEqual({ projectId, revision: 1 });
    expect(await call(admin, CALLABLES.saveProject, newProject(projectId))).toEqual({ projectId, revision: 1 });
    await db().doc(`projects/${projectId}`).update({ lastCaseNumber: 7 });
    await call(admin, CALLABLES.saveProject, {
      ...newProject(projectId),
      revision: 1,
      description: 'Wi-Fi',
      archived: true,
    });
    expect((await db().doc(`projects/${projectId}`).get()).data()).toMatchObject({
      name: 'Network',
      description: 'Wi-Fi',
      archived: true,
      lastCaseNumber: 7,
      revision: 2,
    });
    const entries = await audit(projectId);
    expect(entries.map((e) => e.action).sort()).toEqual(['project.changed', 'project.created']);
    expect(entries.find((e) => e.action === 'project.changed')).toMatchObject({
      actorId: admin.uid,
      before: { archived: false, description: '' },
      after: { archived: true, description: 'Wi-Fi' },
    });
  });

  it('refuses a stale revision with the stored values, and non-admins', async () => {
    const projectId = `p-${randomUUID().slice(0, 8)}`;
    await call(admin, CALLABLES.saveProject, newProject(projectId));
    await call(admin, CALLABLES.saveProject, { ...newProject(projectId), revision: 1, name: 'Networks' });
    const { functions } = await signedInClient(admin);
    await expect(
      httpsCallable(functions, CALLABLES.saveProject)({ ...newProject(projectId), revision: 1, name: 'LAN' }),
    ).rejects.toMatchObject({ code: 'functions/aborted', details: { current: { revision: 2, name: 'Networks' } } });
    await expect(call(user, CALLABLES.saveProject, newProject(`p-${randomUUID()}`))).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
  });
});

describe('setProjectMembers', () => {
  it('adds several users at once and removes them; retries change nothing; the accounts list the project', async () => {
    const projectId = `p-${randomUUID().slice(0, 8)}`;
    await call(admin, CALLABLES.saveProject, newProject(projectId));
    const other = await createAccount(app, 'user');
    const add = { projectId, add: [user.uid, other.uid], remove: [] };
    expect(await call(admin, CALLABLES.setProjectMembers, add)).toEqual({ added: [user.uid, other.uid], removed: [] });
    expect(await call(admin, CALLABLES.setProjectMembers, add)).toEqual({ added: [], removed: [] });
    const member = (await db().doc(`projects/${projectId}/members/${user.uid}`).get()).data();
    expect(member).toMatchObject({ uid: user.uid, displayName: user.displayName });
    await waitFor(
      async () => (await db().doc(`users/${other.uid}`).get()).get('projectIds') as string[] | undefined,
      (ids) => ids?.includes(projectId) === true,
      { what: 'the project on the account' },
    );
    await call(admin, CALLABLES.setProjectMembers, { projectId, add: [], remove: [other.uid] });
    expect((await db().doc(`projects/${projectId}/members/${other.uid}`).get()).exists).toBe(false);
    expect((await audit(projectId)).filter((e) => e.action === 'project.members')).toHaveLength(2);
  });

  it('refuses specialists, unknown accounts, unknown projects and non-admins, adding nobody', async () => {
    const projectId = `p-${randomUUID().slice(0, 8)}`;
    await call(admin, CALLABLES.saveProject, newProject(projectId));
    const specialist = await createAccount(app, 'specialist');
    await expect(
      call(admin, CALLABLES.setProjectMembers, { projectId, add: [user.uid, specialist.uid], remove: [] }),
    ).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringContaining(specialist.uid),
    });
    await expect(
      call(admin, CALLABLES.setProjectMembers, { projectId, add: ['ghost'], remove: [] }),
    ).rejects.toMatchObject({ code: 'functions/failed-precondition' });
    await expect(
      call(admin, CALLABLES.setProjectMembers, { projectId: 'no-such-project', add: [user.uid], remove: [] }),
    ).rejects.toMatchObject({ code: 'functions/not-found' });
    await expect(
      call(user, CALLABLES.setProjectMembers, { projectId, add: [user.uid], remove: [] }),
    ).rejects.toMatchObject({ code: 'functions/permission-denied' });
    expect((await db().collection(`projects/${projectId}/members`).get()).size).toBe(0);
  });
});
