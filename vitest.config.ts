import { defineConfig } from 'vitest/config';

// Three suites: pure unit tests, data-layer/API tests against PGlite and PostgreSQL, browser tests.
// New password hashes in tests cost N = 2^12 instead of production's 2^17 (a second each): logins stay fast.
const env = { STYR_SCRYPT_LOG_N: '12' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          env,
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'db',
          env,
          include: ['src/**/*.db.test.ts', 'tests/api/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          env,
          include: ['tests/browser/**/*.browser.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
