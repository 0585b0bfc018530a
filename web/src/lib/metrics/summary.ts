// From stored day buckets to the numbers the admin reads: sums of counts, then
// averages and shares from those sums (never averages of averages). Pure.
import { OUTCOME_FIELDS, type OutcomeAggregate, type RatingAggregate, type RatingScoreKey } from '$shared/model';

export type StatsCounts = OutcomeAggregate & RatingAggregate;
/** A stored bucket: any subset of the counts (ratings and outcomes are written separately). */
export type BucketCounts = Partial<OutcomeAggregate> & Partial<RatingAggregate>;

export const SCORE_KEYS: readonly RatingScoreKey[] = ['1', '2', '3', '4', '5'];

export function emptyCounts(): StatsCounts {
  const counts = { ratingCount: 0, ratingSum: 0, ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } };
  return {
    ...counts,
    ...(Object.fromEntries(OUTCOME_FIELDS.map((f) => [f, 0])) as Record<keyof OutcomeAggregate, number>),
  };
}

/** Field by field; a missing field counts as zero. */
export function sumCounts(buckets: Iterable<BucketCounts>): StatsCounts {
  const sum = emptyCounts();
  for (const bucket of buckets) {
    for (const field of OUTCOME_FIELDS) sum[field] += bucket[field] ?? 0;
    sum.ratingCount += bucket.ratingCount ?? 0;
    sum.ratingSum += bucket.ratingSum ?? 0;
    for (const key of SCORE_KEYS) sum.ratingDistribution[key] += bucket.ratingDistribution?.[key] ?? 0;
  }
  return sum;
}

export interface DerivedMetrics {
  /** Level 1 engagements transferred to level 2, over level 1 engagements. */
  escalationRate: number | null;
  averageRating: number | null;
  /** Ratings of 4 or 5 over all ratings. */
  satisfactionShare: number | null;
  averageFirstResponseSeconds: number | null;
  averageDurationSeconds: number | null;
  /** Engagements answered within the target, over all engagements (an unanswered one missed it). */
  withinTargetShare: number | null;
  averagePickupSeconds: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function derive(counts: StatsCounts): DerivedMetrics {
  return {
    escalationRate: ratio(counts.transferredOut, counts.attendedL1),
    averageRating: ratio(counts.ratingSum, counts.ratingCount),
    satisfactionShare: ratio(counts.ratingDistribution['4'] + counts.ratingDistribution['5'], counts.ratingCount),
    averageFirstResponseSeconds: ratio(counts.firstResponseSumSeconds, counts.firstResponseCount),
    averageDurationSeconds: ratio(counts.durationSumSeconds, counts.engagements),
    withinTargetShare: ratio(counts.withinTargetCount, counts.engagements),
    averagePickupSeconds: ratio(counts.pickupSumSeconds, counts.pickupCount),
  };
}

export interface DayCounts {
  day: string;
  counts: BucketCounts;
}

/** Engagements per day for every day of `days` (0 where no bucket exists), summed over all buckets given. */
export function engagementsPerDay(
  buckets: readonly DayCounts[],
  days: readonly string[],
): Array<{ day: string; engagements: number }> {
  const byDay = new Map<string, number>();
  for (const { day, counts } of buckets) byDay.set(day, (byDay.get(day) ?? 0) + (counts.engagements ?? 0));
  return days.map((day) => ({ day, engagements: byDay.get(day) ?? 0 }));
}

export const scoreLabel = (score: RatingScoreKey | number): string =>
  `${score} star${String(score) === '1' ? '' : 's'}`;
