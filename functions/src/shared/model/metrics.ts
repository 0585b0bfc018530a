// Ratings and the per-specialist aggregates built from them and from engagements.
import type { Level } from '../catalogue';
import type { Time } from './time';

export interface RatingDoc {
  conversationId: string;
  projectId: string;
  userId: string;
  specialistId: string;
  score: 1 | 2 | 3 | 4 | 5;
  comment: string;
  createdAt: Time;
}

export type RatingScoreKey = '1' | '2' | '3' | '4' | '5';

/** Rating totals; average = ratingSum / ratingCount. */
export interface RatingAggregate {
  ratingCount: number;
  ratingSum: number;
  /** Every score key is present, 0 when unused, so charts need no gap filling. */
  ratingDistribution: Record<RatingScoreKey, number>;
}

/**
 * specialistStats/{uid}: all-time aggregates of one specialist; functions only.
 * Each aggregate (ratings now, conversation outcomes later) owns its own fields,
 * adds to them with increments and reads a missing field as zero, so a document
 * may hold any subset and a new aggregate is one more `Partial<...>` here.
 */
export interface SpecialistStatsDoc extends Partial<RatingAggregate>, Partial<OutcomeAggregate> {
  updatedAt: Time;
}

/** specialistStats/{uid}/days/{yyyy-mm-dd}: the same aggregates for one UTC day. */
export interface SpecialistDayDoc extends Partial<RatingAggregate>, Partial<OutcomeAggregate> {
  /** Same as the document id, for range queries over days. */
  day: string;
  updatedAt: Time;
}

/** specialistStats/{uid}/byProject/{projectId}/days/{yyyy-mm-dd}: one project's share of a day. */
export interface SpecialistProjectDayDoc extends SpecialistDayDoc {
  projectId: string;
}

/**
 * Conversation outcomes credited per engagement (one specialist's part of a
 * conversation), as counts and sums so every average is exact: average first
 * response = firstResponseSumSeconds / firstResponseCount. Definitions: docs/metrics.md.
 */
export interface OutcomeAggregate {
  engagements: number;
  attendedL1: number;
  attendedL2: number;
  /** Level 1 engagements that ended in a transfer to level 2. */
  transferredOut: number;
  /** Level 2 engagements: a conversation reaches level 2 only by a transfer. */
  transferredIn: number;
  convertedToCase: number;
  firstResponseCount: number;
  firstResponseSumSeconds: number;
  /** Engagements whose first response came within settings general.firstResponseTargetSeconds. */
  withinTargetCount: number;
  durationSumSeconds: number;
  /** Level 2 engagements that answered after a transfer: transfer -> first response. */
  pickupCount: number;
  pickupSumSeconds: number;
}

/** Every OutcomeAggregate field, for code that adds, compares or shows them all. */
export const OUTCOME_FIELDS = [
  'engagements',
  'attendedL1',
  'attendedL2',
  'transferredOut',
  'transferredIn',
  'convertedToCase',
  'firstResponseCount',
  'firstResponseSumSeconds',
  'withinTargetCount',
  'durationSumSeconds',
  'pickupCount',
  'pickupSumSeconds',
] as const satisfies readonly (keyof OutcomeAggregate)[];

/**
 * specialistStats/{uid}/appliedEvents/{eventId}: marks a source event as counted,
 * created in the same transaction as the increments so a replay counts nothing.
 */
export interface AppliedStatsEventDoc {
  /**
   * rating: a rating's totals, day bucket and project day bucket;
   * conversation: a closed conversation's outcomes; conversion: its conversion into a case
   * (counted on its own because a conversion can land just after the close).
   */
  kind: 'rating' | 'conversation' | 'conversion';
  sourceId: string;
  appliedAt: Time;
}
