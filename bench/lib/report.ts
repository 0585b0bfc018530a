// The result file's shape (issue 6) and its markdown table. Pure.
import { ratio, type Summary } from './stats';

export const METRICS = [
  'delivery_latency',
  'routing_latency',
  'transfer_latency',
  'offline_case_latency',
  'rating_stats_latency',
  'throughput',
  'reads_per_message',
  'metrics_page_reads',
  'console_load_reads',
  'bundle_gzip',
  'burst_served_wait',
  'burst_slots_filled',
  'router_alone_filled',
  'router_alone_placed',
] as const;
export type Metric = (typeof METRICS)[number];
export type Variant = 'app' | 'raw' | 'authed' | 'user' | 'specialist' | 'admin';
export type Unit = 'ms' | 'msg/s' | 'reads' | 'bytes';

export interface Row extends Summary {
  metric: Metric;
  variant: Variant;
  k: number | null;
  unit: Unit;
}

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  java: string;
  platform: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews every number. */
  loadAverage: { start: number; end: number };
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: Machine;
  rows: Row[];
  /** Everything behind the rows: per-direction latencies, errors, read breakdowns, ramps. */
  details: Record<string, unknown>;
}

export const seriesRow = (metric: Metric, variant: Variant, k: number | null, unit: Unit, summary: Summary): Row => ({
  metric,
  variant,
  k,
  unit,
  ...summary,
});

/** A single value goes in p50 with n = 1. */
export const valueRow = (metric: Metric, variant: Variant, k: number | null, unit: Unit, value: number): Row => ({
  metric,
  variant,
  k,
  unit,
  p50: value,
  p95: null,
  p99: null,
  n: 1,
});

export const cell = (value: number | null) => (value === null ? '–' : String(value));

export function rowsTable(rows: readonly Row[]): string {
  const lines = ['| metric | variant | k | unit | p50 | p95 | p99 | n |', '|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(
      `| ${r.metric} | ${r.variant} | ${r.k ?? '–'} | ${r.unit} | ${cell(r.p50)} | ${cell(r.p95)} | ${cell(r.p99)} | ${r.n} |`,
    );
  }
  return lines.join('\n');
}

export interface DeliveryRatio {
  k: number;
  /** App over the same-authorization baseline ('authed'): the app's own overhead. */
  p50: number | null;
  p99: number | null;
  /** App over open rules ('raw'), for information. */
  openP50: number | null;
  openP99: number | null;
}

/** App over the baselines' delivery latency per K, from rows of the same run only. */
export function deliveryRatios(rows: readonly Row[]): DeliveryRatio[] {
  const of = (variant: Variant, k: number | null) =>
    rows.find((r) => r.metric === 'delivery_latency' && r.variant === variant && r.k === k);
  const ks = [...new Set(rows.filter((r) => r.metric === 'delivery_latency').map((r) => r.k))].filter(
    (k): k is number => k !== null,
  );
  return ks
    .sort((a, b) => a - b)
    .map((k) => {
      const app = of('app', k);
      const raw = of('raw', k);
      const authed = of('authed', k);
      return {
        k,
        p50: ratio(app?.p50 ?? null, authed?.p50 ?? null),
        p99: ratio(app?.p99 ?? null, authed?.p99 ?? null),
        openP50: ratio(app?.p50 ?? null, raw?.p50 ?? null),
        openP99: ratio(app?.p99 ?? null, raw?.p99 ?? null),
      };
    });
}

export function ratiosTable(ratios: readonly DeliveryRatio[]): string {
  const lines = [
    '| k | app/same-rules p50 | app/same-rules p99 | app/open p50 | app/open p99 |',
    '|---|---|---|---|---|',
  ];
  for (const r of ratios)
    lines.push(`| ${r.k} | ${cell(r.p50)} | ${cell(r.p99)} | ${cell(r.openP50)} | ${cell(r.openP99)} |`);
  return lines.join('\n');
}
