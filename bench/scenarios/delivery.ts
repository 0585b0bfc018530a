// Delivery latency at K concurrent conversations, app beside raw in the same
// run: rounds alternate which variant goes first, each round sends one message
// per conversation user -> specialist, then one back, spread over a window so
// the conversations overlap instead of firing in lockstep. Also counts the
// reads each listening participant receives per message.
import { settle, sleep, type Arrivals } from '../lib/listeners';
import { emptyTally, errorsOf, record, timedMessage, type Tally } from '../lib/messaging';
import { seriesRow, type Row } from '../lib/report';
import type { Room } from '../lib/rooms';
import { summarize } from '../lib/stats';

const DELIVERY_TIMEOUT_MS = 15_000;

export type Direction = 'toSpecialist' | 'toUser';

export interface VariantTallies {
  toSpecialist: Tally;
  toUser: Tally;
}

/** One message per conversation in one direction, spread over windowMs. */
export async function halfRound(
  room: Room,
  arrivals: Arrivals,
  direction: Direction,
  windowMs: number,
  tally: Tally,
  sent: Map<string, number>,
) {
  await Promise.all(
    room.conversations.map(async (c) => {
      await sleep(Math.random() * windowMs);
      const [from, to] = direction === 'toSpecialist' ? [c.user, c.specialist] : [c.specialist, c.user];
      const outcome = await timedMessage(arrivals, c.id, from, to, DELIVERY_TIMEOUT_MS);
      record(tally, outcome);
      if ('ms' in outcome) sent.set(c.id, (sent.get(c.id) ?? 0) + 1);
    }),
  );
}

export interface DeliveryResult {
  rows: Row[];
  details: Record<string, unknown>;
}

/** Reads each participant received per message of its conversations, one value per participant. */
function readsPerMessage(
  room: Room,
  before: Map<unknown, number>,
  sent: Map<string, number>,
  role: 'user' | 'specialist',
) {
  return room.listening
    .filter((l) => l.role === role)
    .map((l) => {
      const messages = l.conversationIds.reduce((sum, id) => sum + (sent.get(id) ?? 0), 0);
      return messages === 0 ? null : (l.reads.reads - (before.get(l) ?? 0)) / messages;
    })
    .filter((v): v is number => v !== null);
}

export async function measureDelivery(
  app: Room,
  raw: Room,
  arrivals: Arrivals,
  rounds: number,
  windowMs: number,
): Promise<DeliveryResult> {
  const k = app.k;
  const tallies = {
    app: { toSpecialist: emptyTally(), toUser: emptyTally() },
    raw: { toSpecialist: emptyTally(), toUser: emptyTally() },
  };
  const sent = { app: new Map<string, number>(), raw: new Map<string, number>() };
  const before = new Map<unknown, number>([...app.listening, ...raw.listening].map((l) => [l, l.reads.reads]));

  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [app, raw] : [raw, app];
    for (const room of order) {
      for (const direction of ['toSpecialist', 'toUser'] as const) {
        await halfRound(room, arrivals, direction, windowMs, tallies[room.variant][direction], sent[room.variant]);
      }
    }
  }

  // Anything the last messages still cause (late snapshots, any function write) must count.
  await settle(
    [...app.listening, ...raw.listening].map((l) => l.reads),
    2000,
    30_000,
  );

  const rows: Row[] = [];
  const details: Record<string, unknown> = { rounds, windowMs, conversations: k };
  for (const variant of ['app', 'raw'] as const) {
    const t = tallies[variant];
    rows.push(
      seriesRow('delivery_latency', variant, k, 'ms', summarize([...t.toSpecialist.samples, ...t.toUser.samples])),
    );
    details[variant] = {
      toSpecialist: summarize(t.toSpecialist.samples),
      toUser: summarize(t.toUser.samples),
      errors: errorsOf(t.toSpecialist) + errorsOf(t.toUser),
      writeFailed: t.toSpecialist.writeFailed + t.toUser.writeFailed,
      notDelivered: t.toSpecialist.notDelivered + t.toUser.notDelivered,
      errorExamples: [...t.toSpecialist.examples, ...t.toUser.examples],
    };
  }
  const room = { app, raw };
  for (const variant of ['app', 'raw'] as const) {
    const perRole = {
      user: readsPerMessage(room[variant], before, sent[variant], 'user'),
      specialist: readsPerMessage(room[variant], before, sent[variant], 'specialist'),
    };
    if (variant === 'app') {
      rows.push(seriesRow('reads_per_message', 'user', k, 'reads', summarize(perRole.user, 2)));
      rows.push(seriesRow('reads_per_message', 'specialist', k, 'reads', summarize(perRole.specialist, 2)));
    }
    (details[variant] as Record<string, unknown>).readsPerMessage = {
      user: summarize(perRole.user, 2),
      specialist: summarize(perRole.specialist, 2),
    };
  }
  details.listenerErrors = [...app.listening, ...raw.listening].flatMap((l) => l.reads.errors).slice(0, 5);
  return { rows, details };
}
