// Reads of two screens over large seeded data, in a project that has the app's
// security rules but no functions (so seeding 10,000 messages starts no
// triggers): the specialist console opening a conversation with a long
// history (the latest page live, older pages on demand), the user's view of
// the same conversation, and the admin metrics page over N specialists x D days.
import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { endBefore, getDocs, limitToLast, query, Timestamp as ClientTimestamp } from 'firebase/firestore';
import { COLLECTIONS, paths, SUBCOLLECTIONS } from '$shared/catalogue';
import type { Engagement, MessageDoc } from '$shared/model';
import { allProjects, conversationMessages } from '../../web/src/lib/firebase/queries';
import { defaultRange } from '../../web/src/lib/metrics/days';
import { loadMetricsTable } from '../../web/src/lib/metrics/tableReads';
import { ClientPool, closeAdmin, adminFor, mapLimit, type Account, type Admin } from '../lib/clients';
import { appRules, loadRules, SEEDED_PROJECT } from '../lib/emulators';
import { Arrivals, ReadCounter, settle } from '../lib/listeners';
import { valueRow, type Row } from '../lib/report';
import { MESSAGE_WINDOW, SpecialistDesk, UserScreen } from '../lib/screens';
import { enableChat } from '../lib/seed';
import { servedConversation } from '../../tests/support/conversations';

const BATCH = 500;
const DAY_MS = 86_400_000;

const person = (role: 'user' | 'specialist' | 'admin', name: string): Account => {
  const uid = `${role}-${randomUUID().slice(0, 8)}`;
  return { uid, role, displayName: `${name} ${uid.slice(-4)}`, email: `${uid}@bench.example` };
};

async function seedHistory(admin: Admin, count: number) {
  const projectId = `history-${randomUUID().slice(0, 6)}`;
  const specialist = person('specialist', 'Console specialist');
  const user = person('user', 'Long-time user');
  const start = Date.now() - count * 60_000;
  const engagement: Engagement = {
    specialistId: specialist.uid,
    shownName: specialist.displayName,
    level: 1,
    startedAt: Timestamp.fromMillis(start),
    endedAt: null,
    firstResponseAt: Timestamp.fromMillis(start + 60_000),
    outcome: 'active',
    convertedToCase: false,
  };
  const conversation = servedConversation({ projectId, userId: user.uid, userName: user.displayName }, [engagement]);
  const conversationId = `history-${randomUUID().slice(0, 8)}`;
  const now = Timestamp.now();
  await admin.db
    .doc(paths.project(projectId))
    .set({ name: 'Long history', description: 'Benchmark', lastCaseNumber: 0 });
  await admin.db
    .doc(paths.projectSpecialist(projectId, specialist.uid))
    .set({ uid: specialist.uid, displayName: specialist.displayName, level: 1, addedAt: now, addedBy: 'bench' });
  await admin.db
    .doc(paths.member(projectId, user.uid))
    .set({ uid: user.uid, displayName: user.displayName, addedAt: now });
  await admin.db
    .doc(paths.presence(specialist.uid))
    .set({ choice: 'available', connections: { bench: now }, updatedAt: now });
  await admin.db.doc(paths.conversation(conversationId)).set(conversation);
  const batches = Array.from({ length: Math.ceil(count / BATCH) }, (_, b) => b);
  await mapLimit(batches, 4, async (b) => {
    const batch = admin.db.batch();
    for (let i = b * BATCH; i < Math.min(count, (b + 1) * BATCH); i++) {
      const fromUser = i % 2 === 0;
      const message: MessageDoc = {
        authorId: fromUser ? user.uid : specialist.uid,
        authorRole: fromUser ? 'user' : 'specialist',
        kind: 'text',
        visibility: 'all',
        text: `Message ${i} of a long conversation.`,
        createdAt: Timestamp.fromMillis(start + i * 60_000),
      };
      batch.set(
        admin.db.collection(`${COLLECTIONS.conversations}/${conversationId}/${SUBCOLLECTIONS.messages}`).doc(),
        message,
      );
    }
    await batch.commit();
  });
  return { projectId, conversationId, specialist, user, oldestLiveMs: start + (count - MESSAGE_WINDOW) * 60_000 };
}

async function seedMetrics(admin: Admin, specialists: number, days: number) {
  const nowMs = Date.now();
  const range = defaultRange(nowMs, days);
  const people = Array.from({ length: specialists }, (_, i) => person('specialist', `Metrics specialist ${i}`));
  await mapLimit(people, 4, async (p) => {
    const batch = admin.db.batch();
    const now = Timestamp.now();
    batch.set(admin.db.doc(paths.user(p.uid)), { displayName: p.displayName, email: p.email, role: 'specialist' });
    batch.set(admin.db.doc(paths.presence(p.uid)), {
      choice: 'available',
      connections: { bench: now },
      updatedAt: now,
    });
    for (let d = 0; d < days; d++) {
      const day = new Date(nowMs - d * DAY_MS).toISOString().slice(0, 10);
      batch.set(admin.db.doc(paths.specialistDay(p.uid, day)), {
        day,
        updatedAt: now,
        engagements: 8,
        attendedL1: 8,
        firstResponseCount: 8,
        firstResponseSumSeconds: 240,
        withinTargetCount: 7,
        durationSumSeconds: 4800,
        ratingCount: 3,
        ratingSum: 13,
        ratingDistribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 },
      });
    }
    await batch.commit();
  });
  return { range, nowMs };
}

export async function measureSeededReads(historyMessages: number, specialists: number, days: number) {
  await loadRules(SEEDED_PROJECT, appRules());
  const admin = adminFor(SEEDED_PROJECT);
  await enableChat(admin);
  const history = await seedHistory(admin, historyMessages);
  const metrics = await seedMetrics(admin, specialists, days);
  const pool = new ClientPool();
  const arrivals = new Arrivals();

  // The specialist opens the long conversation at their desk.
  const desk = new SpecialistDesk(pool.asRole(SEEDED_PROJECT, history.specialist), arrivals, {
    autoOpen: false,
    withSettings: true,
    queues: [{ projectId: history.projectId, level: 1 }],
  });
  desk.start();
  desk.open(history.conversationId, history.user.uid, { withProject: true });
  await settle([desk.reads], 1500, 30_000);
  const olderPage = await getDocs(
    query(
      conversationMessages(desk.client.db, history.conversationId, 'staff'),
      endBefore(ClientTimestamp.fromMillis(history.oldestLiveMs)),
      limitToLast(MESSAGE_WINDOW),
    ),
  );

  // The user's screen of the same conversation (/chat/c/[id]).
  const screen = new UserScreen(pool.asRole(SEEDED_PROJECT, history.user), arrivals, { withSettings: true });
  screen.open(history.conversationId);
  await settle([screen.reads], 1500, 30_000);

  // The admin's metrics page: the projects list and the table over N specialists x D days.
  const adminClient = pool.asRole(SEEDED_PROJECT, person('admin', 'Metrics admin'));
  const projects = new ReadCounter();
  projects.query(allProjects(adminClient.db));
  const table = await loadMetricsTable(adminClient.db, { range: metrics.range, projectId: null }, metrics.nowMs);
  await settle([projects], 500, 10_000);

  const listenerErrors = [...desk.reads.errors, ...screen.reads.errors, ...projects.errors];
  desk.stop();
  screen.stop();
  projects.stop();
  await pool.dispose();
  await closeAdmin(admin);

  const metricsReads = table.meter.reads + projects.reads;
  const rows: Row[] = [
    valueRow('console_load_reads', 'specialist', null, 'reads', desk.reads.reads),
    valueRow('console_load_reads', 'user', null, 'reads', screen.reads.reads),
    valueRow('metrics_page_reads', 'admin', null, 'reads', metricsReads),
  ];
  return {
    rows,
    details: {
      console: {
        historyMessages,
        window: MESSAGE_WINDOW,
        specialistReads: desk.reads.reads,
        userReads: screen.reads.reads,
        olderPageReads: olderPage.size,
        listenerErrors: listenerErrors.slice(0, 5),
      },
      metricsPage: {
        specialists,
        days,
        bucketBound: specialists * days,
        tableReads: table.meter.reads,
        tableQueries: table.meter.queries,
        projectListReads: projects.reads,
        rowsShown: table.rows.length,
        bucketsRead: table.buckets.length,
      },
    },
  };
}
