// The waiting lines' documents (queues/{projectId}~{level}): where a line's
// state lives, and which lines have users waiting. The minute sweep drains each
// of those (a safety net for missed events, and it refreshes "nobody
// available" when connections expire, which no document write announces), and
// so does a capacity raise. The cost is one document per waiting line however
// many conversations wait.
import type { Query, Timestamp, Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { COLLECTIONS, paths, type Level } from '../shared/catalogue';
import type { QueueDoc } from '../shared/model';
import { lineOf, waitingCount, type LineState } from '../shared/queueLine';
import { distinctQueues, type QueueKey } from '../conversations/sweep';

export const queueDocRef = (projectId: string, level: Level) => db.doc(paths.queue(projectId, level));

/** The line's document as written: its tickets, how many wait, whether anyone is on duty. */
export function lineDocument(
  projectId: string,
  level: Level,
  line: LineState,
  nobodyAvailable: boolean,
  at: Timestamp,
): Omit<QueueDoc, 'updatedAt'> & { updatedAt: Timestamp } {
  return { projectId, level, ...line, waiting: waitingCount(line), nobodyAvailable, updatedAt: at };
}

/**
 * Reads a line inside a transaction and returns how to write it changed: one
 * event (a departure, a requeue) rewrites this one document, never the other
 * waiting conversations. Call before the transaction's first write.
 */
export async function lineIn(tx: Transaction, projectId: string, level: Level) {
  const ref = queueDocRef(projectId, level);
  const stored = (await tx.get(ref)).data() as QueueDoc | undefined;
  return {
    line: lineOf(stored),
    write: (line: LineState, at: Timestamp) =>
      tx.set(ref, lineDocument(projectId, level, line, stored?.nobodyAvailable ?? false, at)),
  };
}

/** Arrivals looked at for lines no pass has seen yet; normally none wait outside a burst. */
const UNSEEN_SCAN_LIMIT = 500;

const keyOf = (d: { get(field: string): unknown }): QueueKey => ({
  projectId: d.get('projectId') as string,
  level: d.get('level') as Level,
});

/**
 * Each project and level with someone waiting: in line (its document counts
 * them), or arrived without a ticket yet (a pass that held the line died before
 * looking for them). One project only when given.
 */
export async function waitingQueues(projectId?: string): Promise<QueueKey[]> {
  let lines: Query = db.collection(COLLECTIONS.queues).where('waiting', '>', 0);
  let unseen: Query = db
    .collection(COLLECTIONS.conversations)
    .where('status', '==', 'queued')
    .where('ticket', '==', null);
  if (projectId) {
    lines = lines.where('projectId', '==', projectId);
    unseen = unseen.where('projectId', '==', projectId);
  }
  const [waiting, arrivals] = await Promise.all([
    lines.select('projectId', 'level').get(),
    unseen.select('projectId', 'level').limit(UNSEEN_SCAN_LIMIT).get(),
  ]);
  return distinctQueues([...waiting.docs.map(keyOf), ...arrivals.docs.map(keyOf)]);
}
