import { describe, expect, it } from 'vitest';
import { deliveryRatios, rowsTable, seriesRow, valueRow } from './report';

describe('rows', () => {
  it('puts a single value in p50 with n = 1', () => {
    expect(valueRow('bundle_gzip', 'user', null, 'bytes', 1234)).toEqual({
      metric: 'bundle_gzip',
      variant: 'user',
      k: null,
      unit: 'bytes',
      p50: 1234,
      p95: null,
      p99: null,
      n: 1,
    });
  });

  it('renders one table line per row, dashes for missing values', () => {
    const table = rowsTable([valueRow('throughput', 'app', 10, 'msg/s', 40)]);
    expect(table.split('\n')[2]).toBe('| throughput | app | 10 | msg/s | 40 | – | – | 1 |');
  });
});

describe('deliveryRatios', () => {
  const latency = (variant: 'app' | 'raw' | 'authed', k: number, p50: number, p99: number) =>
    seriesRow('delivery_latency', variant, k, 'ms', { p50, p95: p99, p99, n: 100 });

  it('divides app by the same-rules baseline, and by open rules for information, at the same K, K ascending', () => {
    const rows = [
      latency('app', 50, 26, 90),
      latency('authed', 50, 20, 60),
      latency('raw', 50, 13, 45),
      latency('app', 1, 10, 20),
      latency('authed', 1, 10, 10),
      latency('raw', 1, 5, 10),
    ];
    expect(deliveryRatios(rows)).toEqual([
      { k: 1, p50: 1, p99: 2, openP50: 2, openP99: 2 },
      { k: 50, p50: 1.3, p99: 1.5, openP50: 2, openP99: 2 },
    ]);
  });

  it('leaves a ratio out when the baseline of that K is missing', () => {
    expect(deliveryRatios([latency('app', 10, 12, 30)])).toEqual([
      { k: 10, p50: null, p99: null, openP50: null, openP99: null },
    ]);
  });
});
