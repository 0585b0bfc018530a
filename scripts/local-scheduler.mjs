#!/usr/bin/env node
// Stand-in for Cloud Scheduler under `npm start`: the Functions emulator does not
// fire `onSchedule` functions (it needs a Pub/Sub emulator, and even then only on
// a manual publish). This process runs the same compiled sweep and webhook
// retry, every minute, against the emulators, so requeue, inactivity and the
// hand-off's later delivery attempts work locally as in production.
// `--once` runs one tick and exits non-zero if a job failed (the functions tests
// run it, so a renamed module cannot silently stop the local schedule again).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, PORTS, PROJECT_ID } from './lib/emulators.mjs';

const INTERVAL_MS = 60_000;
process.env.GCLOUD_PROJECT = PROJECT_ID;
process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${PORTS.firestore.port}`;
process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${PORTS.auth.port}`;

const require = createRequire(import.meta.url);
const { sweepOnce } = require(join(ROOT, 'functions', 'lib', 'conversations', 'sweepConversations.fn.js'));
const { retryDueDeliveries } = require(join(ROOT, 'functions', 'lib', 'handoff', 'retryWebhookDeliveries.fn.js'));

let running = false;
/** One sweep and one webhook retry; false when either failed. */
async function tick() {
  if (running) return true; // a slow sweep is never overlapped by the next one
  running = true;
  let ok = true;
  try {
    const report = await sweepOnce();
    const changed = report.requeued.length + report.warned.length + report.closed.length;
    if (changed) {
      console.log(
        `[scheduler] sweep: ${report.requeued.length} requeued, ${report.warned.length} warned, ${report.closed.length} closed`,
      );
    }
  } catch (error) {
    console.error(`[scheduler] sweep failed: ${error.message}`);
    ok = false;
  }
  try {
    const retried = await retryDueDeliveries();
    if (retried.delivered.length || retried.failed.length || retried.pending.length) {
      console.log(
        `[scheduler] webhooks: ${retried.delivered.length} delivered, ${retried.pending.length} to retry, ${retried.failed.length} failed`,
      );
    }
  } catch (error) {
    console.error(`[scheduler] webhook retry failed: ${error.message}`);
    ok = false;
  } finally {
    running = false;
  }
  return ok;
}

if (process.argv.includes('--once')) {
  process.exit((await tick()) ? 0 : 1);
} else {
  setInterval(tick, INTERVAL_MS);
  tick();
}
