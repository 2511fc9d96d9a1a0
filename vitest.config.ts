import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing running; `integration` gets real Temporal servers and a
// DynamoDB-compatible store from the global setup (test/harness/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/domain/**/*.test.ts', 'test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/workflows/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/api/**/*.test.ts', 'test/activities/**/*.test.ts', 'test/faults/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // One time-skipping environment per file; files run in parallel, tests in a file serially.
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
