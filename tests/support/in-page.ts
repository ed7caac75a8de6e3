/**
 * Functions that run inside a practice page, shared by the Chromium suite (Playwright) and the
 * Firefox suite (puppeteer): both pass a function's source to the page, so each one here is
 * self-contained (no imports, nothing from outside its body) and takes one argument.
 */

/** Everything a page's own scripts can reach: the document without its scripts, every attribute, open shadow roots, the CSS highlight registry, web storage. */
export interface PageView {
  html: string;
  attrs: string;
  openShadowText: string;
  highlights: number;
  storage: string;
}

export function whatThePageSees(): PageView {
  const all = [...document.querySelectorAll('*')];
  // The page's own scripts are left out: the practice pages bundle invented posts of their own.
  const copy = document.documentElement.cloneNode(true) as HTMLElement;
  for (const script of copy.querySelectorAll('script')) script.remove();
  return {
    html: copy.outerHTML,
    attrs: all.flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`)).join(' '),
    openShadowText: all.map((el) => el.shadowRoot?.textContent ?? '').join(' '),
    highlights: typeof CSS !== 'undefined' && 'highlights' in CSS ? (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size : 0,
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  };
}

/** Where in the page's view each secret shows, as "<place>: <secret>" (empty when none does). */
export function revealed(view: PageView, secrets: readonly string[]): string[] {
  const places = { 'page HTML': view.html, attributes: view.attrs, 'open shadow roots': view.openShadowText, 'web storage': view.storage } as const;
  return secrets.flatMap((s) => Object.entries(places).filter(([, text]) => text.includes(s)).map(([place]) => `${place}: ${s}`));
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Viewport rectangles of the first occurrence of `words` in the text inside the element `selector` finds. */
export function rectsOfText([selector, words]: readonly [string, string]): Rect[] {
  const root = document.querySelector(selector);
  if (!root) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const i = n.data.indexOf(words);
    if (i >= 0) {
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + words.length);
      return [...r.getClientRects()].map((x) => ({ x: x.x, y: x.y, width: x.width, height: x.height }));
    }
  }
  return [];
}
