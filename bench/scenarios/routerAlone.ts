// The router alone, without the burst's storm of writes around it: how fast one
// routing pass drains a line on this emulator. The arrivals are stored first with
// the background triggers paused (so nothing routes them), the triggers resumed,
// then one more arrival starts the pass that finds them all. Timed from the pass
// taking the line's lease until every free slot is filled and every other
// arrival holds a ticket.
//
// Set beside the burst's own numbers, this separates what the design costs (the
// pass's steps) from what the emulator's backlog costs (the burst's users'
// writes and their trigger runs queueing on two cores).
import { performance } from 'node:perf_hooks';
import { Timestamp } from 'firebase-admin/firestore';
import { COLLECTIONS, paths } from '$shared/catalogue';
import type { ConversationDoc } from '$shared/model';
import { startingConversation } from '$shared/conversationStart';
import { mapLimit, type Admin } from '../lib/clients';
import { setBackgroundTriggers } from '../lib/emulators';
import { addMember, addSpecialist, keepAvailable, seedProject } from '../lib/seed';
import { CAPACITY, setCapacity, type BurstSize } from './burst';

export interface RouterAloneResult {
  arrivals: number;
  specialists: number;
  /** From the lease being taken until every free slot was filled; null if that never happened. */
  slotsFilledMs: number | null;
  /** From the lease being taken until every arrival was served or held a ticket. */
  allPlacedMs: number | null;
  /** Served or ticketed per second over the whole pass. */
  placedPerSecond: number | null;
  timedOut: boolean;
}

const BATCH = 400;
/** Resuming reloads the triggers; give the functions emulator time to be ready again. */
const RESUME_PAUSE_MS = 3_000;

export async function measureRouterAlone(admin: Admin, size: BurstSize): Promise<RouterAloneResult> {
  await setCapacity(admin, CAPACITY);
  const projectId = await seedProject(admin, `alone${size.arrivals}`);
  const specialists = await mapLimit(
    Array.from({ length: size.specialists }, (_, i) => i),
    8,
    () => addSpecialist(admin, projectId, 1),
  );
  const stopAvailable = keepAvailable(
    admin,
    specialists.map((s) => s.uid),
  );
  const members = await mapLimit(
    Array.from({ length: size.arrivals }, (_, i) => i),
    16,
    () => addMember(admin, projectId),
  );
  const target = Math.min(size.arrivals, size.specialists * CAPACITY);
  const stops: Array<() => void> = [stopAvailable];
  try {
    // Setting specialists available already ran (empty) passes that wrote the lease: only a
    // lease write after the triggers resume starts the clock.
    let armed = false;
    let leaseAt: number | null = null;
    stops.push(
      admin.db.doc(paths.queueLease(projectId, 1)).onSnapshot((snap) => {
        if (armed && snap.exists && leaseAt === null) leaseAt = performance.now();
      }),
    );
    const state = new Map<string, ConversationDoc>();
    let filledAt: number | null = null;
    let placedAt: number | null = null;
    const placed = () => [...state.values()].filter((c) => c.status === 'assigned' || typeof c.ticket === 'number');
    stops.push(
      admin.db
        .collection(COLLECTIONS.conversations)
        .where('projectId', '==', projectId)
        .onSnapshot((snap) => {
          const now = performance.now();
          for (const change of snap.docChanges()) state.set(change.doc.id, change.doc.data() as ConversationDoc);
          if (filledAt === null && [...state.values()].filter((c) => c.status === 'assigned').length >= target)
            filledAt = now;
          if (placedAt === null && state.size === members.length && placed().length === members.length) placedAt = now;
        }),
    );

    const write = (m: (typeof members)[number]) => {
      const ref = admin.db.collection(COLLECTIONS.conversations).doc();
      const data = startingConversation({ projectId, userId: m.uid, userName: m.displayName }, () => Timestamp.now());
      return { ref, data };
    };
    const [last, ...first] = members;
    await setBackgroundTriggers(false);
    try {
      for (let i = 0; i < first.length; i += BATCH) {
        const batch = admin.db.batch();
        for (const m of first.slice(i, i + BATCH)) {
          const { ref, data } = write(m);
          batch.create(ref, data);
        }
        await batch.commit();
      }
    } finally {
      await setBackgroundTriggers(true);
      armed = true;
    }
    await new Promise((r) => setTimeout(r, RESUME_PAUSE_MS));
    const { ref, data } = write(last!);
    await ref.create(data);

    const deadline = performance.now() + 180_000;
    while ((filledAt === null || placedAt === null) && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const since = (t: number | null) => (t === null || leaseAt === null ? null : Math.round(t - leaseAt));
    const allPlacedMs = since(placedAt);
    return {
      arrivals: size.arrivals,
      specialists: size.specialists,
      slotsFilledMs: since(filledAt),
      allPlacedMs,
      placedPerSecond: allPlacedMs ? Math.round((members.length / allPlacedMs) * 1000) : null,
      timedOut: filledAt === null || placedAt === null,
    };
  } finally {
    for (const stop of stops) stop();
  }
}
