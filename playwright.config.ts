import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests load the built extension (.output/chrome-mv3, made by `npm run build`) into a real
 * Chromium. Playwright never downloads a browser here: the fixture launches Debian's Chromium
 * (`/usr/bin/chromium`, or CHROME_PATH) itself, so no `projects`/`use.browserName` is needed.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Tests share one machine-wide managed policy folder and each starts its own browser.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: 'test-results',
});
