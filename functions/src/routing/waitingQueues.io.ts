// A waiting line's two documents: queues/{projectId}~{level} (what waiting
// users read: head, gone, nobody on duty) and queueTallies/{projectId}~{level}
// (tail and count, functions only), written only when they change, so an
// arrival never wakes the waiting users' listeners. Also which lines have users
// waiting: the minute sweep drains each of those (a safety net for missed
// events, and it refreshes "nobody available" when connections expire, which no
// document write announces), and so does a capacity raise. The cost is one
// document per waiting line however many conversations wait.
import type { Query, Timestamp, Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { COLLECTIONS, paths, type Level } from '../shared/catalogue';
import type { QueueDoc, QueueTallyDoc } from '../shared/model';
import { lineOf, waitingCount, type LineState } from '../shared/queueLine';
import { distinctQueues, type QueueKey } from '../conversations/sweep';

export interface LineRead {
  line: LineState;
  nobodyAvailable: boolean;
  /** Writes the line's documents that changed; call after every read of the transaction. */
  write(line: LineState, nobodyAvailable: boolean, at: Timestamp): void;
}

/** Reads a line inside a transaction (before its first write). */
export async function lineIn(tx: Transaction, projectId: string, level: Level): Promise<LineRead> {
  const lineRef = db.doc(paths.queue(projectId, level));
  const tallyRef = db.doc(paths.queueTally(projectId, level));
  const [lineSnap, tallySnap] = await tx.getAll(lineRef, tallyRef);
  const stored = lineSnap?.data() as QueueDoc | undefined;
  const tally = tallySnap?.data() as QueueTallyDoc | undefined;
  const line = lineOf(stored, tally);
  return {
    line,
    nobodyAvailable: stored?.nobodyAvailable ?? false,
    write(next, nobodyAvailable, at) {
      const seen = !stored || next.head !== line.head || next.gone.join() !== line.gone.join();
      if (seen || nobodyAvailable !== stored?.nobodyAvailable) {
        const doc: Omit<QueueDoc, 'updatedAt'> & { updatedAt: Timestamp } = {
          projectId,
          level,
          head: next.head,
          gone: next.gone,
          nobodyAvailable,
          updatedAt: at,
        };
        tx.set(lineRef, doc);
      }
      if (!tally || next.tail !== tally.tail || waitingCount(next) !== tally.waiting) {
        const doc: Omit<QueueTallyDoc, 'updatedAt'> & { updatedAt: Timestamp } = {
          projectId,
          level,
          tail: next.tail,
          waiting: waitingCount(next),
          updatedAt: at,
        };
        tx.set(tallyRef, doc);
      }
    },
  };
}

/** Arrivals looked at for lines no pass has seen yet; normally none wait outside a burst. */
const UNSEEN_SCAN_LIMIT = 500;

const keyOf = (d: { get(field: string): unknown }): QueueKey => ({
  projectId: d.get('projectId') as string,
  level: d.get('level') as Level,
});

/**
 * Each project and level with someone waiting: in line (its tally counts
 * them), or arrived without a ticket yet (a pass that held the line died before
 * looking for them). One project only when given.
 */
export async function waitingQueues(projectId?: string): Promise<QueueKey[]> {
  let lines: Query = db.collection(COLLECTIONS.queueTallies).where('waiting', '>', 0);
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
