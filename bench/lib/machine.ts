// What the numbers were measured on: compare runs by machine, and read a
// run's load average before trusting it (other work shares the cores).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { Machine } from './report';

/** `java -version` prints to stderr. */
function javaVersion(): string {
  try {
    const out = execFileSync('sh', ['-c', 'java -version 2>&1'], { encoding: 'utf8', timeout: 10_000 });
    return /version "([^"]+)"/.exec(out)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const load = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

export function machineAtStart(): Machine {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    java: javaVersion(),
    platform: `${type()} ${release()}`,
    loadAverage: { start: load(), end: load() },
  };
}

export const finish = (machine: Machine): Machine => ({
  ...machine,
  loadAverage: { ...machine.loadAverage, end: load() },
});
