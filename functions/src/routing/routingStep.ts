// One step of draining a waiting line, decided without any I/O: who is served
// now, who gets a ticket, and what the line becomes. The oldest waiting
// conversations go first (ticketed ones in ticket order, then new arrivals in
// arrival order), each to the least busy available specialist (pickSpecialist),
// counting the conversations this step already gave them, so nobody goes over
// capacity however many are served at once. Arrivals nobody can take yet get
// the next tickets. drainQueue.io.ts reads what this needs and writes what it
// returns in one transaction.
import type { Level } from '../shared/catalogue';
import { issueTickets, queuePosition, served, type LineState } from '../shared/queueLine';
import { pickSpecialist, someoneOnDuty, type Candidate } from './pickSpecialist';

export interface Waiting {
  id: string;
  /** Null for an arrival routing has not seen yet. */
  ticket: number | null;
}

export interface StepInput {
  line: LineState;
  /** Ticketed conversations from the front of the line, in ticket order. */
  ticketed: readonly Waiting[];
  /** Conversations without a ticket yet, oldest first. */
  arrivals: readonly Waiting[];
  candidates: readonly Candidate[];
  limits: { level: Level; maxConversations: number; nowMs: number };
}

export interface StepPlan {
  /** The arrivals this step saw for the first time (served or put in line). */
  arrivalsSeen: Waiting[];
  assignments: Array<{ conversationId: string; specialist: Candidate; ticket: number | null }>;
  /** Arrivals that wait: their ticket, and the place it gives them now. */
  tickets: Array<{ conversationId: string; ticket: number; position: number }>;
  line: LineState;
  nobodyAvailable: boolean;
}

/** How many more conversations the available specialists can take right now. */
export function freeSlots(candidates: readonly Candidate[], limits: StepInput['limits']): number {
  return candidates
    .filter((c) => pickSpecialist([c], limits) !== null)
    .reduce((sum, c) => sum + Math.max(0, limits.maxConversations - c.activeCount), 0);
}

export function planRoutingStep(input: StepInput): StepPlan {
  const { limits } = input;
  const pool = input.candidates.map((c) => ({ ...c }));
  const assignments: StepPlan['assignments'] = [];
  for (const waiting of [...input.ticketed, ...input.arrivals]) {
    const chosen = pickSpecialist(pool, limits);
    if (!chosen) break;
    chosen.activeCount += 1;
    chosen.lastAssignedAtMs = limits.nowMs;
    const original = input.candidates.find((c) => c.uid === chosen.uid)!;
    assignments.push({ conversationId: waiting.id, specialist: original, ticket: waiting.ticket });
  }
  const servedTickets = assignments.flatMap((a) => (a.ticket === null ? [] : [a.ticket]));
  const afterServing = served(input.line, servedTickets);
  const assignedIds = new Set(assignments.map((a) => a.conversationId));
  const waitingArrivals = input.arrivals.filter((a) => !assignedIds.has(a.id));
  const issued = issueTickets(afterServing, waitingArrivals.length);
  const tickets = waitingArrivals.map((a, i) => {
    const ticket = issued.tickets[i]!;
    return { conversationId: a.id, ticket, position: queuePosition({ status: 'queued', ticket }, issued.line) ?? 0 };
  });
  return {
    arrivalsSeen: [...input.arrivals],
    assignments,
    tickets,
    line: issued.line,
    nobodyAvailable: !someoneOnDuty(input.candidates, limits.level, limits.nowMs),
  };
}
