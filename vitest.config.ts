import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Generous: these guard against hangs, not speed (a loaded 2-core machine runs Chromium and CLI processes side by side).
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Each file in its own process: better-sqlite3's native module and spawned Chromium/CLI children stay isolated.
    pool: 'forks',
  },
});
