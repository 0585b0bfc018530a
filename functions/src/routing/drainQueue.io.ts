// How a conversation gets its specialist. One pass at a time drains a line
// (lease.io.ts): step after step, each one transaction that re-reads the line,
// the specialists' presence and load, the front of the line and the newest
// arrivals, and writes what planRoutingStep decides: the oldest waiting go to
// the least busy available specialists, up to their capacity; the arrivals
// nobody can take get the next tickets. Arrival order holds, nobody exceeds
// the limit, no conversation gets two specialists, and each event writes a
// handful of documents however many users wait (shared/queueLine.ts).
import { FieldPath, Timestamp, type Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { withContentionRetry } from '../platform/contention';
import { loadSettings, type EffectiveSettings } from '../platform/settings';
import { COLLECTIONS, paths, type Level } from '../shared/catalogue';
import type { ConversationDoc } from '../shared/model';
import { nameInText, shownName } from '../shared/names';
import { waitingCount } from '../shared/queueLine';
import { ESCALATION_LEVEL } from '../shared/levels';
import { SYSTEM_EVENTS } from '../shared/systemEvents';
import { endEngagement } from '../conversations/engagements';
import { postSystemMessageIn, systemText } from '../conversations/systemMessages.io';
import { projectNameOf } from '../platform/projects';
import { assigned, ticketed } from '../conversations/transitions';
import { loadCandidatesIn } from './candidates.io';
import { askForAnotherLook, LEASE_MS, releaseLease, renewLease, takeLease, type Lease } from './lease.io';
import { takeLoad } from './load.io';
import { freeSlots, planRoutingStep, type Waiting } from './routingStep';
import { lineIn } from './waitingQueues.io';

/** Per step, so a transaction stays far below Firestore's 500 writes (two per conversation, one per specialist). */
const MAX_PER_STEP = 100;
/** Bounds one pass; a longer line is finished by the next pass (`again`) or the sweep. */
const MAX_STEPS = 50;
const TX_OPTIONS = { maxAttempts: 10 };

export const waitingByTicket = (projectId: string, level: Level) =>
  db
    .collection(COLLECTIONS.conversations)
    .where('projectId', '==', projectId)
    .where('status', '==', 'queued')
    .where('level', '==', level)
    .where('ticket', '>=', Number.MIN_SAFE_INTEGER)
    .orderBy('ticket');

export const arrivalsWithoutTicket = (projectId: string, level: Level) =>
  db
    .collection(COLLECTIONS.conversations)
    .where('projectId', '==', projectId)
    .where('status', '==', 'queued')
    .where('level', '==', level)
    .where('ticket', '==', null)
    .orderBy('queuedAt')
    .orderBy(FieldPath.documentId());

export interface StepOutcome {
  assigned: string[];
  ticketed: number;
  progressed: boolean;
}

/** One step in one transaction; every read comes before the first write. */
interface StepContext {
  projectId: string;
  level: Level;
  settings: EffectiveSettings;
  projectName: string;
  nowMs: number;
}

async function stepIn(tx: Transaction, context: StepContext, seen: readonly string[]): Promise<StepOutcome> {
  const { projectId, level, settings, projectName, nowMs } = context;
  const queue = await lineIn(tx, projectId, level);
  const line = queue.line;
  const candidates = await loadCandidatesIn(tx, projectId, level);
  const limits = { level, maxConversations: settings.general.maxConversationsPerSpecialist, nowMs };
  const free = Math.min(freeSlots(candidates, limits), MAX_PER_STEP);
  const front =
    free > 0 && waitingCount(line) > 0 ? (await tx.get(waitingByTicket(projectId, level).limit(free))).docs : [];
  // The newest arrivals were found outside the transaction (a query inside would hold the very range new
  // arrivals are written to); re-read here by id, only those still waiting without a ticket count.
  const arrivalDocs = seen.length ? await tx.getAll(...seen.map((id) => db.doc(paths.conversation(id)))) : [];
  const arrivals = arrivalDocs.filter((d) => {
    const data = d.data() as ConversationDoc | undefined;
    return data?.status === 'queued' && data.level === level && data.ticket === null;
  });
  const byId = new Map([...front, ...arrivals].map((d) => [d.id, d.data() as ConversationDoc]));
  const asWaiting = (id: string): Waiting => ({ id, ticket: byId.get(id)?.ticket ?? null });
  const plan = planRoutingStep({
    line,
    ticketed: front.map((d) => asWaiting(d.id)),
    arrivals: arrivals.map((d) => asWaiting(d.id)),
    candidates,
    limits,
  });

  const at = Timestamp.fromMillis(nowMs);
  // An arrival is seen here once: it is greeted in the same write that serves it or puts it in line,
  // stamped at its start so the welcome always comes first. A transfer waiting for Level 2 arrives
  // in that line too, but was greeted long ago.
  for (const { id } of plan.arrivalsSeen) {
    const conversation = byId.get(id)!;
    if ((conversation.engagements ?? []).length > 0) continue;
    postSystemMessageIn(tx, {
      conversationId: id,
      eventKey: SYSTEM_EVENTS.welcome(),
      text: systemText(settings, 'welcome', { userName: conversation.userName, projectName }),
      at: Timestamp.fromMillis(conversation.createdAt.toMillis()),
    });
  }
  const given = new Map<string, string[]>();
  for (const { conversationId, specialist } of plan.assignments) {
    const conversation = byId.get(conversationId)!;
    const shown = shownName(settings.general, specialist.displayName);
    // A waiting conversation has no running engagement; end a stray one rather than refuse to route.
    const ended = endEngagement(conversation.engagements ?? [], 'requeued', at);
    const update = assigned(conversation, ended, { specialistId: specialist.uid, shownName: shown, level }, at);
    tx.update(db.doc(`${COLLECTIONS.conversations}/${conversationId}`), update);
    given.set(specialist.uid, [...(given.get(specialist.uid) ?? []), conversationId]);
    postSystemMessageIn(tx, {
      conversationId,
      eventKey: SYSTEM_EVENTS.joined(update.engagements?.length ?? 0),
      text: systemText(settings, 'specialistJoined', {
        specialistName: nameInText(shown),
        userName: conversation.userName,
        projectName,
      }),
    });
  }
  for (const [uid, ids] of given) takeLoad(tx, uid, ids, at);
  for (const { conversationId, ticket, position } of plan.tickets) {
    const conversation = byId.get(conversationId)!;
    tx.update(db.doc(`${COLLECTIONS.conversations}/${conversationId}`), ticketed(ticket));
    // Told once per wait, when the user joins the line: their place then, or that nobody is on duty.
    const values = { userName: conversation.userName, projectName, position };
    const served = (conversation.engagements ?? []).length;
    // A transfer waiting for Level 2 is told its place even when nobody there is on duty yet: it
    // waits for one (the offline message stays on offer on the user's screen).
    const nobody = plan.nobodyAvailable && level !== ESCALATION_LEVEL;
    postSystemMessageIn(
      tx,
      nobody
        ? {
            conversationId,
            eventKey: SYSTEM_EVENTS.nobodyAvailable(served),
            text: systemText(settings, 'nobodyAvailable', values),
          }
        : {
            conversationId,
            eventKey: SYSTEM_EVENTS.queued(served),
            text: systemText(settings, level === ESCALATION_LEVEL ? 'queuedForLevel2' : 'queued', values),
          },
    );
  }
  queue.write(plan.line, plan.nobodyAvailable, at);
  return {
    assigned: plan.assignments.map((a) => a.conversationId),
    ticketed: plan.tickets.length,
    progressed: plan.assignments.length + plan.tickets.length > 0,
  };
}

async function contextOf(projectId: string, level: Level, nowMs: number | undefined) {
  const [settings, projectName] = await Promise.all([loadSettings(), projectNameOf(projectId)]);
  return (now = nowMs ?? Date.now()): StepContext => ({ projectId, level, settings, projectName, nowMs: now });
}

/** One step outside any pass, for tests and tools that must drive routing by hand. */
export async function routingStep(projectId: string, level: Level, nowMs?: number): Promise<StepOutcome> {
  const context = await contextOf(projectId, level, nowMs);
  return withContentionRetry(async () => {
    const seen = await newestArrivals(projectId, level);
    return db.runTransaction((tx) => stepIn(tx, context(), seen), TX_OPTIONS);
  });
}

export interface DrainOptions {
  /** Fixes the clock (the sweep passes its own). */
  nowMs?: number;
  /** A new conversation's own trigger: when another pass drains the line, it will see this arrival. */
  arrival?: boolean;
}

export interface DrainReport {
  assigned: string[];
  ticketed: number;
  passes: number;
}

/** Steps until nothing moves; renews the lease on the way. False when the lease was lost. */
async function pass(lease: Lease, projectId: string, level: Level, options: DrainOptions, report: DrainReport) {
  const context = await contextOf(projectId, level, options.nowMs);
  let renewedAt = Date.now();
  for (let step = 0; step < MAX_STEPS; step++) {
    const outcome = await withContentionRetry(async () => {
      const seen = await newestArrivals(projectId, level);
      return db.runTransaction((tx) => stepIn(tx, context(), seen), TX_OPTIONS);
    });
    report.assigned.push(...outcome.assigned);
    report.ticketed += outcome.ticketed;
    if (!outcome.progressed) return true;
    if (Date.now() - renewedAt > LEASE_MS / 3) {
      if (!(await renewLease(lease))) return false;
      renewedAt = Date.now();
    }
  }
  return true;
}

const hasArrivals = async (projectId: string, level: Level) =>
  !(await arrivalsWithoutTicket(projectId, level).select().limit(1).get()).empty;

/** The oldest arrivals without a ticket, by id: found outside the step's transaction, re-read inside it. */
async function newestArrivals(projectId: string, level: Level): Promise<string[]> {
  const found = await arrivalsWithoutTicket(projectId, level).select().limit(MAX_PER_STEP).get();
  return found.docs.map((d) => d.id);
}

/**
 * Serves the line's waiting conversations while anyone can take them, and
 * gives tickets to new arrivals. When another pass holds the line, an arrival
 * leaves it to that pass and any other event asks it for one more look.
 */
export async function drainQueue(projectId: string, level: Level, options: DrainOptions = {}): Promise<DrainReport> {
  const report: DrainReport = { assigned: [], ticketed: 0, passes: 0 };
  for (let attempt = 0; attempt < 3; attempt++) {
    const lease = await takeLease(projectId, level);
    if (!lease) {
      if (options.arrival || (await askForAnotherLook(projectId, level)) === 'asked') return report;
      continue;
    }
    let outcome: 'released' | 'again' = 'again';
    while (outcome === 'again') {
      report.passes += 1;
      if (!(await pass(lease, projectId, level, options, report))) return report;
      outcome = await releaseLease(lease);
    }
    // Arrivals stored while this pass held the line saw it held and left it to us.
    if (!(await hasArrivals(projectId, level))) return report;
  }
  return report;
}
