/**
 * The practice pages (tests/fixtures/sites) from puppeteer: the same surfaces and contact lists as the
 * Chromium suite (SURFACES, CONTACT_SURFACES in tests/e2e/fixtures/site-pages.ts), opened and read the
 * same way. Those tables use two Playwright text selectors, `:has-text("…")` and `:text-is("…")`, at the
 * end of a selector; `find` understands them too.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { FixturePerson } from '../../fixtures/sites/shared/people';
import type { ContactSpec, Submission, SurfaceSpec } from '../../e2e/fixtures/site-pages';
import { waitUntil } from './firefox';

export { CONTACT_SURFACES, SURFACES, type ContactSpec, type SurfaceSpec } from '../../e2e/fixtures/site-pages';

const TEXT_FILTER = /:(has-text|text-is)\("([^"]*)"\)$/;

/** The first element matching `selector` (CSS, optionally ending in a Playwright text filter), inside `within`. */
export async function find(page: Page, selector: string, within?: ElementHandle): Promise<ElementHandle | null> {
  const m = TEXT_FILTER.exec(selector);
  const css = m ? selector.slice(0, m.index) : selector;
  const handle = await page.evaluateHandle(
    (root, sel, kind, text) => {
      const scope = (root as Element | null) ?? document;
      const all = sel === ':scope' && root ? [root as Element] : [...scope.querySelectorAll(sel)];
      const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
      return all.find((el) => !kind || (kind === 'has-text' ? norm(el.textContent).includes(text) : norm(el.textContent) === text)) ?? null;
    },
    within ?? null,
    css,
    m?.[1] ?? '',
    m?.[2] ?? '',
  );
  const element = handle.asElement() as ElementHandle | null;
  if (!element) await handle.dispose();
  return element;
}

export async function mustFind(page: Page, selector: string, within?: ElementHandle, timeout = 10_000): Promise<ElementHandle> {
  let found: ElementHandle | null = null;
  await waitUntil(`"${selector}"`, async () => (found = await find(page, selector, within)) !== null, timeout);
  return found!;
}

/** Goes to a practice page and waits until its app has rendered. */
export async function openPracticePage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__fixture?.ready === true, { timeout: 15_000 });
}

/** Goes to the surface's page, opens it if its editor is not there yet (a dialog), and focuses the editor. */
export async function openSurface(page: Page, spec: SurfaceSpec): Promise<ElementHandle> {
  await openPracticePage(page, spec.url);
  if (!(await find(page, spec.editor))) {
    for (const selector of spec.open ?? []) await (await mustFind(page, selector)).click();
  }
  const editor = await mustFind(page, spec.editor);
  await editor.click();
  return editor;
}

/** Sends the way the person would: the site's button, or its key. */
export async function send(page: Page, spec: SurfaceSpec, how: 'click' | 'key'): Promise<void> {
  if (how === 'key') {
    const keys = spec.submitKey!.split('+') as Parameters<Page['keyboard']['press']>[0][];
    for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
    await page.keyboard.press(keys[keys.length - 1]);
    for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
  } else {
    await (await mustFind(page, spec.submit)).click();
  }
}

/** What the page's own handlers sent (each send stands in for the site's network request). */
export function submitted(page: Page): Promise<Submission[]> {
  return page.evaluate(() => window.__fixture.submitted);
}

/** Contact actions the page carried out ("accept:jack_smith07"). */
export function actions(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__fixture.actions);
}

/** The editor model's plain text (paragraphs joined by "\n"), as the site would publish it. */
export function modelText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => window.__fixture.modelText(document.querySelector(sel)), selector);
}

/** What the page shows in the editor (a textarea's value, else its rendered text). */
export function shownText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement & { value?: string };
    return typeof el.value === 'string' ? el.value : el.innerText.trim();
  }, selector);
}

/** A person's row on a contact surface (the header on a profile). */
export async function contactRow(page: Page, spec: ContactSpec, person: FixturePerson): Promise<ElementHandle> {
  return mustFind(page, spec.kind === 'profile' ? spec.row : `${spec.row}:has-text("${person.name}")`);
}

/** The control that acts on a person (Confirm, Accept, Follow…), or the row itself for chats. */
export async function contactControl(page: Page, spec: ContactSpec, person: FixturePerson): Promise<ElementHandle> {
  const row = await contactRow(page, spec, person);
  return spec.control === ':scope' ? row : mustFind(page, spec.control, row);
}
