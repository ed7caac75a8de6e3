/** `check --archive`: a site's data export checked on the command line, as an admin would run it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTestArchives } from '../../fixtures/archives/build';
import { runCli } from '../../support/run-cli';
import { loadFixturePolicy } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'second-look-cli-archive-'));
const policyFile = join(dir, 'policy.json');
writeFileSync(policyFile, JSON.stringify(loadFixturePolicy()));
const archives = writeTestArchives(dir);

describe('check --archive', () => {
  it('prints one JSON line per post of an X archive, with its date and link, and a summary on standard error', async () => {
    const { x } = await archives;
    const { code, stdout, stderr } = await runCli(['check', '--policy', policyFile, '--archive', x]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(8);
    const jack = lines.find((l) => l.id === 'x-1700000000000000001');
    expect(Object.keys(jack)).toEqual(['id', 'site', 'kind', 'surface', 'date', 'link', 'text', 'findings']);
    expect(jack).toMatchObject({
      site: 'x',
      kind: 'post',
      surface: 'post',
      date: '2023-09-11T15:04:05.000Z',
      link: 'https://x.com/sam_teacher/status/1700000000000000001',
      text: 'So proud of Jack Smith in assembly today!',
    });
    expect(jack.findings).toContainEqual({ rule: 'pupil-mention', severity: 'high', start: 12, end: 22, message: '“Jack Smith” names a pupil at your school.' });
    expect(lines.find((l) => l.id === 'x-1700000000000000002').findings).toEqual([]);
    const flagged = lines.filter((l) => l.findings.length).length;
    expect(flagged).toBeGreaterThanOrEqual(5);
    expect(stderr).toBe(`${x}: X export, 8 checked, ${flagged} may break the policy.\n`);
  });

  it('reads each site’s export', async () => {
    const paths = await archives;
    for (const site of ['facebook', 'instagram', 'tiktok'] as const) {
      const { code, stdout } = await runCli(['check', '--policy', policyFile, '--archive', paths[site]]);
      expect(code, site).toBe(0);
      const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.every((l) => l.site === site)).toBe(true);
      expect(lines.some((l) => l.findings.some((f: { rule: string }) => f.rule === 'pupil-mention'))).toBe(true);
    }
  });

  it('a file that is not an export, or not there, gets a clear message and exit code 2', async () => {
    const notZip = join(dir, 'notes.zip');
    writeFileSync(notZip, 'hello');
    const bad = await runCli(['check', '--policy', policyFile, '--archive', notZip]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(`${notZip}: This file is not a zip archive`);
    const missing = await runCli(['check', '--policy', policyFile, '--archive', join(dir, 'missing.zip')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.zip: cannot read the archive: no such file.');
    const both = await runCli(['check', '--policy', policyFile, '--archive', notZip, '--input', notZip]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('check reads one of --input, --archive or --image.');
  });
});
