import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests, and end-to-end tests that share one real build of the sample
// archive (ingest → astro build → pagefind), made once by the global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // One build, one browser: files run one after another on a two-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
