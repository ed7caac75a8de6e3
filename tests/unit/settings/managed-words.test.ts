/**
 * "When was the school's policy last read, and where did it come from": the background notes each
 * read and each change of managed policy; the popup and options page put it in words.
 */
import { describe, expect, it } from 'vitest';
import { refreshPolicyState, STORAGE_KEYS } from '../../../lib/policy/store';
import type { PolicyState } from '../../../lib/policy/storage-keys';
import { managedWords, whenWords } from '../../../lib/settings/managed-words';
import { memoryArea } from '../helpers';

const DAY = 86_400_000;
const NOON = new Date(2026, 10, 3, 12, 0).getTime();

describe('when managed policy was read and changed', () => {
  it('a read of the same policy moves "last read", not "last changed"; a new policy moves both', async () => {
    const local = memoryArea();
    let managed: Record<string, unknown> = { schoolName: 'Oakfield Primary School' };
    const storage = { managed: { get: async () => managed }, local };
    const first = await refreshPolicyState(storage as never, { now: NOON });
    expect(first.managedRead).toMatchObject({ at: NOON, changedAt: NOON });
    const again = await refreshPolicyState(storage as never, { now: NOON + 60_000 });
    expect(again.managedRead).toMatchObject({ at: NOON + 60_000, changedAt: NOON });
    managed = { schoolName: 'Oakfield Primary School', mode: 'confirm' };
    const changed = await refreshPolicyState(storage as never, { now: NOON + 120_000 });
    expect(changed.managedRead).toMatchObject({ at: NOON + 120_000, changedAt: NOON + 120_000 });
    expect(local.data[STORAGE_KEYS.state]).toEqual(changed);
  });

  it('no managed policy, no note; a slow read keeps the last note', async () => {
    const local = memoryArea({ [STORAGE_KEYS.personal]: { schoolName: 'Mine' } });
    expect((await refreshPolicyState({ managed: { get: async () => ({}) }, local } as never)).managedRead).toBeUndefined();
    const kept = { at: 5, changedAt: 1, fingerprint: 'x' };
    const withOld = memoryArea({ [STORAGE_KEYS.state]: { managedRead: kept }, [STORAGE_KEYS.lastGoodManaged]: { schoolName: 'Oakfield' } });
    const slow = { get: () => new Promise(() => {}) };
    expect((await refreshPolicyState({ managed: slow, local: withOld } as never, { managedWaitMs: 5 })).managedRead).toEqual(kept);
  });
});

describe('the words', () => {
  const state = (delivery?: object): Pick<PolicyState, 'source' | 'policy' | 'managedRead'> => ({
    source: 'managed',
    policy: { schoolName: 'Oakfield', ...(delivery ? { delivery } : {}) } as PolicyState['policy'],
    managedRead: { at: NOON - 5 * 60_000, changedAt: NOON - 2 * DAY, fingerprint: 'x' },
  });

  it('says when it was read and changed, in plain en-GB', () => {
    expect(whenWords(NOON - 3_600_000, NOON)).toBe('today at 11:00');
    expect(whenWords(NOON - DAY, NOON)).toBe('yesterday at 12:00');
    expect(whenWords(new Date(2026, 8, 1, 9, 5).getTime(), NOON)).toBe('1 September 2026 at 09:05');
    expect(managedWords(state(), NOON)!.read).toBe('Last read from the browser today at 11:55; last changed 1 November 2026 at 12:00.');
  });

  it('says where it came from when the policy tells: this computer, or the school account signed in', () => {
    expect(managedWords(state({ route: 'google-admin', built: '2026-11-02' }), NOON)!.from).toBe(
      'It came from your school’s Google Admin console, through the school account signed in to this browser (or this browser itself, if your school enrolled it), built on 2 November 2026.',
    );
    expect(managedWords(state({ route: 'windows-registry' }), NOON)!.from).toBe('It came from this computer’s policy (the Windows registry, set by your school).');
    expect(managedWords(state({ route: 'linux-file' }), NOON)!.from).toMatch(/^It came from this computer’s policy/);
    expect(managedWords(state(), NOON)!.from).toBe('The browser does not say where it came from: chrome://policy (edge://policy) shows its source.');
  });

  it('says nothing for a person\'s own settings', () => {
    expect(managedWords({ source: 'personal', policy: {} }, NOON)).toBeUndefined();
  });
});
