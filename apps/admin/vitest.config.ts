import { defineConfig } from 'vitest/config';

// Unit tests of pure helpers and the API client; the browser tests live in e2e/ (vitest.e2e.config.ts).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], environment: 'node' },
});
