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
