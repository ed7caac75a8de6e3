/** lib/engine/check.ts: one finding per piece of evidence, and the school's own accounts. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { officialAccount } from '../../../lib/background/official-accounts';
import type { Policy } from '../../../lib/policy/schema';

const policy: Policy = {
  schoolName: 'Oakfield Primary School',
  schoolAliases: ['@OakfieldPS'],
  pupils: [{ name: 'Jack Smith' }],
  officialAccounts: { x: ['@OakfieldPS'], facebook: ['Oakfield Primary School'] },
};
const engine = createEngine(policy);
const spans = (text: string, opts: Parameters<typeof engine.check>[1]) => engine.check(text, opts).map((f) => `${f.rule}:${text.slice(f.start, f.end)}`);

describe('one finding per piece of evidence', () => {
  it('does not flag the words inside the school’s name again as telling where you work', () => {
    const found = spans('Teacher at Oakfield Primary School', { surface: 'profile-job' });
    expect(found).toContain('school-mention:Oakfield Primary School');
    expect(found).toContain('profession-disclosure:Teacher');
    expect(found.filter((f) => f.endsWith(':Primary School'))).toEqual([]);
  });

  it('never has two findings whose evidence is the same or one inside the other, across many texts', () => {
    const texts = [
      'Teacher at Oakfield Primary School',
      'Year 6 teacher at Oakfield Primary. Views my own.',
      'Headteacher, Oakfield Primary School #OakfieldPS',
      'Jack Smith was brilliant in the nativity at Oakfield Primary School',
    ];
    for (const text of texts) {
      for (const surface of ['post', 'profile-job', 'profile-bio'] as const) {
        const f = engine.check(text, { surface });
        for (const a of f) for (const b of f) if (a !== b) expect(a.start <= b.start && b.end <= a.end, `${text}: ${a.rule} and ${b.rule}`).toBe(false);
      }
    }
  });
});

describe('the school’s own accounts', () => {
  const text = 'Well done to our Year 6 at Oakfield Primary School for a great sports day, and to Jack Smith for his safeguarding poster';
  it('stand naming the school, school life and the profession down, and keep pupils and confidential matters', () => {
    const usual = new Set(engine.check(text, { surface: 'post', site: 'x' }).map((f) => f.rule));
    expect(usual).toEqual(new Set(['school-mention', 'school-life', 'pupil-mention', 'confidential']));
    const official = new Set(engine.check(text, { surface: 'post', site: 'x', officialAccount: true }).map((f) => f.rule));
    expect(official).toEqual(new Set(['pupil-mention', 'confidential']));
    expect(engine.check('Year 6 teacher at Oakfield', { surface: 'profile-bio', officialAccount: true })).toEqual([]);
  });

  it('are recognised whatever the case, with or without the @, and per site', () => {
    expect(officialAccount(policy, 'x', 'oakfieldps')).toBe('@OakfieldPS');
    expect(officialAccount(policy, 'x', '@OAKFIELDPS')).toBe('@OakfieldPS');
    expect(officialAccount(policy, 'facebook', 'Oakfield Primary School')).toBe('Oakfield Primary School');
    expect(officialAccount(policy, 'instagram', 'oakfieldps')).toBeUndefined();
    expect(officialAccount(policy, 'x', 'sam')).toBeUndefined();
    expect(officialAccount(policy, 'x', undefined)).toBeUndefined();
    expect(officialAccount({}, 'x', 'oakfieldps')).toBeUndefined();
  });
});
