// Rewrites specialistStats from the source documents: loads every conversation
// and rating, recomputes (recompute.ts) and replaces each specialist's totals,
// day buckets, project day buckets and markers. Takes its Firestore as an
// argument and initialises nothing, so the script and tests choose the target.
//
// Write order makes a trigger running meanwhile harmless for every event the
// recompute saw: markers first (a trigger that has not committed yet then finds
// its marker and stops), buckets second (overwriting any increment committed
// before). An event created after the sources were read can still be lost when
// its marker is deleted as stale: run it while chat is off, or run it again.
import { FieldPath, FieldValue, type DocumentData, type Firestore, type Query } from 'firebase-admin/firestore';
import { COLLECTIONS, SUBCOLLECTIONS, paths } from '../shared/catalogue';
import type { ChatSettingsDoc, ConversationDoc, RatingDoc } from '../shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '../shared/settings';
import { markerIdOf } from './events';
import { recomputeStats, statsDifferences, type RecomputedStats, type StatsAggregate } from './recompute';

export interface BackfillOptions {
  /** Rewrite only these specialists; default: everyone with statistics stored or due. */
  specialistIds?: readonly string[];
  /** Compare stored with recomputed and write nothing. */
  checkOnly?: boolean;
  pageSize?: number;
}

export interface BackfillReport {
  conversations: number;
  ratings: number;
  specialists: number;
  /** Stored documents that disagreed with the recompute (before it wrote), and how. */
  differences: Array<{ path: string; fields: string[] }>;
  written: number;
  deleted: number;
}

interface Plan {
  sets: Array<{ path: string; data: DocumentData }>;
  markers: Array<{ path: string; data: DocumentData }>;
  deletes: string[];
  differences: BackfillReport['differences'];
}

async function loadAll<T>(
  db: Firestore,
  query: Query,
  pageSize: number,
  read: (id: string, data: DocumentData) => T,
): Promise<T[]> {
  const out: T[] = [];
  let page = query.orderBy(FieldPath.documentId()).limit(pageSize);
  for (;;) {
    const snapshot = await page.get();
    for (const doc of snapshot.docs) out.push(read(doc.id, doc.data()));
    const last = snapshot.docs[snapshot.docs.length - 1];
    if (snapshot.size < pageSize || !last) return out;
    page = query.orderBy(FieldPath.documentId()).startAfter(last.id).limit(pageSize);
  }
}

async function firstResponseTarget(db: Firestore): Promise<number> {
  const chat = (await db.doc(paths.chatSettings()).get()).data() as Partial<ChatSettingsDoc> | undefined;
  return chat?.general?.firstResponseTargetSeconds ?? DEFAULT_GENERAL_SETTINGS.firstResponseTargetSeconds;
}

export async function recomputeFromSources(
  db: Firestore,
  pageSize = 500,
): Promise<RecomputedStats & { conversations: number; ratings: number }> {
  const [target, conversations, ratings] = await Promise.all([
    firstResponseTarget(db),
    loadAll(
      db,
      db.collection(COLLECTIONS.conversations).select('projectId', 'status', 'engagements'),
      pageSize,
      (id, data) => ({
        id,
        ...(data as Pick<ConversationDoc, 'projectId' | 'status' | 'engagements'>),
      }),
    ),
    loadAll(db, db.collection(COLLECTIONS.ratings), pageSize, (id, data) => ({ id, data: data as Partial<RatingDoc> })),
  ]);
  const recomputed = recomputeStats({ conversations, ratings, firstResponseTargetSeconds: target });
  return { ...recomputed, conversations: conversations.length, ratings: ratings.length };
}

/** What must change for one specialist to match the recompute. */
async function planSpecialist(db: Firestore, uid: string, recomputed: RecomputedStats): Promise<Plan> {
  const plan: Plan = { sets: [], markers: [], deletes: [], differences: [] };
  const mine = recomputed.buckets.get(uid);
  const stats = db.doc(paths.specialistStats(uid));
  const compare = (path: string, stored: DocumentData | undefined, expected: StatsAggregate | undefined) => {
    const fields = statsDifferences(stored as Partial<StatsAggregate> | undefined, expected);
    if (fields.length > 0 || (stored === undefined) !== (expected === undefined))
      plan.differences.push({ path, fields });
  };
  const updatedAt = FieldValue.serverTimestamp();

  const totals = (await stats.get()).data();
  compare(stats.path, totals, mine?.totals ?? undefined);
  if (mine?.totals) plan.sets.push({ path: stats.path, data: { ...mine.totals, updatedAt } });
  else if (totals) plan.deletes.push(stats.path);

  const days = await stats.collection(SUBCOLLECTIONS.days).get();
  const storedDays = new Map(days.docs.map((d) => [d.ref.path, d.data()]));
  const expectedDays = new Map<string, DocumentData>();
  for (const [day, aggregate] of Object.entries(mine?.days ?? {})) {
    expectedDays.set(paths.specialistDay(uid, day), { ...aggregate, day, updatedAt });
  }
  for (const project of await stats.collection(SUBCOLLECTIONS.byProject).listDocuments()) {
    const projectDays = await project.collection(SUBCOLLECTIONS.days).get();
    for (const d of projectDays.docs) storedDays.set(d.ref.path, d.data());
  }
  for (const [projectId, byDay] of Object.entries(mine?.projects ?? {})) {
    for (const [day, aggregate] of Object.entries(byDay)) {
      expectedDays.set(paths.specialistProjectDay(uid, projectId, day), { ...aggregate, day, projectId, updatedAt });
    }
  }
  for (const path of new Set([...storedDays.keys(), ...expectedDays.keys()])) {
    const expected = expectedDays.get(path);
    compare(path, storedDays.get(path), expected as StatsAggregate | undefined);
    if (expected) plan.sets.push({ path, data: expected });
    else plan.deletes.push(path);
  }

  const storedMarkers = new Set(
    (await stats.collection(SUBCOLLECTIONS.appliedEvents).listDocuments()).map((ref) => ref.path),
  );
  const expectedMarkers = new Set<string>();
  for (const marker of recomputed.markers.get(uid) ?? []) {
    const path = paths.specialistAppliedEvent(uid, markerIdOf(marker));
    expectedMarkers.add(path);
    if (!storedMarkers.has(path))
      plan.markers.push({ path, data: { kind: marker.kind, sourceId: marker.sourceId, appliedAt: updatedAt } });
  }
  for (const path of storedMarkers) if (!expectedMarkers.has(path)) plan.deletes.push(path);
  return plan;
}

type Write = { path: string; data: DocumentData } | { path: string; data?: undefined };

/** One phase's writes, all finished (or the first failure thrown) before the next phase starts. */
async function inPhase(db: Firestore, writes: readonly Write[]): Promise<void> {
  const writer = db.bulkWriter();
  // allSettled attaches a handler to every write at once: no rejection goes unhandled while close() waits.
  const results = Promise.allSettled(
    writes.map(({ path, data }) => (data ? writer.set(db.doc(path), data) : writer.delete(db.doc(path)))),
  );
  await writer.close();
  const failed = (await results).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length > 0) {
    throw new Error(
      `Backfill: ${failed.length} of ${writes.length} writes failed; run it again. First: ${String(failed[0]?.reason)}`,
    );
  }
}

export async function backfillStats(db: Firestore, options: BackfillOptions = {}): Promise<BackfillReport> {
  const recomputed = await recomputeFromSources(db, options.pageSize);
  const stored = options.specialistIds
    ? []
    : (await db.collection(COLLECTIONS.specialistStats).listDocuments()).map((ref) => ref.id);
  const uids = [...new Set(options.specialistIds ?? [...recomputed.buckets.keys(), ...stored])].sort();
  const plans = await Promise.all(uids.map((uid) => planSpecialist(db, uid, recomputed)));
  const report: BackfillReport = {
    conversations: recomputed.conversations,
    ratings: recomputed.ratings,
    specialists: uids.length,
    differences: plans.flatMap((plan) => plan.differences),
    written: 0,
    deleted: 0,
  };
  if (options.checkOnly) return report;

  await inPhase(
    db,
    plans.flatMap((p) => p.markers),
  );
  await inPhase(
    db,
    plans.flatMap((p) => p.sets),
  );
  await inPhase(
    db,
    plans.flatMap((p) => p.deletes.map((path) => ({ path }))),
  );
  report.written = plans.reduce((n, p) => n + p.markers.length + p.sets.length, 0);
  report.deleted = plans.reduce((n, p) => n + p.deletes.length, 0);
  return report;
}
