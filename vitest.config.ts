import { defineConfig } from 'vitest/config'

// PGlite (a WebAssembly PostgreSQL) and Chromium are slow to start on the 2-core CI machine, so
// hooks get two minutes and tests one; two forked workers keep memory and CPU within bounds.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'tests/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    hookTimeout: 120_000,
    testTimeout: 60_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/output/vitest.json' },
  },
})
