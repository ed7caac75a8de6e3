import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../../lib/policy/validate';
import { loadFixturePolicy } from '../helpers';

describe('validatePolicy', () => {
  it('accepts the example policy from the product brief unchanged', () => {
    const brief = {
      schoolName: "St Example's C of E Primary School",
      schoolAliases: ["St Example's", 'SEPS', '@StExamplePrimary', '#StExampleFamily', 'stexample.sch.uk'],
      organisations: ['Example Learning Trust', 'Exampleshire County Council'],
      staff: [{ name: 'Sarah Jones', role: 'Headteacher' }],
      pupils: [{ name: 'Jack Smith', aliases: ['Jacko'] }],
      formerPupils: [{ name: 'Amy Brown' }],
      parents: [{ name: 'Paul Smith' }],
      mode: 'warn',
      rules: { 'working-hours': { enabled: false }, derogatory: { severity: 'high' } },
    };
    const result = validatePolicy(brief);
    expect(result.issues).toEqual([]);
    expect(result.policy).toEqual(brief);
  });

  it('collects every error with its JSON path and a plain message', () => {
    const { policy, issues } = validatePolicy({
      mode: 'shout',
      pupils: [{ name: 'Jack Smith' }, { name: 42 }, {}],
      rules: { derogatory: { severity: 'very high' } },
      schoolAliases: 'SEPS',
    });
    expect(policy).toBeUndefined();
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['mode']).toBe('Must be one of "warn", "confirm"; found "shout".');
    expect(byPath['pupils[1].name']).toBe('Expected text, found the number 42.');
    expect(byPath['pupils[2]']).toMatch(/either "name" or "hashed"/);
    expect(byPath['rules.derogatory.severity']).toMatch(/one of "high", "medium", "low"; found "very high"/);
    expect(byPath['schoolAliases']).toBe('Expected a list, found "SEPS".');
    expect(issues.every((i) => i.level === 'error')).toBe(true);
  });

  it('reports unknown keys as warnings, with paths, and still accepts the policy', () => {
    const { policy, issues } = validatePolicy({ schoolName: 'Oakfield', colour: 'blue', pupils: [{ name: 'Jack Smith', yearGroup: 6 }], rules: { 'pupil-mentions': {} } });
    expect(policy?.schoolName).toBe('Oakfield');
    expect(issues.map((i) => [i.level, i.path])).toEqual([
      ['warning', 'colour'],
      ['warning', 'pupils[0].yearGroup'],
      ['warning', 'rules.pupil-mentions'],
    ]);
  });

  it('rejects something that is not an object', () => {
    expect(validatePolicy('{"schoolName": 1}').issues[0]).toMatchObject({ path: '', level: 'error' });
    expect(validatePolicy([]).issues[0].message).toMatch(/must be a JSON object; found a list/);
  });

  it('accepts the test fixture policy', () => {
    expect(loadFixturePolicy().schoolName).toContain('St Example');
  });
});
