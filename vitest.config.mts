// Unit and integration tests (real processes); the e2e tests drive Chromium against browser mode.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Real processes and a real browser on 2 shared cores: keep files from starving each other.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
