import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // e2e tests share one Chromium; files run in parallel workers otherwise.
    fileParallelism: true,
    pool: 'forks',
  },
});
