// Trigger: a rating also counts in its project's day bucket of the rated
// specialist, so the admin's project filter shows ratings. Totals and the
// all-projects day bucket stay with ratings/onRatingCreated; this adds only
// the `projectRating` part, with its own marker.
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions/v2';
import { COLLECTIONS } from '../shared/catalogue';
import type { RatingDoc } from '../shared/model';
import { applyParts, type PartsApplication } from './applyParts';
import { ratingParts } from './ratingEvents';
import { ratingWiring } from './wiring';

export async function applyProjectRating(ratingId: string, rating: Partial<RatingDoc> | undefined): Promise<PartsApplication> {
  const parts = ratingParts(ratingId, rating).filter((part) => part.marker.kind === 'projectRating');
  if (parts.length === 0) logger.error('Rating not counted per project: no specialist, project, score 1-5 or time', { ratingId });
  return applyParts(parts, ratingWiring);
}

export const onRatingCreatedForMetrics = onDocumentCreated(
  { document: `${COLLECTIONS.ratings}/{ratingId}`, retry: true },
  (event) => applyProjectRating(event.params.ratingId, event.data?.data() as Partial<RatingDoc> | undefined),
);
