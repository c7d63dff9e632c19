import { cpus, totalmem } from 'node:os';

export interface Metric {
  readonly value: number;
  readonly unit: string;
  /** Human-readable target, e.g. "<= 1.5"; absent when the figure is reported without a target. */
  readonly target?: string;
  readonly pass?: boolean;
  readonly note?: string;
}

export type Results = Record<string, Metric>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function atMost(value: number, limit: number, unit: string, note?: string): Metric {
  return {
    value: round(value),
    unit,
    target: `<= ${limit}`,
    pass: value <= limit,
    ...(note ? { note } : {}),
  };
}

export function atLeast(value: number, limit: number, unit: string, note?: string): Metric {
  return {
    value: round(value),
    unit,
    target: `>= ${limit}`,
    pass: value >= limit,
    ...(note ? { note } : {}),
  };
}

export function report(value: number, unit: string, note?: string): Metric {
  return { value: round(value), unit, ...(note ? { note } : {}) };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}`;
}

/** Runs fn `runs` times (after `warmup` unmeasured runs) and returns each duration in ms. */
export async function timeRuns(runs: number, fn: () => unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}
