// The run as markdown: the rows, the app/raw ratios and the targets. Pure.
import { deliveryRatios, ratiosTable, rowsTable, type BenchResult } from './report';
import { targetChecks, targetsTable, type TargetContext } from './targets';

export function markdownReport(
  result: BenchResult,
  notes: readonly string[],
  context: TargetContext = { metrics: null },
): string {
  const m = result.machine;
  const gib = (m.memoryBytes / 2 ** 30).toFixed(1);
  return [
    `# Benchmark ${result.startedAt}`,
    '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${gib} GiB, Node ${m.node}, Java ${m.java}, ${m.platform}; ` +
      `load average ${m.loadAverage.start} at start, ${m.loadAverage.end} at end.`,
    `Command: \`${result.command}\``,
    '',
    rowsTable(result.rows),
    '',
    'Delivery latency, app / raw (same run):',
    '',
    ratiosTable(deliveryRatios(result.rows)),
    '',
    'Targets (issue 6):',
    '',
    targetsTable(targetChecks(result.rows, context)),
    ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}
