// The statistics the live triggers would have left after the demo history:
// the metrics recompute (functions/src/metrics/recompute.ts) folds the same
// conversations and ratings, and this lays its buckets and markers out as the
// documents backfill.ts writes, so `backfill-stats --check` finds nothing to fix.
import { markerIdOf } from '../../functions/src/metrics/events';
import { recomputeStats } from '../../functions/src/metrics/recompute';
import { paths } from '../../functions/src/shared/catalogue';
import type { Time } from '../../functions/src/shared/model';
import type { History } from './history';

export type StatsDocument =
  | { kind: 'statsTotals' | 'statsDay' | 'statsProjectDay'; path: string; data: Record<string, unknown> }
  | { kind: 'statsMarker'; path: string; data: { kind: string; sourceId: string; appliedAt: Time } };

export function historyStatsDocuments(history: History, firstResponseTargetSeconds: number, at: Time): StatsDocument[] {
  const recomputed = recomputeStats({
    conversations: history.conversations.map(({ id, data }) => ({ id, ...data })),
    ratings: history.ratings,
    firstResponseTargetSeconds,
  });
  const docs: StatsDocument[] = [];
  for (const [uid, mine] of recomputed.buckets) {
    if (mine.totals)
      docs.push({ kind: 'statsTotals', path: paths.specialistStats(uid), data: { ...mine.totals, updatedAt: at } });
    for (const [day, aggregate] of Object.entries(mine.days)) {
      docs.push({ kind: 'statsDay', path: paths.specialistDay(uid, day), data: { ...aggregate, day, updatedAt: at } });
    }
    for (const [projectId, byDay] of Object.entries(mine.projects)) {
      for (const [day, aggregate] of Object.entries(byDay)) {
        const path = paths.specialistProjectDay(uid, projectId, day);
        docs.push({ kind: 'statsProjectDay', path, data: { ...aggregate, day, projectId, updatedAt: at } });
      }
    }
  }
  for (const [uid, markers] of recomputed.markers) {
    for (const marker of markers) {
      const path = paths.specialistAppliedEvent(uid, markerIdOf(marker));
      docs.push({ kind: 'statsMarker', path, data: { kind: marker.kind, sourceId: marker.sourceId, appliedAt: at } });
    }
  }
  return docs;
}
