// Every statistics bucket recomputed from the source documents: settled
// conversations and ratings, folded through the same parts the triggers apply
// (conversationParts, ratingParts), with the markers the triggers would have
// written. Pure; backfill.ts loads the sources and writes the result.
import type { OutcomeAggregate, RatingAggregate, RatingDoc, RatingScoreKey } from '../shared/model';
import { addRatingAggregates, emptyRatingAggregate, RATING_SCORES } from '../ratings/ratingBuckets';
import { conversationParts } from './conversationEvents';
import {
  addOutcomes,
  emptyOutcome,
  isSettled,
  OUTCOME_FIELDS,
  type ConversationOutcomeView,
} from './engagementMetrics';
import type { StatsMarker } from './events';
import { ratingParts } from './ratingEvents';
import { foldInto, type Arithmetic, type BucketMap } from './statsBuckets';

/** Everything a statistics document counts. */
export type StatsAggregate = RatingAggregate & OutcomeAggregate;

export const emptyStats = (): StatsAggregate => ({ ...emptyRatingAggregate(), ...emptyOutcome() });

/** Reads missing fields of `stored` (a document only one aggregate touched) as zero. */
const addStats = (stored: Partial<StatsAggregate> | undefined, delta: StatsAggregate): StatsAggregate => ({
  ...addRatingAggregates(stored, delta),
  ...addOutcomes(stored, delta),
});

export const statsArithmetic: Arithmetic<StatsAggregate> = { empty: emptyStats, add: addStats };

/** A stored document's counts with every missing field read as zero. */
export const asStats = (stored: Partial<StatsAggregate> | undefined): StatsAggregate => addStats(stored, emptyStats());

export interface RecomputeInput {
  conversations: ReadonlyArray<ConversationOutcomeView & { id: string }>;
  ratings: ReadonlyArray<{ id: string; data: Partial<RatingDoc> }>;
  firstResponseTargetSeconds: number;
}

export interface RecomputedStats {
  buckets: BucketMap<StatsAggregate>;
  /** specialistId -> the markers of every event counted for them. */
  markers: Map<string, StatsMarker[]>;
}

export function recomputeStats(input: RecomputeInput): RecomputedStats {
  const buckets: BucketMap<StatsAggregate> = new Map();
  const markers = new Map<string, Map<string, StatsMarker>>();
  const remember = (marker: StatsMarker) => {
    const mine = markers.get(marker.specialistId) ?? new Map<string, StatsMarker>();
    mine.set(`${marker.kind}/${marker.sourceId}`, marker);
    markers.set(marker.specialistId, mine);
  };
  for (const conversation of input.conversations) {
    // Not yet settled: the close trigger has not counted it either.
    if (!isSettled(conversation)) continue;
    for (const part of conversationParts(conversation.id, conversation, input.firstResponseTargetSeconds)) {
      foldInto(
        buckets,
        part.marker.specialistId,
        part.targets,
        { ...emptyRatingAggregate(), ...part.delta },
        statsArithmetic,
      );
      remember(part.marker);
    }
  }
  for (const rating of input.ratings) {
    for (const part of ratingParts(rating.id, rating.data)) {
      foldInto(buckets, part.marker.specialistId, part.targets, { ...emptyOutcome(), ...part.delta }, statsArithmetic);
      remember(part.marker);
    }
  }
  return { buckets, markers: new Map([...markers].map(([uid, mine]) => [uid, [...mine.values()]])) };
}

const STAT_FIELDS = [
  'ratingCount',
  'ratingSum',
  ...RATING_SCORES.map((score) => `ratingDistribution.${score}`),
  ...OUTCOME_FIELDS,
] as const;

function field(stats: StatsAggregate, name: (typeof STAT_FIELDS)[number]): number {
  if (name.startsWith('ratingDistribution.')) return stats.ratingDistribution[name.slice(-1) as RatingScoreKey];
  return stats[name as keyof Omit<StatsAggregate, 'ratingDistribution'>];
}

/** Fields whose counts differ, as `name: stored -> expected`; empty when the document agrees. */
export function statsDifferences(
  stored: Partial<StatsAggregate> | undefined,
  expected: StatsAggregate | undefined,
): string[] {
  const have = asStats(stored);
  const want = asStats(expected);
  return STAT_FIELDS.filter((name) => field(have, name) !== field(want, name)).map(
    (name) => `${name}: ${field(have, name)} -> ${field(want, name)}`,
  );
}
