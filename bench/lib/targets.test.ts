import { describe, expect, it } from 'vitest';
import { seriesRow, valueRow } from './report';
import { targetChecks } from './targets';

describe('targetChecks', () => {
  const latency = (variant: 'app' | 'authed', k: number, p50: number, p99: number) =>
    seriesRow('delivery_latency', variant, k, 'ms', { p50, p95: p99, p99, n: 100 });
  const metFor = (rows: Parameters<typeof targetChecks>[0], prefix: string) =>
    targetChecks(rows, { metrics: { specialists: 10, days: 30 } }).find((c) => c.target.startsWith(prefix))?.met;

  it('judges delivery at K = 50 on both percentiles', () => {
    expect(metFor([latency('app', 50, 11.5, 15), latency('authed', 50, 10, 10)], 'delivery')).toBe(true);
    expect(metFor([latency('app', 50, 11.6, 15), latency('authed', 50, 10, 10)], 'delivery')).toBe(false);
    expect(metFor([latency('app', 50, 11.5, 15.1), latency('authed', 50, 10, 10)], 'delivery')).toBe(false);
  });

  it('falls back to the largest K measured and says so', () => {
    const checks = targetChecks([latency('app', 10, 10, 10), latency('authed', 10, 10, 10)], { metrics: null });
    expect(checks[0]?.target).toContain('K = 10');
    expect(checks[0]?.target).toContain('K = 50 not measured');
  });

  it('holds reads per message to the worst participant', () => {
    const reads = (variant: 'user' | 'specialist', p50: number) =>
      seriesRow('reads_per_message', variant, 10, 'reads', { p50, p95: p50, p99: p50, n: 10 });
    expect(metFor([reads('user', 1), reads('specialist', 1.1)], 'about 1 read')).toBe(true);
    expect(metFor([reads('user', 1), reads('specialist', 3)], 'about 1 read')).toBe(false);
  });

  it('bounds the metrics page by N x D buckets plus three reads per specialist and two lists', () => {
    expect(metFor([valueRow('metrics_page_reads', 'admin', null, 'reads', 332)], 'metrics page')).toBe(true);
    expect(metFor([valueRow('metrics_page_reads', 'admin', null, 'reads', 333)], 'metrics page')).toBe(false);
  });

  it('compares the user bundle with 200 KiB and leaves unmeasured targets open', () => {
    expect(metFor([valueRow('bundle_gzip', 'user', null, 'bytes', 204_800)], 'user chat page')).toBe(true);
    expect(metFor([valueRow('bundle_gzip', 'user', null, 'bytes', 204_801)], 'user chat page')).toBe(false);
    expect(metFor([], 'routing')).toBeNull();
  });
});
