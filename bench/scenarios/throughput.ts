// Sustained throughput: an open-loop ramp of offered message rates across the
// room's K conversations (round robin, each conversation alternating
// directions). A step passes when p99 delivery stays at or under 1 s with no
// error; the ramp stops at the first step that does not. Errors are counted
// and reported with the step, never dropped.
import { performance } from 'node:perf_hooks';
import { settle, sleep, type Arrivals } from '../lib/listeners';
import { emptyTally, errorsOf, record, timedMessage } from '../lib/messaging';
import { valueRow, type Row } from '../lib/report';
import type { Room } from '../lib/rooms';
import { summarize, type Summary } from '../lib/stats';

export const P99_LIMIT_MS = 1000;
const DELIVERY_TIMEOUT_MS = 10_000;
const TICK_MS = 20;
/** Lets the emulator (and the app's triggers) drain between steps. */
const PAUSE_MS = 3000;

export interface Step extends Summary {
  offered: number;
  /** Messages sent per second as actually scheduled, and delivered per second until the last arrival. */
  sentPerSecond: number;
  deliveredPerSecond: number;
  errors: number;
  errorExamples: string[];
  passed: boolean;
}

async function runStep(room: Room, arrivals: Arrivals, rate: number, seconds: number, offset: number): Promise<Step> {
  const total = Math.round(rate * seconds);
  const tally = emptyTally();
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let lastArrival = start;
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    for (; sent < due; sent++) {
      const n = offset + sent;
      const c = room.conversations[n % room.conversations.length]!;
      const toSpecialist = Math.floor(n / room.conversations.length) % 2 === 0;
      const [from, to] = toSpecialist ? [c.user, c.specialist] : [c.specialist, c.user];
      inFlight.push(
        timedMessage(arrivals, c.id, from, to, DELIVERY_TIMEOUT_MS).then((outcome) => {
          record(tally, outcome);
          if ('ms' in outcome) lastArrival = performance.now();
        }),
      );
    }
    await sleep(TICK_MS);
  }
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(inFlight);
  const summary = summarize(tally.samples);
  const errors = errorsOf(tally);
  return {
    offered: rate,
    sentPerSecond: Math.round((total / sendSeconds) * 10) / 10,
    deliveredPerSecond:
      Math.round((tally.samples.length / Math.max(sendSeconds, (lastArrival - start) / 1000)) * 10) / 10,
    ...summary,
    errors,
    errorExamples: tally.examples,
    passed: errors === 0 && summary.p99 !== null && summary.p99 <= P99_LIMIT_MS,
  };
}

export interface ThroughputResult {
  row: Row;
  steps: Step[];
}

export async function rampThroughput(
  room: Room,
  arrivals: Arrivals,
  rates: readonly number[],
  seconds: number,
): Promise<ThroughputResult> {
  const steps: Step[] = [];
  let offset = 0;
  for (const rate of rates) {
    const step = await runStep(room, arrivals, rate, seconds, offset);
    offset += Math.round(rate * seconds);
    steps.push(step);
    process.stderr.write(
      `  ${room.variant} ${rate} msg/s offered: ${step.deliveredPerSecond} delivered/s, p99 ${step.p99} ms, ${step.errors} errors\n`,
    );
    if (!step.passed) break;
    await sleep(PAUSE_MS);
  }
  // A failed step leaves a backlog (late deliveries, and for the app its triggers' writes): drain it
  // before anything else is measured.
  await settle(
    room.listening.map((l) => l.reads),
    3000,
    180_000,
  );
  const sustained = steps.filter((s) => s.passed).at(-1);
  return { row: valueRow('throughput', room.variant, room.k, 'msg/s', sustained?.deliveredPerSecond ?? 0), steps };
}
