// How big a run is: `--quick` for a smoke run, `--k 1,10` to choose the
// concurrency levels, `--only delivery,flows` to run some sections. Pure.

/** In run order: the burst and throughput last, as they drive the emulator past saturation. */
export const SECTIONS = ['bundles', 'flows', 'cost', 'delivery', 'burst', 'throughput'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Profile {
  quick: boolean;
  sections: Section[];
  /** Concurrent conversations for delivery latency; the largest also carries the throughput ramp. */
  ks: number[];
  /** Messages per direction and variant aimed at per K; rounds = samples / K within the bounds. */
  samplesPerDirection: number;
  minRounds: number;
  maxRounds: number;
  /** Conversations per Level 1 specialist in the delivery rooms (a specialist serves several at once). */
  conversationsPerSpecialist: number;
  routingRuns: number;
  transferRuns: number;
  offlineRuns: number;
  ratingRuns: number;
  /** Offered total rates of the ramp, msg/s, each held for stepSeconds. */
  throughputRates: number[];
  stepSeconds: number;
  /** Old messages behind the specialist console load. */
  historyMessages: number;
  metricsSpecialists: number;
  metricsDays: number;
  /** Messages each way in the measured conversation lifecycle. */
  lifecycleMessages: number;
  /** Monday-morning bursts: this many users start chats within one second, this many specialists on duty. */
  bursts: Array<{ arrivals: number; specialists: number }>;
}

const FULL: Omit<Profile, 'sections'> = {
  quick: false,
  ks: [1, 10, 50, 100],
  samplesPerDirection: 200,
  minRounds: 5,
  maxRounds: 40,
  conversationsPerSpecialist: 5,
  routingRuns: 20,
  transferRuns: 10,
  offlineRuns: 10,
  ratingRuns: 10,
  throughputRates: [10, 20, 40, 80, 160, 320],
  stepSeconds: 10,
  historyMessages: 10_000,
  metricsSpecialists: 20,
  metricsDays: 30,
  lifecycleMessages: 10,
  bursts: [
    { arrivals: 300, specialists: 20 },
    { arrivals: 1000, specialists: 50 },
  ],
};

const QUICK: Omit<Profile, 'sections'> = {
  ...FULL,
  quick: true,
  ks: [1, 10],
  samplesPerDirection: 40,
  minRounds: 3,
  maxRounds: 10,
  routingRuns: 5,
  transferRuns: 3,
  offlineRuns: 3,
  ratingRuns: 3,
  throughputRates: [10, 20, 40, 80],
  stepSeconds: 4,
  metricsSpecialists: 10,
  metricsDays: 30,
  lifecycleMessages: 5,
  bursts: [{ arrivals: 100, specialists: 10 }],
};

const MAX_K = 500;

function listAfter(flag: string, args: readonly string[]): string[] | null {
  const inline = args.find((a) => a.startsWith(`${flag}=`));
  const index = args.indexOf(flag);
  const value = inline ? inline.slice(flag.length + 1) : index >= 0 ? args[index + 1] : undefined;
  if (inline === undefined && index < 0) return null;
  if (!value || value.startsWith('--')) throw new Error(`${flag} needs a comma-separated list`);
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

export function parseProfile(args: readonly string[]): Profile {
  const known = new Set(['--quick', '--k', '--only', '--bursts']);
  for (const arg of args) {
    if (arg.startsWith('--') && !known.has(arg.split('=')[0] ?? arg)) throw new Error(`Unknown option ${arg}`);
  }
  const base = args.includes('--quick') ? QUICK : FULL;
  const ks = listAfter('--k', args)?.map((v) => {
    const k = Number(v);
    if (!Number.isInteger(k) || k < 1 || k > MAX_K)
      throw new Error(`--k takes whole numbers from 1 to ${MAX_K}, not ${v}`);
    return k;
  });
  const only = listAfter('--only', args);
  for (const s of only ?? []) {
    if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only takes ${SECTIONS.join(', ')}; not ${s}`);
  }
  const bursts = listAfter('--bursts', args)?.map((v) => {
    const [arrivals, specialists] = v.split('x').map(Number);
    if (!Number.isInteger(arrivals) || !Number.isInteger(specialists) || !arrivals || !specialists)
      throw new Error(`--bursts takes arrivals x specialists, e.g. 300x20; not ${v}`);
    return { arrivals: arrivals!, specialists: specialists! };
  });
  return {
    ...base,
    bursts: bursts ?? base.bursts,
    ks: ks ? [...new Set(ks)].sort((a, b) => a - b) : base.ks,
    sections: only ? SECTIONS.filter((s) => only.includes(s)) : [...SECTIONS],
  };
}

/** Rounds per K: enough for the sample target, within the bounds. */
export function roundsFor(profile: Profile, k: number): number {
  return Math.min(profile.maxRounds, Math.max(profile.minRounds, Math.ceil(profile.samplesPerDirection / k)));
}

/**
 * The window over which one half-round's K messages are spread, so the offered
 * rate stays near 25 msg/s per direction whatever K: concurrent conversations,
 * not a synchronised burst.
 */
export function sendWindowMs(k: number): number {
  return Math.max(50, Math.round((k / 25) * 1000));
}
