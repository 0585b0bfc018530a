// Every minute: requeue conversations whose specialist vanished, warn or close
// silent users, and route every queue that still has waiting users (a safety
// net for missed events, and it refreshes "nobody available" when connections
// expire, which no document write announces).
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions/v2';
import { FieldPath, type Query } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { loadSettings } from '../platform/settings';
import { COLLECTIONS, paths } from '../shared/catalogue';
import type { ConversationDoc, PresenceDoc } from '../shared/model';
import { drainQueue } from '../routing/drainQueue.io';
import { waitingQueues } from '../routing/waitingQueues.io';
import { applyInactivity, inactivityActionFor } from './inactivity.io';
import { requeueIfGone } from './requeue.io';
import { distinctQueues, triage, type QueueKey } from './sweep';

const PAGE_SIZE = 200;
const MAX_PAGES = 10;

export interface SweepScope {
  /** Sweep one project only (operators, tests); default: all. */
  projectId?: string;
}

export interface SweepReport {
  requeued: string[];
  warned: string[];
  closed: string[];
  routed: QueueKey[];
}

function scoped(query: Query, scope: SweepScope): Query {
  return scope.projectId ? query.where('projectId', '==', scope.projectId) : query;
}

/** Presence documents of the given specialists, read once per page. */
async function presenceOf(uids: Array<string | null>): Promise<Map<string, PresenceDoc | undefined>> {
  const distinct = [...new Set(uids.filter((uid): uid is string => !!uid))];
  if (distinct.length === 0) return new Map();
  const snaps = await db.getAll(...distinct.map((uid) => db.doc(paths.presence(uid))));
  return new Map(snaps.map((s) => [s.id, s.data() as PresenceDoc | undefined]));
}

export async function sweepOnce(nowMs: number = Date.now(), scope: SweepScope = {}): Promise<SweepReport> {
  const settings = await loadSettings();
  const report: SweepReport = { requeued: [], warned: [], closed: [], routed: [] };
  const toRoute: QueueKey[] = [];
  const vanished: Array<{ id: string; queuedAtMs: number }> = [];

  let query = scoped(db.collection(COLLECTIONS.conversations).where('status', '==', 'assigned'), scope)
    .orderBy('assignedAt')
    .orderBy(FieldPath.documentId())
    .limit(PAGE_SIZE);
  for (let page = 0; page < MAX_PAGES; page++) {
    const assigned = await query.get();
    const presence = await presenceOf(assigned.docs.map((d) => d.get('specialistId') as string | null));

    for (const doc of assigned.docs) {
      const conversation = doc.data() as ConversationDoc;
      if (!conversation.specialistId || !conversation.assignedAt) continue;
      const presenceDoc = presence.get(conversation.specialistId);
      try {
        const first = triage(conversation.assignedAt.toMillis(), presenceDoc, settings.general, nowMs);
        if (first === 'requeue') {
          vanished.push({ id: doc.id, queuedAtMs: conversation.queuedAt.toMillis() });
        } else if (first === 'check-inactivity') {
          // One read of the latest message; the transaction re-reads only when there is something to do.
          const action = await inactivityActionFor(doc.id, conversation, settings, nowMs);
          if (action.kind === 'none') continue;
          const done = await applyInactivity(doc.id, settings, nowMs);
          if (done === 'warned') report.warned.push(doc.id);
          if (done === 'closed') report.closed.push(doc.id);
        }
      } catch (error) {
        // One stuck conversation must not stop the sweep of the others.
        logger.error('sweep: conversation failed', { conversationId: doc.id, error });
      }
    }
    const last = assigned.docs[assigned.docs.length - 1];
    if (assigned.size < PAGE_SIZE || !last) break;
    query = query.startAfter(last);
  }

  // Each requeued conversation goes to the very front: the longest waiting last, so it ends up first.
  vanished.sort((a, b) => b.queuedAtMs - a.queuedAtMs || (a.id < b.id ? 1 : -1));
  for (const { id } of vanished) {
    try {
      const queue = await requeueIfGone(id, nowMs);
      if (queue) {
        report.requeued.push(id);
        toRoute.push(queue);
      }
    } catch (error) {
      logger.error('sweep: requeue failed', { conversationId: id, error });
    }
  }

  const waiting = await waitingQueues(scope.projectId);
  for (const queue of distinctQueues([...toRoute, ...waiting])) {
    await drainQueue(queue.projectId, queue.level, { nowMs });
    report.routed.push(queue);
  }
  return report;
}

export const sweepConversations = onSchedule({ schedule: 'every 1 minutes', timeoutSeconds: 300 }, async () => {
  const report = await sweepOnce();
  if (report.requeued.length || report.closed.length || report.warned.length) logger.info('sweep', report);
});
