import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // A wall-clock guard against a hung test only: on a loaded two-core CI machine the heavy
    // robustness files take minutes; their bounds on hangs are in CPU time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
