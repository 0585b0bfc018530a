// Latencies of the app's server-side reactions, each from the client write
// that causes it to the listener that shows it, after warm-up runs so the
// functions emulator has its workers started:
// - routing: a member starts a conversation -> the user's screen shows it
//   assigned and the specialist's desk lists it (the later of the two);
// - transfer: the Level 1 specialist calls transferToLevel2 -> the user sees
//   Level 2 and the Level 2 desk lists it;
// - offline: with nobody on duty, the user leaves a message -> their screen
//   shows the case number;
// - rating: the user rates a closed conversation -> the specialist's own
//   statistics document shows one more rating.
import { doc } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { CALLABLES, paths } from '$shared/catalogue';
import type { SpecialistStatsDoc } from '$shared/model';
import {
  closeConversation,
  leaveOfflineMessage,
  newConversationId,
  rateConversation,
  startConversation,
} from '../lib/appWrites';
import { ClientPool, mapLimit, type Admin, type Client } from '../lib/clients';
import { ReadCounter, sleep, until, type Arrivals } from '../lib/listeners';
import { seriesRow, type Row } from '../lib/report';
import { SpecialistDesk, UserScreen } from '../lib/screens';
import { addMember, addSpecialist, configureOfflineCases, markAvailable, seedProject } from '../lib/seed';
import { summarize } from '../lib/stats';
import type { Profile } from '../lib/profile';

const TIMEOUT_MS = 30_000;
const WARM_UP = 3;
const GAP_MS = 250;

interface Series {
  both: number[];
  user: number[];
  specialist: number[];
  errors: string[];
}
const series = (): Series => ({ both: [], user: [], specialist: [], errors: [] });

/** Waits for two arrivals; records both and the later one, or an error. */
async function both(
  arrivals: Arrivals,
  s: Series | null,
  user: [string, Promise<number>],
  specialist: [string, Promise<number>],
) {
  const [u, sp] = await Promise.all([arrivals.within(...user, TIMEOUT_MS), arrivals.within(...specialist, TIMEOUT_MS)]);
  if (!s) return;
  if (u === null || sp === null) {
    s.errors.push(`${u === null ? user[0] : specialist[0]} not seen within ${TIMEOUT_MS} ms`);
    return;
  }
  s.user.push(u);
  s.specialist.push(sp);
  s.both.push(Math.max(u, sp));
}

interface Routed {
  id: string;
  screen: UserScreen;
}

export async function measureFlows(
  admin: Admin,
  arrivals: Arrivals,
  profile: Profile,
): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const pool = new ClientPool();
  const projectId = await seedProject(admin, 'flows');
  const level1 = await Promise.all([addSpecialist(admin, projectId, 1), addSpecialist(admin, projectId, 1)]);
  const level2 = await addSpecialist(admin, projectId, 2);
  const clients = await Promise.all([...level1, level2].map((a) => pool.signedIn(a)));
  const desks = clients.map(
    (c, i) => new SpecialistDesk(c, arrivals, { autoOpen: false, queues: [{ projectId, level: i < 2 ? 1 : 2 }] }),
  );
  desks.forEach((d) => d.start());
  const ratingCounts = new Map<string, number>();
  const statsReads = new ReadCounter();
  for (const c of clients) watchRatings(statsReads, c, arrivals, ratingCounts);

  const runs = WARM_UP + Math.max(profile.routingRuns, profile.transferRuns + 1, profile.ratingRuns + 1);
  const members = await mapLimit(
    Array.from({ length: runs }, (_, i) => i),
    8,
    () => addMember(admin, projectId),
  );
  const screens = await mapLimit(members, 8, async (m) => new UserScreen(await pool.signedIn(m), arrivals));
  const refresh = () => Promise.all([...level1, level2].map((a) => markAvailable(admin, a.uid)));

  // Routing
  await refresh();
  const routing = series();
  const routed: Routed[] = [];
  for (const [i, screen] of screens.entries()) {
    const id = newConversationId(screen.client.db);
    const userKey = `assigned:${id}@${screen.uid}`;
    const deskKey = `served:${id}@*`;
    const seenByUser = arrivals.expect(userKey);
    const seenByDesk = arrivals.expect(deskKey);
    await startConversation(screen.client.db, id, screen.client.account, projectId);
    screen.open(id);
    await both(
      arrivals,
      i >= WARM_UP && i < WARM_UP + profile.routingRuns ? routing : null,
      [userKey, seenByUser],
      [deskKey, seenByDesk],
    );
    routed.push({ id, screen });
    await sleep(GAP_MS);
  }

  // Transfer: the first conversation warms the callable up.
  await refresh();
  const transfer = series();
  const transferred: Routed[] = [];
  for (const [i, r] of routed.slice(0, profile.transferRuns + 1).entries()) {
    const from = clients.find((c) => c.account.uid === r.screen.conversations.get(r.id)?.specialistId);
    if (!from) {
      transfer.errors.push(`${r.id}: not assigned to a Level 1 specialist of the bench`);
      continue;
    }
    const userKey = `level2:${r.id}@${r.screen.uid}`;
    const deskKey = `served:${r.id}@${level2.uid}`;
    const seenByUser = arrivals.expect(userKey);
    const seenByDesk = arrivals.expect(deskKey);
    try {
      await httpsCallable(from.functions, CALLABLES.transferToLevel2)({ conversationId: r.id, note: '' });
    } catch (error) {
      arrivals.cancel(userKey);
      arrivals.cancel(deskKey);
      transfer.errors.push(`${r.id}: ${(error as Error).message}`);
      continue;
    }
    await both(arrivals, i > 0 ? transfer : null, [userKey, seenByUser], [deskKey, seenByDesk]);
    transferred.push(r);
    await sleep(GAP_MS);
  }

  // Rating: close as the user, let the close finish, then rate. Transferred conversations first.
  const rating = series();
  const toRate = [...transferred, ...routed.filter((r) => !transferred.includes(r))].slice(0, profile.ratingRuns + 1);
  for (const [i, r] of toRate.entries()) {
    const c = r.screen.conversations.get(r.id);
    if (!c?.specialistId) continue;
    try {
      await closeConversation(r.screen.client.db, r.id, 'user');
      // The close's own trigger work (engagement ended, load freed) is not part of the rating's latency.
      const closed = () => {
        const now = r.screen.conversations.get(r.id);
        return now?.status === 'closed' && now.engagements.every((e) => e.endedAt !== null);
      };
      await until(closed, TIMEOUT_MS, `close of ${r.id}`);
      const key = `ratings:${c.specialistId}:${(ratingCounts.get(c.specialistId) ?? 0) + 1}`;
      const seen = arrivals.expect(key);
      await rateConversation(r.screen.client.db, r.screen.client.account, {
        conversationId: r.id,
        projectId,
        specialistId: c.specialistId,
        score: 5,
      });
      const ms = await arrivals.within(key, seen, TIMEOUT_MS);
      if (i === 0) continue;
      if (ms === null) rating.errors.push(`${key} not seen within ${TIMEOUT_MS} ms`);
      else rating.user.push(ms);
    } catch (error) {
      rating.errors.push(`${r.id}: ${(error as Error).message}`);
    }
    await sleep(GAP_MS);
  }

  const offline = await measureOffline(admin, arrivals, pool, profile.offlineRuns);
  desks.forEach((d) => d.stop());
  statsReads.stop();
  screens.forEach((s) => s.stop());
  await pool.dispose();

  const rows = [
    seriesRow('routing_latency', 'app', null, 'ms', summarize(routing.both)),
    seriesRow('transfer_latency', 'app', null, 'ms', summarize(transfer.both)),
    seriesRow('offline_case_latency', 'user', null, 'ms', summarize(offline.user)),
    seriesRow('rating_stats_latency', 'specialist', null, 'ms', summarize(rating.user)),
  ];
  const sides = (s: Series) => ({
    user: summarize(s.user),
    specialist: summarize(s.specialist),
    errors: s.errors.length,
    errorExamples: s.errors.slice(0, 5),
  });
  return {
    rows,
    details: {
      warmUpRuns: { routing: WARM_UP, transfer: 1, rating: 1, offline: 1 },
      routing: sides(routing),
      transfer: sides(transfer),
      offline: { errors: offline.errors.length, errorExamples: offline.errors.slice(0, 5) },
      rating: { errors: rating.errors.length, errorExamples: rating.errors.slice(0, 5) },
    },
  };
}

/** The specialist's own statistics document, as a metrics card of theirs would read it. */
function watchRatings(counter: ReadCounter, client: Client, arrivals: Arrivals, counts: Map<string, number>) {
  const uid = client.account.uid;
  counter.doc(doc(client.db, paths.specialistStats(uid)), (snapshot) => {
    const count = (snapshot.data() as SpecialistStatsDoc | undefined)?.ratingCount ?? 0;
    counts.set(uid, count);
    arrivals.seen(`ratings:${uid}:${count}`);
  });
}

/** A project nobody serves: each conversation waits in a line with nobody on duty, and the user leaves a message. */
async function measureOffline(admin: Admin, arrivals: Arrivals, pool: ClientPool, runs: number) {
  const projectId = await seedProject(admin, 'offline');
  await configureOfflineCases(admin, projectId);
  const screen = new UserScreen(await pool.signedIn(await addMember(admin, projectId)), arrivals);
  const result = series();
  for (let i = 0; i <= runs; i++) {
    try {
      const id = newConversationId(screen.client.db);
      await startConversation(screen.client.db, id, screen.client.account, projectId);
      screen.open(id);
      await until(() => screen.conversations.get(id)?.ticket != null, TIMEOUT_MS, `${id} in line`);
      const deadline = Date.now() + TIMEOUT_MS;
      while ((await admin.db.doc(paths.queue(projectId, 1)).get()).get('nobodyAvailable') !== true) {
        if (Date.now() > deadline)
          throw new Error(`nobodyAvailable on the line of ${id} not seen within ${TIMEOUT_MS} ms`);
        await sleep(100);
      }
      const key = `case:${id}@${screen.uid}`;
      const seen = arrivals.expect(key);
      await leaveOfflineMessage(
        screen.client.db,
        screen.client.account,
        id,
        projectId,
        'My printer is broken; please call me back.',
      );
      const ms = await arrivals.within(key, seen, TIMEOUT_MS);
      if (i === 0) continue;
      if (ms === null) result.errors.push(`${key} not seen within ${TIMEOUT_MS} ms`);
      else result.user.push(ms);
    } catch (error) {
      result.errors.push((error as Error).message);
    }
    await sleep(GAP_MS);
  }
  screen.stop();
  return result;
}
