// Where the app's extra delivery latency comes from, measured on the same rooms
// right after the main rounds: first with the app's background triggers paused
// (what goes away is any function work a message causes, and its CPU; with no
// per-message trigger this is a control), then also with open rules loaded into
// the app's project (what goes away is rules evaluation). What remains beside
// raw is the app's extra listeners and auth. The app's rules and triggers are
// put back however the rounds end.
import { APP_PROJECT, appRules, loadRules, OPEN_RULES, setBackgroundTriggers } from '../lib/emulators';
import type { Arrivals } from '../lib/listeners';
import { emptyTally, errorsOf } from '../lib/messaging';
import type { Room } from '../lib/rooms';
import { ratio, summarize } from '../lib/stats';
import { halfRound } from './delivery';

async function rounds(app: Room, raw: Room, arrivals: Arrivals, count: number, windowMs: number) {
  const tallies: Record<Room['variant'], ReturnType<typeof emptyTally>> = {
    app: emptyTally(),
    raw: emptyTally(),
    authed: emptyTally(),
  };
  const sent = new Map<string, number>();
  for (let round = 0; round < count; round++) {
    for (const room of round % 2 === 0 ? [app, raw] : [raw, app]) {
      for (const direction of ['toSpecialist', 'toUser'] as const) {
        await halfRound(room, arrivals, direction, windowMs, tallies[room.variant], sent);
      }
    }
  }
  const a = summarize(tallies.app.samples);
  const r = summarize(tallies.raw.samples);
  return {
    app: { ...a, errors: errorsOf(tallies.app) },
    raw: { ...r, errors: errorsOf(tallies.raw) },
    ratio: { p50: ratio(a.p50, r.p50), p99: ratio(a.p99, r.p99) },
  };
}

export async function decomposeGap(app: Room, raw: Room, arrivals: Arrivals, count: number, windowMs: number) {
  await setBackgroundTriggers(false);
  try {
    const withoutTriggers = await rounds(app, raw, arrivals, count, windowMs);
    await loadRules(APP_PROJECT, OPEN_RULES);
    try {
      const withoutTriggersOrRules = await rounds(app, raw, arrivals, count, windowMs);
      return { rounds: count, withoutTriggers, withoutTriggersOrRules };
    } finally {
      await loadRules(APP_PROJECT, appRules());
    }
  } finally {
    await setBackgroundTriggers(true);
  }
}
