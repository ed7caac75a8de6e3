/**
 * Bench builds only (`wxt build --mode bench`, npm run bench:browser): counts the observers this
 * content script has observing, so the bench can tell whether mounting and unmounting editors leaves
 * any behind. Asked with a `second-look-bench:count` event; answers with a performance mark (the
 * page's timeline is shared, the script's own globals are not). Never installed in production.
 */
const live = new Set<object>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor must take any[]
type Observer = new (...args: any[]) => { observe(...a: never[]): void; disconnect(): void };

function counted<T extends Observer>(Base: T): T {
  return class extends Base {
    observe(...args: never[]): void {
      live.add(this);
      super.observe(...args);
    }
    disconnect(): void {
      live.delete(this);
      super.disconnect();
    }
  };
}

export function installBenchProbe(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver']) {
    if (typeof g[name] === 'function') g[name] = counted(g[name] as Parameters<typeof counted>[0]);
  }
  addEventListener('second-look-bench:count', () => performance.mark('second-look:bench-counts', { detail: { observers: live.size } }));
}
