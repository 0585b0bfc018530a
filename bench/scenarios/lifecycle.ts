// One conversation from start to rating with both people on the app's real
// screens, to count what a whole conversation costs: reads each side's
// listeners receive, writes each client makes, and writes the functions make
// as an Admin SDK observer sees them (successive writes to one document may
// reach the observer as one, so those are lower bounds; the functions' own
// reads are not observable on the emulator).
// The user opens /chat (settings, projects, recent conversations), starts a
// chat and moves to its screen; the specialist's desk is already open.
import type { DocumentData, DocumentReference, DocumentSnapshot, Query, QuerySnapshot } from 'firebase-admin/firestore';
import { doc } from 'firebase/firestore';
import { COLLECTIONS, paths, SUBCOLLECTIONS } from '$shared/catalogue';
import type { MessageDoc } from '$shared/model';
import { conversationsOfUser, membershipsOf } from '../../web/src/lib/firebase/queries';
import {
  closeConversation,
  newConversationId,
  rateConversation,
  signalTyping,
  startConversation,
  stopTyping,
} from '../lib/appWrites';
import { ClientPool, type Admin } from '../lib/clients';
import { ReadCounter, settle, until, type Arrivals } from '../lib/listeners';
import { timedMessage } from '../lib/messaging';
import type { Side } from '../lib/rooms';
import { SpecialistDesk, UserScreen } from '../lib/screens';
import { addMember, addSpecialist, markAvailable, seedProject } from '../lib/seed';

const TIMEOUT_MS = 30_000;

/** Counts document versions and new documents the functions write, from the Admin SDK. */
class WriteObserver {
  counts: Record<string, number> = {};
  #stops: (() => void)[] = [];

  doc(label: string, ref: DocumentReference) {
    let first = true;
    this.#stops.push(
      ref.onSnapshot((snap: DocumentSnapshot) => {
        const initialAbsent = first && !snap.exists;
        first = false;
        if (!initialAbsent) this.counts[label] = (this.counts[label] ?? 0) + 1;
      }),
    );
  }

  collection(label: string, ref: Query, include: (data: DocumentData) => boolean = () => true) {
    this.#stops.push(
      ref.onSnapshot((snap: QuerySnapshot) => {
        for (const change of snap.docChanges()) {
          if (change.type !== 'removed' && include(change.doc.data()))
            this.counts[label] = (this.counts[label] ?? 0) + 1;
        }
      }),
    );
  }

  get total() {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  stop() {
    this.#stops.splice(0).forEach((s) => s());
  }
}

interface Phase {
  userReads: number;
  specialistReads: number;
  userWrites: number;
  specialistWrites: number;
  serverWrites: number;
}

export async function measureLifecycle(admin: Admin, arrivals: Arrivals, messagesEachWay: number) {
  const pool = new ClientPool();
  const projectId = await seedProject(admin, 'lifecycle');
  const specialist = await addSpecialist(admin, projectId, 1);
  const member = await addMember(admin, projectId);
  const desk = new SpecialistDesk(await pool.signedIn(specialist), arrivals, {
    autoOpen: false,
    withSettings: true,
    queues: [{ projectId, level: 1 }],
  });
  desk.start();
  const userClient = await pool.signedIn(member);
  await markAvailable(admin, specialist.uid);
  await settle([desk.reads], 1000, 10_000);

  const id = newConversationId(userClient.db);
  const server = new WriteObserver();
  const stats = admin.db.doc(paths.specialistStats(specialist.uid));
  server.doc('conversation', admin.db.doc(paths.conversation(id)));
  server.collection(
    'systemMessages',
    admin.db.collection(`${COLLECTIONS.conversations}/${id}/${SUBCOLLECTIONS.messages}`),
    (d) => (d as MessageDoc).authorRole === 'system',
  );
  server.doc('specialistLoad', admin.db.doc(paths.specialistLoad(specialist.uid)));
  server.doc('specialistStats', stats);
  server.collection('statsDays', stats.collection(SUBCOLLECTIONS.days));
  server.collection(
    'statsProjectDays',
    stats.collection(SUBCOLLECTIONS.byProject).doc(projectId).collection(SUBCOLLECTIONS.days),
  );
  server.collection('statsMarkers', stats.collection(SUBCOLLECTIONS.appliedEvents));
  const writes = { user: 0, specialist: 0 };
  /** The observer also sees the user's own create and close of the conversation: not the functions'. */
  let clientConversationVersions = 0;
  const deskBefore = desk.reads.reads;

  // /chat: settings, the member's projects, recent conversations.
  const chatPage = new ReadCounter();
  chatPage.doc(doc(userClient.db, paths.chatSettings()));
  chatPage.doc(doc(userClient.db, paths.chatMessages()));
  chatPage.query(membershipsOf(userClient.db, member.uid));
  chatPage.query(conversationsOfUser(userClient.db, member.uid, 20));
  await settle([chatPage], 500, 10_000);
  const screen = new UserScreen(userClient, arrivals, { withSettings: true });
  const userReads = () => chatPage.reads + screen.reads.reads;
  const snapshot = (): Phase => ({
    userReads: userReads(),
    specialistReads: desk.reads.reads - deskBefore,
    userWrites: writes.user,
    specialistWrites: writes.specialist,
    serverWrites: server.total - clientConversationVersions,
  });

  const served = arrivals.expect(`served:${id}@${specialist.uid}`);
  const assigned = arrivals.expect(`assigned:${id}@${member.uid}`);
  await startConversation(userClient.db, id, member, projectId);
  writes.user += 1;
  clientConversationVersions += 1;
  chatPage.stop();
  screen.open(id);
  const routed = await Promise.all([
    arrivals.within(`served:${id}@${specialist.uid}`, served, TIMEOUT_MS),
    arrivals.within(`assigned:${id}@${member.uid}`, assigned, TIMEOUT_MS),
  ]);
  if (routed.includes(null)) throw new Error(`Lifecycle: conversation ${id} was not routed within ${TIMEOUT_MS} ms`);
  desk.open(id, member.uid, { withProject: true });
  await settle([desk.reads, screen.reads], 1500, 20_000);
  const opened = snapshot();

  const user: Side = { db: userClient.db, author: { id: member.uid, role: 'user', name: member.displayName } };
  const spec: Side = {
    db: desk.client.db,
    author: { id: specialist.uid, role: 'specialist', name: specialist.displayName },
  };
  let failures = 0;
  for (let i = 0; i < messagesEachWay; i++) {
    for (const [from, to, side] of [
      [user, spec, 'user'],
      [spec, user, 'specialist'],
    ] as const) {
      // TypingSignal: one typing write while composing a short line, removed on send.
      await signalTyping(from.db, id, from.author.id);
      const outcome = await timedMessage(arrivals, id, from, to, TIMEOUT_MS);
      await stopTyping(from.db, id, from.author.id);
      writes[side] += 3;
      if (!('ms' in outcome)) failures += 1;
    }
  }
  await settle([desk.reads, screen.reads], 2000, 20_000);
  const chatted = snapshot();

  await closeConversation(userClient.db, id, 'user');
  writes.user += 1;
  clientConversationVersions += 1;
  await until(
    () => screen.conversations.get(id)?.engagements.every((e) => e.endedAt !== null) === true,
    TIMEOUT_MS,
    `close of ${id}`,
  );
  await rateConversation(userClient.db, member, {
    conversationId: id,
    projectId,
    specialistId: specialist.uid,
    score: 4,
  });
  writes.user += 1;
  await until(
    () => (server.counts.statsMarkers ?? 0) >= 3,
    TIMEOUT_MS,
    'the rating and the close counted in the statistics',
  );
  await settle([desk.reads, screen.reads], 3000, 30_000);
  const ended = snapshot();

  server.stop();
  desk.stop();
  screen.stop();
  await pool.dispose();
  const minus = (a: Phase, b: Phase): Phase => ({
    userReads: a.userReads - b.userReads,
    specialistReads: a.specialistReads - b.specialistReads,
    userWrites: a.userWrites - b.userWrites,
    specialistWrites: a.specialistWrites - b.specialistWrites,
    serverWrites: a.serverWrites - b.serverWrites,
  });
  const messages = 2 * messagesEachWay;
  const during = minus(chatted, opened);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    messagesEachWay,
    failures,
    total: ended,
    phases: { openAndRoute: opened, messages: during, closeAndRate: minus(ended, chatted) },
    /** conversation counts every version, the user's create and close included. */
    serverWritesObserved: server.counts,
    perMessageWithTyping: {
      userReads: round(during.userReads / messages),
      specialistReads: round(during.specialistReads / messages),
      writes: round((during.userWrites + during.specialistWrites + during.serverWrites) / messages),
    },
  };
}
