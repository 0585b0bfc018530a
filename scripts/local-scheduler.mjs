#!/usr/bin/env node
// Stand-in for Cloud Scheduler under `npm start`: the Functions emulator does not
// fire `onSchedule` functions (it needs a Pub/Sub emulator, and even then only on
// a manual publish). This process runs the same compiled sweep and webhook
// retry, every minute, against the emulators, so requeue, inactivity and the
// hand-off's later delivery attempts work locally as in production.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, PORTS, PROJECT_ID } from './lib/emulators.mjs';

const INTERVAL_MS = 60_000;
process.env.GCLOUD_PROJECT = PROJECT_ID;
process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${PORTS.firestore.port}`;
process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${PORTS.auth.port}`;

const require = createRequire(import.meta.url);
const { sweepOnce } = require(join(ROOT, 'functions', 'lib', 'conversations', 'sweepConversations.js'));
const { retryDueDeliveries } = require(join(ROOT, 'functions', 'lib', 'handoff', 'retryWebhookDeliveries.js'));

let running = false;
async function tick() {
  if (running) return; // a slow sweep is never overlapped by the next one
  running = true;
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
  } finally {
    running = false;
  }
}

setInterval(tick, INTERVAL_MS);
tick();
