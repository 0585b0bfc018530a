// Callables: an admin sets a project's webhook (URL and switch, under optimistic
// concurrency), rotates its signing secret (generated here, returned once, never
// readable by any client afterwards) and retries a delivery now. Functions write
// webhooks/{p} so the URL rule (https to a public host; localhost only on the
// emulators, shared/webhookUrl.ts) cannot be bypassed by a direct write.
import { FieldValue } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import { onEmulators } from '../platform/runtime';
import type {
  RetryWebhookDeliveryResult,
  RotateWebhookSecretResult,
  SaveWebhookConfigResult,
} from '../shared/callables';
import { paths } from '../shared/catalogue';
import type { WebhookConfigDoc } from '../shared/model';
import { webhookUrlProblem } from '../shared/webhookUrl';
import { attemptDelivery, DeliveryNotClaimed } from './deliveries.io';
import { generateSecret } from './signature';
import { retryWebhookDeliverySchema, rotateWebhookSecretSchema, saveWebhookConfigSchema } from './webhookRequests';

async function requireProject(projectId: string) {
  if (!(await db.doc(paths.project(projectId)).get()).exists) {
    throw new HttpsError('not-found', `No project with id ${projectId}.`);
  }
}

export const saveWebhookConfig = onCall(async (request): Promise<SaveWebhookConfigResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(saveWebhookConfigSchema, request.data);
  const values = { url: input.values.url.trim(), enabled: input.values.enabled };
  const problem = webhookUrlProblem(values.url, values.enabled, { emulator: onEmulators() });
  if (problem) throw new HttpsError('invalid-argument', problem);
  return guarded('saveWebhookConfig', async () => {
    await requireProject(input.projectId);
    const ref = db.doc(paths.webhook(input.projectId));
    return db.runTransaction(async (tx): Promise<SaveWebhookConfigResult> => {
      const stored = (await tx.get(ref)).data() as WebhookConfigDoc | undefined;
      const current = {
        revision: stored?.revision ?? 0,
        values: { url: stored?.url ?? '', enabled: stored?.enabled ?? false },
      };
      const otherValues =
        current.values.url !== input.loaded.values.url || current.values.enabled !== input.loaded.values.enabled;
      // As changedElsewhere in web/src/lib/admin/concurrency.ts: a newer revision with the same values is no conflict.
      if (current.revision !== input.loaded.revision && otherValues) return { outcome: 'changed-elsewhere', current };
      if (values.enabled && !stored?.secretSetAt) {
        throw new HttpsError('failed-precondition', 'Generate a signing secret before turning the webhook on.');
      }
      const revision = current.revision + 1;
      tx.set(ref, {
        projectId: input.projectId,
        ...values,
        revision,
        secretSetAt: stored?.secretSetAt ?? null,
        updatedAt: FieldValue.serverTimestamp(),
        updatedBy: caller.uid,
      });
      return { outcome: 'saved', revision };
    });
  });
});

export const rotateWebhookSecret = onCall(async (request): Promise<RotateWebhookSecretResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(rotateWebhookSecretSchema, request.data);
  return guarded('rotateWebhookSecret', async () => {
    await requireProject(input.projectId);
    const secret = generateSecret();
    const configRef = db.doc(paths.webhook(input.projectId));
    await db.runTransaction(async (tx) => {
      const stored = await tx.get(configRef);
      tx.set(db.doc(paths.webhookSecret(input.projectId)), {
        secret,
        setAt: FieldValue.serverTimestamp(),
        setBy: caller.uid,
      });
      // The revision guards url and enabled only: a rotation does not void an open form.
      if (stored.exists) tx.update(configRef, { secretSetAt: FieldValue.serverTimestamp() });
      else
        tx.create(configRef, {
          projectId: input.projectId,
          url: '',
          enabled: false,
          revision: 0,
          secretSetAt: FieldValue.serverTimestamp(),
          updatedAt: FieldValue.serverTimestamp(),
          updatedBy: caller.uid,
        });
    });
    return { secret };
  });
});

const REFUSALS = {
  missing: ['not-found', 'There is no such delivery.'],
  delivered: ['failed-precondition', 'This event was already delivered.'],
  'in-flight': ['failed-precondition', 'An attempt is under way; look again in a few seconds.'],
  'not-due': ['failed-precondition', 'This delivery is not due.'],
} as const;

export const retryWebhookDelivery = onCall(async (request): Promise<RetryWebhookDeliveryResult> => {
  await requireRole(request, 'admin');
  const input = parsePayload(retryWebhookDeliverySchema, request.data);
  return guarded('retryWebhookDelivery', async () => {
    try {
      const d = await attemptDelivery(input.eventId, 'manual');
      return { status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError };
    } catch (error) {
      if (!(error instanceof DeliveryNotClaimed)) throw error;
      const [code, message] = REFUSALS[error.reason];
      throw new HttpsError(code, message);
    }
  });
});
