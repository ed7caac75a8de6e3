/**
 * storage.managed rejecting: Firefox's answer when policies.json is missing, broken or has no entry for
 * the extension. Once a school's policy has been in force, it stays in force and the problem is shown;
 * before that, rejecting means "no school policy".
 */
import { describe, expect, it } from 'vitest';
import { refreshPolicyState, STORAGE_KEYS, UNREADABLE_MANAGED_MESSAGE } from '../../../lib/policy/store';

function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    get: async (keys: string[] | null) => (keys === null ? { ...data } : Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]))),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}
const rejecting = { get: () => Promise.reject(new Error('Managed storage manifest not found')) };

describe('managed storage that cannot be read', () => {
  it('keeps the last good school policy in force, locked, and says why', async () => {
    const local = memoryArea({
      [STORAGE_KEYS.personal]: { schoolName: 'Mine', mode: 'warn' },
      [STORAGE_KEYS.lastGoodManaged]: { schoolName: 'Oakfield Primary School', mode: 'confirm' },
    });
    const state = await refreshPolicyState({ managed: rejecting, local });
    expect(state.source).toBe('managed');
    expect(state.policy).toMatchObject({ schoolName: 'Oakfield Primary School', mode: 'confirm' });
    expect(state.lockedKeys).toEqual(expect.arrayContaining(['schoolName', 'mode']));
    expect(state.issues).toEqual([{ source: 'managed', issues: [{ path: '', message: UNREADABLE_MANAGED_MESSAGE, level: 'error' }] }]);
  });

  it('means no school policy when none was ever in force', async () => {
    const local = memoryArea({ [STORAGE_KEYS.personal]: { schoolName: 'Mine' } });
    const state = await refreshPolicyState({ managed: rejecting, local });
    expect(state.source).toBe('personal');
    expect(state.issues).toEqual([]);
  });

  it('an empty answer (the school removed the settings) still hands back to the person’s own settings', async () => {
    const local = memoryArea({ [STORAGE_KEYS.personal]: { schoolName: 'Mine' }, [STORAGE_KEYS.lastGoodManaged]: { schoolName: 'Oakfield Primary School' } });
    const state = await refreshPolicyState({ managed: { get: async () => ({}) }, local });
    expect(state.source).toBe('personal');
    expect(state.policy.schoolName).toBe('Mine');
  });
});
