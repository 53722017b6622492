import { defineConfig } from 'vitest/config';

// Only for capture-fixtures.ts (needs a live RT); the unit suite excludes test/e2e/.
export default defineConfig({
  test: {
    include: ['test/e2e/request-tracker/capture-fixtures.ts'],
    environment: 'node',
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
  },
});
