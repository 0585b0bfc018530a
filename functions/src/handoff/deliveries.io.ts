// One attempt at a webhook delivery: claim it (so two runners never send it at
// once), POST the stored body signed with the project's current secret, and
// record the answer and what follows (handoff/deliveryPolicy.ts). The URL and
// secret are read at each attempt, so a corrected URL or a rotated secret
// applies to deliveries still pending.
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { onEmulators } from '../platform/runtime';
import { paths, WEBHOOK } from '../shared/catalogue';
import type { WebhookConfigDoc, WebhookDeliveryDoc, WebhookSecretDoc } from '../shared/model';
import { webhookUrlProblem } from '../shared/webhookUrl';
import { describeStatus, describeTimeout, nextStep, type AttemptResult } from './deliveryPolicy';
import { signWebhook } from './signature';

/** due: the scheduled retry and the first attempts; manual: an admin's "retry now" (any undelivered one). */
export type ClaimMode = 'due' | 'manual';

export interface AttemptOptions {
  nowMs?: number;
  timeoutMs?: number;
}

export type ClaimRefusal = 'missing' | 'delivered' | 'in-flight' | 'not-due';

export class DeliveryNotClaimed extends Error {
  constructor(readonly reason: ClaimRefusal) {
    super(`Delivery not claimed: ${reason}`);
    this.name = 'DeliveryNotClaimed';
  }
}

const millis = (t: { toMillis(): number } | null | undefined) => t?.toMillis() ?? null;

async function claim(eventId: string, mode: ClaimMode, nowMs: number, timeoutMs: number): Promise<WebhookDeliveryDoc> {
  const ref = db.doc(paths.webhookDelivery(eventId));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw new DeliveryNotClaimed('missing');
    const d = snap.data() as WebhookDeliveryDoc;
    if (d.status === 'delivered') throw new DeliveryNotClaimed('delivered');
    if ((millis(d.inFlightUntil) ?? 0) > nowMs) throw new DeliveryNotClaimed('in-flight');
    if (mode === 'due' && (d.status !== 'pending' || (millis(d.nextAttemptAt) ?? Infinity) > nowMs)) {
      throw new DeliveryNotClaimed('not-due');
    }
    // The hold outlasts the attempt's timeout, so a crashed runner's delivery is picked up again later.
    tx.update(ref, {
      inFlightUntil: Timestamp.fromMillis(nowMs + timeoutMs + 5_000),
      updatedAt: FieldValue.serverTimestamp(),
    });
    return d;
  });
}

async function post(delivery: WebhookDeliveryDoc, eventId: string, timeoutMs: number): Promise<AttemptResult> {
  const [configSnap, secretSnap] = await db.getAll(
    db.doc(paths.webhook(delivery.projectId)),
    db.doc(paths.webhookSecret(delivery.projectId)),
  );
  const config = configSnap?.data() as WebhookConfigDoc | undefined;
  const secret = (secretSnap?.data() as WebhookSecretDoc | undefined)?.secret;
  if (!config?.enabled) return { ok: false, statusCode: null, error: 'The webhook is turned off; not sent.' };
  const problem = webhookUrlProblem(config.url, true, { emulator: onEmulators() });
  if (problem) return { ok: false, statusCode: null, error: `Not sent: ${problem}` };
  if (!secret) return { ok: false, statusCode: null, error: 'No signing secret is set; not sent.' };

  // The signature's time is the real clock: the receiver compares it with its own.
  const headers = signWebhook(secret, eventId, Date.now() / 1000, delivery.body);
  try {
    const response = await fetch(config.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'helpdesk-live-chat-webhooks/1' },
      body: delivery.body,
      // A redirect could lead to an internal address the URL check refused.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    return response.ok
      ? { ok: true, statusCode: response.status }
      : { ok: false, statusCode: response.status, error: describeStatus(response.status) };
  } catch (error) {
    const name = (error as { name?: unknown }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { ok: false, statusCode: null, error: describeTimeout(timeoutMs) };
    }
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error).message;
    return { ok: false, statusCode: null, error: `Could not reach the desk (${String(detail)}).` };
  }
}

async function record(eventId: string, result: AttemptResult, nowMs: number): Promise<WebhookDeliveryDoc> {
  const ref = db.doc(paths.webhookDelivery(eventId));
  return db.runTransaction(async (tx) => {
    const d = (await tx.get(ref)).data() as WebhookDeliveryDoc;
    const attempts = d.attempts + 1;
    const step = nextStep(result, attempts);
    const now = Timestamp.fromMillis(nowMs);
    const update = {
      status: step.status,
      attempts,
      lastStatusCode: result.statusCode,
      lastError: result.ok ? null : result.error,
      lastAttemptAt: now,
      nextAttemptAt: step.status === 'pending' ? Timestamp.fromMillis(nowMs + step.retryInMs) : null,
      inFlightUntil: null,
      deliveredAt: step.status === 'delivered' ? now : null,
    };
    tx.update(ref, { ...update, updatedAt: FieldValue.serverTimestamp() });
    return { ...d, ...update };
  });
}

/** Claims, attempts once and records; throws DeliveryNotClaimed when this runner may not attempt it now. */
export async function attemptDelivery(
  eventId: string,
  mode: ClaimMode,
  { nowMs = Date.now(), timeoutMs = WEBHOOK.attemptTimeoutMs }: AttemptOptions = {},
): Promise<WebhookDeliveryDoc> {
  const delivery = await claim(eventId, mode, nowMs, timeoutMs);
  const result = await post(delivery, eventId, timeoutMs);
  return record(eventId, result, nowMs);
}
