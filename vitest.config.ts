import { defineConfig } from 'vitest/config';

// CI sets CONVKIT_VITEST_JSON to a file path: vitest then also writes its own counts there, and .ci/run prints
// the closing "N passed, N failed" line from them — so CI runs README's `npm test` exactly as written.
const jsonReport = process.env['CONVKIT_VITEST_JSON'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Both cores: vitest's default leaves one idle on a 2-core CI machine, and the suite is mostly CPU-bound
    // child processes and property runs.
    maxWorkers: 2,
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
