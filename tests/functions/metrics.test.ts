// Specialist metrics against the emulators: conversations with transfers, a
// case, a requeue and ten simultaneous closes, rated at the same time, are
// counted exactly by the deployed triggers; replayed events count nothing; UTC
// day and project filters cut at midnight; and the backfill agrees with the
// live numbers and repairs them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import functionsTest from 'firebase-functions-test';
import {
  FieldPath,
  getFirestore,
  Timestamp,
  type DocumentData,
  type DocumentSnapshot,
  type Firestore,
} from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { SUBCOLLECTIONS, paths } from '$shared/catalogue';
import type { ConversationDoc, Engagement, RatingDoc } from '$shared/model';
import { backfillStats } from '../../functions/src/metrics/backfill.io';
import { conversationMarkerId, ratingMarkerId } from '../../functions/src/metrics/events';
import { asStats, type StatsAggregate } from '../../functions/src/metrics/recompute';
import { ReadMeter } from '../../web/src/lib/metrics/meter';
import { dayBuckets, loadRows } from '../../web/src/lib/metrics/tableReads';
import { sumCounts } from '../../web/src/lib/metrics/summary';
import { adminApp, cleanupApps, createAccount, signedInClient } from '../support/admin';
import { PROJECT_ID } from '../support/emulators';
import { waitFor } from '../support/wait';
import { servedConversation } from '../support/conversations';
import { useChatSettings } from './routingSupport';

// Before the trigger modules load: their Admin SDK app reads the project from here.
const functionsEnv = functionsTest({ projectId: PROJECT_ID });
type MetricsTrigger = typeof import('../../functions/src/conversations/lifecycle.fn');
type Outcome = typeof import('../../functions/src/metrics/conversationOutcome.io');
type RatingTrigger = typeof import('../../functions/src/ratings/onRatingCreated.fn');

const D0 = '2026-02-10';
const D1 = '2026-02-11';
const ts = (iso: string) => Timestamp.fromMillis(Date.parse(iso));

let app: App;
let db: Firestore;
let restoreSettings: () => Promise<void>;
let triggers: { metrics: MetricsTrigger; outcome: Outcome; rating: RatingTrigger };

const run = randomUUID().slice(0, 8);
const ann = `metrics-ann-${run}`; // level 1
const bob = `metrics-bob-${run}`; // level 1
const cy = `metrics-cy-${run}`; // level 2
const alpha = `metrics-alpha-${run}`;
const beta = `metrics-beta-${run}`;
const specialists = [ann, bob, cy];
const conversationId = (n: number) => `metrics-${run}-c${n}`;
/** conversation -> what its "before" looked like (served, not closed), for replays. */
const served = new Map<string, DocumentSnapshot>();

function engagement(specialistId: string, level: 1 | 2, start: string, extra: Partial<Engagement> = {}): Engagement {
  return {
    specialistId,
    shownName: specialistId,
    level,
    startedAt: ts(start),
    endedAt: null,
    firstResponseAt: null,
    outcome: 'active',
    convertedToCase: false,
    ...extra,
  };
}

/** A conversation being served right now (last engagement running), as routing and transfers leave it. */
async function seedServed(
  n: number,
  projectId: string,
  userId: string,
  engagements: Engagement[],
  extra: Partial<ConversationDoc> = {},
) {
  const conversation = servedConversation({ projectId, userId, userName: `User ${userId}` }, engagements, extra);
  const ref = db.doc(paths.conversation(conversationId(n)));
  await ref.set(conversation);
  served.set(conversationId(n), await ref.get());
}

/** What a client's close writes; the closing function then ends the running engagement at closedAt. */
const close = (n: number, at: string) =>
  db.doc(paths.conversation(conversationId(n))).update({ status: 'closed', closedAt: ts(at), closedBy: 'user' });

const rate = (n: number, specialistId: string, projectId: string, score: RatingDoc['score'], at: string) => {
  const rating: RatingDoc = {
    conversationId: conversationId(n),
    projectId,
    userId: 'u',
    specialistId,
    score,
    comment: `c${n}`,
    createdAt: ts(at),
  };
  return db.doc(paths.rating(conversationId(n))).set(rating);
};

const TEN_SCORES: RatingDoc['score'][] = [5, 4, 5, 3, 1, 5, 2, 4, 5, 3];

async function seedWorld() {
  // c1: ann answers in 20 s just before midnight and transfers after it; cy picks up in 90 s and opens a case.
  await seedServed(
    1,
    alpha,
    'u1',
    [
      engagement(ann, 1, `${D0}T23:59:30Z`, {
        firstResponseAt: ts(`${D0}T23:59:50Z`),
        endedAt: ts(`${D1}T00:01:00Z`),
        outcome: 'transferred',
      }),
      engagement(cy, 2, `${D1}T00:01:00Z`, { firstResponseAt: ts(`${D1}T00:02:30Z`), convertedToCase: true }),
    ],
    { caseId: `conversion_${conversationId(1)}`, caseNumber: 1 },
  );
  // c2: bob starts exactly at midnight and misses the 60 s target.
  await seedServed(2, alpha, 'u2', [engagement(bob, 1, `${D1}T00:00:00Z`, { firstResponseAt: ts(`${D1}T00:01:15Z`) })]);
  // c3 (beta): ann vanishes without answering, the conversation is requeued to bob.
  await seedServed(3, beta, 'u1', [
    engagement(ann, 1, `${D1}T08:00:00Z`, { endedAt: ts(`${D1}T08:01:00Z`), outcome: 'requeued' }),
    engagement(bob, 1, `${D1}T08:02:00Z`, { firstResponseAt: ts(`${D1}T08:02:30Z`) }),
  ]);
  // c4..c13: ten conversations of ann, answered in 10 s, all closed at the same moment.
  for (let i = 0; i < 10; i++) {
    const start = new Date(Date.parse(`${D0}T12:00:00Z`) + i * 60_000).toISOString();
    await seedServed(4 + i, alpha, 'u3', [
      engagement(ann, 1, start, { firstResponseAt: ts(new Date(Date.parse(start) + 10_000).toISOString()) }),
    ]);
  }
  // Everything closes and is rated at once.
  await Promise.all([
    close(1, `${D1}T00:10:00Z`),
    close(2, `${D1}T00:20:00Z`),
    close(3, `${D1}T08:30:00Z`),
    ...TEN_SCORES.map((_, i) => close(4 + i, `${D0}T13:00:00Z`)),
    rate(1, cy, alpha, 5, `${D1}T00:11:00Z`),
    rate(2, bob, alpha, 3, `${D1}T00:21:00Z`),
    ...TEN_SCORES.map((score, i) => rate(4 + i, ann, alpha, score, `${D0}T13:05:00Z`)),
  ]);
}

const markerExists = async (uid: string, id: string) =>
  (await db.doc(paths.specialistAppliedEvent(uid, id)).get()).exists;

/** Every marker the triggers must have written once everything settled. */
function expectedMarkers(): Array<[string, string]> {
  const closes: Array<[string, number]> = [
    [ann, 1],
    [cy, 1],
    [bob, 2],
    [ann, 3],
    [bob, 3],
  ];
  const ratings: Array<[string, number]> = [
    [cy, 1],
    [bob, 2],
  ];
  TEN_SCORES.forEach((_, i) => {
    closes.push([ann, 4 + i]);
    ratings.push([ann, 4 + i]);
  });
  return [
    ...closes.map(([uid, n]): [string, string] => [uid, conversationMarkerId(conversationId(n))]),
    ...ratings.map(([uid, n]): [string, string] => [uid, ratingMarkerId(conversationId(n))]),
  ];
}

/** Every statistics document of our specialists, counts normalised (missing = 0), plus marker ids. */
async function snapshotStats(): Promise<Record<string, StatsAggregate | string[]>> {
  const out: Record<string, StatsAggregate | string[]> = {};
  for (const uid of specialists) {
    const stats = db.doc(paths.specialistStats(uid));
    const totals = await stats.get();
    if (totals.exists) out[stats.path] = asStats(totals.data() as DocumentData);
    for (const d of (await stats.collection(SUBCOLLECTIONS.days).get()).docs) out[d.ref.path] = asStats(d.data());
    for (const project of await stats.collection(SUBCOLLECTIONS.byProject).listDocuments()) {
      for (const d of (await project.collection(SUBCOLLECTIONS.days).get()).docs) out[d.ref.path] = asStats(d.data());
    }
    out[`${uid}/markers`] = (await stats.collection(SUBCOLLECTIONS.appliedEvents).listDocuments())
      .map((r) => r.id)
      .sort();
  }
  return out;
}

const stored = async (path: string) => asStats((await db.doc(path).get()).data());

beforeAll(async () => {
  // First: platform/admin only initialises the default app when no app exists yet.
  triggers = {
    metrics: await import('../../functions/src/conversations/lifecycle.fn'),
    outcome: await import('../../functions/src/metrics/conversationOutcome.io'),
    rating: await import('../../functions/src/ratings/onRatingCreated.fn'),
  };
  app = adminApp();
  db = getFirestore(app);
  restoreSettings = await useChatSettings(db, { firstResponseTargetSeconds: 60, ratingEnabled: true });
  await seedWorld();
  await waitFor(
    async () =>
      (await Promise.all(expectedMarkers().map(([uid, id]) => markerExists(uid, id)))).filter((x) => !x).length,
    (missing) => missing === 0,
    { what: 'every close and rating counted', timeoutMs: 45_000 },
  );
});
afterAll(async () => {
  functionsEnv.cleanup();
  await restoreSettings();
  await cleanupApps(app);
});

describe('live aggregation', () => {
  it('counts ten simultaneous closes and ratings exactly, in totals and in the UTC day the engagements started', async () => {
    expect(await stored(paths.specialistDay(ann, D0))).toEqual({
      ...asStats(undefined),
      engagements: 11,
      attendedL1: 11,
      transferredOut: 1,
      firstResponseCount: 11,
      firstResponseSumSeconds: 20 + 10 * 10,
      withinTargetCount: 11,
      // c1: 23:59:30 -> 00:01:00; c4..c13: 12:00+i min -> 13:00.
      durationSumSeconds: 90 + (36_000 - 60 * 45),
      ratingCount: 10,
      ratingSum: 37,
      ratingDistribution: { '1': 1, '2': 1, '3': 2, '4': 2, '5': 4 },
    });
    expect(await stored(paths.specialistDay(ann, D1))).toEqual({
      ...asStats(undefined),
      engagements: 1,
      attendedL1: 1,
      durationSumSeconds: 60,
    });
    expect(await stored(paths.specialistStats(ann))).toMatchObject({
      engagements: 12,
      attendedL1: 12,
      ratingCount: 10,
    });
  });

  it('credits the level 2 side of a transfer: transferred in, pickup time, the case, the rating', async () => {
    expect(await stored(paths.specialistDay(cy, D1))).toEqual({
      ...asStats(undefined),
      engagements: 1,
      attendedL2: 1,
      transferredIn: 1,
      convertedToCase: 1,
      firstResponseCount: 1,
      firstResponseSumSeconds: 90,
      withinTargetCount: 0,
      durationSumSeconds: 540,
      pickupCount: 1,
      pickupSumSeconds: 90,
      ratingCount: 1,
      ratingSum: 5,
      ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 },
    });
  });

  it('keeps participantIds for the detail query', async () => {
    const c1 = (await db.doc(paths.conversation(conversationId(1))).get()).data() as ConversationDoc;
    const c3 = (await db.doc(paths.conversation(conversationId(3))).get()).data() as ConversationDoc;
    expect(c1.participantIds).toEqual([ann, cy]);
    expect(c3.participantIds).toEqual([ann, bob]);
  });

  it('counts nothing more when close and rating events are replayed, twice at once and again later', async () => {
    const before = await snapshotStats();
    const closed = functionsEnv.wrap(triggers.metrics.onConversationUpdated);
    const rated = functionsEnv.wrap(triggers.rating.onRatingCreated);
    for (const n of [1, 3, 4]) {
      const id = conversationId(n);
      const after = await db.doc(paths.conversation(id)).get();
      const event = { params: { conversationId: id }, data: functionsEnv.makeChange(served.get(id)!, after) };
      await Promise.all([closed(event), closed(event)]);
      await closed(event);
    }
    const rating = await db.doc(paths.rating(conversationId(4))).get();
    const ratingEvent = { params: { ratingId: rating.id }, data: rating };
    await Promise.all([rated(ratingEvent), rated(ratingEvent), rated(ratingEvent)]);
    expect(
      await triggers.outcome.applyConversationOutcome(
        conversationId(2),
        (await db.doc(paths.conversation(conversationId(2))).get()).data() as ConversationDoc,
      ),
    ).toBe('already-applied');
    expect(await snapshotStats()).toEqual(before);
  });
});

describe('filters', () => {
  it('cut UTC days at midnight: the range of one day holds only engagements started on it', async () => {
    const admin = await createAccount(app, 'admin');
    const { db: clientDb } = await signedInClient(admin);
    const meter = new ReadMeter();
    const counts = async (uid: string, from: string, to: string) =>
      sumCounts((await dayBuckets(clientDb, uid, { from, to }, null, meter)).map((b) => b.counts));
    expect(await counts(ann, D1, D1)).toMatchObject({ engagements: 1, ratingCount: 0 });
    expect(await counts(ann, D0, D0)).toMatchObject({ engagements: 11, ratingCount: 10 });
    expect(await counts(ann, D0, D1)).toMatchObject({ engagements: 12, ratingCount: 10 });
    // Bob's engagement began at 00:00:00.000 of D1: it belongs to D1, not to D0.
    expect(await counts(bob, D0, D0)).toMatchObject({ engagements: 0 });
    expect(await counts(bob, D1, D1)).toMatchObject({
      engagements: 2,
      firstResponseSumSeconds: 75 + 30,
      withinTargetCount: 1,
      ratingCount: 1,
    });
  });

  it('split by project: each project holds its own engagements and ratings', async () => {
    const project = async (uid: string, projectId: string) => {
      const days = await db
        .doc(paths.specialistProject(uid, projectId))
        .collection(SUBCOLLECTIONS.days)
        .where(FieldPath.documentId(), '>=', D0)
        .where(FieldPath.documentId(), '<=', D1)
        .get();
      return sumCounts(days.docs.map((d) => d.data()));
    };
    expect(await project(bob, alpha)).toMatchObject({
      engagements: 1,
      firstResponseSumSeconds: 75,
      ratingCount: 1,
      ratingSum: 3,
    });
    expect(await project(bob, beta)).toMatchObject({ engagements: 1, firstResponseSumSeconds: 30, ratingCount: 0 });
    expect(await project(ann, beta)).toMatchObject({ engagements: 1, attendedL1: 1, firstResponseCount: 0 });
    expect(await project(ann, alpha)).toMatchObject({ engagements: 11, ratingCount: 10, ratingSum: 37 });
  });

  it('reads one bucket per specialist and day with activity, plus presence: O(specialists x days)', async () => {
    const admin = await createAccount(app, 'admin');
    const { db: clientDb } = await signedInClient(admin);
    const meter = new ReadMeter();
    const refs = specialists.map((uid) => ({ uid, name: uid, level: null }));
    const { rows } = await loadRows(
      clientDb,
      refs,
      { range: { from: '2026-01-13', to: D1 }, projectId: null },
      Date.now(),
      meter,
    );
    expect(rows.find((r) => r.uid === ann)?.counts.engagements).toBe(12);
    // 30 days x 3 specialists: ann has 2 day buckets, bob 1, cy 1; one presence read each.
    // specialistLoad is functions-only today, so those reads are refused and cost nothing here.
    const loadReadable = rows.some((r) => r.activeConversations !== null);
    expect(meter.reads).toBe(2 + 1 + 1 + 3 + (loadReadable ? 3 : 0));
    expect(meter.reads).toBeLessThanOrEqual(specialists.length * (30 + 2));
  });
});

describe('backfill', () => {
  it('agrees with the live aggregation, and rewrites the same documents', async () => {
    const live = await snapshotStats();
    const check = await backfillStats(db, { specialistIds: specialists, checkOnly: true });
    expect(check.differences).toEqual([]);
    const report = await backfillStats(db, { specialistIds: specialists });
    expect(report.deleted).toBe(0);
    expect(await snapshotStats()).toEqual(live);
  });

  it('repairs wrong counts, stray buckets and lost markers', async () => {
    const live = await snapshotStats();
    await db.doc(paths.specialistDay(ann, D0)).update({ engagements: 99 });
    await db.doc(paths.specialistDay(bob, '2026-01-01')).set({ day: '2026-01-01', engagements: 3 });
    await db.doc(paths.specialistAppliedEvent(bob, conversationMarkerId(conversationId(2)))).delete();
    const check = await backfillStats(db, { specialistIds: specialists, checkOnly: true });
    expect(check.differences.map((d) => d.path).sort()).toEqual(
      [paths.specialistDay(ann, D0), paths.specialistDay(bob, '2026-01-01')].sort(),
    );
    expect(check.differences.find((d) => d.path === paths.specialistDay(ann, D0))?.fields).toEqual([
      'engagements: 99 -> 11',
    ]);

    await backfillStats(db, { specialistIds: specialists });
    expect(await snapshotStats()).toEqual(live);
  });
});
