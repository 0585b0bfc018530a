// A waiting line as numbered tickets, so a waiting user's place is computed, not
// stored on every waiting conversation: each queued conversation holds its
// `ticket`, the line's document (queues/{projectId}~{level}) holds `head` (the
// first ticket still waiting) and `gone` (tickets after it that left the line
// early, sorted), and its tally (functions only) holds `tail` (the next ticket
// to give). Every ticket in [head, tail) is either waiting or gone, so a place is
//
//   ticket - head + 1 - (tickets in `gone` before it)
//
// and each event rewrites one document: an arrival or a departure changes the
// line, never the other waiting users. Routing serves tickets in order from the
// front; a requeued conversation takes the ticket just before `head`. Pure: the
// functions write the result, the user's screen computes its place from it.
import type { ConversationDoc, QueueDoc, QueueTallyDoc } from './model';

export type LineState = Pick<QueueDoc, 'head' | 'gone'> & Pick<QueueTallyDoc, 'tail'>;

export const EMPTY_LINE: LineState = { head: 0, tail: 0, gone: [] };

/** The stored line and tally, or an empty line for a queue that never had anyone waiting. */
export function lineOf(
  stored: Partial<QueueDoc> | undefined | null,
  tally: Partial<QueueTallyDoc> | undefined | null,
): LineState {
  const head = typeof stored?.head === 'number' ? stored.head : 0;
  const tail = typeof tally?.tail === 'number' ? tally.tail : head;
  return { head, tail, gone: Array.isArray(stored?.gone) ? stored.gone : [] };
}

/** Tickets in the line now: the ones issued and neither served nor gone. */
export function waitingCount(line: LineState): number {
  return Math.max(0, line.tail - line.head - line.gone.length);
}

function countBefore(sorted: readonly number[], ticket: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < ticket) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The 1-based place of a waiting conversation, or null while it has no ticket
 * yet (routing has not seen it) or is not waiting.
 */
export function queuePosition(
  conversation: Pick<ConversationDoc, 'status' | 'ticket'>,
  line: Partial<Pick<QueueDoc, 'head' | 'gone'>> | undefined | null,
): number | null {
  const ticket = conversation.ticket;
  if (conversation.status !== 'queued' || typeof ticket !== 'number' || typeof line?.head !== 'number') return null;
  if (ticket < line.head) return null;
  return ticket - line.head + 1 - countBefore(line.gone ?? [], ticket);
}

/** The first ticket at or after `from` that is still waiting (not gone), or the tail. */
function nextWaiting(line: LineState, from: number): number {
  let ticket = from;
  const gone = new Set(line.gone);
  while (ticket < line.tail && gone.has(ticket)) ticket += 1;
  return ticket;
}

/** Gives `count` arrivals the next tickets, in order. */
export function issueTickets(line: LineState, count: number): { tickets: number[]; line: LineState } {
  const tickets = Array.from({ length: count }, (_, i) => line.tail + i);
  return { tickets, line: { ...line, tail: line.tail + count } };
}

/** The front tickets were served (routing serves in order): the head moves past them and past tickets gone since. */
export function served(line: LineState, tickets: readonly number[]): LineState {
  if (tickets.length === 0) return line;
  const last = Math.max(...tickets);
  const head = nextWaiting(line, last + 1);
  return { head, tail: line.tail, gone: line.gone.filter((t) => t > head) };
}

/** A waiting conversation left the line early (closed while waiting). */
export function left(line: LineState, ticket: number): LineState {
  if (ticket < line.head || ticket >= line.tail || line.gone.includes(ticket)) return line;
  if (ticket === line.head) {
    const head = nextWaiting(line, ticket + 1);
    return { head, tail: line.tail, gone: line.gone.filter((t) => t > head) };
  }
  const gone = [...line.gone, ticket].sort((a, b) => a - b);
  return { ...line, gone };
}

/** A conversation goes back to the very front (its specialist vanished): the ticket before the head. */
export function rejoinFront(line: LineState): { ticket: number; line: LineState } {
  const ticket = line.head - 1;
  return { ticket, line: { head: ticket, tail: line.tail, gone: line.gone } };
}
