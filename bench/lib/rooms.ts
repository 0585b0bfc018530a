// K concurrent conversations, twice: the app (members start conversations,
// routing assigns them, each person holds the app's listeners) and the raw
// baseline (bare message collections under open rules, one listener each).
// Each Level 1 specialist serves several conversations at once, as at a real desk.
import { randomUUID } from 'node:crypto';
import { collection, limitToLast, orderBy, query, type Firestore } from 'firebase/firestore';
import { COLLECTIONS, SUBCOLLECTIONS, paths } from '$shared/catalogue';
import { newConversationId, startConversation, type Author } from './appWrites';
import { adminFor, ClientPool, closeAdmin, mapLimit, type Admin } from './clients';
import { AUTHED_PROJECT, RAW_PROJECT } from './emulators';
import { ReadCounter, settle, type Arrivals } from './listeners';
import { MESSAGE_WINDOW, SpecialistDesk, UserScreen } from './screens';
import { addMember, addSpecialist, keepAvailable, markAvailable, seedProject } from './seed';

export interface Side {
  db: Firestore;
  author: Author;
}

export interface RoomConversation {
  id: string;
  user: Side;
  specialist: Side;
}

export interface Listening {
  role: 'user' | 'specialist';
  reads: ReadCounter;
  conversationIds: string[];
}

export interface Room {
  variant: 'app' | 'raw' | 'authed';
  k: number;
  conversations: RoomConversation[];
  listening: Listening[];
  dispose(): Promise<void>;
}

const SETUP_LANES = 8;
const ASSIGNMENT_TIMEOUT_MS = 90_000;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function buildAppRoom(admin: Admin, arrivals: Arrivals, k: number, perSpecialist: number): Promise<Room> {
  const pool = new ClientPool();
  const s = Math.ceil(k / perSpecialist);
  const projects = await mapLimit(range(s), SETUP_LANES, (i) => seedProject(admin, `k${k}-${i}`));
  const specialists = await mapLimit(projects, SETUP_LANES, (p) => addSpecialist(admin, p, 1));
  // Setting up a large room can outlast the presence TTL (90 s): keep the desks "connected" until all are routed.
  const stopPresence = keepAvailable(
    admin,
    specialists.map((a) => a.uid),
  );
  try {
    const members = await mapLimit(range(k), SETUP_LANES, (i) => addMember(admin, projects[i % s]!));
    const desks = await mapLimit(specialists, SETUP_LANES, async (account, i) => {
      const desk = new SpecialistDesk(await pool.signedIn(account), arrivals, {
        autoOpen: true,
        queues: [{ projectId: projects[i]!, level: 1 }],
      });
      desk.start();
      return desk;
    });
    const screens = await mapLimit(
      members,
      SETUP_LANES,
      async (account) => new UserScreen(await pool.signedIn(account), arrivals),
    );
    await mapLimit(specialists, SETUP_LANES, (a) => markAvailable(admin, a.uid));
    const conversations = await mapLimit(screens, SETUP_LANES, (screen, i) =>
      startRouted(arrivals, screen, desks[i % s]!, projects[i % s]!),
    );
    const listening: Listening[] = [
      ...screens.map((screen, i) => ({
        role: 'user' as const,
        reads: screen.reads,
        conversationIds: [conversations[i]!.id],
      })),
      ...desks.map((desk, d) => ({
        role: 'specialist' as const,
        reads: desk.reads,
        conversationIds: conversations.filter((_, i) => i % s === d).map((c) => c.id),
      })),
    ];
    // Welcome and "joined" messages, queue positions: let them land before anything is counted.
    await settle(
      listening.map((l) => l.reads),
      1500,
      30_000,
    );
    return {
      variant: 'app',
      k,
      conversations,
      listening,
      dispose: async () => {
        [...screens, ...desks].forEach((x) => x.stop());
        await pool.dispose();
      },
    };
  } catch (error) {
    await pool.dispose();
    throw error;
  } finally {
    stopPresence();
  }
}

/** The member starts a conversation as the web app does; routing must give it to this desk's specialist. */
async function startRouted(
  arrivals: Arrivals,
  screen: UserScreen,
  desk: SpecialistDesk,
  projectId: string,
): Promise<RoomConversation> {
  const id = newConversationId(screen.client.db);
  const assigned = arrivals.expect(`assigned:${id}@${screen.uid}`);
  const served = arrivals.expect(`served:${id}@${desk.uid}`);
  await startConversation(screen.client.db, id, screen.client.account, projectId);
  screen.open(id);
  const seen = await Promise.all([
    arrivals.within(`assigned:${id}@${screen.uid}`, assigned, ASSIGNMENT_TIMEOUT_MS),
    arrivals.within(`served:${id}@${desk.uid}`, served, ASSIGNMENT_TIMEOUT_MS),
  ]);
  if (seen.includes(null))
    throw new Error(`Conversation ${id} was not assigned to ${desk.uid} within ${ASSIGNMENT_TIMEOUT_MS} ms`);
  const side = (uid: string, name: string, role: Author['role'], db: Firestore): Side => ({
    db,
    author: { id: uid, role, name },
  });
  return {
    id,
    user: side(screen.uid, screen.client.account.displayName, 'user', screen.client.db),
    specialist: side(desk.uid, desk.client.account.displayName, 'specialist', desk.client.db),
  };
}

/** The baseline's only listener: the latest messages, in order, as the app's window but with no rules to pass. */
function rawWindow(counter: ReadCounter, db: Firestore, conversationId: string, arrivals: Arrivals, uid: string) {
  const messages = collection(db, COLLECTIONS.conversations, conversationId, SUBCOLLECTIONS.messages);
  counter.query(query(messages, orderBy('createdAt'), limitToLast(MESSAGE_WINDOW)), (change) => {
    if (change.type === 'added') arrivals.seen(`msg:${change.doc.id}@${uid}`);
  });
}

/**
 * A baseline room: bare message collections and one listener each. 'raw' has
 * open rules; 'authed' carries the authorization a chat message needs (the
 * author is a participant of the conversation, one get()), with signed-in
 * clients and a conversation document per conversation.
 */
export async function buildRawRoom(
  arrivals: Arrivals,
  k: number,
  perSpecialist: number,
  variant: 'raw' | 'authed' = 'raw',
): Promise<Room> {
  const pool = new ClientPool();
  const s = Math.ceil(k / perSpecialist);
  const run = randomUUID().slice(0, 6);
  const project = variant === 'raw' ? RAW_PROJECT : AUTHED_PROJECT;
  const clientFor = (uid: string, role: 'user' | 'specialist') =>
    variant === 'raw'
      ? pool.anonymous(project)
      : pool.asRole(project, { uid, role, email: `${uid}@bench.example`, displayName: uid }).db;
  const specialists = range(s).map((i) => {
    const uid = `${variant}-specialist-${run}-${i}`;
    return { uid, db: clientFor(uid, 'specialist'), reads: new ReadCounter() };
  });
  const seeder = variant === 'authed' ? adminFor(AUTHED_PROJECT) : null;
  const conversations: RoomConversation[] = [];
  const listening: Listening[] = [];
  for (const i of range(k)) {
    const id = `${variant}-${run}-${i}`;
    const uid = `${variant}-user-${run}-${i}`;
    const specialist = specialists[i % s]!;
    await seeder?.db.doc(paths.conversation(id)).set({ userId: uid, specialistId: specialist.uid });
    const user = { db: clientFor(uid, 'user'), reads: new ReadCounter() };
    rawWindow(user.reads, user.db, id, arrivals, uid);
    rawWindow(specialist.reads, specialist.db, id, arrivals, specialist.uid);
    conversations.push({
      id,
      user: { db: user.db, author: { id: uid, role: 'user', name: `Raw user ${i}` } },
      specialist: {
        db: specialist.db,
        author: { id: specialist.uid, role: 'specialist', name: `Raw specialist ${i % s}` },
      },
    });
    listening.push({ role: 'user', reads: user.reads, conversationIds: [id] });
  }
  specialists.forEach((sp, d) =>
    listening.push({
      role: 'specialist',
      reads: sp.reads,
      conversationIds: conversations.filter((_, i) => i % s === d).map((c) => c.id),
    }),
  );
  await settle(
    listening.map((l) => l.reads),
    1000,
    20_000,
  );
  if (seeder) await closeAdmin(seeder);
  return {
    variant,
    k,
    conversations,
    listening,
    dispose: async () => {
      listening.forEach((l) => l.reads.stop());
      await pool.dispose();
    },
  };
}
