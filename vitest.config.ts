import { defineConfig } from 'vitest/config'

// Two projects: `server` (unit + HTTP through app.inject, SQLite by default, PostgreSQL when
// TEST_DATABASE_URL is set) and `e2e` (Playwright journeys in Debian's Chromium).
export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker; many files wait on child processes, the
    // browser or the database, so two keep both cores busy and halve CI's wall time.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'test/{http,ops,contract,graphql,backup,faults,scale}/**/*.test.ts'],
          environment: 'node',
          // Test files share a worker's loaded modules: importing the app costs ~1.7 s per file, a
          // third of the suite's time when each file starts afresh. No file mocks modules or changes
          // process.env, and every file builds its own app and database.
          isolate: false,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
