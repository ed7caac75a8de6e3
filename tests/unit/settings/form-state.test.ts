import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { DEFAULT_POLICY, resolvePolicy } from '../../../lib/policy/resolve';
import type { Policy } from '../../../lib/policy/schema';
import { formToPolicy, policyToForm, type SettingsForm } from '../../../lib/settings/form-state';

const KEY = 'c2Vjb25kLWxvb2stdGVzdC1rZXktMDEyMzQ1Njc4OQ';
const empty = (): SettingsForm => policyToForm(undefined, DEFAULT_POLICY, []);
const rules = (text: string, policy: Policy) => createEngine(policy).check(text, { surface: 'post' }).map((f) => f.rule);

describe('the options form becomes the person’s own policy', () => {
  it('saves what was typed as a policy that warns on those names', () => {
    const form = empty();
    form.schoolName = ' Oakfield Primary School ';
    form.schoolAliases = 'Oakfield\n\n#OakfieldFamily\n';
    form.pupils.text = 'Jack Smith\nOlivia Brown (Liv)';
    form.staff.text = 'Sarah Jones - Headteacher';
    form.mode = 'confirm';
    const { policy, problems } = formToPolicy(form, { stored: undefined, lockedKeys: [] });
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      schoolName: 'Oakfield Primary School',
      schoolAliases: ['Oakfield', '#OakfieldFamily'],
      pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown', aliases: ['Liv'] }],
      staff: [{ name: 'Sarah Jones', role: 'Headteacher' }],
      mode: 'confirm',
    });
    expect(rules('Well done Olivia Brown, said Mrs Jones', policy!).sort()).toEqual(['colleague-mention', 'pupil-mention']);
    expect(rules('Lovely walk by the river', policy!)).toEqual([]);
  });

  it('turns rules and sites off, sets severities, and opens again as it was saved', () => {
    const form = empty();
    form.rules['school-life'].enabled = false;
    form.rules.derogatory.severity = 'high';
    form.sites.tiktok = false;
    const { policy } = formToPolicy(form, { stored: undefined, lockedKeys: [] });
    expect(policy!.rules).toEqual({ 'school-life': { enabled: false }, derogatory: { severity: 'high' } });
    expect(policy!.sites).toEqual({ tiktok: { enabled: false } });
    expect(policyToForm(policy, DEFAULT_POLICY, [])).toEqual(form);
  });

  it('keeps what the form does not show: organisations, clause wording, per-surface switches', () => {
    const stored = {
      organisations: ['Example Trust'],
      rules: { 'school-life': { clause: 'Our words', terms: ['forest school'] } },
      sites: { x: { surfaces: { message: false } } },
    };
    const form = policyToForm(stored, DEFAULT_POLICY, []);
    form.rules['school-life'].enabled = false;
    const { policy } = formToPolicy(form, { stored, lockedKeys: [] });
    expect(policy).toMatchObject({
      organisations: ['Example Trust'],
      rules: { 'school-life': { clause: 'Our words', terms: ['forest school'], enabled: false } },
      sites: { x: { surfaces: { message: false } } },
    });
  });

  it('saves nothing and says where when a line or the link is wrong', () => {
    const form = empty();
    form.pupils.text = 'Jack Smith\nSmith, Olivia';
    form.policyUrl = 'javascript:alert(1)';
    const result = formToPolicy(form, { stored: undefined, lockedKeys: [] });
    expect(result.policy).toBeUndefined();
    expect(result.problems).toEqual([
      { field: 'pupils', message: expect.stringMatching(/^Line 2: “Smith, Olivia” has a comma/) },
      { field: 'policyUrl', message: expect.stringMatching(/https:\/\//), path: 'policyUrl' },
    ]);
  });

  it('puts a schema error next to the field that caused it', () => {
    // A stored policy broken outside the form (say, by hand): its problem is reported, not lost.
    const result = formToPolicy(empty(), { stored: { organisations: 'Example Trust' }, lockedKeys: [] });
    expect(result.policy).toBeUndefined();
    expect(result.problems).toEqual([{ field: 'other', path: 'organisations', message: 'Expected a list, found "Example Trust".' }]);
  });

  it('never writes keys locked by the school, and keeps the person’s own value for them', () => {
    const stored = { schoolName: 'My old school', pupils: [{ name: 'Amy Brown' }] };
    const inForce = { schoolName: 'Oakfield Primary School', mode: 'confirm' as const };
    const form = policyToForm(stored, inForce, ['schoolName', 'mode']);
    expect(form.schoolName).toBe('Oakfield Primary School');
    expect(form.mode).toBe('confirm');
    form.schoolName = 'Changed';
    form.mode = 'warn';
    form.pupils.text += '\nJack Smith';
    const { policy } = formToPolicy(form, { stored, lockedKeys: ['schoolName', 'mode'] });
    expect(policy).toEqual({ schoolName: 'My old school', pupils: [{ name: 'Amy Brown' }, { name: 'Jack Smith' }] });
    // And managed policy still wins when both are resolved.
    expect(resolvePolicy({ raw: inForce }, { raw: policy }).policy).toMatchObject({ schoolName: 'Oakfield Primary School', mode: 'confirm' });
  });

  it('hashing never touches a list the school locks', () => {
    const stored = { pupils: [{ name: 'Amy Brown' }] };
    const form = policyToForm(stored, { pupils: [{ name: 'Jack Smith' }] }, ['pupils']);
    form.staff.text = 'Sarah Jones';
    form.keepHashed = true;
    const { policy } = formToPolicy(form, { stored, lockedKeys: ['pupils'], makeKey: () => KEY });
    expect(policy!.pupils).toEqual([{ name: 'Amy Brown' }]);
    expect(JSON.stringify(policy!.staff)).not.toMatch(/sarah|jones/i);
  });

  it('keeps names hashed when asked: no names saved, the same warnings, and later names hashed with the same key', () => {
    const form = empty();
    form.pupils.text = 'Jack Smith';
    form.keepHashed = true;
    const first = formToPolicy(form, { stored: undefined, lockedKeys: [], makeKey: () => KEY }).policy!;
    expect(JSON.stringify(first)).not.toMatch(/jack|smith/i);
    expect(first.rosterHash).toEqual({ scheme: 'hmac-sha256-96', key: KEY });
    expect(rules('Well done Jack Smith', first)).toContain('pupil-mention');

    const reopened = policyToForm(first, DEFAULT_POLICY, []);
    expect(reopened.pupils).toEqual({ text: '', hashed: first.pupils });
    expect(reopened.keepHashed).toBe(true);
    reopened.pupils.text = 'Olivia Brown';
    const second = formToPolicy(reopened, { stored: first, lockedKeys: [], makeKey: () => 'never used' }).policy!;
    expect(second.rosterHash!.key).toBe(KEY);
    expect(second.pupils).toHaveLength(2);
    expect(JSON.stringify(second)).not.toMatch(/olivia|brown/i);
    expect(rules('Jack Smith and Olivia Brown', second)).toEqual(['pupil-mention', 'pupil-mention']);
  });

  it('keeps hashed entries and their key when hashing is turned off, hashing only new names from then', () => {
    const form = empty();
    form.pupils.text = 'Jack Smith';
    form.keepHashed = true;
    const hashed = formToPolicy(form, { stored: undefined, lockedKeys: [], makeKey: () => KEY }).policy!;
    const reopened = policyToForm(hashed, DEFAULT_POLICY, []);
    reopened.keepHashed = false;
    reopened.pupils.text = 'Olivia Brown';
    const plain = formToPolicy(reopened, { stored: hashed, lockedKeys: [] }).policy!;
    expect(plain.rosterHash?.key).toBe(KEY);
    expect(plain.pupils![1]).toEqual({ name: 'Olivia Brown' });
    expect(rules('Jack Smith and Olivia Brown', plain)).toEqual(['pupil-mention', 'pupil-mention']);
  });
});
