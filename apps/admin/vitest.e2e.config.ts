import { defineConfig } from 'vitest/config';

// Real headless Chromium against the real server process; one file at a time (each starts a server).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
