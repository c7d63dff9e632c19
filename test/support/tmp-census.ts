import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Counts the project's entries in the temporary folder before and after a run (the unit tests, the
 * end-to-end tests, the benchmark) and names any this run left behind. Every temporary folder the
 * tests and benchmarks make is named `pathwise-<kind>-<run tag>-…`; the run tag, shared with the
 * run's workers and child processes through the environment, tells this run's entries apart from
 * those of other runs on the same machine at the same time.
 */

const entryPrefix = 'pathwise-';
const runTagVariable = 'PATHWISE_TMP_RUN';

/** The current run's tag, if a census started one (in this process or a parent). */
export function currentRunTag(): string | undefined {
  return process.env[runTagVariable] || undefined;
}

/** The name prefix for a temporary folder of this kind, carrying the run tag when there is one. */
export function tempPrefix(kind: string): string {
  const tag = currentRunTag();
  return `${entryPrefix}${kind}-${tag ? `${tag}-` : ''}`;
}

export interface Census {
  readonly folder: string;
  readonly tag: string;
  readonly before: ReadonlySet<string>;
}

export interface CensusResult {
  readonly folder: string;
  readonly before: number;
  readonly after: number;
  /** Entries this run made and left behind: the check fails on these. */
  readonly leftovers: readonly string[];
  /** New entries without this run's tag: another process on the machine made them. */
  readonly others: readonly string[];
}

export function projectEntries(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.startsWith(entryPrefix))
    .sort();
}

/** Snapshots the folder and gives this run its tag (kept when an outer run already set one). */
export function startCensus(folder = tmpdir()): Census {
  const tag = currentRunTag() ?? `run${randomBytes(4).toString('hex')}`;
  process.env[runTagVariable] = tag;
  return { folder, tag, before: new Set(projectEntries(folder)) };
}

export function finishCensus(census: Census): CensusResult {
  const after = projectEntries(census.folder);
  const added = after.filter((name) => !census.before.has(name));
  const ours = (name: string) => name.includes(`-${census.tag}-`);
  return {
    folder: census.folder,
    before: census.before.size,
    after: after.length,
    leftovers: added.filter(ours),
    others: added.filter((name) => !ours(name)),
  };
}

export function censusSummary(label: string, result: CensusResult): string {
  const lines = [
    `${label}: pathwise-* entries in ${result.folder}: ${result.before} before, ${result.after} after; ${entries(result.leftovers.length)} left behind by this run.`,
  ];
  if (result.others.length > 0)
    lines.push(
      `  (${entries(result.others.length, 'new ')} without this run's tag, made by another process: ${result.others.slice(0, 5).join(', ')}${result.others.length > 5 ? ', …' : ''})`,
    );
  return lines.join('\n');
}

const entries = (count: number, adjective = '') =>
  `${count} ${adjective}${count === 1 ? 'entry' : 'entries'}`;

/** Throws, naming every entry, when the run left anything behind. */
export function assertNothingLeftBehind(label: string, result: CensusResult): void {
  if (result.leftovers.length === 0) return;
  throw new Error(
    `${label} left ${entries(result.leftovers.length)} in ${result.folder} (each test, fixture and benchmark must remove what it makes, also on failure):\n${result.leftovers.map((name) => `  ${name}`).join('\n')}`,
  );
}

/** Starts a census; the returned function finishes it, prints the counts and throws on leftovers. */
export function runCensus(label: string, folder = tmpdir()): () => void {
  const census = startCensus(folder);
  return () => {
    const result = finishCensus(census);
    console.log(censusSummary(label, result));
    assertNothingLeftBehind(label, result);
  };
}
