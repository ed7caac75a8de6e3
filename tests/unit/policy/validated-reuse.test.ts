/**
 * The worker refreshes the policy on every wake-up. A source copy it validated before (its digest is
 * in storage.session) is not validated again: its last good copy and its problems stand. Any change,
 * an invalid copy, or no session area means validating as before.
 */
import { describe, expect, it } from 'vitest';
import { refreshPolicyState, STORAGE_KEYS, VALIDATED_KEY } from '../../../lib/policy/store';
import { memoryArea } from '../helpers';

const PERSONAL = { schoolName: 'Oakfield Primary School', mode: 'confirm', pupils: [{ name: 'Jack Smith' }], colour: 'blue' };

/** A last good copy no validation of PERSONAL would give: in force only if validation was skipped. */
const PLANTED = { schoolName: 'Planted School', mode: 'block' };

async function twice(session?: ReturnType<typeof memoryArea>) {
  const local = memoryArea({ [STORAGE_KEYS.personal]: PERSONAL });
  const first = await refreshPolicyState({ local, session } as never, { now: 1 });
  await local.set({ [STORAGE_KEYS.lastGoodPersonal]: PLANTED });
  return { local, first };
}

describe('refreshing a policy validated before', () => {
  it('takes the last good copy and its problems without validating the same copy again', async () => {
    const session = memoryArea();
    const { local, first } = await twice(session);
    expect(first.policy.schoolName).toBe('Oakfield Primary School');
    expect(first.issues).toEqual([{ source: 'personal', issues: [expect.objectContaining({ path: 'colour', level: 'warning' })] }]);
    const again = await refreshPolicyState({ local, session } as never, { now: 2 });
    expect(again.policy.schoolName).toBe('Planted School');
    expect(again.issues).toEqual(first.issues);
    // The session holds digests and problems, never the roster.
    expect(JSON.stringify(session.data[VALIDATED_KEY])).not.toMatch(/Jack|Smith/);
  });

  it('validates a changed copy', async () => {
    const session = memoryArea();
    const { local } = await twice(session);
    const { colour: _, ...known } = PERSONAL;
    await local.set({ [STORAGE_KEYS.personal]: { ...known, mode: 'warn' } });
    const changed = await refreshPolicyState({ local, session } as never, { now: 2 });
    expect(changed.policy).toMatchObject({ schoolName: 'Oakfield Primary School', mode: 'warn' });
    expect(changed.issues).toEqual([]);
  });

  it('validates an invalid copy every time, keeping the last good one in force, and reuses the good one again after', async () => {
    const session = memoryArea();
    const local = memoryArea({ [STORAGE_KEYS.personal]: PERSONAL });
    await refreshPolicyState({ local, session } as never, { now: 1 });
    await local.set({ [STORAGE_KEYS.personal]: { ...PERSONAL, mode: 'loud' } });
    for (const now of [2, 3]) {
      const broken = await refreshPolicyState({ local, session } as never, { now });
      expect(broken.policy.mode).toBe('confirm');
      expect(broken.issues[0].issues).toContainEqual(expect.objectContaining({ path: 'mode', level: 'error' }));
    }
    await local.set({ [STORAGE_KEYS.personal]: PERSONAL, [STORAGE_KEYS.lastGoodPersonal]: PLANTED });
    expect((await refreshPolicyState({ local, session } as never, { now: 4 })).policy.schoolName).toBe('Planted School');
  });

  it('validates every time without a session area', async () => {
    const { local } = await twice();
    expect((await refreshPolicyState({ local } as never, { now: 2 })).policy.schoolName).toBe('Oakfield Primary School');
  });

  it('reuses a managed copy read again, as on each wake-up', async () => {
    const session = memoryArea();
    const managed = { schoolName: 'Oakfield Primary School', staff: [{ name: 'Sarah Jones', role: 'Headteacher' }] };
    const local = memoryArea();
    const storage = { managed: { get: async () => managed }, local, session };
    expect((await refreshPolicyState(storage as never, { now: 1 })).source).toBe('managed');
    await local.set({ [STORAGE_KEYS.lastGoodManaged]: PLANTED });
    expect((await refreshPolicyState(storage as never, { now: 2 })).policy.schoolName).toBe('Planted School');
  });
});
