// The account callables against the Functions + Auth emulators: createAccount,
// setAccountDisabled, setRole's last-admin guard and recordSignIn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { httpsCallable } from 'firebase/functions';
import { collection, doc, getDoc, getDocs } from 'firebase/firestore';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { CALLABLES } from '$shared/catalogue';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';
import { waitFor } from '../support/wait';

let app: App;
let admin: TestAccount;

beforeAll(async () => {
  app = adminApp();
  admin = await createAccount(app, 'admin');
});
afterAll(() => cleanupApps(app));

async function call(as: TestAccount, name: string, data: unknown) {
  const { functions } = await signedInClient(as);
  return (await httpsCallable(functions, name)(data)).data as Record<string, unknown>;
}

const auditOf = async (targetId: string) =>
  (await getFirestore(app).collection('auditLog').where('targetId', '==', targetId).get()).docs.map((d) => d.data());

describe('createAccount', () => {
  it('creates the Auth user and its users document, audited, and returns a password link', async () => {
    const email = `New.Person-${randomUUID().slice(0, 6)}@Test.example`;
    const result = await call(admin, CALLABLES.createAccount, { displayName: 'New Person', email, role: 'specialist' });
    const user = await getAuth(app).getUser(String(result.uid));
    expect(user.email).toBe(email.toLowerCase());
    expect(user.customClaims).toMatchObject({ role: 'specialist' });
    const stored = (await getFirestore(app).doc(`users/${user.uid}`).get()).data();
    expect(stored).toMatchObject({ role: 'specialist', displayName: 'New Person', email: email.toLowerCase() });
    expect(stored?.searchTerms).toContain('new');
    expect(String(result.passwordLink)).toContain('oobCode=');
    const audit = await auditOf(user.uid);
    expect(audit).toEqual([expect.objectContaining({ action: 'account.created', actorId: admin.uid })]);
  });

  it('answers a second call with the same email "already exists" and makes no second account', async () => {
    const email = `twice-${randomUUID().slice(0, 6)}@test.example`;
    const first = await call(admin, CALLABLES.createAccount, { displayName: 'Twice', email, role: 'user' });
    await expect(
      call(admin, CALLABLES.createAccount, { displayName: 'Twice', email: email.toUpperCase(), role: 'user' }),
    ).rejects.toMatchObject({ code: 'functions/already-exists', message: expect.stringContaining(email) });
    expect((await auditOf(String(first.uid))).length).toBe(1);
  });

  it('finishes an account a failed call left half-made (Auth user without users document)', async () => {
    const email = `half-${randomUUID().slice(0, 6)}@test.example`;
    const half = await getAuth(app).createUser({ email });
    const result = await call(admin, CALLABLES.createAccount, { displayName: 'Half', email, role: 'user' });
    expect(result.uid).toBe(half.uid);
    expect((await getFirestore(app).doc(`users/${half.uid}`).get()).get('role')).toBe('user');
  });

  it('refuses non-admins and bad payloads with clear errors', async () => {
    const specialist = await createAccount(app, 'specialist');
    const good = { displayName: 'X', email: `x-${randomUUID().slice(0, 6)}@test.example`, role: 'admin' };
    await expect(call(specialist, CALLABLES.createAccount, good)).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
    await expect(call(admin, CALLABLES.createAccount, { ...good, email: 'nope' })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      message: expect.stringContaining('email'),
    });
    await expect(call(admin, CALLABLES.createAccount, { ...good, role: 'owner' })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
    });
    await expect(getAuth(app).getUserByEmail(good.email)).rejects.toMatchObject({ code: 'auth/user-not-found' });
  });
});

describe('setAccountDisabled', () => {
  it('disables the Auth user and the document, revokes tokens, audits; enabling undoes it', async () => {
    const target = await createAccount(app, 'specialist');
    const { db } = await signedInClient(target);
    const groups = () => getDocs(collection(db, 'groups'));
    await groups();
    const before = (await getAuth(app).getUser(target.uid)).tokensValidAfterTime;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await call(admin, CALLABLES.setAccountDisabled, { uid: target.uid, disabled: true })).toEqual({
      uid: target.uid,
      disabled: true,
    });
    const user = await getAuth(app).getUser(target.uid);
    expect(user.disabled).toBe(true);
    expect(Date.parse(user.tokensValidAfterTime ?? '')).toBeGreaterThan(Date.parse(before ?? '0'));
    expect((await getFirestore(app).doc(`users/${target.uid}`).get()).get('disabled')).toBe(true);
    // The open session's token is refused by the rules at once (beyond its own users document).
    await expect(groups()).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(signedInClient(target)).rejects.toMatchObject({ code: 'auth/user-disabled' });

    // A retry changes nothing and records nothing more.
    await call(admin, CALLABLES.setAccountDisabled, { uid: target.uid, disabled: true });
    await call(admin, CALLABLES.setAccountDisabled, { uid: target.uid, disabled: false });
    expect((await getAuth(app).getUser(target.uid)).disabled).toBe(false);
    expect((await auditOf(target.uid)).map((e) => e.action).sort()).toEqual(['account.disabled', 'account.enabled']);
  });

  it('refuses disabling oneself and a non-admin caller', async () => {
    await expect(call(admin, CALLABLES.setAccountDisabled, { uid: admin.uid, disabled: true })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringContaining('your own account'),
    });
    const user = await createAccount(app, 'user');
    await expect(call(user, CALLABLES.setAccountDisabled, { uid: admin.uid, disabled: true })).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
  });
});

describe('the last admin', () => {
  it('two admins demoting each other at once leave one admin', async () => {
    // Every admin earlier test files made steps down, so these two are the only ones.
    const db = getFirestore(app);
    const others = await db.collection('users').where('role', '==', 'admin').get();
    await Promise.all(others.docs.map((d) => d.ref.update({ role: 'user' })));
    const a = await createAccount(app, 'admin');
    const b = await createAccount(app, 'admin');
    const results = await Promise.allSettled([
      call(a, CALLABLES.setRole, { uid: b.uid, role: 'user' }),
      call(b, CALLABLES.setRole, { uid: a.uid, role: 'user' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // The loser is refused inside the transaction (no longer an admin) or, when it
    // started after the winner committed, at the door.
    const refused = results.find((r) => r.status === 'rejected');
    expect(['functions/failed-precondition', 'functions/permission-denied']).toContain(
      (refused as PromiseRejectedResult).reason.code,
    );
    const roles = await Promise.all([a, b].map(async (x) => (await db.doc(`users/${x.uid}`).get()).get('role')));
    expect(roles.sort()).toEqual(['admin', 'user']);
    // The one left cannot disable or demote themself either.
    const leftNow = (await db.doc(`users/${a.uid}`).get()).get('role') === 'admin' ? a : b;
    await expect(call(leftNow, CALLABLES.setRole, { uid: leftNow.uid, role: 'user' })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
    });
    await expect(
      call(leftNow, CALLABLES.setAccountDisabled, { uid: leftNow.uid, disabled: true }),
    ).rejects.toMatchObject({ code: 'functions/failed-precondition' });
    admin = leftNow;
  });

  it('a demoted admin’s old session cannot use admin callables nor read other accounts', async () => {
    const former = await createAccount(app, 'admin');
    const client = await signedInClient(former);
    await call(admin, CALLABLES.setRole, { uid: former.uid, role: 'user' });
    await expect(
      httpsCallable(client.functions, CALLABLES.setAccountDisabled)({ uid: admin.uid, disabled: true }),
    ).rejects.toMatchObject({ code: 'functions/permission-denied' });
    await expect(getDoc(doc(client.db, `users/${admin.uid}`))).rejects.toMatchObject({ code: 'permission-denied' });
  });
});

describe('recordSignIn', () => {
  it('copies the last sign-in from Auth to the users document', async () => {
    const user = await createAccount(app, 'user');
    const { functions } = await signedInClient(user);
    const result = await httpsCallable(functions, CALLABLES.recordSignIn)();
    const fromAuth = (await getAuth(app).getUser(user.uid)).metadata.lastSignInTime;
    expect((result.data as { lastSignInAt: string }).lastSignInAt).toBe(new Date(fromAuth).toISOString());
    const stored = (await getFirestore(app).doc(`users/${user.uid}`).get()).get('lastSignInAt');
    expect(stored.toMillis()).toBe(Date.parse(fromAuth));
  });
});

describe('users/{uid}.projectIds', () => {
  it('keeps users/{uid}.projectIds in step with memberships', async () => {
    const user = await createAccount(app, 'user');
    const db = getFirestore(app);
    const projectId = `p-${randomUUID().slice(0, 6)}`;
    await db.doc(`projects/${projectId}`).set({ name: 'P', description: '', lastCaseNumber: 0 });
    await db
      .doc(`projects/${projectId}/members/${user.uid}`)
      .set({ uid: user.uid, displayName: 'x', addedAt: new Date() });
    const projectIds = async () => ((await db.doc(`users/${user.uid}`).get()).get('projectIds') ?? []) as string[];
    await waitFor(projectIds, (ids) => ids.includes(projectId), { what: 'the project on the account' });
    await db.doc(`projects/${projectId}/members/${user.uid}`).delete();
    await waitFor(projectIds, (ids) => ids.length === 0, { what: 'the project gone from the account' });
  });
});

describe('importAccounts', () => {
  it('imports every row with its projects, or nothing when any row is bad', async () => {
    const db = getFirestore(app);
    const projectId = `p-${randomUUID().slice(0, 8)}`;
    await db.doc(`projects/${projectId}`).set({ name: `Import ${projectId}`, description: '', lastCaseNumber: 0 });
    const id = randomUUID().slice(0, 6);
    const good = `name,email,role,projects\nAnn ${id},ann-${id}@test.example,user,Import ${projectId}\nSid ${id},sid-${id}@test.example,specialist`;
    const { functions } = await signedInClient(admin);
    const importCsv = (csv: string) => httpsCallable(functions, CALLABLES.importAccounts)({ csv });

    // One bad row (unknown project) and a duplicate: refused with every problem, nothing created.
    const bad = `${good}\nBea ${id},bea-${id}@test.example,user,Nowhere\nAnn again,ANN-${id}@test.example,user`;
    await expect(importCsv(bad)).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      details: {
        problems: [
          { line: 4, message: 'Unknown project “Nowhere”.' },
          { line: 5, message: `ann-${id}@test.example is already on line 2.` },
        ],
      },
    });
    await expect(getAuth(app).getUserByEmail(`ann-${id}@test.example`)).rejects.toMatchObject({
      code: 'auth/user-not-found',
    });

    const result = (await importCsv(good)).data as { created: { uid: string; passwordLink: string }[] };
    expect(result.created).toHaveLength(2);
    const ann = result.created[0]!;
    expect((await db.doc(`users/${ann.uid}`).get()).data()).toMatchObject({ role: 'user', projectIds: [projectId] });
    expect((await db.doc(`projects/${projectId}/members/${ann.uid}`).get()).exists).toBe(true);
    expect(ann.passwordLink).toContain('oobCode=');

    // The same file again: every row already has an account; nothing twice.
    await expect(importCsv(good)).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      details: { problems: [{ line: 2 }, { line: 3 }] },
    });
    expect((await auditOf(ann.uid)).length).toBe(1);
  });

  it('is for admins only', async () => {
    const user = await createAccount(app, 'user');
    await expect(call(user, CALLABLES.importAccounts, { csv: 'A,a@x.io,user' })).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
  });
});
