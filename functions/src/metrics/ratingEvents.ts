// The events a rating raises: `rating` (totals and day bucket, applied by
// ratings/onRatingCreated) and `projectRating` (the project's day bucket,
// applied by onRatingCreatedForMetrics). Both judge validity as applyRating
// does, so a rating it ignores is ignored by the recompute too.
import type { RatingAggregate, RatingDoc } from '../shared/model';
import { isRatingScore, ratingDelta, utcDay } from '../ratings/ratingBuckets';
import type { StatsMarker } from './events';
import type { BucketTarget } from './statsBuckets';

export interface RatingPart {
  marker: StatsMarker;
  targets: BucketTarget[];
  delta: RatingAggregate;
}

/** Empty for a rating without specialist, score 1-5 or time; no project part without a project. */
export function ratingParts(ratingId: string, rating: Partial<RatingDoc> | undefined): RatingPart[] {
  const specialistId = rating?.specialistId;
  const score = rating?.score;
  const createdAt = rating?.createdAt;
  if (typeof specialistId !== 'string' || !specialistId || !isRatingScore(score) || typeof createdAt?.toMillis !== 'function') {
    return [];
  }
  const day = utcDay(createdAt.toMillis());
  const delta = ratingDelta(score);
  const parts: RatingPart[] = [
    { marker: { specialistId, kind: 'rating', sourceId: ratingId }, targets: [{ kind: 'totals' }, { kind: 'day', day }], delta },
  ];
  const projectId = rating?.projectId;
  if (typeof projectId === 'string' && projectId) {
    parts.push({
      marker: { specialistId, kind: 'projectRating', sourceId: ratingId },
      targets: [{ kind: 'projectDay', projectId, day }],
      delta,
    });
  }
  return parts;
}
