/**
 * Give focus back to an editor and wait until the site has taken it in. Draft.js (X, TikTok) reads
 * the selection change that focusing causes from its last rendered state: a send replayed before
 * that selection change is handled is undone by it (the sent text comes back into the box, and the
 * next Enter is lost). So after focusing we wait for that selection change, or a short while if none
 * comes, and then for one more task, before replaying the send.
 */
const MAX_WAIT_MS = 60;

export function focusAndSettle(editor: HTMLElement, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const ready = () => requestAnimationFrame(() => resolve());
    if (document.activeElement === editor) {
      // Nothing to wait for but the site's re-render after the card closed.
      ready();
      return;
    }
    let done = false;
    const settle = () => {
      if (done) return;
      done = true;
      document.removeEventListener('selectionchange', settle);
      clearTimeout(timer);
      // One more task: the site's own selectionchange handler runs before ours returns.
      setTimeout(ready, 0);
    };
    const timer = setTimeout(settle, MAX_WAIT_MS);
    document.addEventListener('selectionchange', settle, { signal });
    signal.addEventListener('abort', () => {
      done = true;
      clearTimeout(timer);
    }, { once: true });
    editor.focus();
  });
}
