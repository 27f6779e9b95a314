import { defineConfig } from 'vitest/config';

// Four projects: `unit` needs nothing running; `rules`, `functions` and `e2e` run inside
// `firebase emulators:exec` (see scripts/test.mjs). Emulator suites share one emulator, so
// their files run one at a time.
export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{core,functions,widget,admin-app}/src/**/*.spec.ts',
            'tests/mail-sink/**/*.spec.ts',
            'bench/**/*.spec.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'rules',
          include: ['tests/rules/**/*.spec.ts'],
          // Saves the emulator's rule-coverage report when the rules suites are done.
          globalSetup: ['tests/rules/coverage.ts'],
          testTimeout: 20000,
          hookTimeout: 30000,
        },
      },
      {
        test: {
          name: 'functions',
          include: ['tests/functions/**/*.spec.ts'],
          testTimeout: 30000,
          hookTimeout: 60000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          testTimeout: 90000,
          hookTimeout: 90000,
        },
      },
    ],
  },
});
