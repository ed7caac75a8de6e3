/**
 * Run a callback once the page has had its turn: after the frame that shows what was just typed,
 * when the main thread is next idle (at most `within` ms later). A check sent, and its answer
 * handled, in the middle of a keystroke delays the frame that paints the typed character; after
 * that frame they cost the person nothing. Returns a function that cancels it.
 *
 * Not requestAnimationFrame: asking for a frame after a key makes Chrome hold the page's own tasks
 * back until that frame, so the typed character would be painted a frame later.
 */
export function afterPaint(callback: () => void, within: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: within });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}
