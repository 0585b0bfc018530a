// Recomputes every specialist's statistics from the conversations and ratings
// (functions/src/metrics/backfill.ts): for data from before the aggregating
// functions existed, or to repair. `--check` only reports disagreements.
//   emulators: node scripts/emulators.mjs emulators:exec --no-hosting "npx tsx scripts/backfill-stats.ts --check"
//   real:      GOOGLE_APPLICATION_CREDENTIALS=key.json npx tsx scripts/backfill-stats.ts --project my-helpdesk
import { pathToFileURL } from 'node:url';
import { applicationDefault, deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { backfillStats, type BackfillReport } from '../functions/src/metrics/backfill.io';
import { BACKFILL_USAGE, backfillTarget, parseBackfillArgs } from '../functions/src/metrics/backfillGuard';

function describe(report: BackfillReport, checkOnly: boolean): string {
  const lines = [
    `Read ${report.conversations} conversations and ${report.ratings} ratings; ${report.specialists} specialists.`,
    `${report.differences.length} statistics documents disagreed with the recompute${report.differences.length ? ':' : '.'}`,
    ...report.differences.slice(0, 50).map((d) => `  ${d.path}: ${d.fields.join(', ') || 'exists on one side only'}`),
  ];
  if (report.differences.length > 50) lines.push(`  … and ${report.differences.length - 50} more`);
  lines.push(
    checkOnly ? 'Check only: nothing written.' : `Wrote ${report.written} documents, deleted ${report.deleted}.`,
  );
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = parseBackfillArgs(argv);
  if (args.help) {
    console.log(BACKFILL_USAGE);
    return 0;
  }
  const target = backfillTarget(args, process.env);
  const app = initializeApp(
    target.emulatorHost
      ? { projectId: target.projectId }
      : { projectId: target.projectId, credential: applicationDefault() },
    `backfill-stats-${Date.now()}`,
  );
  try {
    console.log(
      `Backfilling ${target.projectId} (${target.emulatorHost ? `emulator ${target.emulatorHost}` : 'real project'})…`,
    );
    const report = await backfillStats(getFirestore(app), {
      checkOnly: args.checkOnly,
      ...(args.specialistIds.length ? { specialistIds: args.specialistIds } : {}),
    });
    console.log(describe(report, args.checkOnly));
    return args.checkOnly && report.differences.length > 0 ? 3 : 0;
  } finally {
    await deleteApp(app);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
