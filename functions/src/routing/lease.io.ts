// Which routing pass drains a waiting line now: at most one per line, so a
// burst of arrivals is served by one pass working in batches instead of
// hundreds of passes contending for the same documents. The lease lives in its
// own document (queueLeases/{projectId}~{level}, closed to clients), so taking
// and renewing it never wakes the waiting users' listeners on the line itself.
//
// - An arrival whose pass finds the lease taken simply ends: the holder looks
//   for new arrivals after letting go (drainQueue.io.ts), which catches every
//   arrival stored before that moment; later ones find the lease free.
// - Any other event (a specialist came on duty, capacity was freed) asks the
//   holder for one more look (`again`), read and cleared when it lets go, in
//   the same transaction, so no such event is lost.
// - A holder that dies stops renewing; the lease lapses after LEASE_MS and the
//   next event or the minute sweep takes it over. Every step is its own
//   transaction, so a pass killed at any moment leaves a consistent line.
import { randomUUID } from 'node:crypto';
import { Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { paths, type Level } from '../shared/catalogue';
import type { QueueLeaseDoc } from '../shared/model';

/** Longer than any pass's pause between renewals; short enough that a dead holder is soon replaced. */
export const LEASE_MS = 20_000;

export interface Lease {
  ref: DocumentReference;
  holder: string;
}

const leaseRef = (projectId: string, level: Level) => db.doc(paths.queueLease(projectId, level));

const live = (lease: QueueLeaseDoc | undefined, nowMs: number) => !!lease && lease.until.toMillis() > nowMs;

/** Takes the line's lease if nobody holds it (or its holder's time ran out); null when someone does. */
export async function takeLease(projectId: string, level: Level): Promise<Lease | null> {
  const ref = leaseRef(projectId, level);
  // Most contenders in a burst stop here, on one plain read, without a transaction.
  if (live((await ref.get()).data() as QueueLeaseDoc | undefined, Date.now())) return null;
  const holder = randomUUID();
  const taken = await db
    .runTransaction(async (tx) => {
      if (live((await tx.get(ref)).data() as QueueLeaseDoc | undefined, Date.now())) return false;
      const lease: QueueLeaseDoc = { holder, until: Timestamp.fromMillis(Date.now() + LEASE_MS), again: false };
      tx.set(ref, lease);
      return true;
    })
    // Lost a race for a free lease: someone else drains the line.
    .catch(() => false);
  return taken ? { ref, holder } : null;
}

/** Extends the lease while its holder still works; false when it lapsed and someone else took it. */
export async function renewLease(lease: Lease): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(lease.ref)).data() as QueueLeaseDoc | undefined;
    if (current?.holder !== lease.holder) return false;
    tx.update(lease.ref, { until: Timestamp.fromMillis(Date.now() + LEASE_MS) });
    return true;
  });
}

/**
 * Asks the holder for one more look before it lets go. 'free' when nobody
 * holds the lease, so the caller should drain the line itself.
 */
export async function askForAnotherLook(projectId: string, level: Level): Promise<'asked' | 'free'> {
  const ref = leaseRef(projectId, level);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data() as QueueLeaseDoc | undefined;
    if (!live(current, Date.now())) return 'free';
    if (!current?.again) tx.update(ref, { again: true });
    return 'asked';
  });
}

/** Lets go, unless another look was asked for meanwhile: then 'again', and the holder keeps it. */
export async function releaseLease(lease: Lease): Promise<'released' | 'again'> {
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(lease.ref)).data() as QueueLeaseDoc | undefined;
    if (current?.holder !== lease.holder) return 'released';
    if (current.again) {
      tx.update(lease.ref, { again: false, until: Timestamp.fromMillis(Date.now() + LEASE_MS) });
      return 'again';
    }
    tx.delete(lease.ref);
    return 'released';
  });
}
