// One timed message: the clock starts just before the sender's write and
// stops when the receiver's listener has the message. Failures are outcomes,
// counted by the caller, never thrown away.
import { newMessageId, sendMessage } from './appWrites';
import { deadline, type Arrivals } from './listeners';
import type { Side } from './rooms';

/** Long enough to look like a chat line (the documents are the same in app and raw). */
export const MESSAGE_TEXT = 'Hello, my printer on the third floor shows an error since this morning. Can you help?';

export type Outcome = { ms: number } | { error: 'write-failed' | 'not-delivered'; detail: string };

export async function timedMessage(
  arrivals: Arrivals,
  conversationId: string,
  from: Side,
  to: Side,
  timeoutMs: number,
): Promise<Outcome> {
  const id = newMessageId(conversationId, from.author);
  const key = `msg:${id}@${to.author.id}`;
  const arrival = arrivals.expect(key);
  try {
    await deadline(sendMessage(from.db, conversationId, id, from.author, MESSAGE_TEXT), timeoutMs, `write of ${id}`);
  } catch (error) {
    arrivals.cancel(key);
    return { error: 'write-failed', detail: String((error as Error).message ?? error) };
  }
  const ms = await arrivals.within(key, arrival, timeoutMs);
  return ms === null ? { error: 'not-delivered', detail: `${key} not seen within ${timeoutMs} ms` } : { ms };
}

export interface Tally {
  samples: number[];
  writeFailed: number;
  notDelivered: number;
  /** The first few failures, verbatim. */
  examples: string[];
}

export const emptyTally = (): Tally => ({ samples: [], writeFailed: 0, notDelivered: 0, examples: [] });

export function record(tally: Tally, outcome: Outcome): void {
  if ('ms' in outcome) {
    tally.samples.push(outcome.ms);
    return;
  }
  if (outcome.error === 'write-failed') tally.writeFailed += 1;
  else tally.notDelivered += 1;
  if (tally.examples.length < 5) tally.examples.push(outcome.detail);
}

export const errorsOf = (tally: Tally) => tally.writeFailed + tally.notDelivered;
