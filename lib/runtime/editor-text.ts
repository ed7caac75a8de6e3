/**
 * Finding the editable element someone is typing in, and reading its text the way the site will
 * publish it: blocks become lines, <br> a line break, placeholders are never included (Draft and
 * Lexical render them outside the contenteditable). For contenteditables the reader also keeps
 * where each text node sits in that text, so findings can be highlighted without touching the editor.
 */

export type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

/** Single-line fields that can hold publishable text (search boxes are not publishing). */
const TEXT_INPUT_TYPES = new Set(['text', '']);

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type);
}

/** The editable root for an event target: a text field, or the outermost contenteditable. */
export function editableRoot(target: EventTarget | null): Editable | null {
  if (!(target instanceof Element)) return null;
  if (isTextField(target)) {
    if (target.readOnly || target.disabled || target.getAttribute('role') === 'combobox' || target.hasAttribute('aria-autocomplete')) return null;
    return target;
  }
  const ce = target.closest('[data-lexical-editor="true"], .public-DraftEditor-content, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]');
  if (!(ce instanceof HTMLElement) || !ce.isContentEditable) return null;
  // Nested contenteditables (decorators): climb to the outermost one.
  let root: HTMLElement = ce;
  for (let p = ce.parentElement; p; p = p.parentElement) if (p.isContentEditable && p.getAttribute('contenteditable') !== 'false') root = p;
  return root;
}

export interface TextSegment {
  node: Text;
  /** Where this node's data starts in the read text. */
  at: number;
}

export interface EditorText {
  text: string;
  /** Text nodes with their offsets; empty for text fields. */
  segments: TextSegment[];
}

const BLOCK = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'SECTION', 'ARTICLE']);

export function readEditor(el: Editable): EditorText {
  if (isTextField(el)) return { text: el.value, segments: [] };
  const segments: TextSegment[] = [];
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data.length) {
          segments.push({ node: child as Text, at: text.length });
          text += data;
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const e = child as Element;
        if (e.getAttribute('aria-hidden') === 'true' && !e.textContent) continue;
        if (e.tagName === 'BR') {
          // A <br> closing its block (Draft's empty block, Lexical's trailing break) adds nothing.
          if (e.nextSibling || !e.parentElement || e.parentElement === el) text += '\n';
          continue;
        }
        if (e.tagName === 'IMG') {
          text += (e as HTMLImageElement).alt ?? '';
          continue;
        }
        const block = BLOCK.has(e.tagName);
        if (block && text.length && !text.endsWith('\n')) text += '\n';
        walk(e);
      }
    }
  };
  walk(el);
  return { text: text === '\n' ? '' : text, segments };
}

/** A DOM range over text offsets [start, end) of a read editor, or null if it cannot be placed. */
export function rangeFor(read: EditorText, start: number, end: number): Range | null {
  const { segments } = read;
  if (!segments.length) return null;
  const locate = (offset: number, preferNext: boolean) => {
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      const len = s.node.data.length;
      if (offset < s.at) return { node: s.node, offset: 0 };
      if (offset < s.at + len || (offset === s.at + len && !(preferNext && segments[i + 1]?.at === offset))) {
        return { node: s.node, offset: offset - s.at };
      }
    }
    const last = segments[segments.length - 1];
    return { node: last.node, offset: last.node.data.length };
  };
  const a = locate(start, true);
  const b = locate(end, false);
  if (!a.node.isConnected || !b.node.isConnected) return null;
  const range = document.createRange();
  try {
    range.setStart(a.node, Math.min(a.offset, a.node.data.length));
    range.setEnd(b.node, Math.min(b.offset, b.node.data.length));
  } catch {
    return null;
  }
  return range;
}
