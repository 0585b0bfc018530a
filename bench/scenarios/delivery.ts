// Delivery latency at K concurrent conversations, the app beside two baselines
// in the same run: 'authed' (bare messages whose author must be a participant,
// one get(): the authorization any chat needs, so app/authed is the app's own
// overhead) and 'raw' (open rules, for information). Rounds rotate which
// variant goes first, each round sends one message
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
  authed: Room,
  arrivals: Arrivals,
  rounds: number,
  windowMs: number,
): Promise<DeliveryResult> {
  const k = app.k;
  const variants = ['app', 'raw', 'authed'] as const;
  const rooms = { app, raw, authed };
  const tallies = Object.fromEntries(
    variants.map((v) => [v, { toSpecialist: emptyTally(), toUser: emptyTally() }]),
  ) as Record<(typeof variants)[number], VariantTallies>;
  const sent = Object.fromEntries(variants.map((v) => [v, new Map<string, number>()])) as Record<
    (typeof variants)[number],
    Map<string, number>
  >;
  const all = [app, raw, authed];
  const before = new Map<unknown, number>(all.flatMap((r) => r.listening).map((l) => [l, l.reads.reads]));

  for (let round = 0; round < rounds; round++) {
    const order = [...all.slice(round % 3), ...all.slice(0, round % 3)];
    for (const room of order) {
      for (const direction of ['toSpecialist', 'toUser'] as const) {
        await halfRound(room, arrivals, direction, windowMs, tallies[room.variant][direction], sent[room.variant]);
      }
    }
  }

  // Anything the last messages still cause (late snapshots, any function write) must count.
  await settle(
    all.flatMap((r) => r.listening).map((l) => l.reads),
    2000,
    30_000,
  );

  const rows: Row[] = [];
  const details: Record<string, unknown> = { rounds, windowMs, conversations: k };
  for (const variant of variants) {
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
  for (const variant of variants) {
    const perRole = {
      user: readsPerMessage(rooms[variant], before, sent[variant], 'user'),
      specialist: readsPerMessage(rooms[variant], before, sent[variant], 'specialist'),
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
  details.listenerErrors = all
    .flatMap((r) => r.listening)
    .flatMap((l) => l.reads.errors)
    .slice(0, 5);
  return { rows, details };
}
