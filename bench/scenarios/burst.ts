// A Monday-morning burst: `arrivals` users of one project start chats within one
// second while `specialists` Level 1 specialists (capacity 3 each) are on duty.
// Measured: when every free slot is filled (from the last arrival), how long a
// served user waited from arrival to assignment, whether anyone went over
// capacity, whether every waiting user sees their exact place in line, and
// what each arrival cost: documents the functions wrote, function invocations,
// and reads of the users watching their place.
//
// Users write through Firestore's REST API under the app's rules (bench/lib/rest.ts):
// the same documents as the web app, without an SDK instance per user. A sample of
// waiting users also holds the app's listeners (their conversation and their line)
// to count the reads that position changes cost them.
import { performance } from 'node:perf_hooks';
import { Timestamp, type DocumentSnapshot } from 'firebase-admin/firestore';
import { doc } from 'firebase/firestore';
import { COLLECTIONS, paths } from '$shared/catalogue';
import type { ConversationDoc, QueueDoc, SpecialistLoadDoc } from '$shared/model';
import { startingConversation } from '$shared/conversationStart';
import { takeChatSlot } from '$shared/clientWrites';
import { queuePosition } from '$shared/queueLine';
import { ClientPool, mapLimit, type Admin } from '../lib/clients';
import { ReadCounter } from '../lib/listeners';
import { commit, idToken, REQUEST_TIME } from '../lib/rest';
import { addMember, addSpecialist, keepAvailable, MAX_CONVERSATIONS_PER_SPECIALIST, seedProject } from '../lib/seed';
import { summarize, type Summary } from '../lib/stats';

export interface BurstSize {
  arrivals: number;
  specialists: number;
}

export const CAPACITY = 3;
/** Waiting users whose listeners the bench holds, to count what position changes cost them. */
const WATCHED = 20;
const SETTLE_MS = 3_000;
/** Served conversations closed one by one after the burst, to watch the line move. */
const SERVICE_CLOSES = 10;

export interface BurstResult {
  arrivals: number;
  specialists: number;
  slots: number;
  /** From the first to the last arrival being stored (server times). */
  arrivalSpanMs: number;
  /** When the last arriving user's write was answered, from the burst's start (the emulator's own backlog). */
  bench: { lastWriteAnsweredMs: number };
  /** From the burst's start: when arrivals were first stored, served and given tickets. */
  timeline: Record<string, number | null>;
  /** From the last arrival to the moment every free slot was filled; null if that never happened. */
  slotsFilledAfterLastArrivalMs: number | null;
  /** Arrival to assignment, of the users who were served. */
  servedWait: Summary;
  served: number;
  overCapacity: number;
  /** Waiting users whose shown place differs from their true rank (or who show none), after the burst settled. */
  wrongPositions: number;
  waiting: number;
  refusedArrivals: number;
  /** What the rules or the API said to the first refused arrival. */
  firstRefusal: string | null;
  perArrival: { functionWrites: number; invocations: number; byKind: Record<string, number> };
  /**
   * Users holding the app's listeners: all their reads and place changes, and those of the service
   * phase after the burst (SERVICE_CLOSES closes, each moving the line by one), whose ratio is the
   * reads a waiting user pays per place they move.
   */
  watched: {
    users: number;
    reads: number;
    positionChanges: number;
    serviceReads: number;
    servicePositionChanges: number;
    readsPerPositionChange: number | null;
  };
  timedOut: boolean;
}

/** Counts document versions written by anyone but the arriving users, per kind. */
class Writes {
  counts: Record<string, number> = {};
  add(kind: string, n = 1) {
    this.counts[kind] = (this.counts[kind] ?? 0) + n;
  }
}

export async function setCapacity(admin: Admin, max: number): Promise<void> {
  const ref = admin.db.doc(paths.chatSettings());
  const stored = (await ref.get()).data();
  if (!stored) throw new Error('The bench enables chat before the burst');
  await ref.set({
    ...stored,
    general: { ...stored.general, maxConversationsPerSpecialist: max },
    revision: (stored.revision as number) + 1,
    updatedAt: Timestamp.now(),
  });
}

export async function measureBurst(admin: Admin, size: BurstSize): Promise<BurstResult> {
  const pool = new ClientPool();
  const stops: Array<() => void> = [];
  await setCapacity(admin, CAPACITY);
  try {
    const projectId = await seedProject(admin, `burst${size.arrivals}`);
    const specialists = await mapLimit(
      Array.from({ length: size.specialists }, (_, i) => i),
      8,
      () => addSpecialist(admin, projectId, 1),
    );
    stops.push(
      keepAvailable(
        admin,
        specialists.map((s) => s.uid),
      ),
    );
    const members = await mapLimit(
      Array.from({ length: size.arrivals }, (_, i) => i),
      16,
      () => addMember(admin, projectId),
    );
    const tokens = await mapLimit(members, 16, (m) => idToken(m.email));
    const ids = members.map(() => admin.db.collection(COLLECTIONS.conversations).doc().id);
    const index = new Map(ids.map((id, i) => [id, i]));
    const slots = size.specialists * CAPACITY;
    const target = Math.min(size.arrivals, slots);

    // What the functions write, seen from the Admin SDK.
    const writes = new Writes();
    const assignedAt = new Map<string, number>();
    let filledAt: number | null = null;
    let firstTicketAt: number | null = null;
    const latest = new Map<string, ConversationDoc>();
    let queue: QueueDoc | undefined;
    stops.push(
      admin.db
        .collection(COLLECTIONS.conversations)
        .where('projectId', '==', projectId)
        .onSnapshot((snap) => {
          const now = performance.now();
          for (const change of snap.docChanges()) {
            if (change.type === 'removed') continue;
            const data = change.doc.data() as ConversationDoc;
            if (latest.has(change.doc.id)) writes.add('conversation');
            if (typeof data.ticket === 'number' && firstTicketAt === null) firstTicketAt = now;
            latest.set(change.doc.id, data);
            if (data.status === 'assigned' && !assignedAt.has(change.doc.id)) {
              assignedAt.set(change.doc.id, now);
              if (assignedAt.size === target) filledAt = now;
            }
          }
        }),
    );
    // One listener for every message the burst causes (hundreds of listeners would load the emulator, not the app).
    const ours = new Set(ids);
    const since = Timestamp.now();
    let primed = false;
    stops.push(
      admin.db
        .collectionGroup('messages')
        .where('createdAt', '>=', since)
        .onSnapshot((snap) => {
          const added = snap
            .docChanges()
            .filter((c) => c.type === 'added' && ours.has(c.doc.ref.parent.parent?.id ?? ''));
          if (primed) writes.add('message', added.length);
          primed = true;
        }),
    );
    const versions = (kind: string) => (snap: DocumentSnapshot) => {
      if (snap.exists) writes.add(kind);
    };
    stops.push(
      admin.db.doc(paths.queue(projectId, 1)).onSnapshot((snap) => {
        queue = snap.data() as QueueDoc | undefined;
        versions('queue')(snap);
      }),
    );
    for (const s of specialists) stops.push(admin.db.doc(paths.specialistLoad(s.uid)).onSnapshot(versions('load')));

    // A sample of users watching their place as the web app does.
    const watchedIdx = Array.from({ length: Math.min(WATCHED, size.arrivals) }, (_, i) =>
      Math.floor(((i + 0.5) * size.arrivals) / Math.min(WATCHED, size.arrivals)),
    );
    // Signed in before the burst; each starts listening once its conversation is stored, as its screen would.
    const watchClients = new Map(
      await mapLimit(watchedIdx, 8, async (i) => [i, await pool.signedIn(members[i]!)] as const),
    );
    const watchers: Array<{ reads: () => number; changes: () => number }> = [];
    // As the user's page: the conversation always, its line only while the conversation waits.
    const watch = (i: number) => {
      const client = watchClients.get(i);
      if (!client) return;
      const own = new ReadCounter();
      let lineReads: ReadCounter | null = null;
      let lineTotal = 0;
      let conversation: ConversationDoc | undefined;
      let line: QueueDoc | undefined;
      let shown: number | null = null;
      let changes = 0;
      const update = () => {
        const position = conversation?.status === 'queued' ? queuePosition(conversation, line) : null;
        if (position !== null && position !== shown) changes += 1;
        shown = position;
      };
      own.doc(doc(client.db, paths.conversation(ids[i]!)), (s) => {
        conversation = s.data() as ConversationDoc | undefined;
        const waits = conversation?.status === 'queued';
        if (waits && !lineReads) {
          lineReads = new ReadCounter();
          lineReads.doc(doc(client.db, paths.queue(projectId, 1)), (l) => {
            line = l.data() as QueueDoc | undefined;
            update();
          });
        } else if (!waits && lineReads) {
          lineTotal += lineReads.reads;
          lineReads.stop();
          lineReads = null;
          line = undefined;
        }
        update();
      });
      watchers.push({ reads: () => own.reads + lineTotal + (lineReads?.reads ?? 0), changes: () => changes });
      stops.push(() => {
        own.stop();
        lineReads?.stop();
      });
    };

    // The burst: arrivals spread evenly over one second.
    const arrivedAt: number[] = new Array(size.arrivals).fill(0);
    let refused = 0;
    let firstRefusal: string | null = null;
    const start = performance.now();
    await Promise.all(
      members.map(async (m, i) => {
        const due = start + (i * 1000) / size.arrivals;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const id = ids[i]!;
        const slot = takeChatSlot(m.uid, projectId, id, () => REQUEST_TIME, false);
        const conversation = startingConversation(
          { projectId, userId: m.uid, userName: m.displayName },
          () => REQUEST_TIME,
        );
        try {
          await commit(tokens[i]!, [
            { path: slot.path, data: slot.data, mustNotExist: true },
            {
              path: paths.conversation(id),
              data: conversation as unknown as Record<string, unknown>,
              mustNotExist: true,
            },
          ]);
          arrivedAt[i] = performance.now();
          watch(i);
        } catch (error) {
          refused += 1;
          firstRefusal ??= String((error as Error).message ?? error);
          arrivedAt[i] = Number.NaN;
        }
      }),
    );
    const arrived = arrivedAt.filter((t) => !Number.isNaN(t));
    const lastArrival = Math.max(...arrived);

    // Until every free slot is taken and every waiting user knows their place.
    const deadline = performance.now() + 180_000;
    const settled = () => {
      if (assignedAt.size < target) return false;
      const waiting = [...latest.values()].filter((c) => c.status === 'queued');
      return waiting.every((c) => queuePosition(c, queue) !== null);
    };
    while (!settled() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const timedOut = !settled();
    await new Promise((r) => setTimeout(r, SETTLE_MS));

    // Service: one served conversation at a time closes, so the next in line is served and everyone
    // waiting moves up one place. What that costs each watching user, per place they move.
    const before = watchers.map((w) => ({ reads: w.reads(), changes: w.changes() }));
    const burstAssigned = new Set(assignedAt.keys());
    const served = [...assignedAt.keys()].slice(0, SERVICE_CLOSES);
    for (const id of served) {
      const count = assignedAt.size;
      await admin.db
        .doc(paths.conversation(id))
        .update({ status: 'closed', closedAt: Timestamp.now(), closedBy: 'system' });
      const until = performance.now() + 30_000;
      while (assignedAt.size === count && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const serviceReads = watchers.reduce((n, w, i) => n + w.reads() - (before[i]?.reads ?? 0), 0);
    const serviceChanges = watchers.reduce((n, w, i) => n + w.changes() - (before[i]?.changes ?? 0), 0);

    // Exact places: the waiting users in line order, against what each is shown.
    const waiting = [...latest.entries()].filter(([, c]) => c.status === 'queued');
    const inLine = [...waiting].sort(([a, ca], [b, cb]) => lineOrder(ca, cb) || a.localeCompare(b));
    const wrongPositions = inLine.filter(([, c], rank) => queuePosition(c, queue) !== rank + 1).length;
    const loads = await Promise.all(specialists.map((s) => admin.db.doc(paths.specialistLoad(s.uid)).get()));
    const overCapacity = loads.filter(
      (l) => ((l.data() as SpecialistLoadDoc | undefined)?.activeConversationIds.length ?? 0) > CAPACITY,
    ).length;
    // Server times (the conversation's createdAt, its first engagement's start), not when the bench
    // heard of them: an overloaded emulator answers the arriving users' writes late.
    const serverTimes = [...latest.entries()].map(([id, c]) => ({
      id,
      arrivedMs: c.createdAt.toMillis(),
      servedMs: c.engagements[0]?.startedAt.toMillis() ?? null,
    }));
    const lastArrivalServer = Math.max(...serverTimes.map((t) => t.arrivedMs));
    const firstArrivalServer = Math.min(...serverTimes.map((t) => t.arrivedMs));
    const burstServed = serverTimes.filter((t) => burstAssigned.has(t.id) && t.servedMs !== null);
    const waits = burstServed.map((t) => t.servedMs! - t.arrivedMs);
    const filledServer = burstServed.length >= target ? Math.max(...burstServed.map((t) => t.servedMs!)) : null;
    const functionWrites = Object.values(writes.counts).reduce((a, b) => a + b, 0);
    // Triggers on these paths: conversations (create, update); nothing else the burst writes has one.
    const invocations = arrived.length + (writes.counts.conversation ?? 0);
    const watchedReads = watchers.reduce((n, w) => n + w.reads(), 0);
    const watchedChanges = watchers.reduce((n, w) => n + w.changes(), 0);
    const per = (n: number) => Math.round((n / Math.max(1, arrived.length)) * 100) / 100;
    return {
      arrivals: size.arrivals,
      specialists: size.specialists,
      slots,
      arrivalSpanMs: Math.round(lastArrivalServer - firstArrivalServer),
      bench: { lastWriteAnsweredMs: Math.round(lastArrival - start) },
      timeline: {
        firstArrivalStoredMs: Math.round(Math.min(...arrived) - start),
        firstAssignedMs: assignedAt.size ? Math.round(Math.min(...assignedAt.values()) - start) : null,
        lastAssignedMs: assignedAt.size ? Math.round(Math.max(...assignedAt.values()) - start) : null,
        firstTicketMs: firstTicketAt === null ? null : Math.round(firstTicketAt - start),
      },
      slotsFilledAfterLastArrivalMs: filledServer === null ? null : Math.max(0, filledServer - lastArrivalServer),
      servedWait: summarize(waits, 0),
      served: burstServed.length,
      overCapacity,
      wrongPositions,
      waiting: waiting.length,
      refusedArrivals: refused,
      firstRefusal,
      perArrival: {
        functionWrites: per(functionWrites),
        invocations: per(invocations),
        byKind: Object.fromEntries(Object.entries(writes.counts).map(([k, v]) => [k, per(v)])),
      },
      watched: {
        users: watchers.length,
        reads: watchedReads,
        positionChanges: watchedChanges,
        serviceReads,
        servicePositionChanges: serviceChanges,
        readsPerPositionChange: serviceChanges ? Math.round((serviceReads / serviceChanges) * 100) / 100 : null,
      },
      timedOut,
    };
  } finally {
    stops.forEach((stop) => stop());
    await pool.dispose();
    await setCapacity(admin, MAX_CONVERSATIONS_PER_SPECIALIST);
  }
}

/** Line order as routing serves it: by ticket. */
function lineOrder(a: ConversationDoc, b: ConversationDoc): number {
  return (a.ticket ?? Number.POSITIVE_INFINITY) - (b.ticket ?? Number.POSITIVE_INFINITY);
}
