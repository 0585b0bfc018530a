// transferToLevel2 against the emulators: the happy path with its staff-only
// note, every refusal leaving the conversation as it was, and two transfers racing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection, doc, getDoc, getDocs, query, where } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { CALLABLES, COLLECTIONS, SUBCOLLECTIONS, paths } from '$shared/catalogue';
import { adminApp, cleanupApps, signedInClient, type TestAccount } from '../support/admin';
import {
  activeLoad,
  addMember,
  addSpecialist,
  messagesOf,
  readConversation,
  seedProject,
  setPresence,
  startConversation,
  useChatSettings,
  waitForConversation,
  waitForPlace,
} from './routingSupport';

let app: App;
let db: Firestore;
let restoreSettings: () => Promise<void>;

beforeAll(async () => {
  app = adminApp();
  db = getFirestore(app);
  restoreSettings = await useChatSettings(db, { maxConversationsPerSpecialist: 3, showSpecialistName: true });
});
afterAll(async () => {
  await restoreSettings();
  await cleanupApps(app);
});

async function callTransfer(as: TestAccount, data: unknown) {
  const { functions } = await signedInClient(as);
  return httpsCallable(functions, CALLABLES.transferToLevel2)(data);
}

/** A project with one Level 1 specialist serving one user's conversation. */
async function servedConversation(prefix: string) {
  const project = await seedProject(db, prefix);
  const level1 = await addSpecialist(app, db, project.projectId, 1);
  const user = await addMember(app, db, project.projectId);
  const conversationId = await startConversation(user, project.projectId);
  // participantIds too: the metrics trigger adds it just after the assignment, and tests compare snapshots.
  await waitForConversation(
    db,
    conversationId,
    (c) => c.status === 'assigned' && c.specialistId === level1.uid && (c.participantIds ?? []).includes(level1.uid),
    'Level 1 assignment',
  );
  return { ...project, level1, user, conversationId };
}

describe('transferToLevel2', () => {
  it('hands the conversation to the least busy available Level 2 specialist with a staff-only note', async () => {
    const { projectId, level1, user, conversationId } = await servedConversation('transfer');
    const busier = await addSpecialist(app, db, projectId, 2);
    const target = await addSpecialist(app, db, projectId, 2);
    await addSpecialist(app, db, projectId, 2, 'away');
    await db.doc(paths.specialistLoad(busier.uid)).set({ activeConversationIds: ['elsewhere'], updatedAt: new Date() });

    const result = await callTransfer(level1, { conversationId, note: 'Printer model X, restart did not help.' });
    expect(result.data).toEqual({
      outcome: 'transferred',
      specialistId: target.uid,
      specialistName: target.displayName,
    });

    const moved = await readConversation(db, conversationId);
    expect(moved).toMatchObject({
      status: 'assigned',
      level: 2,
      specialistId: target.uid,
      specialistName: target.displayName,
    });
    expect(moved.engagements.map((e) => [e.specialistId, e.level, e.outcome])).toEqual([
      [level1.uid, 1, 'transferred'],
      [target.uid, 2, 'active'],
    ]);
    expect(moved.assignedAt?.toMillis()).toBe(moved.engagements[1]?.startedAt.toMillis());
    expect(await activeLoad(db, level1.uid)).toEqual([]);
    expect(await activeLoad(db, target.uid)).toEqual([conversationId]);

    const note = (await messagesOf(db, conversationId)).find((m) => m.id === 'note-transfer-2');
    expect(note).toMatchObject({
      kind: 'note',
      visibility: 'staff',
      authorId: level1.uid,
      authorRole: 'specialist',
      text: 'Printer model X, restart did not help.',
    });

    // What the user's app can read: the transfer message, never the note.
    const { db: userDb } = await signedInClient(user);
    const messages = collection(userDb, `${COLLECTIONS.conversations}/${conversationId}/${SUBCOLLECTIONS.messages}`);
    const visible = await getDocs(query(messages, where('visibility', '==', 'all')));
    const texts = visible.docs.map((d) => d.get('text') as string);
    expect(texts).toContain(`Your conversation has been transferred to a level 2 specialist, ${target.displayName}.`);
    expect(texts.join('\n')).not.toContain('Printer model X');
    await expect(getDoc(doc(userDb, paths.message(conversationId, 'note-transfer-2')))).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });

  it('transfers to a chosen colleague, and refuses one who is away', async () => {
    const { projectId, level1, conversationId } = await servedConversation('transfer-chosen');
    await addSpecialist(app, db, projectId, 2);
    const chosen = await addSpecialist(app, db, projectId, 2);
    const away = await addSpecialist(app, db, projectId, 2, 'away');

    await expect(callTransfer(level1, { conversationId, note: '', toSpecialistId: away.uid })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringContaining('not available'),
    });
    const result = await callTransfer(level1, { conversationId, note: '', toSpecialistId: chosen.uid });
    expect(result.data).toMatchObject({ outcome: 'transferred', specialistId: chosen.uid });
    // An empty note posts no note.
    expect((await messagesOf(db, conversationId)).some((m) => m.kind === 'note')).toBe(false);
  });

  it('puts the conversation in the Level 2 line when no Level 2 specialist is free, freeing Level 1 at once', async () => {
    const { projectId, level1, user, conversationId } = await servedConversation('transfer-wait');
    const later = await addSpecialist(app, db, projectId, 2, 'away');
    await addSpecialist(app, db, projectId, 2, 'offline');

    const result = await callTransfer(level1, { conversationId, note: 'Needs the billing export.' });
    expect(result.data).toEqual({ outcome: 'waiting' });
    expect(await activeLoad(db, level1.uid)).toEqual([]);
    await waitForPlace(db, conversationId, 1, 'first in the Level 2 line');
    const waiting = await readConversation(db, conversationId);
    expect(waiting).toMatchObject({ status: 'queued', level: 2, specialistId: null, specialistName: null });
    expect(waiting.engagements.map((e) => [e.specialistId, e.level, e.outcome])).toEqual([
      [level1.uid, 1, 'transferred'],
    ]);
    const said = await messagesOf(db, conversationId);
    expect(said.find((m) => m.id === 'system-queued-1')?.text).toBe(
      'Your conversation is waiting for a level 2 specialist. You are number 1 in line; all your messages stay here.',
    );
    // Greeted once, when the conversation began; the note waits for whoever takes it.
    expect(said.filter((m) => m.id === 'system-welcome')).toHaveLength(1);
    expect(said.find((m) => m.id === 'note-transfer-2')).toMatchObject({ kind: 'note', visibility: 'staff' });

    // The first Level 2 specialist to go available gets it, with the usual joined message.
    await setPresence(db, later.uid, 'available');
    const served = await waitForConversation(db, conversationId, (c) => c.status === 'assigned', 'Level 2 pickup');
    expect(served).toMatchObject({ level: 2, specialistId: later.uid, ticket: null });
    expect(served.engagements.map((e) => [e.specialistId, e.level, e.outcome])).toEqual([
      [level1.uid, 1, 'transferred'],
      [later.uid, 2, 'active'],
    ]);
    expect(await activeLoad(db, later.uid)).toEqual([conversationId]);
    expect((await messagesOf(db, conversationId)).map((m) => m.id)).toContain('system-joined-2');
    // The user's app reads the waiting message, never the note.
    const { db: userDb } = await signedInClient(user);
    await expect(getDoc(doc(userDb, paths.message(conversationId, 'note-transfer-2')))).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });

  it('serves the Level 2 line first come, first served: a new transfer does not jump ahead of one waiting', async () => {
    const first = await servedConversation('transfer-fifo');
    const level2 = await addSpecialist(app, db, first.projectId, 2, 'away');
    const secondUser = await addMember(app, db, first.projectId);
    const secondId = await startConversation(secondUser, first.projectId);
    await waitForConversation(db, secondId, (c) => c.status === 'assigned', 'second conversation served');

    expect((await callTransfer(first.level1, { conversationId: first.conversationId, note: '' })).data).toEqual({
      outcome: 'waiting',
    });
    await waitForPlace(db, first.conversationId, 1, 'first transfer waiting');
    // The Level 2 specialist comes on duty with room for one only: the earlier transfer is served.
    await db.doc(paths.specialistLoad(level2.uid)).set({ activeConversationIds: ['a', 'b'], updatedAt: new Date() });
    expect((await callTransfer(first.level1, { conversationId: secondId, note: '' })).data).toEqual({
      outcome: 'waiting',
    });
    await waitForPlace(db, secondId, 2, 'second transfer behind the first');
    await setPresence(db, level2.uid, 'available');
    await waitForConversation(db, first.conversationId, (c) => c.status === 'assigned', 'earlier transfer served');
    await waitForPlace(db, secondId, 1, 'second transfer now first');
    expect((await readConversation(db, secondId)).status).toBe('queued');
  });

  it('refuses with failed-precondition when the project has no Level 2 specialist at all, leaving the conversation unchanged', async () => {
    const { name, level1, conversationId } = await servedConversation('transfer-none');
    const before = (await db.doc(paths.conversation(conversationId)).get()).data();

    const refusal = await callTransfer(level1, { conversationId, note: 'please help' }).then(
      () => null,
      (error: { code: string; message: string }) => error,
    );
    expect(refusal?.code).toBe('functions/failed-precondition');
    // The client SDK may append the HTTP status (" [400]") to the server's message.
    expect(refusal?.message).toContain(`${name} has no Level 2 specialist`);
    expect((await db.doc(paths.conversation(conversationId)).get()).data()).toEqual(before);
    expect(await activeLoad(db, level1.uid)).toEqual([conversationId]);
    expect(
      (await messagesOf(db, conversationId)).some((m) => m.kind === 'note' || m.id.startsWith('system-transferred')),
    ).toBe(false);
  });

  it('refuses a specialist who is not serving the conversation with permission-denied', async () => {
    const { projectId, conversationId } = await servedConversation('transfer-other');
    await addSpecialist(app, db, projectId, 2);
    const colleague = await addSpecialist(app, db, projectId, 1, 'away');
    const before = (await db.doc(paths.conversation(conversationId)).get()).data();

    await expect(callTransfer(colleague, { conversationId, note: '' })).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
    expect((await db.doc(paths.conversation(conversationId)).get()).data()).toEqual(before);
  });

  it('refuses a user and a malformed payload before looking at the conversation', async () => {
    const { user, level1, conversationId } = await servedConversation('transfer-input');
    await expect(callTransfer(user, { conversationId, note: '' })).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
    await expect(callTransfer(level1, { conversationId, note: 'x'.repeat(2001) })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
      message: expect.stringContaining('note'),
    });
  });

  it('lets exactly one of two simultaneous transfers win', async () => {
    const { projectId, level1, conversationId } = await servedConversation('transfer-race');
    const first = await addSpecialist(app, db, projectId, 2);
    const second = await addSpecialist(app, db, projectId, 2);

    const outcomes = await Promise.allSettled([
      callTransfer(level1, { conversationId, note: 'one', toSpecialistId: first.uid }),
      callTransfer(level1, { conversationId, note: 'two', toSpecialistId: second.uid }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'functions/failed-precondition' });

    const winner = (won[0]!.value.data as { specialistId: string }).specialistId;
    const loser = winner === first.uid ? second.uid : first.uid;
    const after = await readConversation(db, conversationId);
    expect(after.specialistId).toBe(winner);
    expect(after.engagements.map((e) => e.outcome)).toEqual(['transferred', 'active']);
    expect(await activeLoad(db, winner)).toEqual([conversationId]);
    expect(await activeLoad(db, loser)).toEqual([]);
    const notes = (await messagesOf(db, conversationId)).filter((m) => m.kind === 'note');
    expect(notes).toHaveLength(1);
  });

  it("frees the Level 1 specialist's capacity for the oldest waiting conversation", async () => {
    const project = await seedProject(db, 'transfer-frees');
    const level1 = await addSpecialist(app, db, project.projectId, 1);
    await addSpecialist(app, db, project.projectId, 2);
    const users = await Promise.all([1, 2, 3, 4].map(() => addMember(app, db, project.projectId)));
    const ids: string[] = [];
    for (const user of users) ids.push(await startConversation(user, project.projectId));
    const waiting = ids[3]!;
    await waitForPlace(db, waiting, 1, 'fourth conversation queued');

    await callTransfer(level1, { conversationId: ids[0]!, note: '' });
    const pulled = await waitForConversation(
      db,
      waiting,
      (c) => c.status === 'assigned',
      'waiting conversation assigned',
    );
    expect(pulled.specialistId).toBe(level1.uid);
  });
});
