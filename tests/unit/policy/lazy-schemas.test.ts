// A worker woken by a keystroke runs every module it bundles before it can answer. The policy's zod
// schemas are built on first use (a policy to validate), not when those modules load: building them
// took about a third of the worker script's start-up. Each of our schemas carries .meta(), which
// records it in zod's global registry, so counting those records counts schemas built.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

const registry = z.globalRegistry as unknown as { add: (...args: unknown[]) => unknown };
const realAdd = registry.add;

function countSchemasBuilt(): { count: () => number } {
  let n = 0;
  registry.add = function (this: unknown, ...args: unknown[]) {
    n++;
    return realAdd.apply(this, args);
  };
  return { count: () => n };
}

afterEach(() => {
  registry.add = realAdd;
});

describe('the policy schemas are built on first use', () => {
  it('loading what the background worker runs builds none; validating a policy builds them once', async () => {
    const built = countSchemasBuilt();
    // The worker's own modules (entrypoints/background.ts imports these), loaded for the first time here.
    await import('../../../lib/background/check-service');
    await import('../../../lib/background/photo-service');
    await import('../../../lib/background/exceptions');
    const { refreshPolicyState } = await import('../../../lib/policy/store');
    const { validatePolicy } = await import('../../../lib/policy/validate');
    expect(typeof refreshPolicyState).toBe('function');
    expect(built.count()).toBe(0);

    expect(validatePolicy({ schoolName: 'Oakfield Primary', mode: 'shout' }).issues.map((i) => i.path)).toEqual(['mode']);
    const afterFirst = built.count();
    expect(afterFirst).toBeGreaterThan(50);

    expect(validatePolicy({ schoolName: 'Oakfield Primary' }).policy?.schoolName).toBe('Oakfield Primary');
    expect(built.count()).toBe(afterFirst);
  });
});
