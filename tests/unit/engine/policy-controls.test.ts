/** The policy's controls over the engine: clauses and links, rule switches, severities, sites and surfaces. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { RULES } from '../../../lib/engine/rules/catalogue';
import { loadFixturePolicy } from '../helpers';

const base = loadFixturePolicy();
// A pupil named, and a school occasion as a separate reference (school-life).
const text = 'Jack Smith was brilliant at sports day today';

describe('policy controls', () => {
  it('gives each finding our clause summary and advice by default, with the school policy link', () => {
    const [f] = createEngine(base).check(text, { surface: 'post' });
    expect(f.rule).toBe('pupil-mention');
    expect(f.clause).toEqual({ text: RULES['pupil-mention'].clause, bySchool: false, url: base.policyUrl });
    expect(f.advice).toBe(RULES['pupil-mention'].advice);
  });

  it("uses the school's own clause wording when the policy gives it", () => {
    const own = 'Section 4.2: staff must not refer to any pupil on social media.';
    const [f] = createEngine({ ...base, rules: { 'pupil-mention': { clause: own } } }).check(text, { surface: 'post' });
    expect(f.clause).toMatchObject({ text: own, bySchool: true });
  });

  it('turns a rule off', () => {
    const rules = (p: typeof base) => createEngine(p).check(text, { surface: 'post' }).map((f) => f.rule);
    expect(rules(base)).toEqual(['pupil-mention', 'school-life']);
    expect(rules({ ...base, rules: { 'pupil-mention': { enabled: false } } })).toEqual(['school-life']);
  });

  it('overrides a rule severity, and puts high findings first', () => {
    const found = createEngine({ ...base, rules: { 'school-life': { severity: 'high' }, 'pupil-mention': { severity: 'low' } } }).check(text, { surface: 'post' });
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['school-life', 'high'],
      ['pupil-mention', 'low'],
    ]);
  });

  it('honours per-site and per-surface switches', () => {
    const engine = createEngine({ ...base, sites: { x: { enabled: false }, facebook: { surfaces: { message: false } } } });
    expect(engine.check(text, { surface: 'post', site: 'x' })).toEqual([]);
    expect(engine.check(text, { surface: 'message', site: 'facebook' })).toEqual([]);
    expect(engine.check(text, { surface: 'comment', site: 'facebook' })).not.toEqual([]);
    expect(engine.check(text, { surface: 'post', site: 'tiktok' })).not.toEqual([]);
  });

  it('reports roster entries it cannot use, by path', () => {
    const engine = createEngine({ pupils: [{ name: 'Jack Smith' }, { name: '!!!' }], staff: [{ hashed: { first: { k: 'abc' } } }] });
    expect(engine.compiled.warnings).toEqual([
      'pupils[1] has no letters in its name and is ignored.',
      'staff[0] is hashed but the policy has no rosterHash key, so it cannot be matched.',
    ]);
  });
});
