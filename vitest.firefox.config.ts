import { defineConfig } from 'vitest/config';

/**
 * The Firefox end-to-end suite (npm run test:e2e:firefox): the built extension (.output/firefox-mv3 and
 * its .zip) in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi. One file at a time,
 * one Firefox at a time: the policies.json folder is machine-wide.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e-firefox/support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    retry: 0,
    reporters: ['verbose'],
  },
});
