/** The real `check` command, run as an admin would run it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli';
import { hashPolicy } from '../../../lib/policy/hash-policy';
import { loadFixturePolicy } from '../helpers';


const cli = runCli;

const dir = mkdtempSync(join(tmpdir(), 'second-look-cli-'));
const policyFile = join(dir, 'policy.json');
writeFileSync(policyFile, JSON.stringify(loadFixturePolicy()));

describe('check command', () => {
  it('reads JSON lines from a file and writes one line of findings per post, with UTF-16 offsets', async () => {
    const input = join(dir, 'posts.jsonl');
    writeFileSync(input, ['{"id": "a", "text": "😀 Jack Smith was great", "surface": "post"}', '', '{"id": "b", "text": "Lovely walk with the dog", "surface": "comment"}'].join('\r\n'));
    const { code, stdout, stderr } = await cli(['check', '--policy', policyFile, '--input', input]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: 'a', findings: [{ rule: 'pupil-mention', severity: 'high', start: 3, end: 13, message: '“Jack Smith” names a pupil at your school.' }] },
      { id: 'b', findings: [] },
    ]);
  });

  it('reads standard input, reports bad lines by number, checks the rest and exits non-zero', async () => {
    const { code, stdout, stderr } = await cli(['check', '--policy', policyFile], '{"id": 1, "text": "Mrs Jones"}\nnot json\n{"id": 3, "text": "x", "surface": "tweet"}\n{"id": 4}\n');
    expect(code).toBe(1);
    expect(JSON.parse(stdout.trim())).toMatchObject({ id: 1, findings: [{ rule: 'colleague-mention' }] });
    expect(stderr).toContain('standard input: line 2: not valid JSON');
    expect(stderr).toContain('standard input: line 3: "surface" must be one of post, comment, reply, message, profile-job, profile-bio, profile-name; found "tweet"');
    expect(stderr).toContain('standard input: line 4: "text" must be a string and is missing');
  });

  it('accepts a policy in hashed form and gives the same findings', async () => {
    const hashedFile = join(dir, 'hashed.json');
    writeFileSync(hashedFile, JSON.stringify(hashPolicy(loadFixturePolicy())));
    const posts = '{"id": "x", "text": "Olivai Obrien and J Smith with Mrs Jones #JackSmith"}\n';
    const plain = await cli(['check', '--policy', policyFile], posts);
    const hashed = await cli(['check', '--policy', hashedFile], posts);
    expect(hashed.code).toBe(0);
    expect(hashed.stdout).toBe(plain.stdout);
    expect(JSON.parse(plain.stdout).findings.length).toBeGreaterThanOrEqual(4);
  });

  it('explains a broken policy by path and exits with 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ mode: 'shout', pupils: [{ name: 'Jack Smith' }, { nmae: 'Amy' }] }));
    const { code, stdout, stderr } = await cli(['check', '--policy', bad], '{"text": "hi"}\n');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('error at mode: Must be one of "warn", "confirm"; found "shout".');
    expect(stderr).toContain('warning at pupils[1].nmae: Unknown setting "nmae"');
  });

  it('says clearly when the policy file is missing or not JSON', async () => {
    expect((await cli(['check', '--policy', join(dir, 'nope.json')], '')).stderr).toMatch(/cannot read the policy file: no such file/);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ schoolName: ');
    expect((await cli(['check', '--policy', notJson], '')).stderr).toMatch(/not valid JSON/);
    expect((await cli(['check'])).stderr).toMatch(/check needs --policy/);
  });
});

describe('check --policy given a deployment file', () => {
  const posts = '{"id": "x", "text": "Jack Smith with Mrs Jones"}\n';
  const policy = loadFixturePolicy();
  const write = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };

  it.each([
    ['the Linux managed-policy file', { '3rdparty': { extensions: { pdgjohnhagklmmakfebhpmpepijjnfhf: policy } } }, /read the policy for extension pdgjohnhagklmmakfebhpmpepijjnfhf from 3rdparty\.extensions/],
    ['the Google Admin file', Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, { Value: v }])), /read a Google Admin console file/],
    ['Firefox policies.json', { policies: { DisableTelemetry: true, '3rdparty': { Extensions: { 'second-look@secondlook.school': policy } } } }, /policies\.3rdparty\.Extensions/],
  ])('%s: the policy inside is checked, with the same findings', async (_label, wrapped, note) => {
    const plain = await cli(['check', '--policy', policyFile], posts);
    const r = await cli(['check', '--policy', write('wrapped.json', wrapped)], posts);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(note);
    expect(r.stdout).toBe(plain.stdout);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['a Linux file for other extensions only', { '3rdparty': { extensions: { aaaabbbbccccddddaaaabbbbccccdddd: {}, bbbbccccddddaaaabbbbccccddddaaaa: {} } } }, /policy for 2 extensions .* none is Second Look's id/],
    ['a Linux file with no extension policy', { '3rdparty': {} }, /no extension policy in it/],
    ['a Firefox policies.json without Second Look', { policies: { DisableTelemetry: true } }, /Firefox policies\.json with no extension policy/],
    ['half wrapped as Google Admin', { schoolName: { Value: 'Oakfield' }, mode: 'warn' }, /Some settings are wrapped as \{"Value": …\}.*\(mode\)/],
    ['a .reg file', 'Windows Registry Editor Version 5.00\r\n', /This looks like a \.reg file\. Check policy\.json/],
    ['a macOS profile', '<?xml version="1.0"?><plist/>', /This looks like an XML file/],
  ])('%s is refused with a clear message, exit code 2', async (_label, content, message) => {
    const r = await cli(['check', '--policy', write('refused.json', content)], posts);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('the same verdicts as the options page: no link without https://, no empty school name, no "Surname, Forename"', async () => {
    const r = await cli(['check', '--policy', write('strict.json', { schoolName: ' ', policyUrl: 'oakfield.sch.uk/policy', pupils: [{ name: 'Smith, Olivia' }] })], posts);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error at schoolName: The school name is empty');
    expect(r.stderr).toContain('error at policyUrl: Give a web address starting with https://');
    expect(r.stderr).toContain('error at pupils[0].name: "Smith, Olivia" has a comma. Write the name first name first, as school uses it, for example "Olivia Smith".');
  });
});
