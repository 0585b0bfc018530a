// A case write becomes, at most, one delivery document per event: created with
// `create()` at webhookDeliveries/{caseId}~{revision}, so a trigger fired twice
// finds the delivery it already made and nothing is sent as a second event.
// Nothing is queued while the project's webhook is off or has no URL.
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { paths } from '../shared/catalogue';
import type { WebhookConfigDoc, WebhookDeliveryDoc } from '../shared/model';
import { caseEventBody, caseEventFor, type StoredCase } from './caseEvents';

const ALREADY_EXISTS = 6; // gRPC status code

export type EnqueueOutcome = 'queued' | 'duplicate' | 'no-event' | 'webhook-off';

export async function enqueueCaseEvent(
  caseId: string,
  before: StoredCase | undefined,
  after: StoredCase | undefined,
  nowMs: number = Date.now(),
): Promise<EnqueueOutcome> {
  const event = caseEventFor(caseId, before, after);
  if (!event || !after || typeof after.projectId !== 'string') return 'no-event';
  const projectId = after.projectId;
  const [config, project] = await db.getAll(db.doc(paths.webhook(projectId)), db.doc(paths.project(projectId)));
  const webhook = config?.data() as Partial<WebhookConfigDoc> | undefined;
  if (!webhook?.enabled || !webhook.url) return 'webhook-off';

  const projectName = (project?.get('name') as string | undefined) ?? '';
  const delivery: Omit<WebhookDeliveryDoc, 'createdAt' | 'updatedAt'> & {
    createdAt: FieldValue;
    updatedAt: FieldValue;
  } = {
    projectId,
    caseId,
    type: event.type,
    revision: event.revision,
    body: JSON.stringify(caseEventBody(caseId, after, projectName, event, nowMs)),
    status: 'pending',
    attempts: 0,
    lastStatusCode: null,
    lastError: null,
    lastAttemptAt: null,
    nextAttemptAt: Timestamp.fromMillis(nowMs),
    inFlightUntil: null,
    deliveredAt: null,
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
  };
  try {
    await db.doc(paths.webhookDelivery(event.eventId)).create(delivery);
    return 'queued';
  } catch (error) {
    if ((error as { code?: unknown }).code === ALREADY_EXISTS) return 'duplicate';
    throw error;
  }
}
