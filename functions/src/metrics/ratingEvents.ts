// What a rating counts for: one part, with one marker, adding its score to the
// rated specialist's totals, its UTC day bucket and, when the rating names its
// project, that project's day bucket. The trigger (ratings/onRatingCreated) and
// the recompute both fold ratings through here, so they cannot disagree.
import type { RatingAggregate, RatingDoc } from '../shared/model';
import { isRatingScore, ratingDelta, utcDay } from '../ratings/ratingBuckets';
import type { StatsMarker } from './events';
import type { BucketTarget } from './statsBuckets';

export interface RatingPart {
  marker: StatsMarker;
  targets: BucketTarget[];
  delta: RatingAggregate;
}

/** Empty for a rating without specialist, score 1-5 or time. */
export function ratingParts(ratingId: string, rating: Partial<RatingDoc> | undefined): RatingPart[] {
  const specialistId = rating?.specialistId;
  const score = rating?.score;
  const createdAt = rating?.createdAt;
  if (
    typeof specialistId !== 'string' ||
    !specialistId ||
    !isRatingScore(score) ||
    typeof createdAt?.toMillis !== 'function'
  ) {
    return [];
  }
  const day = utcDay(createdAt.toMillis());
  const targets: BucketTarget[] = [{ kind: 'totals' }, { kind: 'day', day }];
  const projectId = rating?.projectId;
  if (typeof projectId === 'string' && projectId) targets.push({ kind: 'projectDay', projectId, day });
  return [{ marker: { specialistId, kind: 'rating', sourceId: ratingId }, targets, delta: ratingDelta(score) }];
}
