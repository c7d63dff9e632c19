import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { timingsDir, vitestTimingsFile, type TestTiming } from './lib/test-timings.ts';

/**
 * Writes test-results/vitest-<project>.json: every test's duration and its timeout. Vitest's own
 * JSON reporter leaves the timeout out, and the headroom script needs both.
 */
export default class TimingsReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const byProject = new Map<string, TestTiming[]>();
    for (const testModule of testModules) {
      const suite = testModule.project.name || 'unit';
      const file = path.relative(process.cwd(), testModule.moduleId);
      for (const test of testModule.children.allTests()) {
        const timings = byProject.get(suite) ?? [];
        timings.push({
          suite,
          file,
          name: test.fullName,
          state: test.result().state,
          durationMs: Math.round(test.diagnostic()?.duration ?? 0),
          timeoutMs: test.options.timeout ?? 0,
        });
        byProject.set(suite, timings);
      }
    }
    mkdirSync(timingsDir, { recursive: true });
    for (const [project, tests] of byProject)
      writeFileSync(
        vitestTimingsFile(project),
        `${JSON.stringify({ writtenAt: new Date().toISOString(), tests }, null, 2)}\n`,
      );
  }
}
