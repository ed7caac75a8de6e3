/**
 * Reading what Second Look shows in a page, as the person sees it: the warning card, the contact
 * badges and prompts. They live in closed shadow roots the page cannot open; WebDriver BiDi can
 * (script.evaluate with `includeShadowTree: "all"` serialises them, script.callFunction runs in them).
 *
 * Every Firefox test reads the card through these few functions, so a change to the card's markup
 * means a change here only. They return the same shapes as the Chromium suite's helpers
 * (tests/e2e/fixtures/warning-card.ts).
 */
import type { Page } from 'puppeteer-core';
import { rectsOfText, type Rect } from '../../support/in-page';
import { bidi, contextOf, deserialize } from './firefox';

export interface CardView {
  /** All text in visible cards, whitespace collapsed. */
  text: string;
  /** Role of each card shown ("region", or "alertdialog" while a send or a contact is held). */
  roles: string[];
  /** What the polite live region last announced. */
  announced: string;
  /** Rectangles of the highlight marks, in viewport pixels. */
  marks: Rect[];
  /** Labels (or text) of the buttons in visible cards. */
  buttons: string[];
}

export type { Rect };

export interface BadgeView {
  text: string;
  /** Its middle, in viewport pixels, to tell which row it is on. */
  x: number;
  y: number;
}

/** Shared ids of every closed shadow root in the page (ours are the only closed ones on the practice pages). */
async function closedShadowRoots(page: Page): Promise<string[]> {
  const send = bidi(page.browser());
  // Our hosts are empty elements: serialise those with their shadow roots, and keep the closed ones.
  const { result } = await send('script.evaluate', {
    expression: '[...document.querySelectorAll("*")].filter((e) => e.childElementCount === 0 && !e.textContent)',
    target: { context: contextOf(page) },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  if (result.type === 'exception') throw new Error(`Could not list shadow roots: ${result.exceptionDetails?.text}`);
  return (result.result.value as { value?: { shadowRoot?: { sharedId: string; value?: { mode?: string } } | null } }[])
    .map((node) => node.value?.shadowRoot)
    .filter((root): root is { sharedId: string; value?: { mode?: string } } => !!root && root.value?.mode === 'closed')
    .map((root) => root.sharedId);
}

/** Runs `fn` (a function's source, `this` = the shadow root) in each closed shadow root; one result per root. */
async function inEachShadowRoot<T>(page: Page, fn: string, ...args: unknown[]): Promise<T[]> {
  const send = bidi(page.browser());
  const out: T[] = [];
  for (const sharedId of await closedShadowRoots(page)) {
    const { result } = await send('script.callFunction', {
      functionDeclaration: fn,
      this: { sharedId },
      arguments: args.map((value) => ({ type: 'string', value: String(value) })),
      target: { context: contextOf(page) },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(`Script in a shadow root failed: ${result.exceptionDetails?.text}`);
    // Functions return JSON so nested values come back whole.
    out.push(JSON.parse(deserialize(result.result) as string) as T);
  }
  return out;
}

export async function readCards(page: Page): Promise<CardView> {
  const parts = await inEachShadowRoot<CardView>(
    page,
    `function () {
      const cards = [...this.querySelectorAll('section')].filter((s) => s.getClientRects().length > 0);
      return JSON.stringify({
        text: cards.map((c) => c.innerText).join('\\n').replace(/\\s+/g, ' ').trim(),
        roles: cards.map((c) => c.getAttribute('role')),
        announced: (this.querySelector('[role="status"]')?.textContent ?? '').trim(),
        marks: [...this.querySelectorAll('.mark')].map((m) => { const r = m.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }),
        buttons: cards.flatMap((c) => [...c.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') || b.textContent.trim())),
      });
    }`,
  );
  return {
    text: parts.map((p) => p.text).filter(Boolean).join(' '),
    roles: parts.flatMap((p) => p.roles),
    announced: parts.map((p) => p.announced).filter(Boolean).join(' '),
    marks: parts.flatMap((p) => p.marks),
    buttons: parts.flatMap((p) => p.buttons),
  };
}

/** pupil-contact's badges on requests, chats and profiles. */
export async function readBadges(page: Page): Promise<BadgeView[]> {
  const parts = await inEachShadowRoot<BadgeView[]>(
    page,
    `function () {
      return JSON.stringify([...this.querySelectorAll('.contact-badge')].filter((b) => b.getClientRects().length > 0).map((b) => {
        const r = b.getBoundingClientRect();
        return { text: b.textContent.replace(/\\s+/g, ' ').trim(), x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }));
    }`,
  );
  return parts.flat();
}

/** Clicks a button in the card with the real mouse, by its label or text. */
export async function clickCardButton(page: Page, label: string): Promise<void> {
  const boxes = await inEachShadowRoot<{ x: number; y: number } | null>(
    page,
    `function (label) {
      const b = [...this.querySelectorAll('button')].find((x) => (x.getAttribute('aria-label') || x.textContent.trim()) === label && x.getClientRects().length);
      if (!b) return 'null';
      b.scrollIntoView({ block: 'nearest' });
      const r = b.getBoundingClientRect();
      return JSON.stringify({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
    }`,
    label,
  );
  const box = boxes.find(Boolean);
  if (!box) throw new Error(`No visible button "${label}" in the warning card`);
  await page.mouse.click(box.x, box.y);
}

/** The cards once a card is showing (or, with `present` false, once none is), waiting up to `timeout` ms. */
export async function waitForCard(page: Page, present = true, timeout = 5_000): Promise<CardView> {
  const end = Date.now() + timeout;
  let view = await readCards(page);
  while (Boolean(view.text) !== present && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    view = await readCards(page);
  }
  return view;
}

/** Viewport rectangles of a piece of text inside an element, to check a highlight sits on it. */
export function textRects(page: Page, selector: string, words: string): Promise<Rect[]> {
  return page.evaluate(rectsOfText, [selector, words] as const);
}
