// Where scripts/backfill-stats.ts may write, decided before any SDK starts.
// The backfill overwrites every statistics document, so a real project must be
// named explicitly, with credentials; a demo- project only exists in the emulators.
export const BACKFILL_USAGE = [
  'Usage: npx tsx scripts/backfill-stats.ts [--check] [--specialist <uid>]... [--project <id>]',
  '  --check         compare stored statistics with a recompute, write nothing',
  '  --specialist    rewrite only this specialist (repeatable); default: everyone',
  '  --project       the Firebase project; required for a real (non demo-) project,',
  '                  with GOOGLE_APPLICATION_CREDENTIALS set',
  'Against the emulators (FIRESTORE_EMULATOR_HOST set) the default project is demo-helpdesk.',
].join('\n');

export interface BackfillArgs {
  projectId: string | null;
  specialistIds: string[];
  checkOnly: boolean;
  help: boolean;
}

export function parseBackfillArgs(argv: readonly string[]): BackfillArgs {
  const args: BackfillArgs = { projectId: null, specialistIds: [], checkOnly: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (!next || next.startsWith('--')) throw new Error(`${arg} needs a value.\n${BACKFILL_USAGE}`);
      return next;
    };
    if (arg === '--check') args.checkOnly = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--project') args.projectId = value();
    else if (arg === '--specialist') args.specialistIds.push(value());
    else throw new Error(`Unknown argument ${JSON.stringify(arg)}.\n${BACKFILL_USAGE}`);
  }
  return args;
}

export interface BackfillTarget {
  projectId: string;
  /** host:port of the Firestore emulator, or null for the real project. */
  emulatorHost: string | null;
}

export function backfillTarget(
  args: Pick<BackfillArgs, 'projectId'>,
  env: Record<string, string | undefined>,
): BackfillTarget {
  const projectId = args.projectId ?? env.GCLOUD_PROJECT ?? env.GOOGLE_CLOUD_PROJECT ?? 'demo-helpdesk';
  const emulatorHost = env.FIRESTORE_EMULATOR_HOST || null;
  if (projectId.startsWith('demo-')) {
    if (!emulatorHost) {
      throw new Error(
        `Refusing to backfill ${projectId}: a demo- project lives in the emulators, and FIRESTORE_EMULATOR_HOST is not set. ` +
          'Run it inside them: node scripts/emulators.mjs emulators:exec --no-hosting "npx tsx scripts/backfill-stats.ts"',
      );
    }
    return { projectId, emulatorHost };
  }
  if (args.projectId === null) {
    throw new Error(
      `Refusing to rewrite the statistics of ${projectId} because it came from the environment: name it with --project ${projectId}.`,
    );
  }
  if (!env.GOOGLE_APPLICATION_CREDENTIALS) {
    throw new Error(
      `Refusing to backfill ${projectId}: set GOOGLE_APPLICATION_CREDENTIALS to a service account key of that project.`,
    );
  }
  return { projectId, emulatorHost };
}
