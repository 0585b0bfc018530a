// `npm run bench` runs this inside `firebase emulators:exec` (scripts/bench.mjs):
// seeds its own data, drives real client SDK instances under the real rules and
// functions, and writes bench/results/<date>.json and .md. Everything is
// bounded: each wait has a deadline and the process exits when done.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setLogLevel } from 'firebase/app';
import { adminFor, closeAdmin } from './lib/clients';
import {
  APP_PROJECT,
  AUTHED_PROJECT,
  AUTHED_RULES,
  loadRules,
  OPEN_RULES,
  RAW_PROJECT,
  requireEmulators,
  ROOT,
} from './lib/emulators';
import { Arrivals } from './lib/listeners';
import { finish, machineAtStart } from './lib/machine';
import { parseProfile, roundsFor, sendWindowMs, type Section } from './lib/profile';
import { markdownReport } from './lib/markdown';
import { deliveryRatios, seriesRow, valueRow, type BenchResult, type Row } from './lib/report';
import { targetChecks, type TargetContext } from './lib/targets';
import { buildAppRoom, buildRawRoom, type Room } from './lib/rooms';
import { enableChat } from './lib/seed';
import { measureBundles } from './scenarios/bundles';
import { measureBurst } from './scenarios/burst';
import { measureRouterAlone } from './scenarios/routerAlone';
import { measureDelivery } from './scenarios/delivery';
import { decomposeGap } from './scenarios/gap';
import { measureFlows } from './scenarios/flows';
import { measureLifecycle } from './scenarios/lifecycle';
import { measureSeededReads } from './scenarios/seededReads';
import { P99_LIMIT_MS, rampThroughput } from './scenarios/throughput';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main() {
  const args = process.argv.slice(2);
  const profile = parseProfile(args);
  requireEmulators();
  setLogLevel('error');
  const startedAt = new Date();
  const machine = machineAtStart();
  const rows: Row[] = [];
  const details: Record<string, unknown> = { profile };
  const notes: string[] = [];
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  /** The bench's own event-loop delay per section: high values mean the client side, not Firestore, was the bottleneck. */
  const loopDelay: Record<string, { p50: number; p99: number; max: number }> = {};
  const section = async (name: Section | string, work: () => Promise<void>) => {
    const began = Date.now();
    log(`${name}...`);
    lag.reset();
    await work();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    loopDelay[name] = { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) };
    log(`${name} done in ${Math.round((Date.now() - began) / 1000)} s`);
  };
  const wants = (s: Section) => profile.sections.includes(s);

  if (wants('bundles')) {
    await section('bundles', async () => {
      const bundles = measureBundles();
      rows.push(...bundles.rows);
      details.bundles = bundles.details;
    });
  }

  const admin = adminFor(APP_PROJECT);
  await enableChat(admin);
  await loadRules(RAW_PROJECT, OPEN_RULES);
  await loadRules(AUTHED_PROJECT, AUTHED_RULES);
  const arrivals = new Arrivals();

  if (wants('flows')) {
    await section('flows', async () => {
      const flows = await measureFlows(admin, arrivals, profile);
      rows.push(...flows.rows);
      details.flows = flows.details;
    });
  }

  // Before the rooms: the lifecycle's costs are read on a calm emulator, not behind a trigger backlog.
  if (wants('cost')) {
    await section('cost', async () => {
      const seeded = await measureSeededReads(profile.historyMessages, profile.metricsSpecialists, profile.metricsDays);
      rows.push(...seeded.rows);
      details.seededReads = seeded.details;
      details.lifecycle = await measureLifecycle(admin, arrivals, profile.lifecycleMessages);
    });
  }
  const throughputK = Math.max(...profile.ks);
  /** The target's K (50) when measured, else the largest: where the app/raw gap is taken apart. */
  const diagnosticK = profile.ks.includes(50) ? 50 : throughputK;
  let kept: { app: Room; raw: Room } | null = null;
  if (wants('delivery') || wants('throughput')) {
    const ks = wants('delivery') ? profile.ks : [throughputK];
    const delivery: Record<string, unknown> = {};
    for (const k of ks) {
      await section(`rooms k=${k}`, async () => {
        const app = await buildAppRoom(admin, arrivals, k, profile.conversationsPerSpecialist);
        const raw = await buildRawRoom(arrivals, k, profile.conversationsPerSpecialist);
        const authed = wants('delivery')
          ? await buildRawRoom(arrivals, k, profile.conversationsPerSpecialist, 'authed')
          : null;
        if (wants('delivery') && authed) {
          const measured = await measureDelivery(app, raw, authed, arrivals, roundsFor(profile, k), sendWindowMs(k));
          rows.push(...measured.rows);
          delivery[`k${k}`] = measured.details;
          if (k === diagnosticK) {
            const rounds = Math.max(profile.minRounds, Math.ceil(roundsFor(profile, k) / 2));
            measured.details.gap = await decomposeGap(app, raw, arrivals, rounds, sendWindowMs(k));
          }
        }
        await authed?.dispose();
        if (k === throughputK && wants('throughput')) kept = { app, raw };
        else await Promise.all([app.dispose(), raw.dispose()]);
      });
    }
    if (wants('delivery')) details.delivery = delivery;
  }

  if (wants('burst')) {
    const bursts: Record<string, unknown> = {};
    for (const size of profile.bursts) {
      await section(`burst ${size.arrivals} arrivals, ${size.specialists} specialists`, async () => {
        const burst = await measureBurst(admin, size);
        bursts[`a${size.arrivals}`] = burst;
        rows.push(seriesRow('burst_served_wait', 'app', size.arrivals, 'ms', burst.servedWait));
        if (burst.slotsFilledAfterLastArrivalMs !== null)
          rows.push(valueRow('burst_slots_filled', 'app', size.arrivals, 'ms', burst.slotsFilledAfterLastArrivalMs));
        if (burst.timedOut) notes.push(`burst ${size.arrivals}: not settled within 180 s.`);
        log(`burst ${size.arrivals}: ${JSON.stringify(burst)}`);
      });
      await section(`router alone, ${size.arrivals} waiting, ${size.specialists} specialists`, async () => {
        const alone = await measureRouterAlone(admin, size);
        bursts[`alone${size.arrivals}`] = alone;
        if (alone.slotsFilledMs !== null)
          rows.push(valueRow('router_alone_filled', 'app', size.arrivals, 'ms', alone.slotsFilledMs));
        if (alone.allPlacedMs !== null)
          rows.push(valueRow('router_alone_placed', 'app', size.arrivals, 'ms', alone.allPlacedMs));
        if (alone.timedOut) notes.push(`router alone ${size.arrivals}: not done within 180 s.`);
        log(`router alone ${size.arrivals}: ${JSON.stringify(alone)}`);
      });
    }
    details.burst = bursts;
  }

  const rooms = kept as { app: Room; raw: Room } | null;
  if (rooms) {
    await section(`throughput k=${throughputK}`, async () => {
      // Raw first: the app's trigger backlog must not slow the baseline down.
      const raw = await rampThroughput(rooms.raw, arrivals, profile.throughputRates, profile.stepSeconds);
      const app = await rampThroughput(rooms.app, arrivals, profile.throughputRates, profile.stepSeconds);
      rows.push(app.row, raw.row);
      details.throughput = {
        k: throughputK,
        p99LimitMs: P99_LIMIT_MS,
        stepSeconds: profile.stepSeconds,
        app: app.steps,
        raw: raw.steps,
      };
      for (const [variant, r] of [
        ['app', app],
        ['raw', raw],
      ] as const) {
        if (r.steps.every((s) => s.passed))
          notes.push(
            `throughput ${variant}: every offered rate passed; the sustained rate is at least the value shown.`,
          );
      }
      await Promise.all([rooms.app.dispose(), rooms.raw.dispose()]);
    });
  }

  await closeAdmin(admin);
  lag.disable();
  details.benchEventLoopDelayMs = loopDelay;
  details.deliveryRatios = deliveryRatios(rows);
  const context: TargetContext = {
    metrics: wants('cost') ? { specialists: profile.metricsSpecialists, days: profile.metricsDays } : null,
  };
  details.targets = targetChecks(rows, context);

  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    machine: finish(machine),
    rows,
    details,
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stem = startedAt
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const markdown = markdownReport(result, notes, context);
  writeFileSync(join(dir, `${stem}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(dir, `${stem}.md`), markdown);
  process.stdout.write(`\n${markdown}\nWritten: bench/results/${stem}.json and .md\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
