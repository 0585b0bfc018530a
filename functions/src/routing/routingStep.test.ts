import { describe, expect, it } from 'vitest';
import type { PresenceDoc, Time } from '../shared/model';
import { EMPTY_LINE, issueTickets } from '../shared/queueLine';
import type { Candidate } from './pickSpecialist';
import { freeSlots, planRoutingStep } from './routingStep';

const NOW = 1_700_000_000_000;
const at = (ms: number): Time => ({ toMillis: () => ms });
const onDuty: PresenceDoc = { choice: 'available', connections: { tab: at(NOW) }, updatedAt: at(NOW) };
const specialist = (uid: string, activeCount = 0, presence: PresenceDoc | undefined = onDuty): Candidate => ({
  uid,
  displayName: uid.toUpperCase(),
  level: 1,
  presence,
  activeCount,
  lastAssignedAtMs: null,
});
const limits = { level: 1 as const, maxConversations: 3, nowMs: NOW };
const arrivals = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `a${from + i}`, ticket: null }));

describe('planRoutingStep', () => {
  it('serves a burst up to every free slot, evenly, never over capacity, and tickets the rest in order', () => {
    const plan = planRoutingStep({
      line: EMPTY_LINE,
      ticketed: [],
      arrivals: arrivals(10),
      candidates: [specialist('ann'), specialist('bob', 1)],
      limits,
    });
    expect(plan.assignments.map((a) => a.conversationId)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    const perSpecialist = plan.assignments.reduce<Record<string, number>>(
      (n, a) => ({ ...n, [a.specialist.uid]: (n[a.specialist.uid] ?? 0) + 1 }),
      {},
    );
    expect(perSpecialist).toEqual({ ann: 3, bob: 2 });
    expect(plan.tickets).toEqual([
      { conversationId: 'a5', ticket: 0, position: 1 },
      { conversationId: 'a6', ticket: 1, position: 2 },
      { conversationId: 'a7', ticket: 2, position: 3 },
      { conversationId: 'a8', ticket: 3, position: 4 },
      { conversationId: 'a9', ticket: 4, position: 5 },
    ]);
    expect(plan.line).toEqual({ head: 0, tail: 5, gone: [] });
    expect(plan.nobodyAvailable).toBe(false);
  });

  it('serves those already in line before new arrivals, and moves the line past them', () => {
    const { line } = issueTickets(EMPTY_LINE, 3);
    const plan = planRoutingStep({
      line,
      ticketed: [
        { id: 't0', ticket: 0 },
        { id: 't1', ticket: 1 },
      ],
      arrivals: arrivals(2),
      candidates: [specialist('ann', 1)],
      limits,
    });
    expect(plan.assignments.map((a) => [a.conversationId, a.ticket])).toEqual([
      ['t0', 0],
      ['t1', 1],
    ]);
    expect(plan.line).toEqual({ head: 2, tail: 5, gone: [] });
    expect(plan.tickets.map((t) => [t.conversationId, t.ticket, t.position])).toEqual([
      ['a0', 3, 2],
      ['a1', 4, 3],
    ]);
  });

  it('tickets everyone and says nobody is on duty when nobody is', () => {
    const away = { ...onDuty, choice: 'away' as const };
    const plan = planRoutingStep({
      line: EMPTY_LINE,
      ticketed: [],
      arrivals: arrivals(2),
      candidates: [specialist('ann', 0, away)],
      limits,
    });
    expect(plan.assignments).toEqual([]);
    expect(plan.tickets.map((t) => t.position)).toEqual([1, 2]);
    expect(plan.nobodyAvailable).toBe(true);
  });

  it('counts free slots of available specialists only', () => {
    const stale = { ...onDuty, connections: { tab: at(NOW - 10 * 60_000) } };
    expect(freeSlots([specialist('a', 1), specialist('b', 3), specialist('c', 0, stale)], limits)).toBe(2);
  });
});
