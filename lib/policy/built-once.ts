/** `build`, run on the first call only; later calls return what it built then. */
export function builtOnce<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
