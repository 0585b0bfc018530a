// Applies a source event's parts to specialistStats in one transaction: the
// markers of parts not yet counted are created, and their deltas are added
// with increments to totals, day buckets and project day buckets. The only
// documents read are the event's own markers, so concurrent events of one
// specialist never contend on reads, and a replay finds its markers and adds nothing.
import { FieldValue, type Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { withContentionRetry } from '../platform/contention';
import { paths } from '../shared/catalogue';
import { markerIdOf, type StatsMarker } from './events';
import { foldInto, type Arithmetic, type BucketMap, type BucketTarget } from './statsBuckets';

export interface Part<T> {
  marker: StatsMarker;
  targets: BucketTarget[];
  delta: T;
}

export interface AggregateWiring<T> {
  arithmetic: Arithmetic<T>;
  /** The delta as Firestore increments, nested maps included. */
  increments(delta: T): Record<string, unknown>;
}

export type PartsApplication = 'applied' | 'already-applied' | 'nothing-to-count';

const markerPath = (marker: StatsMarker) => paths.specialistAppliedEvent(marker.specialistId, markerIdOf(marker));

export async function applyParts<T>(parts: readonly Part<T>[], wiring: AggregateWiring<T>): Promise<PartsApplication> {
  if (parts.length === 0) return 'nothing-to-count';
  const markers = [...new Map(parts.map((p) => [markerPath(p.marker), p.marker])).entries()];
  return withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const snapshots = await tx.getAll(...markers.map(([path]) => db.doc(path)));
      const pending = new Set(markers.filter((_, i) => !snapshots[i]?.exists).map(([path]) => path));
      if (pending.size === 0) return 'already-applied';
      const now = FieldValue.serverTimestamp();
      for (const [path, marker] of markers) {
        if (pending.has(path))
          tx.create(db.doc(path), { kind: marker.kind, sourceId: marker.sourceId, appliedAt: now });
      }
      const buckets: BucketMap<T> = new Map();
      for (const part of parts) {
        if (pending.has(markerPath(part.marker)))
          foldInto(buckets, part.marker.specialistId, part.targets, part.delta, wiring.arithmetic);
      }
      writeIncrements(tx, buckets, wiring);
      return 'applied';
    }),
  );
}

/** One write per touched document; merge keeps the fields other aggregates own. */
function writeIncrements<T>(tx: Transaction, buckets: BucketMap<T>, wiring: AggregateWiring<T>): void {
  const updatedAt = FieldValue.serverTimestamp();
  for (const [uid, mine] of buckets) {
    if (mine.totals)
      tx.set(db.doc(paths.specialistStats(uid)), { ...wiring.increments(mine.totals), updatedAt }, { merge: true });
    for (const [day, delta] of Object.entries(mine.days)) {
      tx.set(db.doc(paths.specialistDay(uid, day)), { ...wiring.increments(delta), day, updatedAt }, { merge: true });
    }
    for (const [projectId, days] of Object.entries(mine.projects)) {
      for (const [day, delta] of Object.entries(days)) {
        tx.set(
          db.doc(paths.specialistProjectDay(uid, projectId, day)),
          { ...wiring.increments(delta), day, projectId, updatedAt },
          { merge: true },
        );
      }
    }
  }
}
