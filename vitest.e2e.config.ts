import { defineConfig } from 'vitest/config';

/**
 * The end-to-end suite (`npm run test:e2e`): Debian's Chromium driving the built extension against
 * Request Tracker and local stand-ins of SaaS helpdesks. One file at a time: the files share RT,
 * ports and a 2-core machine. No WxtVitest plugin: nothing here runs inside the extension's bundle.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
