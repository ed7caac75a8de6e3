/**
 * Where the caret was in an editor, so that Escape from the warning card puts it back exactly there
 * (not at the start of the post, which is where focus() alone leaves a contenteditable).
 */
import { isTextField, type Editable } from './editor-text';

export type Caret = { kind: 'field'; start: number; end: number; direction: 'forward' | 'backward' | 'none' } | { kind: 'range'; range: Range };

export function saveCaret(editor: Editable): Caret | undefined {
  if (isTextField(editor)) {
    if (editor.selectionStart === null || editor.selectionEnd === null) return undefined;
    return { kind: 'field', start: editor.selectionStart, end: editor.selectionEnd, direction: editor.selectionDirection ?? 'none' };
  }
  const selection = editor.ownerDocument.getSelection();
  if (!selection?.rangeCount) return undefined;
  const range = selection.getRangeAt(0);
  return editor.contains(range.startContainer) ? { kind: 'range', range: range.cloneRange() } : undefined;
}

/** Focus the editor and put the caret back; without a saved caret (or if its text went), just focus. */
export function restoreCaret(editor: Editable, caret: Caret | undefined): void {
  editor.focus({ preventScroll: true });
  if (!caret) return;
  if (caret.kind === 'field' && isTextField(editor)) {
    const n = editor.value.length;
    editor.setSelectionRange(Math.min(caret.start, n), Math.min(caret.end, n), caret.direction);
    return;
  }
  if (caret.kind === 'range' && caret.range.startContainer.isConnected && editor.contains(caret.range.startContainer)) {
    const selection = editor.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(caret.range);
  }
}
