import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // A wall-clock guard against a hung test only: on a loaded two-core CI machine the heavy
    // robustness files take minutes; their bounds on hangs are in CPU time.
    testTimeout: 300_000,
    // The test files share a worker's module cache: the lexicon and the parser load once per
    // worker, not once per file (import time fell from about 50 s to 8 s). No test relies on a
    // fresh module state; each builds its own analyses and lexicons.
    isolate: false,
    // Every core: vitest's default leaves one free, which on a two-core machine runs the files one
    // after another.
    maxWorkers: os.availableParallelism(),
    hookTimeout: 300_000,
  },
});
