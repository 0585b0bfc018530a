// updateCase against the emulators: who may change a case, the flow it follows,
// a conflict for a stale revision, one application per retried request, and the
// history entry written with every change.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsCallable } from 'firebase/functions';
import { FieldValue, getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { signOut } from 'firebase/auth';
import type { App } from 'firebase-admin/app';
import { CALLABLES, caseIdFor, paths } from '$shared/catalogue';
import type { UpdateCaseRequest, UpdateCaseResult } from '$shared/callables';
import type { CaseDoc, CaseHistoryDoc } from '$shared/model';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';

let app: App;
let db: Firestore;
let user: TestAccount;
let specialist: TestAccount;
let colleague: TestAccount;
let outsider: TestAccount;
let admin: TestAccount;

beforeAll(async () => {
  app = adminApp();
  db = getFirestore(app);
  [user, specialist, colleague, outsider, admin] = await Promise.all([
    createAccount(app, 'user'),
    createAccount(app, 'specialist'),
    createAccount(app, 'specialist'),
    createAccount(app, 'specialist'),
    createAccount(app, 'admin'),
  ]);
});
afterAll(() => cleanupApps(app));

/** A project served by `specialist` and `colleague` (not `outsider`), with one new case as createCase leaves it. */
async function seedCase(extra: Partial<CaseDoc> = {}) {
  const projectId = `updates-${randomUUID().slice(0, 8)}`;
  const conversationId = `conv-${randomUUID().slice(0, 8)}`;
  const caseId = caseIdFor('conversion', conversationId);
  const now = Timestamp.now();
  const batch = db.batch();
  batch.set(db.doc(paths.project(projectId)), { name: 'Printers', description: '', lastCaseNumber: 1 });
  for (const s of [specialist, colleague]) {
    batch.set(db.doc(paths.projectSpecialist(projectId, s.uid)), {
      uid: s.uid,
      displayName: s.displayName,
      level: 1,
      addedAt: now,
      addedBy: 'updates-test',
    });
  }
  const stored: CaseDoc = {
    projectId,
    number: 1,
    subject: 'Chat: toner',
    templateId: 'tpl',
    defaults: { type: 'Incident', category: 'Chat', service: 'Printing', priority: 'medium', group: 'L1' },
    circumstance: 'conversion',
    sourceId: conversationId,
    requesterId: user.uid,
    requesterName: user.displayName,
    description: 'Out of toner.',
    createdAt: now,
    createdBy: specialist.uid,
    status: 'new',
    assigneeId: null,
    assigneeName: null,
    updatedAt: now,
    revision: 0,
    conversationId,
    ...extra,
  };
  batch.set(db.doc(paths.case(caseId)), stored);
  await batch.commit();
  return { projectId, caseId };
}

const request = (caseId: string, change: Partial<UpdateCaseRequest>): UpdateCaseRequest => ({
  caseId,
  expectedRevision: 0,
  requestId: randomUUID(),
  ...change,
});

async function update(as: TestAccount, data: unknown): Promise<UpdateCaseResult> {
  const { functions } = await signedInClient(as);
  return (await httpsCallable(functions, CALLABLES.updateCase)(data)).data as UpdateCaseResult;
}

/** The callable's refusal as `code: message`, or 'accepted'. */
const refusal = (as: TestAccount, data: unknown) =>
  update(as, data).then(
    () => 'accepted',
    // The emulator's client appends the HTTP status (" [409]") to the function's message.
    (error: { code: string; message: string }) => `${error.code}: ${error.message.replace(/ \[\d{3}\]$/, '')}`,
  );

const stored = async (caseId: string) => (await db.doc(paths.case(caseId)).get()).data() as CaseDoc;
const trail = async (caseId: string) =>
  (await db.doc(paths.case(caseId)).collection('history').orderBy('revision').get()).docs.map(
    (d) => ({ id: d.id, ...d.data() }) as CaseHistoryDoc & { id: string },
  );

describe('updateCase', () => {
  it('takes a case through new → in progress → resolved → reopened, one history entry per change', async () => {
    const { caseId } = await seedCase();
    const started = await update(specialist, request(caseId, { status: 'in_progress', assigneeId: specialist.uid }));
    expect(started).toEqual({
      revision: 1,
      status: 'in_progress',
      assigneeId: specialist.uid,
      assigneeName: specialist.displayName,
      applied: true,
    });
    await update(colleague, request(caseId, { expectedRevision: 1, status: 'resolved', comment: 'New toner fitted.' }));
    await update(
      admin,
      request(caseId, { expectedRevision: 2, status: 'in_progress', comment: 'VIP', internal: true }),
    );

    expect(await stored(caseId)).toMatchObject({ status: 'in_progress', revision: 3, assigneeId: specialist.uid });
    const entries = await trail(caseId);
    expect(entries.map((e) => [e.id, e.actorId, e.status, e.comment, e.visibility])).toEqual([
      ['1', specialist.uid, { from: 'new', to: 'in_progress' }, null, 'all'],
      ['2', colleague.uid, { from: 'in_progress', to: 'resolved' }, 'New toner fitted.', 'all'],
      ['3', admin.uid, { from: 'resolved', to: 'in_progress' }, 'VIP', 'staff'],
    ]);
    expect(entries[0]).toMatchObject({
      actorName: specialist.displayName,
      actorRole: 'specialist',
      assignee: { fromId: null, fromName: null, toId: specialist.uid, toName: specialist.displayName },
    });
    expect(entries[2]?.actorRole).toBe('admin');
    expect((await stored(caseId)).updatedAt.toMillis()).toBe(entries[2]?.at.toMillis());
  });

  it('refuses a move the flow does not allow, and changes nothing', async () => {
    const { caseId } = await seedCase();
    expect(await refusal(specialist, request(caseId, { status: 'resolved' }))).toBe(
      'functions/failed-precondition: A new case cannot become resolved; it can only become in progress.',
    );
    expect((await stored(caseId)).revision).toBe(0);
    expect(await trail(caseId)).toEqual([]);
  });

  it('gives the second of two people editing the same revision a conflict', async () => {
    const { caseId } = await seedCase();
    await update(specialist, request(caseId, { status: 'in_progress', assigneeId: specialist.uid }));
    expect(await refusal(colleague, request(caseId, { assigneeId: colleague.uid }))).toBe(
      `functions/aborted: Someone else changed case #1 since you opened it; it is now in progress, assigned to ${specialist.displayName}. Look at the case again, then make your change.`,
    );
    expect(await stored(caseId)).toMatchObject({ revision: 1, assigneeId: specialist.uid });
  });

  it('applies a retried request once and answers the retry with the state it made', async () => {
    const { caseId } = await seedCase();
    const change = request(caseId, { status: 'in_progress', comment: 'On it.' });
    const [first, again] = [await update(specialist, change), await update(specialist, change)];
    expect(first.applied).toBe(true);
    expect(again).toEqual({ ...first, applied: false });
    expect((await stored(caseId)).revision).toBe(1);
    expect((await trail(caseId)).length).toBe(1);
  });

  it('assigns to a colleague of the project and unassigns; never to someone outside it', async () => {
    const { caseId } = await seedCase();
    await update(specialist, request(caseId, { assigneeId: colleague.uid }));
    expect(await stored(caseId)).toMatchObject({ assigneeId: colleague.uid, assigneeName: colleague.displayName });
    for (const stranger of [outsider.uid, user.uid, 'no-such-account']) {
      expect(await refusal(specialist, request(caseId, { expectedRevision: 1, assigneeId: stranger }))).toBe(
        'functions/failed-precondition: A case can only be assigned to a specialist of its project (or to yourself as an admin).',
      );
    }
    await update(admin, request(caseId, { expectedRevision: 1, assigneeId: null }));
    expect(await stored(caseId)).toMatchObject({ assigneeId: null, assigneeName: null, revision: 2 });
    expect((await trail(caseId))[1]?.assignee).toEqual({
      fromId: colleague.uid,
      fromName: colleague.displayName,
      toId: null,
      toName: null,
    });
  });

  it('refuses the signed out, users, and specialists of another project', async () => {
    const { caseId } = await seedCase();
    const change = request(caseId, { status: 'in_progress' });
    const anonymous = await signedInClient(user);
    await signOut(anonymous.auth);
    const asAnonymous = await httpsCallable(
      anonymous.functions,
      CALLABLES.updateCase,
    )(change).then(
      () => 'accepted',
      (error: { code: string }) => error.code,
    );
    expect(asAnonymous).toBe('functions/unauthenticated');
    expect(await refusal(user, change)).toBe(
      'functions/permission-denied: Only admin or specialist accounts may do this.',
    );
    expect(await refusal(outsider, change)).toBe(
      'functions/permission-denied: Case #1 belongs to a project you do not serve.',
    );
    expect((await stored(caseId)).revision).toBe(0);
  });

  it('answers an unknown case and a malformed request precisely', async () => {
    expect(await refusal(admin, request('conversion_nothing-here', { status: 'in_progress' }))).toBe(
      'functions/not-found: There is no case conversion_nothing-here.',
    );
    const { caseId } = await seedCase();
    expect(await refusal(admin, { caseId, expectedRevision: 0, requestId: randomUUID() })).toBe(
      'functions/invalid-argument: payload: Say what to change: a status, an assignee or a comment.',
    );
    expect(await refusal(admin, request(caseId, { status: 'closed' as never }))).toMatch(
      /^functions\/invalid-argument: status: /,
    );
    expect(await refusal(admin, { ...request(caseId, { status: 'in_progress' }), expectedRevision: '0' })).toMatch(
      /^functions\/invalid-argument: expectedRevision: /,
    );
  });

  it('changes a case written before the inbox as if it were new at revision 0', async () => {
    const { caseId } = await seedCase();
    await db.doc(paths.case(caseId)).update({
      status: FieldValue.delete(),
      assigneeId: FieldValue.delete(),
      assigneeName: FieldValue.delete(),
      updatedAt: FieldValue.delete(),
      revision: FieldValue.delete(),
      conversationId: FieldValue.delete(),
    });
    await update(specialist, request(caseId, { status: 'in_progress' }));
    const after = await stored(caseId);
    expect(after).toMatchObject({
      status: 'in_progress',
      revision: 1,
      assigneeId: null,
      conversationId: after.sourceId,
    });
  });
});
