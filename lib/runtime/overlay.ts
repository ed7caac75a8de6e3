/**
 * One overlay per editor: a host element outside the editor with a CLOSED shadow root, holding the
 * warning card and the highlight marks, positioned next to the editor with position: fixed.
 *
 * What the page can see: only an empty host element with no attributes of ours. The card's text,
 * the marks and which words are flagged stay inside the closed shadow root. (The CSS Custom
 * Highlight API is not used: its registry is readable by page scripts.) Keystrokes inside the card
 * stop at the host, so they never reach the site's shortcuts.
 */
import { h, render } from 'preact';
import { WarningCard, headline, type WarningCardProps } from '../../components/WarningCard';
import type { Severity } from '../policy/rule-ids';
import { createLiveRegion, createShadowHost } from './shadow-host';
import { isTextField, rangeFor, type Editable, type EditorText } from './editor-text';

export interface Mark {
  start: number;
  end: number;
  severity: Severity;
}

const GAP = 6;

/** Visible cards in this page, so that cards for several fields of one form do not cover each other. */
const placedCards = new Set<HTMLElement>();

export class Overlay {
  private readonly host: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly marksEl: HTMLElement;
  private readonly anchor: HTMLElement;
  private readonly live: HTMLElement;
  private readonly mirror: HTMLElement;
  private lastAnnounced = '';
  private marks: Mark[] = [];
  private read: EditorText = { text: '', segments: [] };
  private visible = false;

  /** `keepClear` gives the site's send controls near the editor: the card never covers them. */
  constructor(
    private readonly editor: Editable,
    private readonly keepClear: () => Element[] = () => [],
  ) {
    ({ host: this.host, layer: this.layer, shadow: this.shadow } = createShadowHost(this.container()));
    this.marksEl = div('marks');
    this.anchor = div('anchor');
    this.live = createLiveRegion();
    this.mirror = div('mirror');
    this.mirror.style.cssText = 'position:fixed;visibility:hidden;pointer-events:none;overflow:hidden;';
    this.layer.append(this.marksEl, this.anchor, this.mirror);
    this.shadow.append(this.live);
  }

  /** Inside an open modal dialog (so its focus trap lets people reach the card), else the body. */
  private container(): Element {
    const dialog = this.editor.closest('[role="dialog"][aria-modal="true"], [role="dialog"], dialog');
    return dialog && dialog !== this.editor ? dialog : document.body;
  }

  update(props: WarningCardProps, read: EditorText, marks: Mark[]): void {
    this.read = read;
    this.marks = marks;
    this.visible = props.findings.length > 0 || marks.length > 0;
    if (!this.host.isConnected) this.container().append(this.host);
    render(props.findings.length ? h(WarningCard, props) : null, this.anchor);
    const said = props.findings.length ? `Second Look: ${headline(props.findings)} Press Alt+Shift+Down to reach the warning.` : '';
    if (said !== this.lastAnnounced) {
      this.live.textContent = said;
      this.lastAnnounced = said;
    }
    this.position();
    // Bench builds only (npm run bench:browser): mark the frame the card is painted in. Not in production.
    if (import.meta.env.MODE === 'bench') requestAnimationFrame(() => performance.mark('second-look:card-painted'));
  }

  /** Place the card above the editor (below if there is no room), off the site's send buttons, and redraw the marks. */
  position(): void {
    this.marksEl.replaceChildren();
    if (!this.visible || !this.editor.isConnected) {
      this.anchor.style.display = 'none';
      placedCards.delete(this.anchor);
      return;
    }
    const r = this.editor.getBoundingClientRect();
    this.anchor.style.display = this.anchor.firstChild ? 'block' : 'none';
    placedCards.delete(this.anchor);
    if (this.anchor.firstChild) {
      const place = this.placement(r, this.anchor.offsetWidth, this.anchor.offsetHeight);
      this.anchor.style.top = `${place.top}px`;
      this.anchor.style.left = `${place.left}px`;
      placedCards.add(this.anchor);
    }
    for (const mark of this.marks) {
      for (const rect of this.rectsFor(mark)) {
        // Clip to the editor's box: text scrolled out of the editor gets no mark.
        const top = Math.max(rect.top, r.top);
        const bottom = Math.min(rect.bottom, r.bottom);
        const left = Math.max(rect.left, r.left);
        const right = Math.min(rect.right, r.right);
        if (bottom <= top || right <= left) continue;
        const m = div(`mark ${mark.severity}`);
        m.style.cssText = `left:${left}px;top:${top}px;width:${right - left}px;height:${bottom - top}px;`;
        this.marksEl.append(m);
      }
    }
  }

  /**
   * Where the card goes: above the editor, else below it (past the send controls), else to its right,
   * else its left; the first spot in the viewport that covers neither the editor nor a send control.
   */
  private placement(r: DOMRect, w: number, h: number): { top: number; left: number } {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const others = [...placedCards].filter((a) => a.isConnected).map((a) => a.getBoundingClientRect());
    const avoid = [r, ...this.keepClear().map((c) => c.getBoundingClientRect()).filter((c) => c.width > 0), ...others];
    const lowest = Math.max(r.bottom, ...avoid.map((c) => c.bottom));
    const rightmost = Math.max(r.right, ...avoid.filter((c) => c.bottom > r.top && c.top < r.bottom).map((c) => c.right));
    const clampLeft = (x: number) => Math.max(4, Math.min(x, vw - w - 4));
    const clampTop = (y: number) => Math.max(4, Math.min(y, vh - h - 4));
    const candidates = [
      { top: r.top - GAP - h, left: clampLeft(r.left) },
      { top: lowest + GAP, left: clampLeft(r.left) },
      { top: clampTop(r.top), left: rightmost + GAP },
      { top: clampTop(r.top), left: r.left - GAP - w },
    ];
    const fits = (c: { top: number; left: number }) =>
      c.top >= 4 && c.left >= 4 && c.top + h <= vh - 4 && c.left + w <= vw - 4 &&
      !avoid.some((a) => c.left < a.right && a.left < c.left + w && c.top < a.bottom && a.top < c.top + h);
    return candidates.find(fits) ?? { top: clampTop(lowest + GAP), left: clampLeft(r.left) };
  }

  private rectsFor(mark: Mark): DOMRect[] {
    if (isTextField(this.editor)) return this.fieldRects(this.editor, mark);
    const range = rangeFor(this.read, mark.start, mark.end);
    return range ? [...range.getClientRects()] : [];
  }

  /** Text fields have no DOM for their text: measure the words in a copy laid out the same way. */
  private fieldRects(field: HTMLTextAreaElement | HTMLInputElement, mark: Mark): DOMRect[] {
    const cs = getComputedStyle(field);
    const r = field.getBoundingClientRect();
    const m = this.mirror;
    for (const p of ['font', 'letterSpacing', 'wordSpacing', 'textTransform', 'padding', 'border', 'boxSizing', 'textIndent', 'tabSize', 'direction'] as const) {
      m.style[p] = cs[p];
    }
    m.style.borderColor = 'transparent';
    m.style.whiteSpace = field instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
    m.style.overflowWrap = 'break-word';
    m.style.left = `${r.left}px`;
    m.style.top = `${r.top}px`;
    m.style.width = `${r.width}px`;
    m.style.height = `${r.height}px`;
    const text = field.value;
    const span = document.createElement('span');
    span.textContent = text.slice(mark.start, mark.end);
    m.replaceChildren(document.createTextNode(text.slice(0, mark.start)), span, document.createTextNode(text.slice(mark.end)));
    m.scrollTop = field.scrollTop;
    m.scrollLeft = field.scrollLeft;
    const rects = [...span.getClientRects()];
    m.replaceChildren();
    return rects;
  }

  /** Focus the card's first control (keyboard users: Alt+Shift+Down from the editor). */
  focus(): boolean {
    const first = this.anchor.querySelector<HTMLElement>('button, a');
    first?.focus();
    return Boolean(first);
  }

  /** Escape in the card goes back to the editor. */
  onEscape(back: () => void): void {
    this.host.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') back();
    });
  }

  destroy(): void {
    placedCards.delete(this.anchor);
    render(null, this.anchor);
    this.host.remove();
  }
}

function div(className: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  return el;
}
