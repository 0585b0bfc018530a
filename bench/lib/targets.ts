// The targets held against one run's rows. Pure.
import { cell, deliveryRatios, type Metric, type Row, type Variant } from './report';

export interface TargetCheck {
  target: string;
  measured: string;
  /** null when the run did not measure it. */
  met: boolean | null;
}

export interface TargetContext {
  /** Specialists and days of the metrics page measurement, for its N x D bound. */
  metrics: { specialists: number; days: number } | null;
}

const find = (rows: readonly Row[], metric: Metric, variant: Variant, k: number | null = null) =>
  rows.find((r) => r.metric === metric && r.variant === variant && r.k === k);

/** The targets against this run's rows. */
export function targetChecks(rows: readonly Row[], context: TargetContext): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const ratios = deliveryRatios(rows);
  const at = ratios.find((r) => r.k === 50) ?? ratios.at(-1);
  checks.push({
    target: `delivery app / same-rules raw at K = ${at?.k ?? 50}: p50 <= 1.15, p99 <= 1.5${at && at.k !== 50 ? ' (K = 50 not measured)' : ''}`,
    measured: at ? `p50 ${cell(at.p50)}, p99 ${cell(at.p99)}` : 'not measured',
    met: at && at.p50 !== null && at.p99 !== null ? at.p50 <= 1.15 && at.p99 <= 1.5 : null,
  });
  const routing = find(rows, 'routing_latency', 'app');
  checks.push({
    target: 'routing p50 <= 300 ms (warm)',
    measured: routing ? `${cell(routing.p50)} ms` : 'not measured',
    met: routing?.p50 == null ? null : routing.p50 <= 300,
  });
  const readRows = rows.filter((r) => r.metric === 'reads_per_message');
  const worst = readRows.reduce<Row | undefined>(
    (w, r) => (w === undefined || (r.p50 ?? 0) > (w.p50 ?? 0) ? r : w),
    undefined,
  );
  checks.push({
    target: 'about 1 read per delivered message per listening participant (p50 <= 1.2)',
    measured: readRows.length
      ? readRows.map((r) => `${r.variant} K=${r.k}: ${cell(r.p50)}`).join('; ')
      : 'not measured',
    met: worst?.p50 == null ? null : worst.p50 <= 1.2,
  });
  const metrics = find(rows, 'metrics_page_reads', 'admin');
  const m = context.metrics;
  // Buckets are N x D; each specialist also costs a presence and a load read, plus the two lists.
  const bound = m ? m.specialists * m.days + 3 * m.specialists + 2 : null;
  checks.push({
    target: m
      ? `metrics page reads bounded by N x D (N = ${m.specialists}, D = ${m.days}: ${m.specialists * m.days} buckets + ${3 * m.specialists + 2} per-specialist and list reads = ${bound})`
      : 'metrics page reads bounded by N x D',
    measured: metrics ? `${cell(metrics.p50)} reads` : 'not measured',
    met: metrics?.p50 == null || bound === null ? null : metrics.p50 <= bound,
  });
  const consoleLoad = find(rows, 'console_load_reads', 'specialist');
  checks.push({
    target: 'specialist console over 10,000 old messages: at most a few hundred reads (<= 300)',
    measured: consoleLoad ? `${cell(consoleLoad.p50)} reads` : 'not measured',
    met: consoleLoad?.p50 == null ? null : consoleLoad.p50 <= 300,
  });
  const wait = find(rows, 'burst_served_wait', 'app', 300);
  const filled = find(rows, 'burst_slots_filled', 'app', 300);
  checks.push({
    target: 'burst of 300 arrivals in 1 s, 20 specialists x 3: every free slot filled within 3 s of the last arrival',
    measured: filled ? `${cell(filled.p50)} ms` : 'not measured',
    met: filled ? filled.p50 !== null && filled.p50 <= 3000 : null,
  });
  checks.push({
    target: 'same burst: p95 arrival to assignment of served users <= 2 s',
    measured: wait ? `p50 ${cell(wait.p50)} ms, p95 ${cell(wait.p95)} ms` : 'not measured',
    met: wait?.p95 == null ? null : wait.p95 <= 2000,
  });
  const bundle = find(rows, 'bundle_gzip', 'user');
  checks.push({
    target: 'user chat page <= 200 KB JavaScript gzip (204,800 bytes)',
    measured: bundle?.p50 == null ? 'not measured' : `${Math.round(bundle.p50 / 1024)} KB (${bundle.p50} bytes)`,
    met: bundle?.p50 == null ? null : bundle.p50 <= 200 * 1024,
  });
  return checks;
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  const lines = ['| target | measured | met |', '|---|---|---|'];
  for (const c of checks)
    lines.push(`| ${c.target} | ${c.measured} | ${c.met === null ? '–' : c.met ? 'yes' : 'no'} |`);
  return lines.join('\n');
}
