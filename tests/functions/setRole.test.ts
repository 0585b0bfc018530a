// setRole against the Functions + Auth emulators: who may call it, and what it changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsCallable } from 'firebase/functions';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { CALLABLES } from '$shared/catalogue';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';

let app: App;
let admin: TestAccount;
let target: TestAccount;

beforeAll(async () => {
  app = adminApp();
  admin = await createAccount(app, 'admin');
  target = await createAccount(app, 'user');
});
afterAll(() => cleanupApps(app));

async function callSetRole(as: TestAccount, data: unknown) {
  const { functions } = await signedInClient(as);
  return httpsCallable(functions, CALLABLES.setRole)(data);
}

describe('setRole', () => {
  it('lets an admin make a user a specialist (claim and users doc)', async () => {
    const result = await callSetRole(admin, { uid: target.uid, role: 'specialist' });
    expect(result.data).toEqual({ uid: target.uid, role: 'specialist' });
    expect((await getAuth(app).getUser(target.uid)).customClaims).toMatchObject({ role: 'specialist' });
    expect((await getFirestore(app).doc(`users/${target.uid}`).get()).get('role')).toBe('specialist');
  });

  it('refuses a non-admin with permission-denied', async () => {
    const specialist = await createAccount(app, 'specialist');
    await expect(callSetRole(specialist, { uid: specialist.uid, role: 'admin' })).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
    expect((await getAuth(app).getUser(specialist.uid)).customClaims).toMatchObject({ role: 'specialist' });
  });

  it('refuses a bad payload with invalid-argument naming the field', async () => {
    await expect(callSetRole(admin, { uid: target.uid, role: 'owner' })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      message: expect.stringContaining('role'),
    });
  });

  it('refuses an unknown account with not-found', async () => {
    await expect(callSetRole(admin, { uid: 'nobody-here', role: 'user' })).rejects.toMatchObject({
      code: 'functions/not-found',
    });
  });

  it('revokes the account’s refresh tokens and stamps the change, so open sessions must sign in again', async () => {
    const before = (await getAuth(app).getUser(target.uid)).tokensValidAfterTime;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await callSetRole(admin, { uid: target.uid, role: 'user' });
    const after = (await getAuth(app).getUser(target.uid)).tokensValidAfterTime;
    expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? '0'));
    expect((await getFirestore(app).doc(`users/${target.uid}`).get()).get('roleChangedAt')).toBeTruthy();
  });

  it('a demoted admin’s old token, still claiming admin, cannot re-promote itself', async () => {
    const former = await createAccount(app, 'admin');
    const { functions } = await signedInClient(former);
    const claims = (await (await signedInClient(former)).auth.currentUser?.getIdTokenResult())?.claims;
    expect(claims?.role).toBe('admin');
    await callSetRole(admin, { uid: former.uid, role: 'user' });
    await expect(httpsCallable(functions, CALLABLES.setRole)({ uid: former.uid, role: 'admin' })).rejects.toMatchObject(
      {
        code: 'functions/permission-denied',
      },
    );
    expect((await getFirestore(app).doc(`users/${former.uid}`).get()).get('role')).toBe('user');
  });

  it('refuses an admin demoting themself', async () => {
    await expect(callSetRole(admin, { uid: admin.uid, role: 'user' })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
    });
  });
});
