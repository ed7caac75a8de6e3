/**
 * Screenshots of "what is already public" (issue 17) for the README: the "Check my old posts" page
 * with a list and while it reads a long archive, and "Review my profile" on the X and Facebook
 * practice pages with a post shown. Part of `npm run screenshots`; alone (after `npm run build`):
 * `npx tsx scripts/screenshots-public.ts`. Run it under the browser lock.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { manyTweets, writeTestArchives, xArchive, zipBytes } from '../tests/fixtures/archives/build';
import { launchWithExtension, makeUserDataDir, removeDir } from '../tests/e2e/fixtures/extension';
import { EXTENSION_ID } from '../lib/extension-identity';
import { setPersonalPolicy } from '../tests/e2e/fixtures/policy';
import { clickReview, readReview } from '../tests/e2e/fixtures/review-panel';
import { openPracticePage, routeSitePages } from '../tests/e2e/fixtures/site-pages';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const POLICY = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/policies/school.json'), 'utf8'));

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.log(`  docs/screenshots/${name}.png`);
}

async function until(page: Page, test: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await test()); i++) await page.waitForTimeout(100);
}

async function archivePage(context: BrowserContext): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'second-look-shots-'));
  const paths = await writeTestArchives(dir);
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`chrome-extension://${EXTENSION_ID}/archive.html`);
  const chooser = page.getByLabel('Choose a downloaded export (.zip)');
  const big = join(dir, 'x-archive-2012-2024.zip');
  writeFileSync(big, await zipBytes(xArchive(manyTweets(60_000, 400))));
  await chooser.setInputFiles(big);
  await page.locator('#archive-progress').waitFor();
  await until(page, async () => Number(await page.locator('#archive-progress').getAttribute('value')) > 0);
  await shot(page, 'archive-progress', false);
  await page.getByRole('button', { name: 'Cancel' }).click();
  for (const file of [paths.x, paths.facebook]) {
    await chooser.setInputFiles(file);
    await page.locator('.run-status .ok-text').waitFor();
  }
  await shot(page, 'archive-list');
}

async function reviewPanel(context: BrowserContext, url: string, name: string, show: number): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await openPracticePage(page, url);
  await until(page, async () => (await readReview(page)).entry);
  await clickReview(page, 'open');
  await until(page, async () => (await readReview(page)).items.length > show);
  await clickReview(page, { show });
  await page.waitForTimeout(300);
  await shot(page, name, false);
}

export async function publicStates(): Promise<void> {
  const userDataDir = makeUserDataDir();
  const context = await launchWithExtension({ userDataDir });
  try {
    await setPersonalPolicy(context, POLICY);
    await routeSitePages(context);
    await archivePage(context);
    await reviewPanel(context, 'https://x.com/sam', 'review-profile-x', 2);
    await reviewPanel(context, 'https://www.facebook.com/sam.teacher', 'review-profile-facebook', 2);
  } finally {
    await context.close();
    removeDir(userDataDir);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log('Saving screenshots:');
  publicStates().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
