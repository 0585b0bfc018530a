// Ids of the marker documents (specialistStats/{uid}/appliedEvents/{id}) that
// make each source event count once. The kind prefix keeps ids of different
// events about the same conversation apart.
import type { AppliedStatsEventDoc } from '../shared/model';

export type StatsEventKind = AppliedStatsEventDoc['kind'];

export const ratingMarkerId = (ratingId: string) => `rating-${ratingId}`;
export const conversationMarkerId = (conversationId: string) => `conversation-${conversationId}`;
export const conversionMarkerId = (conversationId: string) => `conversion-${conversationId}`;

export const MARKER_ID: Record<StatsEventKind, (sourceId: string) => string> = {
  rating: ratingMarkerId,
  conversation: conversationMarkerId,
  conversion: conversionMarkerId,
};

/** One marker a specialist's statistics carry: which event, of which source document. */
export interface StatsMarker {
  specialistId: string;
  kind: StatsEventKind;
  sourceId: string;
}

export const markerIdOf = (marker: Pick<StatsMarker, 'kind' | 'sourceId'>) => MARKER_ID[marker.kind](marker.sourceId);
