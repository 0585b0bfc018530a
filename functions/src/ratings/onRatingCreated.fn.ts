// The one trigger on ratings/{id}: a user's rating adds to the rated
// specialist's totals, the bucket of its UTC day and that day's bucket of its
// project (shapes: SpecialistStatsDoc / SpecialistDayDoc in shared/model), in
// one transaction with one marker, so a replayed event counts nothing. What a
// rating counts for is ratingParts (metrics/ratingEvents.ts), which the
// recompute uses too.
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions/v2';
import { COLLECTIONS } from '../shared/catalogue';
import type { RatingDoc } from '../shared/model';
import { applyParts, type PartsApplication } from '../metrics/applyParts.io';
import { ratingParts } from '../metrics/ratingEvents';
import { ratingWiring } from '../metrics/increments.io';

/** The trigger's body, exported so a test can replay an event. */
export async function applyRating(ratingId: string, rating: Partial<RatingDoc> | undefined): Promise<PartsApplication> {
  const parts = ratingParts(ratingId, rating);
  // Rules only admit well-formed ratings; anything else was written around them.
  if (parts.length === 0) logger.error('Rating ignored: no specialist, score 1-5 or time', { ratingId });
  return applyParts(parts, ratingWiring);
}

export const onRatingCreated = onDocumentCreated(
  { document: `${COLLECTIONS.ratings}/{ratingId}`, retry: true },
  (event) => applyRating(event.params.ratingId, event.data?.data() as Partial<RatingDoc> | undefined),
);
