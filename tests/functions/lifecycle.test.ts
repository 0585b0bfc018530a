// A conversation's life after assignment, against the emulators: the minute
// sweep requeues a vanished specialist's conversations at the front of the
// queue and warns then closes silent users (judged from the latest message);
// an engagement's first response is found when it ends; a conversation started
// while the chat is off is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import functionsTest from 'firebase-functions-test';
import { doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { COLLECTIONS, PRESENCE, clientMessageId, paths } from '$shared/catalogue';
import { startingConversation } from '$shared/conversationStart';
import { outgoingMessage } from '$shared/clientWrites';
import { adminApp, cleanupApps, signedInClient, type TestAccount } from '../support/admin';
import { PROJECT_ID } from '../support/emulators';
import { waitFor } from '../support/wait';
import {
  activeLoad,
  addMember,
  closeAs,
  addSpecialist,
  messagesOf,
  readConversation,
  seedProject,
  setPresence,
  startConversation,
  useChatSettings,
  placeOf,
  waitForConversation,
  waitForPlace,
} from './routingSupport';

// Before the sweep module loads: its Admin SDK app reads the project from here.
const functionsEnv = functionsTest({ projectId: PROJECT_ID });
type Sweep = typeof import('../../functions/src/conversations/sweepConversations.fn');
type Requeue = typeof import('../../functions/src/conversations/requeue.io');

const WARN_S = 300;
const CLOSE_S = 600;
let app: App;
let db: Firestore;
let sweep: Sweep;
let requeue: Requeue;
let restoreSettings: () => Promise<void>;

beforeAll(async () => {
  sweep = await import('../../functions/src/conversations/sweepConversations.fn');
  requeue = await import('../../functions/src/conversations/requeue.io');
  app = adminApp();
  db = getFirestore(app);
  restoreSettings = await useChatSettings(db, {
    maxConversationsPerSpecialist: 3,
    inactivityWarningSeconds: WARN_S,
    inactivityCloseSeconds: CLOSE_S,
    ratingEnabled: true,
  });
});
afterAll(async () => {
  await restoreSettings();
  functionsEnv.cleanup();
  await cleanupApps(app);
});

const sent = new Map<string, number>();

/** A message written by the account's own client under its next sequenced id, as the web app does. */
async function post(account: TestAccount, conversationId: string, authorRole: 'user' | 'specialist', text: string) {
  const { db: client } = await signedInClient(account);
  const key = `${conversationId}/${account.uid}`;
  const n = (sent.get(key) ?? 0) + 1;
  sent.set(key, n);
  const id = clientMessageId(account.uid, n);
  await setDoc(
    doc(client, paths.message(conversationId, id)),
    outgoingMessage({ id: account.uid, role: authorRole }, text, serverTimestamp),
  );
}

describe('requeue after the grace period', () => {
  it("puts a vanished specialist's conversations back at the front of the queue and tells the users", async () => {
    const { projectId } = await seedProject(db, 'requeue');
    const gone = await addSpecialist(app, db, projectId, 1);
    const users = await Promise.all([1, 2, 3, 4].map(() => addMember(app, db, projectId)));
    const ids: string[] = [];
    for (const user of users) ids.push(await startConversation(user, projectId));
    const [first, second, third, waiting] = ids as [string, string, string, string];
    await waitForPlace(db, waiting, 1, 'fourth conversation waiting');
    const original = await readConversation(db, first);

    // The tab closed five minutes ago; the sweep runs after the grace period.
    await setPresence(db, gone.uid, 'available', Date.now() - 5 * 60_000);
    const report = await sweep.sweepOnce(Date.now() + PRESENCE.reassignGraceMs + 60_000, { projectId });

    expect(report.requeued.sort()).toEqual([first, second, third].sort());
    const requeued = await readConversation(db, first);
    expect(requeued).toMatchObject({ status: 'queued', specialistId: null, assignedAt: null });
    expect(requeued.queuedAt.toMillis()).toBe(original.queuedAt.toMillis());
    expect(requeued.engagements.map((e) => [e.specialistId, e.outcome])).toEqual([[gone.uid, 'requeued']]);
    // The three requeued go before the one who was waiting, in their original order.
    const places = await Promise.all([first, second, third, waiting].map((id) => placeOf(db, id)));
    expect(places).toEqual([1, 2, 3, 4]);
    expect(await activeLoad(db, gone.uid)).toEqual([]);
    const told = (await messagesOf(db, first)).find((m) => m.id === 'system-requeued-1');
    expect(told?.text).toBe(requeue.REQUEUED_TEXT);

    // The next specialist to come on duty gets them oldest first.
    const next = await addSpecialist(app, db, projectId, 1);
    const reassigned = await waitForConversation(db, first, (c) => c.status === 'assigned', 'reassignment');
    expect(reassigned.specialistId).toBe(next.uid);
    expect(reassigned.engagements.map((e) => e.outcome)).toEqual(['requeued', 'active']);
    await waitForPlace(db, waiting, 1, 'the later one still waiting, now first');
  });

  it('leaves a conversation alone while its specialist is connected, or within the grace period', async () => {
    const { projectId } = await seedProject(db, 'requeue-not');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const id = await startConversation(user, projectId);
    await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');

    expect((await sweep.sweepOnce(Date.now() + 30_000, { projectId })).requeued).toEqual([]);
    await setPresence(db, specialist.uid, 'available', Date.now() - PRESENCE.ttlMs - 1_000);
    expect((await sweep.sweepOnce(Date.now() + 1_000, { projectId })).requeued).toEqual([]);
    expect((await readConversation(db, id)).status).toBe('assigned');
  });
});

describe('inactivity', () => {
  it('warns a silent user once, then closes the conversation as the system', async () => {
    const { projectId } = await seedProject(db, 'inactive');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const id = await startConversation(user, projectId);
    const assigned = await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');
    const t0 = assigned.assignedAt!.toMillis();

    // The specialist stays connected all along; only the user is silent.
    const warnAt = t0 + WARN_S * 1000 + 1_000;
    await setPresence(db, specialist.uid, 'available', warnAt);
    expect((await sweep.sweepOnce(warnAt - 2_000, { projectId })).warned).toEqual([]);
    expect((await sweep.sweepOnce(warnAt, { projectId })).warned).toEqual([id]);
    expect((await sweep.sweepOnce(warnAt + 1_000, { projectId })).warned).toEqual([]);
    const warned = await readConversation(db, id);
    expect(warned.inactivityWarnedAt?.toMillis()).toBe(warnAt);
    const warnings = (await messagesOf(db, id)).filter((m) => m.id.startsWith('system-inactivity'));
    expect(warnings.map((m) => m.text)).toEqual([
      `Are you still there, ${user.displayName}? This conversation will close soon if there is no reply.`,
    ]);

    const closeAt = t0 + CLOSE_S * 1000 + 1_000;
    await setPresence(db, specialist.uid, 'available', closeAt);
    expect((await sweep.sweepOnce(closeAt - 2_000, { projectId })).closed).toEqual([]);
    expect((await sweep.sweepOnce(closeAt, { projectId })).closed).toEqual([id]);
    const closed = await waitForConversation(db, id, (c) => c.engagements[0]?.outcome === 'closed', 'closing finished');
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'system' });
    expect(closed.closedAt?.toMillis()).toBe(closeAt);
    expect(await activeLoad(db, specialist.uid)).toEqual([]);
    const ids = (
      await waitFor(
        () => messagesOf(db, id),
        (m) => m.some((x) => x.id === 'system-rating-request'),
        { what: 'goodbye' },
      )
    ).map((m) => m.id);
    expect(ids).toContain('system-closed');
  });

  it("a user's reply stops the clock until the specialist answers; the answer starts a new silence", async () => {
    const { projectId } = await seedProject(db, 'inactive-reply');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const id = await startConversation(user, projectId);
    const assigned = await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');
    const warnAt = assigned.assignedAt!.toMillis() + WARN_S * 1000 + 1_000;
    await setPresence(db, specialist.uid, 'available', warnAt);
    expect((await sweep.sweepOnce(warnAt, { projectId })).warned).toEqual([id]);

    // The sweep reads the latest message: nothing is written on the conversation per message.
    await post(user, id, 'user', 'Still here, sorry!');

    // The user now waits for the specialist: no warning or close however long that takes.
    const muchLater = warnAt + CLOSE_S * 1000 * 3;
    await setPresence(db, specialist.uid, 'available', muchLater);
    const waiting = await sweep.sweepOnce(muchLater, { projectId });
    expect(waiting.warned).toEqual([]);
    expect(waiting.closed).toEqual([]);
    expect((await readConversation(db, id)).status).toBe('assigned');

    // The specialist answers (stamped by the Admin SDK: the sweeps run on a clock ahead of the server's).
    const answeredAt = muchLater + 1_000;
    await db.doc(paths.message(id, 'answer')).set({
      authorId: specialist.uid,
      authorRole: 'specialist',
      kind: 'text',
      visibility: 'all',
      text: 'Here is what to do.',
      createdAt: Timestamp.fromMillis(answeredAt),
    });
    const secondWarning = answeredAt + WARN_S * 1000;
    await setPresence(db, specialist.uid, 'available', secondWarning);
    const early = await sweep.sweepOnce(secondWarning - 1_000, { projectId });
    expect([...early.warned, ...early.closed]).toEqual([]);
    expect((await sweep.sweepOnce(secondWarning, { projectId })).warned).toEqual([id]);
    const warnings = (await messagesOf(db, id)).filter((m) => m.id.startsWith('system-inactivity'));
    expect(warnings).toHaveLength(2);
  });
});

describe('first response', () => {
  it("is the specialist's first text message, recorded when the engagement ends", async () => {
    const { projectId } = await seedProject(db, 'first-response');
    const specialist = await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const id = await startConversation(user, projectId);
    await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');

    await post(user, id, 'user', 'My printer is on fire');
    await post(specialist, id, 'specialist', 'Hello, how can I help?');
    await post(specialist, id, 'specialist', 'Are you there?');
    await post(user, id, 'user', 'Yes');
    const texts = (await messagesOf(db, id)).filter((m) => m.kind === 'text' && m.authorId === specialist.uid);
    const firstAnswer = Math.min(...texts.map((m) => m.createdAt.toMillis()));

    await closeAs(user, id, 'user');
    const closed = await waitForConversation(db, id, (c) => c.engagements[0]?.outcome === 'closed', 'engagement ended');
    expect(closed.engagements[0]!.firstResponseAt?.toMillis()).toBe(firstAnswer);
  });

  it('stays empty for an engagement whose specialist never wrote', async () => {
    const { projectId } = await seedProject(db, 'no-response');
    await addSpecialist(app, db, projectId, 1);
    const user = await addMember(app, db, projectId);
    const id = await startConversation(user, projectId);
    await waitForConversation(db, id, (c) => c.status === 'assigned', 'assignment');
    await post(user, id, 'user', 'Hello?');

    await closeAs(user, id, 'user');
    const closed = await waitForConversation(db, id, (c) => c.engagements[0]?.outcome === 'closed', 'engagement ended');
    expect(closed.engagements[0]!.firstResponseAt).toBeNull();
  });
});

describe('chat switched off', () => {
  it('closes a conversation that arrives while the chat is disabled, without a welcome', async () => {
    const { projectId } = await seedProject(db, 'disabled');
    const user = await addMember(app, db, projectId);
    const restore = await useChatSettings(db, {}, false);
    try {
      // Written by the Admin SDK: the rules would refuse a client, but a write racing the switch can land.
      const ref = db.collection(COLLECTIONS.conversations).doc();
      await ref.set(startingConversation({ projectId, userId: user.uid, userName: user.displayName }, Timestamp.now));
      const refused = await waitForConversation(db, ref.id, (c) => c.status === 'closed', 'refusal');
      expect(refused).toMatchObject({ closedBy: 'system', specialistId: null });
      const ids = (
        await waitFor(
          () => messagesOf(db, ref.id),
          (m) => m.length > 0,
          { what: 'closed message' },
        )
      ).map((m) => m.id);
      expect(ids).toEqual(['system-closed']);
    } finally {
      await restore();
    }
  });
});
