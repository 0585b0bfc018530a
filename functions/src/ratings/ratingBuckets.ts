// Rating arithmetic behind specialistStats: the increment one rating adds, sums
// of those increments, and the day bucket a rating falls in. Pure; the trigger
// turns a delta into Firestore increments, and a recompute can fold all ratings
// with the same functions to check the live numbers.
import type { RatingAggregate, RatingScoreKey } from '../shared/model';

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
export type RatingScore = (typeof RATING_SCORES)[number];

const scoreKey = (score: RatingScore) => String(score) as RatingScoreKey;

export function isRatingScore(value: unknown): value is RatingScore {
  return typeof value === 'number' && (RATING_SCORES as readonly number[]).includes(value);
}

export function emptyRatingAggregate(): RatingAggregate {
  return { ratingCount: 0, ratingSum: 0, ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } };
}

/** What one rating adds; every distribution key is present so the stored map always has all five. */
export function ratingDelta(score: RatingScore): RatingAggregate {
  const delta = emptyRatingAggregate();
  delta.ratingCount = 1;
  delta.ratingSum = score;
  delta.ratingDistribution[scoreKey(score)] = 1;
  return delta;
}

/** Adds `delta` to a stored aggregate, reading missing fields (a doc another aggregate created) as zero. */
export function addRatingAggregates(
  stored: Partial<RatingAggregate> | undefined,
  delta: RatingAggregate,
): RatingAggregate {
  const sum = emptyRatingAggregate();
  sum.ratingCount = (stored?.ratingCount ?? 0) + delta.ratingCount;
  sum.ratingSum = (stored?.ratingSum ?? 0) + delta.ratingSum;
  for (const score of RATING_SCORES) {
    const key = scoreKey(score);
    sum.ratingDistribution[key] = (stored?.ratingDistribution?.[key] ?? 0) + delta.ratingDistribution[key];
  }
  return sum;
}

/**
 * The yyyy-mm-dd bucket of a moment, in UTC. Functions run in a region of their
 * own and specialists and admins sit in several time zones; a fixed UTC day
 * makes the bucket depend only on the rating, so a replay or a recompute lands
 * in the same document and every reader sees the same days.
 */
export function utcDay(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

export interface RatedMoment {
  score: RatingScore;
  createdAtMillis: number;
}

/** Totals and day buckets of a set of ratings, folded one by one as the trigger does. */
export function aggregateRatings(ratings: readonly RatedMoment[]): {
  totals: RatingAggregate;
  days: Record<string, RatingAggregate>;
} {
  let totals = emptyRatingAggregate();
  const days: Record<string, RatingAggregate> = {};
  for (const rating of ratings) {
    const delta = ratingDelta(rating.score);
    const day = utcDay(rating.createdAtMillis);
    totals = addRatingAggregates(totals, delta);
    days[day] = addRatingAggregates(days[day], delta);
  }
  return { totals, days };
}
