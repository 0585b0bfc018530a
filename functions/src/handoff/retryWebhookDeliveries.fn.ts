// Every minute: attempt the deliveries whose next attempt is due. The Functions
// emulator does not fire schedules, so `npm start` runs retryDueDeliveries from
// scripts/local-scheduler.mjs, as it does the conversation sweep, and tests call
// it with a clock of their choosing.
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions/v2';
import { Timestamp } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { COLLECTIONS } from '../shared/catalogue';
import { attemptDelivery, DeliveryNotClaimed, type AttemptOptions } from './deliveries.io';

const BATCH = 100;
/** Attempts in flight at once: each may wait the whole timeout. */
const PARALLEL = 10;

export interface RetryScope extends AttemptOptions {
  /** One project only (tests, operators); default: all. */
  projectId?: string;
}

export interface RetryReport {
  delivered: string[];
  pending: string[];
  failed: string[];
}

export async function retryDueDeliveries(scope: RetryScope = {}): Promise<RetryReport> {
  const nowMs = scope.nowMs ?? Date.now();
  let query = db.collection(COLLECTIONS.webhookDeliveries).where('status', '==', 'pending');
  if (scope.projectId) query = query.where('projectId', '==', scope.projectId);
  const due = await query
    .where('nextAttemptAt', '<=', Timestamp.fromMillis(nowMs))
    .orderBy('nextAttemptAt')
    .limit(BATCH)
    .get();

  const report: RetryReport = { delivered: [], pending: [], failed: [] };
  const ids = due.docs.map((d) => d.id);
  for (let i = 0; i < ids.length; i += PARALLEL) {
    await Promise.all(
      ids.slice(i, i + PARALLEL).map(async (eventId) => {
        try {
          const delivery = await attemptDelivery(eventId, 'due', { nowMs, timeoutMs: scope.timeoutMs });
          report[delivery.status].push(eventId);
        } catch (error) {
          // Claimed by another runner meanwhile, or one broken delivery: never stop the others.
          if (!(error instanceof DeliveryNotClaimed)) logger.error('webhook retry failed', { eventId, error });
        }
      }),
    );
  }
  return report;
}

export const retryWebhookDeliveries = onSchedule({ schedule: 'every 1 minutes', timeoutSeconds: 300 }, async () => {
  const report = await retryDueDeliveries();
  if (report.delivered.length || report.failed.length || report.pending.length) logger.info('webhook retry', report);
});
