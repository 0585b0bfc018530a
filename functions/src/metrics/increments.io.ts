// Outcome and rating aggregates as Firestore increments, for applyParts.
import { FieldValue } from 'firebase-admin/firestore';
import type { OutcomeAggregate, RatingAggregate } from '../shared/model';
import { addRatingAggregates, emptyRatingAggregate, RATING_SCORES } from '../ratings/ratingBuckets';
import { addOutcomes, emptyOutcome, OUTCOME_FIELDS } from './engagementMetrics';
import type { AggregateWiring } from './applyParts.io';

export const outcomeWiring: AggregateWiring<OutcomeAggregate> = {
  arithmetic: { empty: emptyOutcome, add: addOutcomes },
  increments: (delta) => Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, FieldValue.increment(delta[field])])),
};

export const ratingWiring: AggregateWiring<RatingAggregate> = {
  arithmetic: { empty: emptyRatingAggregate, add: addRatingAggregates },
  increments: (delta) => ({
    ratingCount: FieldValue.increment(delta.ratingCount),
    ratingSum: FieldValue.increment(delta.ratingSum),
    ratingDistribution: Object.fromEntries(
      RATING_SCORES.map((score) => [String(score), FieldValue.increment(delta.ratingDistribution[`${score}`])]),
    ),
  }),
};
