import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: these guard against hangs, not speed (a loaded 2-core machine runs Chromium and CLI processes side by side).
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // e2e tests share one Chromium; files run in parallel workers otherwise.
    fileParallelism: true,
    pool: 'forks',
  },
});
