import { describe, expect, it } from 'vitest';
import { describeIssues, describePath, SETTING_NAMES } from '../../../lib/settings/issue-words';
import { policySchemas } from '../../../lib/policy/schema';
import { resolvePolicy } from '../../../lib/policy/resolve';

describe('policy problems in plain words', () => {
  it('has a plain name for every top-level setting of the schema', () => {
    expect(Object.keys(SETTING_NAMES).sort()).toEqual(Object.keys(policySchemas().Policy.shape).sort());
  });

  it('says where, in words and as the JSON path', () => {
    expect(describePath('pupils[3].name')).toBe('pupil list, entry 4, name');
    expect(describePath('rules.derogatory.severity')).toBe('rules, derogatory, severity');
    expect(describePath('')).toBe('the whole policy');
  });

  it('explains a broken school policy and what is in force meanwhile', () => {
    const r = resolvePolicy({ raw: { schoolName: 'Oakfield', mode: 'shout' }, lastGood: { schoolName: 'Oakfield' } }, { raw: undefined });
    const [group] = describeIssues(r);
    expect(group.heading).toBe('Your school’s settings have a problem');
    expect(group.consequence).toBe('The last working version of your school’s settings is still in force.');
    expect(group.items).toEqual([{ level: 'error', path: 'mode', where: 'mode', message: 'Must be one of "warn", "confirm"; found "shout".' }]);
  });

  it('says which settings are used when a broken policy has no working copy', () => {
    const managed = describeIssues(resolvePolicy({ raw: { pupils: 'everyone' } }, { raw: { schoolName: 'Mine' } }));
    expect(managed[0].consequence).toBe('Your school’s settings could not be used, so your own settings are in force.');
    const personal = describeIssues(resolvePolicy({ raw: undefined }, { raw: { staff: [{ name: 5 }] } }));
    expect(personal[0].heading).toBe('Your own settings have a problem');
    expect(personal[0].consequence).toBe('The built-in settings are in force until this is fixed.');
    expect(personal[0].items[0]).toMatchObject({ path: 'staff[0].name', where: 'staff list, entry 1, name' });
  });

  it('treats unknown settings as ignored, not as a failure', () => {
    const [group] = describeIssues(resolvePolicy({ raw: undefined }, { raw: { schoolName: 'Mine', colour: 'red' } }));
    expect(group.heading).toBe('Your own settings: something was ignored');
    expect(group.consequence).toBe('');
    expect(group.items[0]).toMatchObject({ level: 'warning', path: 'colour' });
  });
});
