import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withGeneratedSections } from '../../lib/docs/tables';
import { TEXT_RULE_IDS } from '../../lib/policy/rule-ids';
import { validatePolicy } from '../../lib/policy/validate';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has the policy and rule tables as generated from the schema (run `npm run docs` after changing it)', () => {
    expect(readme).toBe(withGeneratedSections(readme));
  });

  it('documents every policy field of the brief and every rule id', () => {
    for (const key of ['schoolName', 'schoolAliases', 'organisations', 'staff[].name', 'pupils[].aliases', 'formerPupils', 'parents', 'mode', 'rules.<rule id>.severity', 'rosterHash.key']) {
      expect(readme).toContain(`\`${key}\``);
    }
    for (const id of TEXT_RULE_IDS) expect(readme).toContain(`\`${id}\``);
  });

  it('starts with the two set-up commands, and CI runs the test command it gives', () => {
    const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    const firstBlock = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
    expect(firstBlock).toMatch(/npm ci && npm start/);
    expect(firstBlock).toMatch(/bash \.ci\/run/);
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/npm test/);
  });
});

describe('docs/deploy.md', () => {
  it('has a siteOverrides example that the policy validator accepts as it is', () => {
    const deploy = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');
    const section = deploy.slice(deploy.indexOf('(`siteOverrides`)'));
    const example = JSON.parse(section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7)));
    expect(Object.keys(example.siteOverrides)).toEqual(['x', 'facebook']);
    expect(validatePolicy(example).issues).toEqual([]);
  });
});
