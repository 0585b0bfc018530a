// Reads of the specialists table, one-shot (getDocs) rather than live:
// statistics change a few times a minute and a live table would re-read on each.
// Only day buckets, presence and load, O(specialists x days), never conversations.
// Takes the Firestore instance as an argument so tests can pass their own.
import {
  collection,
  doc,
  documentId,
  getDoc,
  getDocs,
  query,
  where,
  type Firestore,
  type FirestoreError,
} from 'firebase/firestore';
import { COLLECTIONS, SUBCOLLECTIONS, paths, type Level } from '$shared/catalogue';
import type { PresenceDoc, ProjectSpecialistDoc, SpecialistLoadDoc, UserDoc } from '$shared/model';
import type { DayRange } from './days';
import { ReadMeter } from './meter';
import { sumCounts, type BucketCounts, type DayCounts } from './summary';
import { availabilityOf } from '$shared/availability';
import { specialistRow, type SpecialistRow } from './table';

export interface SpecialistRef {
  uid: string;
  name: string;
  level: Level | null;
}

/** The project's specialists, or every account with the specialist role. */
export async function listSpecialists(
  db: Firestore,
  projectId: string | null,
  meter: ReadMeter,
): Promise<SpecialistRef[]> {
  if (projectId) {
    const snap = meter.counted(
      await getDocs(collection(db, COLLECTIONS.projects, projectId, SUBCOLLECTIONS.specialists)),
    );
    return snap.docs.map((d) => {
      const s = d.data() as ProjectSpecialistDoc;
      return { uid: d.id, name: s.displayName, level: s.level };
    });
  }
  const snap = meter.counted(
    await getDocs(query(collection(db, COLLECTIONS.users), where('role', '==', 'specialist'))),
  );
  return snap.docs.map((d) => ({ uid: d.id, name: (d.data() as UserDoc).displayName || d.id, level: null }));
}

/** The specialist's day buckets within the range: all projects, or one project's. */
export async function dayBuckets(
  db: Firestore,
  uid: string,
  range: DayRange,
  projectId: string | null,
  meter: ReadMeter,
): Promise<DayCounts[]> {
  const days = projectId
    ? collection(db, paths.specialistProject(uid, projectId), SUBCOLLECTIONS.days)
    : collection(db, paths.specialistStats(uid), SUBCOLLECTIONS.days);
  // Bucket ids are the days themselves, so an id range is the day range and needs no index.
  const snap = meter.counted(
    await getDocs(query(days, where(documentId(), '>=', range.from), where(documentId(), '<=', range.to))),
  );
  return snap.docs.map((d) => ({ day: d.id, counts: d.data() as BucketCounts }));
}

/** Active conversations from specialistLoad; null while the rules keep it functions-only. */
async function activeConversations(db: Firestore, uid: string, meter: ReadMeter): Promise<number | null> {
  try {
    const load = meter.counted(await getDoc(doc(db, paths.specialistLoad(uid))));
    return (load.data() as SpecialistLoadDoc | undefined)?.activeConversationIds?.length ?? 0;
  } catch (error) {
    // By code, not class: a FirestoreError may come from another copy of the SDK (tests, bundles).
    if ((error as Partial<FirestoreError> | null)?.code === 'permission-denied') return null;
    throw error;
  }
}

export interface MetricsTable {
  rows: SpecialistRow[];
  /** Every bucket read, for the per-day chart. */
  buckets: DayCounts[];
  meter: ReadMeter;
}

/** One row per specialist: their buckets in the range, presence and load. */
export async function loadRows(
  db: Firestore,
  specialists: readonly SpecialistRef[],
  filter: { range: DayRange; projectId: string | null },
  nowMs: number,
  meter: ReadMeter,
): Promise<Omit<MetricsTable, 'meter'>> {
  const loaded = await Promise.all(
    specialists.map(async (s) => {
      const [buckets, presence, active] = await Promise.all([
        dayBuckets(db, s.uid, filter.range, filter.projectId, meter),
        getDoc(doc(db, paths.presence(s.uid))).then((snap) => meter.counted(snap).data() as PresenceDoc | undefined),
        activeConversations(db, s.uid, meter),
      ]);
      const row = specialistRow({
        uid: s.uid,
        name: s.name,
        level: s.level,
        counts: sumCounts(buckets.map((b) => b.counts)),
        availability: availabilityOf(presence, nowMs),
        activeConversations: active,
      });
      return { row, buckets };
    }),
  );
  return { rows: loaded.map((l) => l.row), buckets: loaded.flatMap((l) => l.buckets) };
}

export async function loadMetricsTable(
  db: Firestore,
  filter: { range: DayRange; projectId: string | null },
  nowMs: number,
): Promise<MetricsTable> {
  const meter = new ReadMeter();
  const specialists = await listSpecialists(db, filter.projectId, meter);
  return { ...(await loadRows(db, specialists, filter, nowMs, meter)), meter };
}

/** The specialist's display name from users/{uid}; their id when the account has no document. */
export async function specialistName(db: Firestore, uid: string, meter: ReadMeter): Promise<string> {
  const user = meter.counted(await getDoc(doc(db, paths.user(uid))));
  return (user.data() as UserDoc | undefined)?.displayName || uid;
}
