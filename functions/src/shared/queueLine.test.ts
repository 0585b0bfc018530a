import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, issueTickets, left, lineOf, queuePosition, rejoinFront, served, waitingCount } from './queueLine';

const waiting = (ticket: number) => ({ status: 'queued' as const, ticket });

describe('a waiting line of tickets', () => {
  it('numbers arrivals from the tail and places them in order', () => {
    const { tickets, line } = issueTickets(EMPTY_LINE, 3);
    expect(tickets).toEqual([0, 1, 2]);
    expect(tickets.map((t) => queuePosition(waiting(t), line))).toEqual([1, 2, 3]);
    expect(waitingCount(line)).toBe(3);
  });

  it('moves everyone up when the front is served, in one change of the line', () => {
    const { line } = issueTickets(EMPTY_LINE, 4);
    const after = served(line, [0, 1]);
    expect(after).toEqual({ head: 2, tail: 4, gone: [] });
    expect([2, 3].map((t) => queuePosition(waiting(t), after))).toEqual([1, 2]);
    expect(queuePosition(waiting(1), after)).toBeNull();
  });

  it('moves only those behind someone who left early, and skips them when the front is served', () => {
    const { line } = issueTickets(EMPTY_LINE, 5);
    const after = left(line, 2);
    expect(after.gone).toEqual([2]);
    expect([0, 1, 3, 4].map((t) => queuePosition(waiting(t), after))).toEqual([1, 2, 3, 4]);
    expect(served(after, [0, 1])).toEqual({ head: 3, tail: 5, gone: [] });
    expect(waitingCount(after)).toBe(4);
  });

  it('moves the head when the one at the front leaves, past others gone', () => {
    const line = { head: 0, tail: 5, gone: [1, 3] };
    expect(left(line, 0)).toEqual({ head: 2, tail: 5, gone: [3] });
    expect(left(line, 9)).toBe(line);
    expect(left(line, 1)).toBe(line);
  });

  it('puts a requeued conversation before everyone, even in an empty line', () => {
    const { line } = issueTickets(EMPTY_LINE, 2);
    const front = rejoinFront(served(line, [0, 1]));
    expect(front.ticket).toBe(1);
    expect(queuePosition(waiting(front.ticket), front.line)).toBe(1);
    const again = rejoinFront(front.line);
    expect(again.ticket).toBe(0);
    expect([0, 1].map((t) => queuePosition(waiting(t), again.line))).toEqual([1, 2]);
  });

  it('shows no place without a ticket, once served, or without the line', () => {
    const { line } = issueTickets(EMPTY_LINE, 1);
    expect(queuePosition({ status: 'queued', ticket: null }, line)).toBeNull();
    expect(queuePosition({ status: 'assigned', ticket: 0 }, line)).toBeNull();
    expect(queuePosition(waiting(0), undefined)).toBeNull();
    expect(lineOf(undefined, undefined)).toEqual(EMPTY_LINE);
    expect(lineOf({ head: 4, gone: [6] }, { tail: 9 })).toEqual({ head: 4, tail: 9, gone: [6] });
  });

  it('keeps every place exact through any mix of arrivals, departures and service', () => {
    let line = EMPTY_LINE;
    const order: number[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      const r = random();
      if (r < 0.45) {
        const issued = issueTickets(line, 1 + Math.floor(random() * 3));
        line = issued.line;
        order.push(...issued.tickets);
      } else if (r < 0.7 && order.length > 0) {
        const count = 1 + Math.floor(random() * Math.min(3, order.length));
        line = served(line, order.splice(0, count));
      } else if (r < 0.9 && order.length > 0) {
        const [gone] = order.splice(Math.floor(random() * order.length), 1);
        line = left(line, gone!);
      } else {
        const front = rejoinFront(line);
        line = front.line;
        order.unshift(front.ticket);
      }
      expect(order.map((t) => queuePosition(waiting(t), line))).toEqual(order.map((_, i) => i + 1));
      expect(waitingCount(line)).toBe(order.length);
    }
  });
});
