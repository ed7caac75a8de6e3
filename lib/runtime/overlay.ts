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
import cardCss from '../../components/warning-card.css?inline';
import type { Severity } from '../policy/rule-ids';
import { isTextField, rangeFor, type Editable, type EditorText } from './editor-text';

export interface Mark {
  start: number;
  end: number;
  severity: Severity;
}

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'paste', 'copy', 'cut'];
const GAP = 6;

export class Overlay {
  private readonly host: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly marksEl: HTMLElement;
  private readonly anchor: HTMLElement;
  private readonly live: HTMLElement;
  private readonly mirror: HTMLElement;
  private lastAnnounced = '';
  private marks: Mark[] = [];
  private read: EditorText = { text: '', segments: [] };
  private visible = false;

  constructor(private readonly editor: Editable) {
    this.host = document.createElement('div');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    this.layer = div('layer');
    this.marksEl = div('marks');
    this.anchor = div('anchor');
    this.live = div('sr-only');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.live.style.cssText = 'position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;';
    this.mirror = div('mirror');
    this.mirror.style.cssText = 'position:fixed;visibility:hidden;pointer-events:none;overflow:hidden;';
    this.layer.append(this.marksEl, this.anchor, this.mirror);
    shadow.append(style, this.layer, this.live);
    for (const type of ISOLATED_EVENTS) this.host.addEventListener(type, stop);
    this.host.style.cssText = 'all:initial;position:static;';
    this.container().append(this.host);
  }

  /** Inside an open modal dialog (so its focus trap lets people reach the card), else the body. */
  private container(): Element {
    const dialog = this.editor.closest('[role="dialog"][aria-modal="true"], [role="dialog"], dialog');
    return dialog && dialog !== this.editor ? dialog : document.body;
  }

  update(props: WarningCardProps, read: EditorText, marks: Mark[]): void {
    this.read = read;
    this.marks = marks;
    this.visible = props.findings.length > 0;
    if (!this.host.isConnected) this.container().append(this.host);
    render(this.visible ? h(WarningCard, props) : null, this.anchor);
    const said = this.visible ? `Second Look: ${headline(props.findings)}` : '';
    if (said !== this.lastAnnounced) {
      this.live.textContent = said;
      this.lastAnnounced = said;
    }
    this.position();
  }

  /** Place the card above the editor (below if there is no room), off the site's send buttons, and redraw the marks. */
  position(): void {
    this.marksEl.replaceChildren();
    if (!this.visible || !this.editor.isConnected) {
      this.anchor.style.display = 'none';
      return;
    }
    const r = this.editor.getBoundingClientRect();
    this.anchor.style.display = 'block';
    const cardHeight = this.anchor.offsetHeight;
    const cardWidth = this.anchor.offsetWidth;
    const clampTop = (t: number) => Math.max(4, Math.min(t, window.innerHeight - cardHeight - 4));
    let top: number;
    let left: number;
    if (r.top - GAP - cardHeight >= 4) {
      top = r.top - GAP - cardHeight; // above: the site's send buttons are usually below or beside the editor
      left = Math.max(4, Math.min(r.left, window.innerWidth - cardWidth - 4));
    } else if (r.right + GAP + cardWidth <= window.innerWidth - 4) {
      top = clampTop(r.top);
      left = r.right + GAP;
    } else if (r.left - GAP - cardWidth >= 4) {
      top = clampTop(r.top);
      left = r.left - GAP - cardWidth;
    } else {
      top = r.bottom + GAP;
      left = Math.max(4, Math.min(r.left, window.innerWidth - cardWidth - 4));
    }
    this.anchor.style.top = `${top}px`;
    this.anchor.style.left = `${left}px`;
    for (const mark of this.marks) {
      for (const rect of this.rectsFor(mark)) {
        if (rect.bottom < r.top || rect.top > r.bottom || rect.width === 0) continue; // scrolled out of the editor
        const m = div(`mark ${mark.severity}`);
        m.style.cssText = `left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;`;
        this.marksEl.append(m);
      }
    }
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

  /** Focus the card's first control (for keyboard users). */
  focus(): void {
    const first = this.anchor.querySelector<HTMLElement>('button, a');
    first?.focus();
  }

  destroy(): void {
    render(null, this.anchor);
    this.host.remove();
  }
}

function div(className: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  return el;
}

function stop(e: Event): void {
  e.stopPropagation();
}
