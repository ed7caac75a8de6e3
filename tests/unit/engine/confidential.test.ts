import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { loadFixturePolicy, ofRule } from '../helpers';

const engine = createEngine(loadFixturePolicy());

describe('confidential', () => {
  it.each([
    ['a safeguarding matter', 'Another safeguarding referral today', 'safeguarding referral'],
    ['child protection', 'Child protection conference all afternoon', 'Child protection conference'],
    ['an EHCP', 'Finally got the EHCP through', 'EHCP'],
    ['social services', 'Social services were called', 'Social services'],
    ['an exclusion, in a post about school', 'One of my pupils got excluded today', 'excluded'],
    ['a medical detail with a pupil named', 'Jack Smith forgot his EpiPen again', 'EpiPen'],
    ['a disciplinary matter, in a post about school', 'Colleague facing a disciplinary at school', 'disciplinary'],
    ['an unpublished inspection outcome', 'We got outstanding!! Ofsted report not out yet', 'We got outstanding'],
  ])('flags %s at high severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'confidential', text)).toContainEqual({ rule: 'confidential', severity: 'high', evidence });
  });

  it.each([
    ['a weaker word with no school context', 'I got excluded from the group chat lol'],
    ['a diagnosis about a pet', 'The vet gave a diagnosis at last'],
    ['outstanding used as praise', 'Outstanding curry tonight'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'confidential', text)).toEqual([]);
  });
});
