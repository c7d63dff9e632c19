import path from 'node:path';

/** One test's run time against its limit, as the headroom script reads it from test-results/. */
export interface TestTiming {
  /** Which run it came from: a vitest project (unit, faults) or a Playwright project. */
  readonly suite: string;
  readonly file: string;
  readonly name: string;
  /** passed, failed or skipped (vitest may also say pending). */
  readonly state: string;
  readonly durationMs: number;
  readonly timeoutMs: number;
}

/** What the vitest timings reporter writes, one file per vitest project. */
export interface TimingFile {
  readonly writtenAt: string;
  readonly tests: readonly TestTiming[];
}

export const timingsDir = 'test-results';
export const vitestTimingsFile = (project: string) => `${timingsDir}/vitest-${project}.json`;
export const playwrightReportFile = `${timingsDir}/playwright.json`;

/** The part of Playwright's JSON report that the headroom script reads. */
export interface PlaywrightReport {
  readonly config: { readonly rootDir: string };
  readonly suites: readonly PlaywrightSuite[];
}
interface PlaywrightSuite {
  readonly title: string;
  readonly file: string;
  readonly specs: readonly {
    readonly title: string;
    readonly file: string;
    readonly tests: readonly {
      readonly projectName: string;
      readonly timeout: number;
      readonly status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
      readonly results: readonly { readonly duration: number }[];
    }[];
  }[];
  readonly suites?: readonly PlaywrightSuite[];
}

const playwrightState = { expected: 'passed', flaky: 'passed', unexpected: 'failed' } as const;

/** Every test of a Playwright JSON report, with the duration of its last attempt. */
export function playwrightTimings(report: PlaywrightReport): TestTiming[] {
  const walk = (suite: PlaywrightSuite, titles: readonly string[]): TestTiming[] => {
    // The top suite of a file is titled with the file's name; describe() blocks add their titles.
    const inner = suite.title === suite.file ? titles : [...titles, suite.title];
    const own = suite.specs.flatMap((spec) =>
      spec.tests.map((test) => ({
        suite: test.projectName,
        file: path.relative(process.cwd(), path.join(report.config.rootDir, spec.file)),
        name: [...inner, spec.title].join(' > '),
        state: test.status === 'skipped' ? 'skipped' : playwrightState[test.status],
        durationMs: test.results.at(-1)?.duration ?? 0,
        timeoutMs: test.timeout,
      })),
    );
    return [...own, ...(suite.suites ?? []).flatMap((child) => walk(child, inner))];
  };
  return report.suites.flatMap((suite) => walk(suite, []));
}
