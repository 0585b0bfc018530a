// Routing against the emulators: who gets a new conversation, capacity under a
// burst, queue order and positions, a freed specialist or a capacity raise
// serving the oldest waiting user, and the same trigger event delivered more than once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import functionsTest from 'firebase-functions-test';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { COLLECTIONS, paths } from '$shared/catalogue';
import type { ConversationDoc } from '$shared/model';
import { adminApp, cleanupApps } from '../support/admin';
import { PROJECT_ID } from '../support/emulators';
import { waitFor } from '../support/wait';
import {
  activeLoad,
  addMember,
  addSpecialist,
  closeAs,
  messagesOf,
  placeOf,
  readConversation,
  readLine,
  seedProject,
  startConversation,
  useChatSettings,
  waitForConversation,
  waitForPlace,
} from './routingSupport';
import { queuePosition } from '$shared/queueLine';

// Before the trigger module loads: its Admin SDK app reads the project from here.
const functionsEnv = functionsTest({ projectId: PROJECT_ID });
type Lifecycle = typeof import('../../functions/src/conversations/lifecycle.fn');
type Sweep = typeof import('../../functions/src/conversations/sweepConversations.fn');

const MAX = 3;
let app: App;
let db: Firestore;
let lifecycle: Lifecycle;
let sweep: Sweep;
let restoreSettings: () => Promise<void>;

beforeAll(async () => {
  lifecycle = await import('../../functions/src/conversations/lifecycle.fn');
  sweep = await import('../../functions/src/conversations/sweepConversations.fn');
  app = adminApp();
  db = getFirestore(app);
  restoreSettings = await useChatSettings(db, {
    maxConversationsPerSpecialist: MAX,
    showSpecialistName: true,
    ratingEnabled: true,
  });
});
afterAll(async () => {
  await restoreSettings();
  functionsEnv.cleanup();
  await cleanupApps(app);
});

async function conversationsOf(projectId: string): Promise<Array<ConversationDoc & { id: string }>> {
  const snap = await db.collection(COLLECTIONS.conversations).where('projectId', '==', projectId).get();
  return snap.docs.map((d) => ({ id: d.id, ...(d.data() as ConversationDoc) }));
}

const byArrival = (a: ConversationDoc & { id: string }, b: ConversationDoc & { id: string }) =>
  a.queuedAt.toMillis() - b.queuedAt.toMillis() || (a.id < b.id ? -1 : 1);

describe('routing a new conversation', () => {
  it('goes to the least busy available Level 1 specialist, never the away one', async () => {
    const { projectId } = await seedProject(db, 'route');
    const busy = await addSpecialist(app, db, projectId, 1);
    const idle = await addSpecialist(app, db, projectId, 1);
    const away = await addSpecialist(app, db, projectId, 1, 'away');
    await addSpecialist(app, db, projectId, 2);
    await db
      .doc(paths.specialistLoad(busy.uid))
      .set({ activeConversationIds: ['served-elsewhere'], updatedAt: Timestamp.now() });
    const user = await addMember(app, db, projectId);

    const id = await startConversation(user, projectId);
    const assigned = await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');

    expect(assigned).toMatchObject({
      specialistId: idle.uid,
      specialistName: idle.displayName,
      level: 1,
      ticket: null,
    });
    expect(assigned.engagements).toHaveLength(1);
    expect(assigned.engagements[0]).toMatchObject({
      specialistId: idle.uid,
      level: 1,
      outcome: 'active',
      endedAt: null,
    });
    expect(await activeLoad(db, idle.uid)).toEqual([id]);
    expect(await activeLoad(db, away.uid)).toEqual([]);
    const messages = await waitFor(
      () => messagesOf(db, id),
      (m) => m.length >= 2,
      { what: 'welcome and joined' },
    );
    expect(messages.map((m) => [m.id, m.text])).toEqual([
      ['system-welcome', `Hello ${user.displayName}, welcome to the Project ${projectId} help desk.`],
      ['system-joined-1', `${idle.displayName} has joined the conversation.`],
    ]);
  });

  it('never gives a user-started conversation to Level 2, and tells the user nobody is available', async () => {
    const { projectId } = await seedProject(db, 'route-l2');
    const level2 = await addSpecialist(app, db, projectId, 2);
    const user = await addMember(app, db, projectId);

    const id = await startConversation(user, projectId);
    await waitForPlace(db, id, 1, 'queue position');
    expect(await readConversation(db, id)).toMatchObject({ status: 'queued', specialistId: null });
    expect((await readLine(db, projectId, 1))?.nobodyAvailable).toBe(true);
    await waitFor(
      () => messagesOf(db, id),
      (m) => m.some((x) => x.id === 'system-nobody-available'),
      { what: 'nobody-available message' },
    );
    expect(await activeLoad(db, level2.uid)).toEqual([]);

    // A Level 1 specialist joining the project pulls it at once.
    const level1 = await addSpecialist(app, db, projectId, 1);
    const assigned = await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment to the new Level 1');
    expect(assigned).toMatchObject({ specialistId: level1.uid, ticket: null });
    expect((await readLine(db, projectId, 1))?.nobodyAvailable).toBe(false);
    expect(await activeLoad(db, level2.uid)).toEqual([]);
  });
});

describe('a burst of conversations', () => {
  it(`serves 20 at once with at most ${MAX} each, loses none and queues the rest in arrival order`, async () => {
    const { projectId } = await seedProject(db, 'burst');
    const level1 = await Promise.all([1, 2, 3].map(() => addSpecialist(app, db, projectId, 1)));
    const level2 = await addSpecialist(app, db, projectId, 2);
    const users = await Promise.all(Array.from({ length: 20 }, () => addMember(app, db, projectId)));

    const ids = await Promise.all(users.map((user) => startConversation(user, projectId)));
    const capacity = level1.length * MAX;
    const places = async () => {
      const all = await conversationsOf(projectId);
      const line = await readLine(db, projectId, 1);
      return all.map((c) => ({ ...c, place: queuePosition(c, line) }));
    };
    const settled = await waitFor(
      places,
      (all) => {
        const queued = all.filter((c) => c.status === 'queued').sort(byArrival);
        return (
          all.filter((c) => c.status === 'assigned').length === capacity &&
          queued.length === 20 - capacity &&
          queued.every((c, i) => c.place === i + 1)
        );
      },
      { what: 'burst settled', timeoutMs: 90_000, intervalMs: 500 },
    );

    expect(settled.map((c) => c.id).sort()).toEqual([...ids].sort());
    const inOrder = [...settled].sort(byArrival);
    // The oldest ones were served; everyone after them waits, numbered by arrival.
    expect(inOrder.slice(0, capacity).every((c) => c.status === 'assigned')).toBe(true);
    expect(inOrder.slice(capacity).map((c) => c.place)).toEqual(Array.from({ length: 20 - capacity }, (_, i) => i + 1));
    for (const specialist of level1) {
      const serving = settled.filter((c) => c.specialistId === specialist.uid);
      expect(serving).toHaveLength(MAX);
      expect(serving.every((c) => c.engagements.length === 1)).toBe(true);
      expect((await activeLoad(db, specialist.uid)).sort()).toEqual(serving.map((c) => c.id).sort());
    }
    expect(settled.filter((c) => c.specialistId === level2.uid)).toEqual([]);
    expect(await activeLoad(db, level2.uid)).toEqual([]);
  }, 150_000);

  it('lets a freed specialist pull the oldest waiting conversation', async () => {
    const { projectId } = await seedProject(db, 'freed');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const users = await Promise.all(Array.from({ length: MAX + 2 }, () => addMember(app, db, projectId)));
    const ids: string[] = [];
    for (const user of users) ids.push(await startConversation(user, projectId));
    const [, second, , fourth, fifth] = ids as [string, string, string, string, string];
    await waitForPlace(db, fifth, 2, 'the last one second in line');
    expect(await placeOf(db, fourth)).toBe(1);

    await closeAs(specialist, second, 'specialist');

    const pulled = await waitForConversation(db, fourth, (c) => c.status === 'assigned', 'the oldest waiting assigned');
    expect(pulled.specialistId).toBe(specialist.uid);
    await waitForPlace(db, fifth, 1, 'the next one first in line');
    const closed = await waitForConversation(
      db,
      second,
      (c) => c.engagements[0]?.outcome === 'closed',
      'engagement ended',
    );
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'specialist', specialistId: specialist.uid });
    expect(closed.engagements[0]?.endedAt?.toMillis()).toBe(closed.closedAt?.toMillis());
    expect((await activeLoad(db, specialist.uid)).sort()).toEqual([ids[0], ids[2], fourth].sort());
    const texts = (await messagesOf(db, second)).map((m) => m.id);
    expect(texts).toEqual(['system-welcome', 'system-joined-1', 'system-closed', 'system-rating-request']);
  }, 90_000);

  it('serves the waiting users at once when the admin raises the capacity', async () => {
    const { projectId } = await seedProject(db, 'capacity');
    const specialist = await addSpecialist(app, db, projectId, 1);
    // Full from elsewhere, so that no routing pass of this test's own conversation is still running
    // when the capacity changes: its "queued" message is the opening trigger's last write.
    const elsewhere = Array.from({ length: MAX }, (_, i) => `served-elsewhere-${i}`);
    await db
      .doc(paths.specialistLoad(specialist.uid))
      .set({ activeConversationIds: elsewhere, updatedAt: Timestamp.now() });
    const user = await addMember(app, db, projectId);
    const waiting = await startConversation(user, projectId);
    await waitFor(
      () => messagesOf(db, waiting),
      (m) => m.some((x) => x.id === 'system-queued'),
      { what: 'told to wait' },
    );
    expect((await readConversation(db, waiting)).status).toBe('queued');

    const restore = await useChatSettings(db, {
      maxConversationsPerSpecialist: MAX + 1,
      showSpecialistName: true,
      ratingEnabled: true,
    });
    try {
      const served = await waitForConversation(db, waiting, (c) => c.status === 'assigned', 'assigned after the raise');
      expect(served.specialistId).toBe(specialist.uid);
      expect((await activeLoad(db, specialist.uid)).sort()).toEqual([...elsewhere, waiting].sort());
    } finally {
      await restore();
    }
  }, 90_000);
});

describe('the same trigger event delivered again', () => {
  it('assigns once however many times the created event arrives', async () => {
    const { projectId } = await seedProject(db, 'twice');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const created = lifecycle.onConversationCreated;
    const wrapped = functionsEnv.wrap(created);

    const id = await startConversation(user, projectId);
    const snapshot = await db.doc(paths.conversation(id)).get();
    // The emulator delivers the event once; two more deliveries race it.
    await Promise.all([
      wrapped({ params: { conversationId: id }, data: snapshot }),
      wrapped({ params: { conversationId: id }, data: snapshot }),
    ]);
    const assigned = await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');
    const messagesBefore = await waitFor(
      () => messagesOf(db, id),
      (m) => m.length === 2,
      { what: 'welcome and joined' },
    );

    // A late redelivery after everything settled changes nothing.
    await wrapped({ params: { conversationId: id }, data: snapshot });
    const after = await readConversation(db, id);
    expect(after.engagements).toHaveLength(1);
    expect(after.specialistId).toBe(specialist.uid);
    expect(after.assignedAt?.toMillis()).toBe(assigned.assignedAt?.toMillis());
    expect(await activeLoad(db, specialist.uid)).toEqual([id]);
    const messagesAfter = await messagesOf(db, id);
    expect(messagesAfter.map((m) => [m.id, m.createdAt.toMillis()])).toEqual(
      messagesBefore.map((m) => [m.id, m.createdAt.toMillis()]),
    );
  });

  it('finishes a close once however many times the updated event arrives', async () => {
    const { projectId } = await seedProject(db, 'twice-close');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const id = await startConversation(user, projectId);
    await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');
    const before = await db.doc(paths.conversation(id)).get();

    await closeAs(user, id, 'user');
    const after = await db.doc(paths.conversation(id)).get();
    const wrapped = functionsEnv.wrap(lifecycle.onConversationUpdated);
    const event = { params: { conversationId: id }, data: functionsEnv.makeChange(before, after) };
    await Promise.all([wrapped(event), wrapped(event)]);
    const settled = await waitFor(
      () => messagesOf(db, id),
      (m) => m.some((x) => x.id === 'system-rating-request'),
      { what: 'closing messages' },
    );
    await wrapped(event);

    const closed = await readConversation(db, id);
    expect(closed.engagements.map((e) => e.outcome)).toEqual(['closed']);
    expect(await activeLoad(db, specialist.uid)).toEqual([]);
    const messages = await messagesOf(db, id);
    expect(messages.map((m) => [m.id, m.createdAt.toMillis()])).toEqual(
      settled.map((m) => [m.id, m.createdAt.toMillis()]),
    );
    expect(messages.map((m) => m.id)).toEqual([
      'system-welcome',
      'system-joined-1',
      'system-closed',
      'system-rating-request',
    ]);
  });

  it('closes correctly even when a message already sits at the id of the goodbye (written before the rules reserved it)', async () => {
    const { projectId } = await seedProject(db, 'squatted-close');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const id = await startConversation(user, projectId);
    await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');
    const squat = {
      authorId: user.uid,
      authorRole: 'user',
      kind: 'text',
      visibility: 'all',
      text: 'gotcha',
      createdAt: Timestamp.now(),
    };
    await db.doc(paths.message(id, 'system-closed')).set(squat);

    await closeAs(user, id, 'user');
    const closed = await waitForConversation(db, id, (c) => c.closingDoneAt !== undefined, 'closing handled');
    expect(closed.engagements.map((e) => e.outcome)).toEqual(['closed']);
    expect(await activeLoad(db, specialist.uid)).toEqual([]);
    const goodbye = (await messagesOf(db, id)).find((m) => m.id === 'system-closed');
    expect(goodbye).toMatchObject({ authorRole: 'system', kind: 'system' });
  });
});

describe('a routing pass that dies', () => {
  /** A pass holding the line's lease that will never let go (its instance died); the lease lapses in `ms`. */
  const deadPass = (projectId: string, ms: number, again = false) =>
    db
      .doc(paths.queueLease(projectId, 1))
      .set({ holder: 'dead-pass', until: Timestamp.fromMillis(Date.now() + ms), again });

  it('before any step committed: its arrivals wait unseen, and the next pass after the lease lapses serves them all', async () => {
    const { projectId } = await seedProject(db, 'dead-before');
    const specialist = await addSpecialist(app, db, projectId, 1);
    await deadPass(projectId, 4_000);
    const users = await Promise.all([1, 2, 3, 4].map(() => addMember(app, db, projectId)));
    const ids: string[] = [];
    for (const user of users) ids.push(await startConversation(user, projectId));
    // Their own triggers saw the lease taken and left them to the (dead) holder.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await Promise.all(ids.map((id) => readConversation(db, id)))).map((c) => [c.status, c.ticket])).toEqual(
      ids.map(() => ['queued', null]),
    );

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const report = await sweep.sweepOnce(Date.now(), { projectId });
    expect(report.routed).toEqual([{ projectId, level: 1 }]);
    const after = await Promise.all(ids.map((id) => readConversation(db, id)));
    expect(after.filter((c) => c.status === 'assigned').map((c) => c.specialistId)).toEqual([
      specialist.uid,
      specialist.uid,
      specialist.uid,
    ]);
    expect(await Promise.all(ids.map((id) => placeOf(db, id)))).toEqual([null, null, null, 1]);
    expect((await activeLoad(db, specialist.uid)).sort()).toEqual(ids.slice(0, 3).sort());
  });

  it('after a step committed: the line it left is consistent, and the next pass after the lease lapses completes it', async () => {
    const { projectId } = await seedProject(db, 'dead-after');
    const users = await Promise.all([1, 2, 3].map(() => addMember(app, db, projectId)));
    const ids: string[] = [];
    for (const user of users) ids.push(await startConversation(user, projectId));
    // Nobody on duty: a pass ticketed everyone, committed, then its instance died holding the lease.
    await waitForPlace(db, ids[2]!, 3, 'everyone in line');
    await waitFor(
      async () => (await db.doc(paths.queueLease(projectId, 1)).get()).exists,
      (held) => !held,
      { what: 'the ticketing passes done' },
    );
    await deadPass(projectId, 4_000);
    // A specialist comes on duty while the lease is held: the request for another look dies with the holder.
    const specialist = await addSpecialist(app, db, projectId, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await readConversation(db, ids[0]!)).status).toBe('queued');
    expect(await Promise.all(ids.map((id) => placeOf(db, id)))).toEqual([1, 2, 3]);

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await sweep.sweepOnce(Date.now(), { projectId });
    const after = await Promise.all(ids.map((id) => readConversation(db, id)));
    expect(after.map((c) => [c.status, c.specialistId])).toEqual(ids.map(() => ['assigned', specialist.uid]));
    expect((await db.doc(paths.queueTally(projectId, 1)).get()).get('waiting')).toBe(0);
  });
});
