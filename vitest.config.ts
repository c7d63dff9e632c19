import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    globalSetup: ['test/unit/global-setup.ts'],
    setupFiles: ['test/unit/setup.ts'],
  },
});
