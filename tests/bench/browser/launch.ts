/**
 * Chromium for the browser bench: with the bench build of the extension or without any (the same-run
 * baseline), the practice pages served at their real origins, and a DevTools port so the bench can
 * reach the service worker (Playwright gives CDP sessions for pages only).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { openSurface, routeSitePages, SURFACES } from '../../e2e/fixtures/site-pages';
import { mulberry32, readNameFixture } from '../../support/name-samples';
import { WorkerCdp } from './worker-cdp';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const BENCH_EXTENSION = join(ROOT, '.output', 'chrome-mv3-bench');
/** What staff install: no performance marks, so nothing of the bench's own is in what it measures. */
export const PRODUCTION_EXTENSION = join(ROOT, '.output', 'chrome-mv3');

export interface Browser {
  context: BrowserContext;
  /** The DevTools port (for the service worker's own CDP session). */
  port: number;
  worker?: Worker;
  close(): Promise<void>;
}

export async function launch(withExtension: boolean, build = BENCH_EXTENSION): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'second-look-bench-'));
  const extension = withExtension ? [`--disable-extensions-except=${build}`, `--load-extension=${build}`] : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...extension, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-port=0'],
  });
  await routeSitePages(context);
  const file = join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
  const worker = withExtension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : undefined;
  return {
    context,
    port,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The budget's school: Jack Smith and `pupils - 1` others, 150 staff (a fixed seed, so every run is the same). */
export function roster(pupils: number): Record<string, unknown> {
  const rng = mulberry32(2150);
  const given = readNameFixture<{ name: string }>('given-names.csv').map((r) => String(r.name));
  const surnames = readNameFixture<{ surname: string }>('surnames.csv').map((r) => String(r.surname));
  const person = () => ({ name: `${given[Math.floor(rng() * given.length)]} ${surnames[Math.floor(rng() * surnames.length)]}` });
  return {
    schoolName: 'Oakfield Primary School',
    pupils: [{ name: 'Jack Smith' }, ...Array.from({ length: pupils - 1 }, person)],
    staff: Array.from({ length: 150 }, person),
    mode: 'warn',
  };
}

/** Save the roster as the person's own policy and wait until the worker has taken it in. */
export async function setRoster(browser: Browser, pupils: number): Promise<void> {
  await browser.worker!.evaluate(async (policy) => {
    const before = ((await chrome.storage.local.get('policyState')) as { policyState?: { updatedAt: number } }).policyState?.updatedAt ?? 0;
    await chrome.storage.local.set({ personalPolicy: policy });
    for (let i = 0; i < 400; i++) {
      const got = (await chrome.storage.local.get('policyState')) as { policyState?: { source: string; updatedAt: number } };
      if (got.policyState?.source === 'personal' && got.policyState.updatedAt !== before) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the worker never took the roster in');
  }, roster(pupils));
}

/** A CDP session on the extension's service worker, while it runs. */
export async function workerCdp(browser: Browser): Promise<WorkerCdp> {
  const list = (await (await fetch(`http://127.0.0.1:${browser.port}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
  const target = list.find((t) => t.type === 'service_worker');
  if (!target) throw new Error('the service worker is not running');
  return WorkerCdp.open(target.webSocketDebuggerUrl);
}

export const PAGES = ['x home post', 'facebook comment', 'instagram comment', 'tiktok comment'] as const;

export function surface(name: string) {
  return SURFACES.find((s) => s.name === name)!;
}

/** Open a practice page's compose box and put the caret in it. */
export async function openEditor(page: Page, name: string): Promise<void> {
  const spec = surface(name);
  await openSurface(page, spec);
  await page.locator(spec.editor).first().click();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

export function stats(values: number[]): { p50: number; p95: number; samples: number } {
  if (!values.length) return { p50: NaN, p95: NaN, samples: 0 };
  return { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), samples: values.length };
}
