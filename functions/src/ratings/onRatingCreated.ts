// Trigger: a user's rating adds to the rated specialist's totals and to the
// bucket of its UTC day (shapes: SpecialistStatsDoc / SpecialistDayDoc in
// shared/model). A marker created in the same transaction makes a replayed
// event count nothing.
import { FieldValue } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions/v2';
import { db } from '../platform/admin';
import { COLLECTIONS, paths } from '../shared/catalogue';
import type { AppliedStatsEventDoc, RatingAggregate, RatingDoc } from '../shared/model';
import { isRatingScore, ratingDelta, RATING_SCORES, utcDay } from './ratingBuckets';

/** Marker ids carry the event kind, so later aggregates keyed by conversation id cannot collide. */
export const ratingEventId = (ratingId: string) => `rating-${ratingId}`;

/**
 * Increments rather than read-modify-write: ratings of one specialist arrive
 * together (ten conversations closing at once), and increments commute, so the
 * only document each transaction reads is its own marker and nothing contends.
 */
function asIncrements(delta: RatingAggregate) {
  return {
    ratingCount: FieldValue.increment(delta.ratingCount),
    ratingSum: FieldValue.increment(delta.ratingSum),
    ratingDistribution: Object.fromEntries(
      RATING_SCORES.map((score) => [String(score), FieldValue.increment(delta.ratingDistribution[`${score}`])]),
    ),
  };
}

export type RatingApplication = 'applied' | 'already-applied' | 'ignored';

/** The trigger's body, exported so a test can replay an event. */
export async function applyRating(ratingId: string, rating: Partial<RatingDoc> | undefined): Promise<RatingApplication> {
  const specialistId = rating?.specialistId;
  const score = rating?.score;
  const createdAt = rating?.createdAt;
  if (typeof specialistId !== 'string' || !specialistId || !isRatingScore(score) || typeof createdAt?.toMillis !== 'function') {
    // Rules only admit well-formed ratings; anything else was written around them.
    logger.error('Rating ignored: no specialist, score 1-5 or time', { ratingId });
    return 'ignored';
  }
  const day = utcDay(createdAt.toMillis());
  const increments = asIncrements(ratingDelta(score));
  const markerRef = db.doc(paths.specialistAppliedEvent(specialistId, ratingEventId(ratingId)));

  return db.runTransaction(async (tx) => {
    if ((await tx.get(markerRef)).exists) return 'already-applied';
    const now = FieldValue.serverTimestamp();
    const marker: Omit<AppliedStatsEventDoc, 'appliedAt'> & { appliedAt: FieldValue } = {
      kind: 'rating',
      sourceId: ratingId,
      appliedAt: now,
    };
    tx.create(markerRef, marker);
    // merge: the documents also hold other aggregates' fields, which must survive.
    tx.set(db.doc(paths.specialistStats(specialistId)), { ...increments, updatedAt: now }, { merge: true });
    tx.set(db.doc(paths.specialistDay(specialistId, day)), { ...increments, day, updatedAt: now }, { merge: true });
    return 'applied';
  });
}

export const onRatingCreated = onDocumentCreated(
  { document: `${COLLECTIONS.ratings}/{ratingId}`, retry: true },
  (event) => applyRating(event.params.ratingId, event.data?.data() as Partial<RatingDoc> | undefined),
);
