import { defineConfig } from 'vitest/config';

// Fault and fuzz tests (SIGKILL crashes, damaged databases, hostile and huge imports, corrupted
// packs, random payloads on every channel) take minutes between them: they are a project of their
// own, so `npm run test:unit` stays quick while `npm test` still runs both.
const faultTests = [
  'test/unit/crash.test.ts',
  'test/unit/storage-faults.test.ts',
  'test/unit/data-import-merge.test.ts',
  'test/unit/data-import-hostile.test.ts',
  'test/unit/pack-validate-fuzz.test.ts',
  'test/unit/ipc-boundary.test.ts',
  'test/unit/preview-body-limit.test.ts',
  'test/unit/clock-back-fuzz.test.ts',
  'test/unit/single-instance.test.ts',
  'test/unit/hostile-packs.test.ts',
  'test/unit/storage-errors.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    globalSetup: ['test/unit/global-setup.ts'],
    setupFiles: ['test/unit/setup.ts'],
    // The timings reporter feeds `npm run test:headroom`.
    reporters: ['default', './scripts/vitest-timings-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: faultTests },
      },
      { extends: true, test: { name: 'faults', include: faultTests, testTimeout: 120_000 } },
    ],
  },
});
