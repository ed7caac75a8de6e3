/**
 * "Review my profile" on the person's own profile page (recognised by the adapter's edit-profile
 * control, never by a name): a quiet button opens a panel that checks the profile fields shown and
 * every post loaded, and keeps checking as more load. "Show" scrolls to a post and marks it and its
 * words in our closed shadow root. Nothing is stored: closing the panel forgets what it found.
 * Everything is tied to the content script's context: one observer (skipping keystrokes inside
 * editors), one timer, torn down with it.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ReviewPanel } from '../../components/ReviewPanel';
import reviewCss from '../../components/review-panel.css?inline';
import type { NamedControl, OwnProfilePage, SiteAdapter } from '../sites/types';
import { countEntries, flaggedInOrder, type ReviewEntry } from '../review/review-entries';
import type { Checker } from './checker';
import { rangeFor, readEditor, type EditorText } from './editor-text';
import { createLiveRegion, createShadowHost, type ShadowHost } from './shadow-host';

const SCAN_DELAY_MS = 250;

interface Seen {
  entry: ReviewEntry;
  /** Where it is on the page now (the site may have re-rendered or dropped it). */
  item: Element;
  textEl: Element;
}

export class ProfileReview {
  private ui?: ShadowHost & { panel: HTMLElement; marks: HTMLElement; live: HTMLElement };
  private open = false;
  private seen = new Map<string, Seen>();
  private checking = new Set<string>();
  private shown?: string;
  private timer = 0;
  private order = 0;
  /** Bumped on close: checks still on their way for a closed panel are dropped. */
  private generation = 0;
  private siteEnabled = true;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
    private readonly checker: Checker,
  ) {}

  start(): void {
    if (!this.adapter.ownProfile) return;
    const observer = new MutationObserver((records) => {
      if (records.some((r) => !insideEditor(r.target) && !this.ui?.host.contains(r.target))) this.schedule();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    this.ctx.onInvalidated(() => {
      observer.disconnect();
      this.destroy();
    });
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.schedule());
    this.ctx.addEventListener(window, 'scroll', () => this.position(), { capture: true, passive: true });
    this.ctx.addEventListener(window, 'resize', () => this.position(), { passive: true });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      this.update();
    }, SCAN_DELAY_MS);
  }

  private update(): void {
    const page = this.adapter.ownProfile!;
    if (!isOwnProfile(page) || !this.siteEnabled) {
      if (this.ui) this.teardown();
      return;
    }
    if (!this.ui) this.mount();
    if (this.open) this.scan(page);
    this.render();
  }

  private mount(): void {
    const host = createShadowHost(document.body);
    const style = document.createElement('style');
    style.textContent = reviewCss;
    const panel = document.createElement('div');
    const marks = document.createElement('div');
    const live = createLiveRegion();
    host.layer.append(marks, panel);
    host.shadow.append(style, live);
    this.ui = { ...host, panel, marks, live };
    // Whether Second Look runs on this site at all (the policy's site switch): asked once.
    this.checker.check('', 'post').then(
      (r) => {
        this.siteEnabled = r.siteEnabled;
        if (!r.siteEnabled) this.teardown();
      },
      () => undefined,
    );
  }

  /** Reads the fields and the posts on the page; each new one is checked once. */
  private scan(page: OwnProfilePage): void {
    const generation = this.generation;
    const found: { key: string; kind: ReviewEntry['kind']; label: string; surface: Parameters<Checker['check']>[1]; item: Element; textEl: Element; link?: string; date?: string; isPublic: boolean }[] = [];
    for (const field of page.fields) {
      for (const el of outermost(document.querySelectorAll(field.selector))) {
        const text = readText(el).text.trim();
        if (text) found.push({ key: `field:${field.label}:${text}`, kind: 'field', label: field.label, surface: field.surface, item: el, textEl: el, isPublic: false });
      }
    }
    const p = page.posts;
    const accountPrivate = p.privateAccount ? Boolean(document.querySelector(p.privateAccount)) : false;
    for (const item of outermost(document.querySelectorAll(p.item))) {
      const textEl = pick(item, p.text);
      if (!textEl) continue;
      const text = readText(textEl).text.trim();
      if (!text) continue;
      const linkEl = p.link ? pick(item, p.link) : null;
      const href = linkEl?.getAttribute('href');
      const link = href ? new URL(href, location.href).href : undefined;
      const date = p.time ? item.querySelector(p.time)?.getAttribute('datetime') ?? undefined : undefined;
      const isPublic = p.public ? [...item.querySelectorAll(p.public.selector)].some((el) => namedAs(el, p.public!)) : Boolean(p.publicUnlessPrivate && !accountPrivate);
      found.push({ key: `post:${link ?? text}`, kind: 'post', label: 'Post', surface: 'post', item, textEl, link, date, isPublic });
    }
    // A field edited since (its old text gone from the page) is dropped; posts stay counted even
    // when the site unmounts them while scrolling.
    const here = new Set(found.map((f) => f.key));
    for (const [key, s] of this.seen) if (s.entry.kind === 'field' && !here.has(key)) this.seen.delete(key);
    for (const f of found) {
      const known = this.seen.get(f.key);
      if (known) {
        known.item = f.item;
        known.textEl = f.textEl;
        continue;
      }
      if (this.checking.has(f.key)) continue;
      this.checking.add(f.key);
      const text = readText(f.textEl).text;
      const order = this.order++;
      this.checker.check(text, f.surface).then(
        (r) => {
          this.checking.delete(f.key);
          if (generation !== this.generation) return;
          const entry: ReviewEntry = { key: f.key, kind: f.kind, label: f.label, text, findings: r.findings, link: f.link, date: f.date, isPublic: f.isPublic, order };
          this.seen.set(f.key, { entry, item: f.item, textEl: f.textEl });
          this.render();
        },
        () => this.checking.delete(f.key),
      );
    }
  }

  private render(): void {
    if (!this.ui) return;
    const entries = [...this.seen.values()].map((s) => s.entry);
    render(
      h(ReviewPanel, {
        open: this.open,
        counts: countEntries(entries),
        flagged: flaggedInOrder(entries),
        checking: this.checking.size > 0,
        shown: this.shown,
        editLink: editLink(this.adapter.ownProfile!),
        onOpen: () => this.setOpen(true),
        onClose: () => this.setOpen(false),
        onShow: (key: string) => this.show(key),
        isOnPage: (key: string) => Boolean(this.seen.get(key)?.item.isConnected),
      }),
      this.ui.panel,
    );
  }

  private setOpen(open: boolean): void {
    this.open = open;
    if (!open) {
      // Closing forgets: nothing found is kept.
      this.generation++;
      this.seen = new Map();
      this.checking.clear();
      this.shown = undefined;
      this.order = 0;
      this.ui?.marks.replaceChildren();
    }
    this.update();
  }

  /** Scrolls to the post or field and marks it, and its words, in our shadow root. */
  private show(key: string): void {
    const seen = this.seen.get(key);
    if (!seen?.item.isConnected || !this.ui) return;
    this.shown = key;
    seen.item.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.ui.live.textContent = `Marked on the page: ${seen.entry.label.toLowerCase()}.`;
    this.position();
    this.render();
  }

  position(): void {
    if (!this.ui) return;
    this.ui.marks.replaceChildren();
    const seen = this.shown ? this.seen.get(this.shown) : undefined;
    if (!seen?.item.isConnected) return;
    const r = seen.item.getBoundingClientRect();
    const box = document.createElement('div');
    box.className = 'review-mark';
    box.style.cssText = `left:${r.left - 4}px;top:${r.top - 4}px;width:${r.width + 8}px;height:${r.height + 8}px;`;
    this.ui.marks.append(box);
    const read = readText(seen.textEl);
    if (read.text !== seen.entry.text) return;
    for (const f of seen.entry.findings) {
      const range = rangeFor(read, f.start, f.end);
      for (const rect of range ? [...range.getClientRects()] : []) {
        const m = document.createElement('div');
        m.className = `mark ${f.severity}`;
        m.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;`;
        this.ui.marks.append(m);
      }
    }
  }

  private teardown(): void {
    if (!this.ui) return;
    render(null, this.ui.panel);
    this.ui.host.remove();
    this.ui = undefined;
    this.open = false;
    this.generation++;
    this.seen = new Map();
    this.checking.clear();
    this.shown = undefined;
  }

  private destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
    this.teardown();
  }
}

function isOwnProfile(page: OwnProfilePage): boolean {
  if (!new RegExp(page.path).test(location.pathname)) return false;
  return [...document.querySelectorAll(page.editControl.selector)].some((el) => namedAs(el, page.editControl));
}

/** The edit-profile control's own link, when it is a link (X, Instagram). */
function editLink(page: OwnProfilePage): string | undefined {
  const el = [...document.querySelectorAll(page.editControl.selector)].find((e) => namedAs(e, page.editControl));
  const href = el?.closest('a')?.getAttribute('href');
  return href ? new URL(href, location.href).href : undefined;
}

/** Matches the control's names, if it has any: its aria-label, title (or an SVG's <title>) or text. */
function namedAs(el: Element, control: NamedControl): boolean {
  if (!control.names) return true;
  const said = [el.getAttribute('aria-label'), el.getAttribute('title'), el instanceof SVGElement ? el.querySelector('title')?.textContent : null, el.textContent]
    .map((s) => s?.trim())
    .filter(Boolean);
  return said.some((s) => control.names!.includes(s!));
}

/** The first alternative of a selector list that matches, in the list's order (not the page's). */
function pick(item: Element, selector: string): Element | null {
  for (const one of alternatives(selector)) {
    if (one === ':scope') return item;
    const found = item.matches(one) ? item : item.querySelector(one);
    if (found) return found;
  }
  return null;
}

function alternatives(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(selector.slice(from).trim());
  return parts;
}

/** Matched elements that are not inside another match (a comment's article inside a post's). */
function outermost(list: NodeListOf<Element>): Element[] {
  const all = [...list];
  const set = new Set(all);
  return all.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

function readText(el: Element): EditorText {
  if (el instanceof HTMLImageElement) return { text: el.alt, segments: [] };
  return readEditor(el as HTMLElement);
}

function insideEditor(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return Boolean(el?.closest('[contenteditable="true"], [contenteditable=""], textarea, input'));
}
