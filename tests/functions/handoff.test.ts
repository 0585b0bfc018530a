// Hand-off to the service desk against the emulators and a real HTTP receiver
// on this machine: a new case and a status change reach the desk signed; a 500
// is retried; an attempt with no answer times out and is retried; a wrong
// secret is refused by the desk's check and "retry now" sends again after the
// fix; a re-fired trigger never makes a second event.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import functionsTest from 'firebase-functions-test';
import { doc, getDoc } from 'firebase/firestore';
import { httpsCallable, type Functions } from 'firebase/functions';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import type {
  RetryWebhookDeliveryRequest,
  RetryWebhookDeliveryResult,
  RotateWebhookSecretRequest,
  RotateWebhookSecretResult,
  SaveWebhookConfigRequest,
  SaveWebhookConfigResult,
} from '$shared/callables';
import { CALLABLES, caseIdFor, paths, webhookEventId, WEBHOOK } from '$shared/catalogue';
import type { CaseDoc, CaseEventBody, WebhookConfigDoc, WebhookDeliveryDoc } from '$shared/model';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';
import { PROJECT_ID } from '../support/emulators';
import { waitFor } from '../support/wait';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';
import { verifyWebhook } from '../../functions/src/handoff/signature';

// Before the function modules load: their Admin SDK app reads the project from here.
const functionsEnv = functionsTest({ projectId: PROJECT_ID });
type Retry = typeof import('../../functions/src/handoff/retryWebhookDeliveries.fn');
type Enqueue = typeof import('../../functions/src/handoff/enqueue.io');
type Fresh = typeof import('../../functions/src/handoff/onWebhookDeliveryCreated.fn');

let app: App;
let db: Firestore;
let admin: TestAccount;
let specialist: TestAccount;
let adminFunctions: Functions;
let retry: Retry;
let enqueue: Enqueue;
let fresh: Fresh;
let receiver: WebhookReceiver;

beforeAll(async () => {
  retry = await import('../../functions/src/handoff/retryWebhookDeliveries.fn');
  enqueue = await import('../../functions/src/handoff/enqueue.io');
  fresh = await import('../../functions/src/handoff/onWebhookDeliveryCreated.fn');
  app = adminApp();
  db = getFirestore(app);
  [admin, specialist] = await Promise.all([createAccount(app, 'admin'), createAccount(app, 'specialist')]);
  adminFunctions = (await signedInClient(admin)).functions;
});
afterAll(async () => {
  functionsEnv.cleanup();
  await cleanupApps(app);
});
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(() => receiver.close());

const call =
  <Req, Res>(name: string, functions?: Functions) =>
  async (data: Req) =>
    (await httpsCallable<Req, Res>(functions ?? adminFunctions, name)(data)).data;
const saveConfig = call<SaveWebhookConfigRequest, SaveWebhookConfigResult>(CALLABLES.saveWebhookConfig);
const rotateSecret = call<RotateWebhookSecretRequest, RotateWebhookSecretResult>(CALLABLES.rotateWebhookSecret);
const retryNow = call<RetryWebhookDeliveryRequest, RetryWebhookDeliveryResult>(CALLABLES.retryWebhookDelivery);

/** A project whose webhook points at this test's receiver, on, with a fresh secret the receiver holds. */
async function projectWithWebhook({ enabled = true } = {}) {
  const projectId = `hook-${randomUUID().slice(0, 8)}`;
  await db.doc(paths.project(projectId)).set({ name: `Printers ${projectId}`, description: '', lastCaseNumber: 0 });
  const { secret } = await rotateSecret({ projectId });
  receiver.secret = secret;
  const url = `${receiver.url}/hooks/${projectId}`;
  const saved = await saveConfig({
    projectId,
    loaded: { revision: 0, values: { url: '', enabled: false } },
    values: { url, enabled },
  });
  expect(saved).toEqual({ outcome: 'saved', revision: 1 });
  return { projectId, secret, url };
}

let caseCounter = 0;
/** A case as createCase writes it. */
async function createCase(projectId: string) {
  const sourceId = `conv-${randomUUID().slice(0, 8)}`;
  const caseId = caseIdFor('offline', sourceId);
  const stored: CaseDoc = {
    projectId,
    number: ++caseCounter,
    subject: 'Chat: the printer jams',
    templateId: 'tpl',
    defaults: { type: 'Incident', category: 'Chat', service: 'Printing', priority: 'medium', group: 'L1' },
    circumstance: 'offline',
    sourceId,
    requesterId: 'user-1',
    requesterName: 'Ada Lovelace',
    description: 'Internal transcript, not for the desk',
    createdAt: Timestamp.now(),
    createdBy: 'system',
    status: 'new',
    assigneeId: null,
    assigneeName: null,
    updatedAt: Timestamp.now(),
    revision: 0,
    conversationId: sourceId,
  };
  await db.doc(paths.case(caseId)).set(stored);
  return { caseId, stored };
}

/** What the inbox does on a status change: status, revision + 1, updatedAt (functions only). */
async function moveCase(caseId: string, status: 'in_progress' | 'resolved', assignee: TestAccount | null = null) {
  const current = (await db.doc(paths.case(caseId)).get()).data()!;
  const revision = (typeof current.revision === 'number' ? current.revision : 0) + 1;
  await db.doc(paths.case(caseId)).update({
    status,
    assigneeId: assignee?.uid ?? null,
    assigneeName: assignee?.displayName ?? null,
    revision,
    updatedAt: Timestamp.now(),
  });
  return revision;
}

const deliveryOf = async (eventId: string) =>
  (await db.doc(paths.webhookDelivery(eventId)).get()).data() as WebhookDeliveryDoc | undefined;

const deliveryWhere = async (eventId: string, accept: (d: WebhookDeliveryDoc) => boolean, what: string) =>
  (await waitFor(
    () => deliveryOf(eventId),
    (d) => !!d && accept(d),
    { what, timeoutMs: 30_000 },
  ))!;

const requestsFor = (eventId: string) => receiver.received.filter((r) => r.headers['webhook-id'] === eventId);

describe('webhook configuration callables', () => {
  it('are for admins only', async () => {
    const { functions } = await signedInClient(specialist);
    const asSpecialist = call<RotateWebhookSecretRequest, RotateWebhookSecretResult>(
      CALLABLES.rotateWebhookSecret,
      functions,
    );
    await expect(asSpecialist({ projectId: 'any' })).rejects.toMatchObject({ code: 'functions/permission-denied' });
    const retryAsSpecialist = call<RetryWebhookDeliveryRequest, RetryWebhookDeliveryResult>(
      CALLABLES.retryWebhookDelivery,
      functions,
    );
    await expect(retryAsSpecialist({ eventId: 'offline_x~0' })).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
  });

  it('refuse plain http to a public host, an internal host, and turning on before a secret exists', async () => {
    const projectId = `hook-${randomUUID().slice(0, 8)}`;
    await db.doc(paths.project(projectId)).set({ name: 'P', description: '', lastCaseNumber: 0 });
    const loaded = { revision: 0, values: { url: '', enabled: false } };
    await expect(
      saveConfig({ projectId, loaded, values: { url: 'http://desk.example.com/h', enabled: true } }),
    ).rejects.toMatchObject({ code: 'functions/invalid-argument', message: expect.stringMatching(/https/) });
    await expect(
      saveConfig({ projectId, loaded, values: { url: 'https://169.254.169.254/computeMetadata', enabled: true } }),
    ).rejects.toMatchObject({ code: 'functions/invalid-argument', message: expect.stringMatching(/public host/) });
    await expect(
      saveConfig({ projectId, loaded, values: { url: 'https://desk.example.com/h', enabled: true } }),
    ).rejects.toMatchObject({ code: 'functions/failed-precondition', message: expect.stringMatching(/secret/) });
    expect((await db.doc(paths.webhook(projectId)).get()).exists).toBe(false);
  });

  it('save under optimistic concurrency: a stale form with other values is told, nothing is overwritten', async () => {
    const { projectId, url } = await projectWithWebhook();
    const stale = { revision: 0, values: { url: '', enabled: false } };
    const result = await saveConfig({
      projectId,
      loaded: stale,
      values: { url: 'https://desk.example.com/x', enabled: true },
    });
    const current = { revision: 1, values: { url, enabled: true } };
    expect(result).toEqual({ outcome: 'changed-elsewhere', current });
    const stored = (await db.doc(paths.webhook(projectId)).get()).data() as WebhookConfigDoc;
    expect(stored).toMatchObject({ url, enabled: true, revision: 1, updatedBy: admin.uid });
    // The form that loaded revision 1 saves; a rotation in between does not void it.
    await rotateSecret({ projectId });
    expect(await saveConfig({ projectId, loaded: current, values: { url, enabled: false } })).toEqual({
      outcome: 'saved',
      revision: 2,
    });
  });

  it('never let the secret be read back: the admin client sees only when it was set', async () => {
    const { projectId } = await projectWithWebhook();
    const { db: clientDb } = await signedInClient(admin);
    const config = (await getDoc(doc(clientDb, paths.webhook(projectId)))).data()!;
    expect(config.secretSetAt).not.toBeNull();
    expect(JSON.stringify(config)).not.toContain('whsec_');
    await expect(getDoc(doc(clientDb, paths.webhookSecret(projectId)))).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });
});

describe('delivery to the desk', () => {
  it('sends case.created, then case.updated on a status change, signed as the shared verifier accepts', async () => {
    const { projectId, secret } = await projectWithWebhook();
    const { caseId, stored } = await createCase(projectId);
    const created = webhookEventId(caseId, 0);
    expect(await deliveryWhere(created, (d) => d.status === 'delivered', 'case.created delivered')).toMatchObject({
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      type: 'case.created',
    });
    const [request] = requestsFor(created);
    expect(request).toBeDefined();
    expect(request!.path).toBe(`/hooks/${projectId}`);
    expect(request!.verification).toEqual({ ok: true });
    expect(request!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request!.body) as CaseEventBody;
    expect(body).toMatchObject({
      type: 'case.created',
      data: {
        id: caseId,
        project: { id: projectId, name: `Printers ${projectId}` },
        number: stored.number,
        subject: stored.subject,
        origin: 'offline',
        requester: { id: 'user-1', name: 'Ada Lovelace' },
        status: 'new',
        assignee: null,
        revision: 0,
        link: `/admin/cases/${caseId}`,
      },
    });
    expect(request!.body).not.toContain('Internal transcript');
    // A tampered body fails the same check.
    const nowSeconds = Date.now() / 1000;
    const check = { nowSeconds, toleranceSeconds: WEBHOOK.toleranceSeconds };
    expect(verifyWebhook(secret, request!.headers, request!.body.replace('"new"', '"resolved"'), check).ok).toBe(false);

    const revision = await moveCase(caseId, 'in_progress', specialist);
    const updated = webhookEventId(caseId, revision);
    await deliveryWhere(updated, (d) => d.status === 'delivered', 'case.updated delivered');
    const [update] = requestsFor(updated);
    expect(update!.verification).toEqual({ ok: true });
    expect(JSON.parse(update!.body)).toMatchObject({
      type: 'case.updated',
      data: { status: 'in_progress', revision: 1, assignee: { id: specialist.uid, name: specialist.displayName } },
    });
  });

  it('retries after a 500 and delivers the same event, signed afresh', async () => {
    const { projectId } = await projectWithWebhook();
    receiver.plan = [500];
    const { caseId } = await createCase(projectId);
    const eventId = webhookEventId(caseId, 0);
    const delivered = await deliveryWhere(eventId, (d) => d.status === 'delivered', 'delivered after a 500');
    expect(delivered).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null });
    expect(requestsFor(eventId).map((r) => r.answered)).toEqual([500, 200]);
    expect(requestsFor(eventId).every((r) => r.verification.ok)).toBe(true);
    expect(new Set(requestsFor(eventId).map((r) => r.body)).size).toBe(1);
  });

  it('records an attempt with no answer as timed out, and the minute retry delivers later', async () => {
    const { projectId } = await projectWithWebhook();
    receiver.plan = [500, 500, 'hang'];
    const { caseId } = await createCase(projectId);
    const eventId = webhookEventId(caseId, 0);
    // The trigger's own attempts both fail; the rest is the minute retry's.
    const waiting = await deliveryWhere(
      eventId,
      (d) => d.attempts === WEBHOOK.inProcessAttempts && d.inFlightUntil === null,
      'the first attempts recorded',
    );
    expect(waiting).toMatchObject({ status: 'pending', lastStatusCode: 500 });
    const dueAt = waiting.nextAttemptAt!.toMillis();

    expect(await retry.retryDueDeliveries({ projectId, nowMs: dueAt - 1_000 })).toEqual({
      delivered: [],
      pending: [],
      failed: [],
    });
    const timedOut = await retry.retryDueDeliveries({ projectId, nowMs: dueAt, timeoutMs: 300 });
    expect(timedOut.pending).toEqual([eventId]);
    expect(await deliveryOf(eventId)).toMatchObject({
      status: 'pending',
      attempts: 3,
      lastStatusCode: null,
      lastError: 'No answer within 0.3 s (timed out).',
    });

    const later = (await deliveryOf(eventId))!.nextAttemptAt!.toMillis();
    expect(later).toBeGreaterThan(dueAt);
    expect(await retry.retryDueDeliveries({ projectId, nowMs: later })).toEqual({
      delivered: [eventId],
      pending: [],
      failed: [],
    });
    expect(await deliveryOf(eventId)).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 200 });
    expect(requestsFor(eventId).map((r) => r.answered)).toEqual([500, 500, 'hang', 200]);
  });

  it('is refused by a desk holding another secret; after the fix, "retry now" delivers it', async () => {
    const { projectId } = await projectWithWebhook();
    const { secret: rotated } = await rotateSecret({ projectId });
    // The desk still holds the old secret: the signature check refuses, the desk answers 401.
    const { caseId } = await createCase(projectId);
    const eventId = webhookEventId(caseId, 0);
    const refused = await deliveryWhere(
      eventId,
      (d) => d.attempts === WEBHOOK.inProcessAttempts && d.inFlightUntil === null,
      'refused attempts',
    );
    expect(refused).toMatchObject({ status: 'pending', lastStatusCode: 401 });
    expect(requestsFor(eventId).map((r) => r.verification)).toEqual([
      { ok: false, reason: 'no signature matches' },
      { ok: false, reason: 'no signature matches' },
    ]);

    receiver.secret = rotated;
    expect(await retryNow({ eventId })).toEqual({
      status: 'delivered',
      attempts: WEBHOOK.inProcessAttempts + 1,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(requestsFor(eventId).at(-1)!.verification).toEqual({ ok: true });
    await expect(retryNow({ eventId })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringMatching(/already delivered/),
    });
    await expect(retryNow({ eventId: 'offline_nothing~0' })).rejects.toMatchObject({ code: 'functions/not-found' });
  });

  it('never sends one event twice: a re-fired trigger finds the delivery it made', async () => {
    const { projectId } = await projectWithWebhook();
    const { caseId, stored } = await createCase(projectId);
    const eventId = webhookEventId(caseId, 0);
    await deliveryWhere(eventId, (d) => d.status === 'delivered', 'delivered once');

    // The case trigger and the delivery trigger delivered again, as the platform may.
    expect(await enqueue.enqueueCaseEvent(caseId, undefined, stored)).toBe('duplicate');
    await fresh.deliverFresh(eventId);
    // A write the desk does not follow makes no event.
    await db.doc(paths.case(caseId)).update({ subject: 'Chat: edited' });
    expect(await enqueue.enqueueCaseEvent(caseId, stored, { ...stored, subject: 'Chat: edited' })).toBe('no-event');

    expect(requestsFor(eventId)).toHaveLength(1);
    expect(await deliveryOf(eventId)).toMatchObject({ status: 'delivered', attempts: 1 });
    const all = await db.collection('webhookDeliveries').where('caseId', '==', caseId).get();
    expect(all.docs.map((d) => d.id)).toEqual([eventId]);
  });

  it('queues nothing while the webhook is off', async () => {
    const { projectId } = await projectWithWebhook({ enabled: false });
    const { caseId, stored } = await createCase(projectId);
    expect(await enqueue.enqueueCaseEvent(caseId, undefined, stored)).toBe('webhook-off');
    expect(await deliveryOf(webhookEventId(caseId, 0))).toBeUndefined();
  });
});
