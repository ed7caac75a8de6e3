import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, resolvePolicy } from '../../../lib/policy/resolve';
import { refreshPolicyState, STORAGE_KEYS } from '../../../lib/policy/store';
import { memoryArea } from '../helpers';

describe('resolvePolicy: managed > personal > defaults', () => {
  it('uses the defaults when nothing is set', () => {
    const r = resolvePolicy({ raw: undefined }, { raw: {} });
    expect(r.source).toBe('defaults');
    expect(r.policy).toEqual(DEFAULT_POLICY);
    expect(r.issues).toEqual([]);
  });

  it('lets managed keys win over personal ones and locks them', () => {
    const r = resolvePolicy(
      { raw: { schoolName: 'Oakfield Primary School', mode: 'confirm', rules: { derogatory: { severity: 'high' } } } },
      { raw: { schoolName: 'My Own School', mode: 'warn', rules: { derogatory: { enabled: false }, 'school-life': { enabled: false } } } },
    );
    expect(r.source).toBe('managed');
    expect(r.policy.schoolName).toBe('Oakfield Primary School');
    expect(r.policy.mode).toBe('confirm');
    expect(r.policy.rules?.derogatory).toEqual({ enabled: false, severity: 'high' });
    expect(r.policy.rules?.['school-life']).toEqual({ enabled: false });
    expect(r.lockedKeys.sort()).toEqual(['mode', 'rules', 'schoolName']);
  });

  it('keeps the last good managed policy when the new one is broken, and says why', () => {
    const lastGood = { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }] };
    const r = resolvePolicy({ raw: { schoolName: 'Oakfield', mode: 'shout' }, lastGood }, { raw: undefined });
    expect(r.source).toBe('managed');
    expect(r.policy.pupils).toEqual([{ name: 'Jack Smith' }]);
    expect(r.issues).toEqual([{ source: 'managed', issues: [expect.objectContaining({ path: 'mode', level: 'error' })] }]);
    expect(r.newLastGood.managed).toBeUndefined();
  });

  it('falls back to personal settings when a broken managed policy has no last good copy', () => {
    const r = resolvePolicy({ raw: { pupils: 'everyone' } }, { raw: { schoolName: 'My Own School' } });
    expect(r.source).toBe('personal');
    expect(r.policy.schoolName).toBe('My Own School');
    expect(r.issues[0].source).toBe('managed');
  });
});

describe('refreshPolicyState', () => {
  function memoryArea(initial: Record<string, unknown> = {}) {
    const data: Record<string, unknown> = { ...initial };
    return {
      data,
      get: async (keys: string[] | null) => (keys === null ? { ...data } : Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]))),
      set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    };
  }

  it('caches a good managed policy and keeps it in force when the next one is broken', async () => {
    const local = memoryArea();
    let managed: Record<string, unknown> = { schoolName: 'Oakfield Primary School', mode: 'confirm' };
    const storage = { managed: { get: async () => managed }, local };
    const first = await refreshPolicyState(storage as never, { now: 1 });
    expect(first.source).toBe('managed');
    expect(local.data[STORAGE_KEYS.lastGoodManaged]).toEqual(managed);

    managed = { schoolName: 'Oakfield Primary School', mode: 'loud' };
    const second = await refreshPolicyState(storage as never, { now: 2 });
    expect(second.policy.mode).toBe('confirm');
    expect(second.issues[0].issues[0]).toMatchObject({ path: 'mode', level: 'error' });
    expect(local.data[STORAGE_KEYS.state]).toEqual(second);
  });

  it('keeps the siteOverrides apart for content scripts (never the rosters), and says when the policy in force changed', async () => {
    const local = memoryArea();
    let managed: Record<string, unknown> = {
      schoolName: 'Oakfield Primary School',
      pupils: [{ name: 'Jack Smith' }],
      siteOverrides: { x: { defaultSurface: 'comment' } },
    };
    const storage = { managed: { get: async () => managed }, local };
    const changed: number[] = [];
    const onPolicyChanged = (s: { updatedAt: number }) => changed.push(s.updatedAt);
    await refreshPolicyState(storage as never, { now: 1, onPolicyChanged });
    expect(local.data[STORAGE_KEYS.siteOverrides]).toEqual({ x: { defaultSurface: 'comment' } });
    expect(JSON.stringify(local.data[STORAGE_KEYS.siteOverrides])).not.toContain('Jack');
    // Read again (as on every wake-up), keys in another order as Chrome's storage gives them: no change.
    local.data[STORAGE_KEYS.state] = JSON.parse(JSON.stringify(local.data[STORAGE_KEYS.state], (k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    await refreshPolicyState(storage as never, { now: 2, onPolicyChanged });
    expect(changed).toEqual([1]);
    managed = { ...managed, siteOverrides: undefined, mode: 'confirm' };
    await refreshPolicyState(storage as never, { now: 3, onPolicyChanged });
    expect(changed).toEqual([1, 3]);
    expect(local.data[STORAGE_KEYS.siteOverrides]).toEqual({});
  });

  it('does not wait for a slow managed area: uses the cached copy, then refreshes when it answers', async () => {
    const local = memoryArea({ [STORAGE_KEYS.lastGoodManaged]: { schoolName: 'Oakfield Primary School' } });
    let answer!: (v: unknown) => void;
    const slow = { get: () => new Promise((resolve) => (answer = resolve)) };
    let late = 0;
    const state = await refreshPolicyState({ managed: slow, local } as never, { managedWaitMs: 20, onManagedLate: () => late++ });
    expect(state.source).toBe('managed');
    expect(state.policy.schoolName).toBe('Oakfield Primary School');
    expect(late).toBe(0);
    answer({ schoolName: 'Oakfield Primary School', mode: 'confirm' });
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toBe(1);
  });

  it('works when the managed area is missing or rejects', async () => {
    const local = memoryArea({ [STORAGE_KEYS.personal]: { schoolName: 'Mine' } });
    expect((await refreshPolicyState({ local } as never)).source).toBe('personal');
    const rejecting = { get: async () => Promise.reject(new Error('Managed storage manifest key not set')) };
    expect((await refreshPolicyState({ managed: rejecting, local } as never)).policy.schoolName).toBe('Mine');
  });
});

describe('a school roster sent packed (the compact hashed scheme)', () => {
  it('replaces and locks the person\'s own list, as a plain list would', async () => {
    const { hashPolicy } = await import('../../../lib/policy/hash-policy');
    const managed = hashPolicy({ schoolName: 'Oakfield', pupils: [{ name: 'Jack Smith' }] }, 'c2Vjb25kLWxvb2stdGVzdC1rZXktMDEyMzQ1Njc4OQ');
    const r = resolvePolicy({ raw: managed }, { raw: { pupils: [{ name: 'Amy Brown' }], staff: [{ name: 'Sarah Jones' }] } });
    expect(r.lockedKeys).toContain('pupils');
    expect(r.lockedKeys).not.toContain('staff');
    expect(r.policy.pupils).toBeUndefined();
    expect(r.policy.staff).toEqual([{ name: 'Sarah Jones' }]);
  });
});
