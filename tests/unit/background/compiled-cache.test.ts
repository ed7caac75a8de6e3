/**
 * The worker after Chrome stopped it: it reads the compiled policy back from storage.session when it
 * was built from the policy now in force, compiles when it was not (another policy) or when what is
 * there is damaged, and never keeps anything typed there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckService } from '../../../lib/background/check-service';
import { COMPILED_KEY } from '../../../lib/background/compiled-cache';
import type { CheckRequest } from '../../../lib/messages';
import type { Policy } from '../../../lib/policy/schema';
import { STORAGE_KEYS } from '../../../lib/policy/storage-keys';
import { loadFixturePolicy, memoryArea } from '../helpers';

/** storage.session as Chrome keeps it: values go through JSON. */
function sessionArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = JSON.parse(JSON.stringify(initial));
  return {
    data,
    async get(key: string) {
      return key in data ? { [key]: JSON.parse(JSON.stringify(data[key])) } : {};
    },
    async set(items: Record<string, unknown>) {
      Object.assign(data, JSON.parse(JSON.stringify(items)));
    },
    async remove(key: string) {
      delete data[key];
    },
  };
}

const stateOf = (policy: Policy) => ({ policy, source: 'personal' as const, lockedKeys: [], issues: [], updatedAt: 1 });
const checkOf = (text: string): CheckRequest => ({ type: 'second-look:check', text, surface: 'post', site: 'x' });
/** Storing happens just after the first answer, off its path. */
const stored = () => new Promise((resolve) => setTimeout(resolve, 20));

async function firstRun(policy: Policy) {
  const local = memoryArea({ [STORAGE_KEYS.state]: stateOf(policy) });
  const session = sessionArea();
  await new CheckService(local as never, session as never).handle(checkOf('warm up'));
  await stored();
  return { local, session };
}

/**
 * A name the policy does not hold, put into the stored index by hand: finding it shows the index was
 * read back rather than compiled from the policy.
 */
function plantName(session: ReturnType<typeof sessionArea>): void {
  const entry = session.data[COMPILED_KEY] as { compiled: { names: { full: string; words: string } } };
  entry.compiled.names.full += '\nzebedee quixote 1';
  entry.compiled.names.words += ' zebedee quixote';
}
const PLANTED = 'Zebedee Quixote came to tea';

describe('the compiled policy across worker restarts', () => {
  const policy = loadFixturePolicy();

  it('is stored after the first compile, with the roster index but nothing typed', async () => {
    const local = memoryArea({ [STORAGE_KEYS.state]: stateOf(policy) });
    const session = sessionArea();
    const service = new CheckService(local as never, session as never);
    await service.handle(checkOf('Secret words typed by the teacher: Thomas Wright'));
    await stored();
    const json = JSON.stringify(session.data);
    expect(session.data[COMPILED_KEY]).toBeDefined();
    expect(json).not.toMatch(/Secret words|typed by the teacher/);
  });

  it('is read back on waking when it was built from the policy in force', async () => {
    const { local, session } = await firstRun(policy);
    plantName(session);
    const woken = new CheckService(local as never, session as never);
    expect((await woken.handle(checkOf(PLANTED))).findings.map((f) => f.rule)).toContain('pupil-mention');
  });

  it('is read back when the policy comes back from storage with its keys in another order', async () => {
    // The policy as the refresh builds it in memory, keys in the order they were set…
    const session = sessionArea();
    const running = new CheckService(memoryArea() as never, session as never);
    running.apply(stateOf(policy));
    await running.handle(checkOf('warm up'));
    await stored();
    plantName(session);
    // …and as Chrome's storage hands it back to a woken worker: every object's keys sorted.
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
    expect(JSON.stringify(sortKeys(policy))).not.toBe(JSON.stringify(policy));
    const local = memoryArea({ [STORAGE_KEYS.state]: sortKeys(stateOf(policy)) });
    const woken = new CheckService(local as never, session as never);
    expect((await woken.handle(checkOf(PLANTED))).findings.map((f) => f.rule)).toContain('pupil-mention');
  });

  it('is read on waking at the same time as the policy, not after it', async () => {
    const { local, session } = await firstRun(policy);
    plantName(session);
    // storage.local answers only when told: the index must have been asked for meanwhile.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const slowLocal = { get: async (key: string) => (key === STORAGE_KEYS.state ? held.then(() => local.get(key)) : local.get(key)), set: local.set };
    const asked: string[] = [];
    const watched = { ...session, get: (key: string) => (asked.push(key), session.get(key)) };
    const woken = new CheckService(slowLocal as never, watched as never);
    const first = woken.handle(checkOf(PLANTED));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toEqual([COMPILED_KEY]);
    answer();
    expect((await first).findings.map((f) => f.rule)).toContain('pupil-mention');
    expect(asked).toEqual([COMPILED_KEY]); // read once
  });

  it('gives the same answers read back as compiled, on random texts', async () => {
    const { local, session } = await firstRun(policy);
    const woken = new CheckService(local as never, session as never);
    const compiled = new CheckService(memoryArea({ [STORAGE_KEYS.state]: stateOf(policy) }) as never);
    const words = fc.constantFrom('Thomas', 'Wright', 'Tom', 'Tommy', 'Wrigt', 'T', 'Mrs', 'Jones', 'Sarah', 'my', 'class', 'son', 'school', 'today', 'Year 6', '#ThomasWright', '!', '\n');
    await fc.assert(
      fc.asyncProperty(fc.array(words, { maxLength: 12 }), async (ws) => {
        const text = ws.join(' ');
        expect(await woken.handle(checkOf(text))).toEqual(await compiled.handle(checkOf(text)));
      }),
      { numRuns: 150 },
    );
  });

  it('is not used for another policy (a stale index), which is compiled and stored instead', async () => {
    const { local, session } = await firstRun(policy);
    plantName(session);
    const changed: Policy = { ...policy, pupils: [...(policy.pupils ?? []), { name: 'Nadia Okonkwo' }] };
    await local.set({ [STORAGE_KEYS.state]: stateOf(changed) });
    const woken = new CheckService(local as never, session as never);
    expect((await woken.handle(checkOf(PLANTED))).findings.map((f) => f.rule)).not.toContain('pupil-mention');
    expect((await woken.handle(checkOf('Nadia Okonkwo came to tea'))).findings.map((f) => f.rule)).toContain('pupil-mention');
    await stored();
    expect(JSON.stringify(session.data)).not.toMatch(/zebedee/);
  });

  it('is replaced when the policy changes while the worker runs', async () => {
    const { local, session } = await firstRun(policy);
    const service = new CheckService(local as never, session as never);
    const changed: Policy = { ...policy, pupils: [{ name: 'Nadia Okonkwo' }] };
    service.apply(stateOf(changed));
    expect((await service.handle(checkOf('Nadia Okonkwo came to tea'))).findings.map((f) => f.rule)).toContain('pupil-mention');
    expect((await service.handle(checkOf('Thomas Wright came to tea'))).findings.map((f) => f.rule)).not.toContain('pupil-mention');
    await stored();
    await local.set({ [STORAGE_KEYS.state]: stateOf(changed) });
    plantName(session);
    const woken = new CheckService(local as never, session as never);
    expect((await woken.handle(checkOf(PLANTED))).findings.map((f) => f.rule)).toContain('pupil-mention');
  });

  it('is read back once on waking when the refresh brings the same policy while the first check waits', async () => {
    const { local, session } = await firstRun(policy);
    let reads = 0;
    let woken: CheckService | undefined = undefined;
    const counted = {
      ...session,
      get: (key: string) => {
        // The background's refresh on waking: the same policy, arriving while the first build reads the index back.
        if (key === COMPILED_KEY && reads++ === 0) woken!.apply(stateOf(policy));
        return session.get(key);
      },
    };
    woken = new CheckService(local as never, counted as never);
    const first = woken.handle(checkOf('Thomas Wright came to tea'));
    expect((await first).findings.map((f) => f.rule)).toContain('pupil-mention');
    expect(reads).toBe(1);
  });

  it('falls back to compiling, without throwing, when what is stored is damaged', async () => {
    const { local, session } = await firstRun(policy);
    const good = JSON.parse(JSON.stringify(session.data[COMPILED_KEY])) as { policyKey: string; compiled: Record<string, unknown> };
    const damaged: unknown[] = [
      'garbage',
      null,
      { policyKey: good.policyKey },
      { policyKey: good.policyKey, compiled: 'garbage' },
      { ...good, compiled: { ...good.compiled, names: { ...(good.compiled.names as object), full: 7 } } },
      { ...good, compiled: { ...good.compiled, phrases: '1' } },
    ];
    for (const value of damaged) {
      session.data[COMPILED_KEY] = value;
      const woken = new CheckService(local as never, session as never);
      expect((await woken.handle(checkOf('Thomas Wright came to tea'))).findings.map((f) => f.rule)).toContain('pupil-mention');
    }
  });

  it('still answers when session storage fails', async () => {
    const local = memoryArea({ [STORAGE_KEYS.state]: stateOf(policy) });
    const broken = {
      get: async () => Promise.reject(new Error('no session storage')),
      set: async () => Promise.reject(new Error('quota')),
      remove: async () => Promise.reject(new Error('no')),
    };
    const service = new CheckService(local as never, broken as never);
    expect((await service.handle(checkOf('Thomas Wright came to tea'))).findings.map((f) => f.rule)).toContain('pupil-mention');
    await stored();
  });
});
