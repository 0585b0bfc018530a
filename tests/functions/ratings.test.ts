// Rating aggregation against the emulators: concurrent ratings add up exactly,
// per UTC day too, and a replayed event counts nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import functionsTest from 'firebase-functions-test';
import { doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { paths } from '$shared/catalogue';
import type { ChatSettingsDoc, ConversationDoc, RatingDoc, SpecialistDayDoc, SpecialistStatsDoc } from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { ratingMarkerId } from '../../functions/src/metrics/events';
import { aggregateRatings, type RatingScore } from '../../functions/src/ratings/ratingBuckets';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';
import { PROJECT_ID } from '../support/emulators';
import { waitFor } from '../support/wait';

// Before the trigger module loads: its Admin SDK app reads the project from here.
const functionsEnv = functionsTest({ projectId: PROJECT_ID });
type RatingTrigger = typeof import('../../functions/src/ratings/onRatingCreated.fn');

let app: App;
let db: Firestore;
let user: TestAccount;
let ratingTrigger: RatingTrigger;

beforeAll(async () => {
  // First: platform/admin only initialises the default app when no app exists yet.
  ratingTrigger = await import('../../functions/src/ratings/onRatingCreated.fn');
  app = adminApp();
  db = getFirestore(app);
  user = await createAccount(app, 'user');
  const chat: ChatSettingsDoc = {
    enabled: true,
    general: { ...DEFAULT_GENERAL_SETTINGS, ratingEnabled: true },
    revision: 1,
    updatedAt: Timestamp.now(),
    updatedBy: 'ratings-test',
  };
  await db.doc(paths.chatSettings()).set(chat);
});
afterAll(async () => {
  functionsEnv.cleanup();
  await cleanupApps(app);
});

/** A fresh specialist (empty stats) and `count` closed conversations they served for the user. */
async function seedClosedConversations(count: number) {
  const specialist = await createAccount(app, 'specialist');
  const projectId = `ratings-${randomUUID().slice(0, 8)}`;
  const now = Timestamp.now();
  const batch = db.batch();
  batch.set(db.doc(paths.project(projectId)), { name: 'Ratings', description: 'Test', lastCaseNumber: 0 });
  batch.set(db.doc(paths.member(projectId, user.uid)), { uid: user.uid, displayName: user.displayName, addedAt: now });
  const conversationIds = Array.from({ length: count }, (_, i) => `${projectId}-c${i}`);
  for (const id of conversationIds) {
    const conversation: ConversationDoc = {
      projectId,
      userId: user.uid,
      userName: user.displayName,
      status: 'closed',
      level: 1,
      specialistId: specialist.uid,
      specialistName: specialist.displayName,
      createdAt: now,
      queuedAt: now,
      assignedAt: now,
      closedAt: now,
      closedBy: 'user',
      caseId: null,
      caseNumber: null,
      ticket: null,
      engagements: [],
      inactivityWarnedAt: null,
    };
    batch.set(db.doc(paths.conversation(id)), conversation);
  }
  await batch.commit();
  return { specialist, projectId, conversationIds };
}

const stats = async (uid: string) =>
  (await db.doc(paths.specialistStats(uid)).get()).data() as SpecialistStatsDoc | undefined;

const ratingFields = ({
  ratingCount,
  ratingSum,
  ratingDistribution,
}: Partial<SpecialistStatsDoc | SpecialistDayDoc> = {}) => ({
  ratingCount,
  ratingSum,
  ratingDistribution,
});

describe('onRatingCreated', () => {
  it('aggregates ratings from 10 concurrent conversations exactly, in totals and UTC day buckets', async () => {
    const { specialist, projectId, conversationIds } = await seedClosedConversations(10);
    const scores: RatingScore[] = [5, 4, 5, 3, 1, 5, 2, 4, 5, 3];
    const { db: clientDb } = await signedInClient(user);
    // Each user rates under the rules, all at once.
    await Promise.all(
      conversationIds.map((conversationId, i) =>
        setDoc(doc(clientDb, paths.rating(conversationId)), {
          conversationId,
          projectId,
          userId: user.uid,
          specialistId: specialist.uid,
          score: scores[i],
          comment: `Rating ${i}`,
          createdAt: serverTimestamp(),
        }),
      ),
    );
    await waitFor(
      () => stats(specialist.uid),
      (s) => (s?.ratingCount ?? 0) >= 10,
      { what: '10 ratings counted' },
    );

    const stored = await Promise.all(
      conversationIds.map(async (id) => (await db.doc(paths.rating(id)).get()).data() as RatingDoc),
    );
    const expected = aggregateRatings(stored.map((r) => ({ score: r.score, createdAtMillis: r.createdAt.toMillis() })));
    expect(expected.totals).toEqual({
      ratingCount: 10,
      ratingSum: 37,
      ratingDistribution: { '1': 1, '2': 1, '3': 2, '4': 2, '5': 4 },
    });
    expect(ratingFields(await stats(specialist.uid))).toEqual(expected.totals);

    const days = await db.collection(`${paths.specialistStats(specialist.uid)}/days`).get();
    expect(days.docs.map((d) => d.id).sort()).toEqual(Object.keys(expected.days).sort());
    for (const day of days.docs) {
      expect(day.get('day')).toBe(day.id);
      expect(ratingFields(day.data() as SpecialistDayDoc)).toEqual(expected.days[day.id]);
    }
  });

  it('counts nothing when a rating event is replayed, even twice at once', async () => {
    const { specialist, projectId, conversationIds } = await seedClosedConversations(1);
    const conversationId = conversationIds[0]!;
    const rating: RatingDoc = {
      conversationId,
      projectId,
      userId: user.uid,
      specialistId: specialist.uid,
      score: 4,
      comment: '',
      createdAt: Timestamp.fromMillis(Date.parse('2026-01-31T23:30:00Z')),
    };
    await db.doc(paths.rating(conversationId)).set(rating);
    const wrapped = functionsEnv.wrap(ratingTrigger.onRatingCreated);
    const snapshot = await db.doc(paths.rating(conversationId)).get();
    // With the emulator's own delivery, three deliveries of one event race here.
    await Promise.all([1, 2].map(() => wrapped({ data: snapshot, params: { ratingId: conversationId } })));
    const counted = await waitFor(
      () => stats(specialist.uid),
      (s) => (s?.ratingCount ?? 0) >= 1,
      { what: 'the rating counted' },
    );
    await wrapped({ data: snapshot, params: { ratingId: conversationId } });

    const once = { ratingCount: 1, ratingSum: 4, ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } };
    expect(ratingFields(counted)).toEqual(once);
    expect(ratingFields(await stats(specialist.uid))).toEqual(once);
    const day = (await db.doc(paths.specialistDay(specialist.uid, '2026-01-31')).get()).data() as SpecialistDayDoc;
    expect(ratingFields(day)).toEqual(once);
    const marker = await db.doc(paths.specialistAppliedEvent(specialist.uid, ratingMarkerId(conversationId))).get();
    expect(marker.data()).toMatchObject({ kind: 'rating', sourceId: conversationId });
  });

  it("keeps other aggregates' fields in the stats document", async () => {
    const { specialist, projectId, conversationIds } = await seedClosedConversations(1);
    const conversationId = conversationIds[0]!;
    await db.doc(paths.specialistStats(specialist.uid)).set({ conversationsClosed: 7 });
    const outcome = await ratingTrigger.applyRating(conversationId, {
      conversationId,
      projectId,
      userId: user.uid,
      specialistId: specialist.uid,
      score: 2,
      comment: '',
      createdAt: Timestamp.now(),
    });
    expect(outcome).toBe('applied');
    expect(await stats(specialist.uid)).toMatchObject({ conversationsClosed: 7, ratingCount: 1, ratingSum: 2 });
  });
});
