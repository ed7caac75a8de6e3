/**
 * One overlay per editor: a host element outside the editor with a CLOSED shadow root, holding the
 * warning card, the highlight marks and (in long posts) a marker in the margin for each flagged word,
 * all positioned with position: fixed.
 *
 * What the page can see: only an empty host element with no attributes of ours. The card's text,
 * the marks and which words are flagged stay inside the closed shadow root. (The CSS Custom
 * Highlight API is not used: its registry is readable by page scripts.) Keystrokes inside the card
 * stop at the host, so they never reach the site's shortcuts.
 *
 * Placement (lib/runtime/placement.ts): never over the editor's text, the site's send and cancel
 * controls or the other fields of the same form, always inside the viewport. When the whole card
 * cannot fit anywhere without covering one of them, it shrinks to a one-line summary that opens
 * on "Details" (or on the keyboard shortcut).
 */
import { h, render } from 'preact';
import { SHORTCUT_SPOKEN } from '../../components/card-words';
import { WarningCard, headline, type CardFinding, type WarningCardProps } from '../../components/WarningCard';
import type { Severity } from '../policy/rule-ids';
import { EDGE, GAP, intersect, place, type Box, type Size } from './placement';
import { createLiveRegion, createShadowHost } from './shadow-host';
import { isTextField, rangeFor, type Editable, type EditorText } from './editor-text';

export interface Mark {
  /** The card finding this mark is for. */
  key: string;
  start: number;
  end: number;
  severity: Severity;
}

/** The card is never made narrower than this to fit beside an editor. */
const MIN_SIDE_WIDTH = 280;
/** A one-line summary is this tall (warning-card.css `.compact`). */
const COMPACT_HEIGHT = 34;
/** An editor this tall, or one whose text is cut off, gets margin markers for its flagged words. */
const LONG_EDITOR = 160;
/** The most controls of the same form that are kept clear (a form is a few dozen at most). */
const MAX_NEIGHBOURS = 60;

/** Visible cards in this page, so that cards for several fields of one form do not cover each other. */
const placedCards = new Set<HTMLElement>();

/** In a form: its fields and buttons (Save, Cancel, the other fields) stay clear. */
const FORM_NEIGHBOURS = 'input:not([type="hidden"]), textarea, select, button, [role="button"], [role="textbox"], [contenteditable="true"]';
/** In a dialog that is not a form (a post composer): its other fields, and buttons that close it. */
const DIALOG_NEIGHBOURS = 'input:not([type="hidden"]), textarea, [role="textbox"], [contenteditable="true"], [aria-label="Close"], [aria-label="Cancel"], [aria-label="Discard"]';

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
  private props?: WarningCardProps;
  private visible = false;
  /** Shrunk to one line for want of room. */
  private compact = false;
  /** The person opened the card (Details, or the shortcut): shown whole even where it covers something. */
  private expanded = false;
  /** The whole card's size, measured when its content last changed, and the viewport width it was measured at. */
  private fullSize?: Size & { viewport: number };
  private outOfView = new Set<string>();
  /** What the last placement was made from; the same again (the editor did not move, nothing changed) is skipped. */
  private placedFrom?: { key: string; controls: Element[] };
  /** The card's content when `fullSize` was measured: a keystroke that changes nothing on it keeps the measure. */
  private sizedFor = '';
  /** The card's content, the marks and the text they sit in, as last drawn. */
  private drawnFor = '';
  /** Where a text field's flagged words were last measured, relative to the field (laying out a copy is costly). */
  private fieldMeasures = new Map<string, { from: string; rects: Box[] }>();

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
    const before = this.props?.findings.map((f) => f.key).join('|');
    this.props = props;
    this.read = read;
    this.marks = marks;
    this.visible = props.findings.length > 0 || marks.length > 0;
    if (!props.findings.length || props.findings.map((f) => f.key).join('|') !== before) this.expanded = props.holding && this.expanded;
    const content = cardContent(props);
    if (content !== this.sizedFor) this.fullSize = undefined;
    this.sizedFor = content;
    // Typing after the flagged words changes neither the card nor where the words are: nothing to draw again.
    const drawn = `${content}\u0000${marksDrawn(read.text, marks)}`;
    const same = drawn === this.drawnFor && this.host.isConnected;
    this.drawnFor = drawn;
    if (!same) {
      this.placedFrom = undefined;
      for (const id of this.fieldMeasures.keys()) if (!marks.some((m) => `${m.start}:${m.end}` === id)) this.fieldMeasures.delete(id);
      if (!this.host.isConnected) this.container().append(this.host);
      this.renderCard();
    }
    const said = props.findings.length ? `Second Look: ${headline(props.findings)} Press ${SHORTCUT_SPOKEN} to read it.` : '';
    if (said !== this.lastAnnounced) {
      this.live.textContent = said;
      this.lastAnnounced = said;
    }
    // Nothing drawn differs: the card and marks stay where they are. Reading the editor's box here
    // would make Chrome lay out the page in the middle of a keystroke; a box that grows or scrolls
    // is followed anyway (its resize and scroll ask for a placement in the coming frame).
    if (!same) this.position();
    // Bench builds only (npm run bench:browser): mark the frame the card is painted in. Not in production.
    if (import.meta.env.MODE === 'bench') requestAnimationFrame(() => performance.mark('second-look:card-painted'));
  }

  private renderCard(): void {
    const p = this.props;
    if (!p?.findings.length) {
      render(null, this.anchor);
      return;
    }
    const findings: CardFinding[] = p.findings.map((f) => (this.outOfView.has(f.key) ? { ...f, outOfView: true } : f));
    const compact = this.compact && !this.expanded && !p.holding;
    render(
      h(WarningCard, {
        ...p,
        findings,
        compact,
        onExpand: () => this.expand(true),
      }),
      this.anchor,
    );
  }

  private expand(focus: boolean): void {
    this.placedFrom = undefined;
    this.drawnFor = '';
    this.expanded = true;
    this.compact = false;
    this.renderCard();
    this.position();
    if (focus) this.focusMessage();
  }

  /**
   * Place the card, draw the marks and the margin markers. Called on every keystroke, scroll and
   * page change: when the editor's box, its scroll, the viewport, the controls kept clear (and their
   * boxes) and the card's content are all as they were last time, everything is already where it belongs.
   */
  position(): void {
    if (!this.visible || !this.editor.isConnected) {
      this.marksEl.replaceChildren();
      this.anchor.style.display = 'none';
      placedCards.delete(this.anchor);
      this.placedFrom = undefined;
      return;
    }
    const r = this.editor.getBoundingClientRect();
    const vp = viewport();
    const controls = this.keepClear();
    // The controls' boxes too: a site that re-renders beside the editor can move its send button.
    const boxes = controls.map((c) => {
      const b = c.getBoundingClientRect();
      return `${b.left},${b.top},${b.width},${b.height}`;
    });
    const key = [r.left, r.top, r.width, r.height, vp.width, vp.height, this.editor.scrollTop, this.editor.scrollLeft, placedCards.size, ...boxes].join(',');
    if (this.placedFrom?.key === key && sameElements(this.placedFrom.controls, controls)) return;
    this.placedFrom = { key, controls };
    this.marksEl.replaceChildren();
    const seen = intersect(r, { left: 0, top: 0, right: vp.width, bottom: vp.height });
    const rects = this.marks.map((m) => this.rectsFor(m));
    this.drawMarks(r, rects);
    const hidden = new Set(this.marks.filter((m, i) => !rects[i].some((x) => seen && intersect(x, seen))).map((m) => m.key));
    this.drawMarkers(r, seen, rects, vp);
    if (!sameSet(hidden, this.outOfView)) {
      this.outOfView = hidden;
      this.fullSize = undefined;
      this.renderCard();
    }
    this.placeCard(r, seen, vp, controls);
  }

  private drawMarks(r: DOMRect, rects: Box[][]): void {
    this.marks.forEach((mark, i) => {
      for (const rect of rects[i]) {
        // Clip to the editor's box: text scrolled out of the editor gets no mark.
        const clip = intersect(rect, r);
        if (!clip) continue;
        const m = div(`mark ${mark.severity}`);
        m.style.cssText = `left:${clip.left}px;top:${clip.top}px;width:${clip.right - clip.left}px;height:${clip.bottom - clip.top}px;`;
        this.marksEl.append(m);
      }
    });
  }

  /**
   * In a long post, a small marker in the margin beside each flagged word, at its line, or at the
   * top or bottom edge of what is in view when the word is scrolled away. Decoration only: the card
   * says the same, with "Show" for words out of view.
   */
  private drawMarkers(r: DOMRect, seen: Box | undefined, rects: Box[][], vp: Size): void {
    if (!seen || !this.marks.length) return;
    const long = r.height >= LONG_EDITOR || this.editor.scrollHeight > this.editor.clientHeight + 2 || seen.bottom - seen.top < r.height - 1;
    if (!long) return;
    const x = r.right + 10 <= vp.width ? r.right + 3 : r.left - 10 >= 0 ? r.left - 9 : r.right - 9;
    this.marks.forEach((mark, i) => {
      const first = rects[i][0];
      if (!first) return;
      const where = first.bottom < seen.top ? 'above' : first.top > seen.bottom ? 'below' : 'beside';
      const y = Math.max(seen.top, Math.min(first.top, seen.bottom - 14));
      const m = div(`margin-marker ${mark.severity} ${where}`);
      m.style.cssText = `left:${x}px;top:${y}px;`;
      this.marksEl.append(m);
    });
  }

  private placeCard(r: DOMRect, seen: Box | undefined, vp: Size, controls: Element[]): void {
    placedCards.delete(this.anchor);
    const holding = this.props?.holding ?? false;
    if (!this.anchor.firstChild || (!seen && !holding)) {
      // The editor is scrolled out of sight: so is its card (a held send keeps its prompt in view).
      this.anchor.style.display = 'none';
      return;
    }
    this.anchor.style.display = 'block';
    const { hard, soft } = this.obstacles(r, controls);
    const input = { editor: r, viewport: vp, hard, soft };
    // Measured and first tried at the card's own width; narrower only below, if that is what fits.
    this.anchor.style.width = '';
    if (!this.fullSize || this.fullSize.viewport !== vp.width) {
      if (this.compact) {
        this.compact = false;
        this.renderCard();
      }
      this.fullSize = { width: this.anchor.offsetWidth, height: this.anchor.offsetHeight, viewport: vp.width };
    }
    let full = place(input, this.fullSize);
    if (full.cost > 0) {
      // No room for the whole card at its width: try it narrower, in the space beside the editor.
      for (const space of [vp.width - EDGE - (r.right + GAP), r.left - GAP - EDGE]) {
        const width = Math.floor(space);
        if (width < MIN_SIDE_WIDTH || width >= this.fullSize.width) continue;
        this.anchor.style.width = `${width}px`;
        const narrow = place(input, { width, height: this.anchor.offsetHeight });
        if (narrow.cost === 0) {
          full = narrow;
          break;
        }
        this.anchor.style.width = '';
      }
    }
    let spot = full;
    let compact = false;
    if (full.cost > 0 && !this.expanded && !holding) {
      const line = { width: this.fullSize.width, height: COMPACT_HEIGHT };
      const small = place(input, line);
      if (small.cost < full.cost) {
        spot = small;
        compact = true;
      }
    }
    if (compact) this.anchor.style.width = '';
    if (compact !== this.compact) {
      this.compact = compact;
      this.renderCard();
    }
    this.anchor.style.top = `${spot.top}px`;
    this.anchor.style.left = `${spot.left}px`;
    placedCards.add(this.anchor);
  }

  /** What the card must keep clear (the editor's text, the send controls, the form's other fields, other cards) and should. */
  private obstacles(r: DOMRect, keepClear: Element[]): { hard: Box[]; soft: Box[] } {
    const hard: Box[] = [];
    const soft: Box[] = [];
    if (isTextField(this.editor)) hard.push(r);
    else {
      soft.push(r);
      hard.push(...this.textBoxes(r));
    }
    const controls = new Set<Element>(keepClear);
    const form = this.editor.closest('form, [role="form"]');
    const dialog = form ? null : this.editor.closest('[role="dialog"], dialog');
    const around = form ?? dialog;
    if (around) for (const el of [...around.querySelectorAll(form ? FORM_NEIGHBOURS : DIALOG_NEIGHBOURS)].slice(0, MAX_NEIGHBOURS)) controls.add(el);
    for (const c of controls) {
      if (c === this.editor || this.editor.contains(c) || c.contains(this.editor)) continue;
      const b = c.getBoundingClientRect();
      if (b.width > 0 && b.height > 0) hard.push(b);
    }
    for (const a of placedCards) if (a !== this.anchor && a.isConnected) hard.push(a.getBoundingClientRect());
    return { hard, soft };
  }

  /** The editor's lines of text, and the line below the last one (where the next words will go). */
  private textBoxes(r: DOMRect): Box[] {
    const range = document.createRange();
    range.selectNodeContents(this.editor);
    const lines = [...range.getClientRects()].map((x) => intersect(x, r)).filter((x): x is Box => x !== undefined);
    if (!lines.length) return [{ left: r.left, top: r.top, right: r.right, bottom: Math.min(r.bottom, r.top + 24) }];
    const last = lines.reduce((a, b) => (b.bottom > a.bottom ? b : a));
    const lineHeight = last.bottom - last.top || 20;
    lines.push({ left: r.left, top: last.top, right: r.right, bottom: Math.min(r.bottom, last.bottom + lineHeight) });
    return lines;
  }

  private rectsFor(mark: Mark): Box[] {
    if (isTextField(this.editor)) return this.fieldRects(this.editor, mark);
    const range = rangeFor(this.read, mark.start, mark.end);
    return range ? [...range.getClientRects()] : [];
  }

  /**
   * Text fields have no DOM for their text: measure the words in a copy laid out the same way. A
   * word's place depends only on the text up to the end of its line's last word before it wraps, the
   * field's size and its scroll: typing after it does not move it, so it is measured again only when
   * those change (laying out the copy forces a layout of the page on every keystroke otherwise).
   */
  private fieldRects(field: HTMLTextAreaElement | HTMLInputElement, mark: Mark): Box[] {
    const r = field.getBoundingClientRect();
    const text = field.value;
    const wordEnd = text.slice(mark.end).search(/\s/);
    const from = `${r.width},${r.height},${field.scrollTop},${field.scrollLeft}\u0000${text.slice(0, wordEnd < 0 ? text.length : mark.end + wordEnd)}`;
    const id = `${mark.start}:${mark.end}`;
    let known = this.fieldMeasures.get(id);
    if (known?.from !== from) {
      const span = this.layOutCopy(field, mark);
      const rects = [...span.getClientRects()].map((x) => ({ left: x.left - r.left, top: x.top - r.top, right: x.right - r.left, bottom: x.bottom - r.top }));
      this.mirror.replaceChildren();
      known = { from, rects };
      this.fieldMeasures.set(id, known);
    }
    return known.rects.map((x) => ({ left: x.left + r.left, top: x.top + r.top, right: x.right + r.left, bottom: x.bottom + r.top }));
  }

  private layOutCopy(field: HTMLTextAreaElement | HTMLInputElement, mark: Pick<Mark, 'start' | 'end'>): HTMLSpanElement {
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
    return span;
  }

  /** "Show": bring a flagged word into view (in the editor's own scroll and the page's), then read its message. */
  show(key: string): void {
    const mark = this.marks.find((m) => m.key === key);
    if (!mark) return;
    if (isTextField(this.editor)) {
      const field = this.editor;
      const span = this.layOutCopy(field, mark);
      const offset = span.offsetTop;
      this.mirror.replaceChildren();
      field.scrollTop = Math.max(0, offset - field.clientHeight / 2);
      field.scrollIntoView({ block: 'nearest' });
    } else {
      const range = rangeFor(this.read, mark.start, mark.end);
      const el = range?.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    this.position();
    this.focusMessage(key);
  }

  private focusMessage(key?: string): boolean {
    const target = key
      ? [...this.anchor.querySelectorAll<HTMLElement>('.finding')].find((el) => el.dataset.key === key)?.querySelector<HTMLElement>('.message')
      : this.anchor.querySelector<HTMLElement>('.message.first');
    (target ?? this.anchor.querySelector<HTMLElement>('.message'))?.focus();
    return Boolean(target);
  }

  /** Keyboard users (the shortcut from the editor): open the card whole and read its first finding's message. */
  focus(): boolean {
    if (!this.anchor.firstChild) return false;
    this.expand(false);
    return this.focusMessage();
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

function viewport(): Size {
  const root = document.documentElement;
  return { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight };
}

/** The marks and the text up to the end of the word after the last of them (text after that does not move them). */
function marksDrawn(text: string, marks: Mark[]): string {
  const end = Math.max(0, ...marks.map((m) => m.end));
  const wordEnd = text.slice(end).search(/\s/);
  return `${marks.map((m) => `${m.key}@${m.start}-${m.end}:${m.severity}`).join('|')}\u0000${text.slice(0, wordEnd < 0 ? text.length : end + wordEnd)}`;
}

/** What the card shows (not its handlers): when this is unchanged, so is the card's size. */
function cardContent(p: WarningCardProps): string {
  return JSON.stringify([p.findings, p.surface, p.holding, p.official]);
}

function sameElements(a: Element[], b: Element[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function div(className: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  return el;
}
