import { describe, expect, it } from 'vitest';
import { parseArgs, parseOptions } from '../../../lib/cli/options';

const spec = { values: ['school', 'out'], lists: ['aliases'], switches: ['hash'] };

describe('command-line options', () => {
  it('lists may be repeated and comma-separated; switches take no value; --name=value works', () => {
    const parsed = parseArgs(['--aliases', 'SEPS, St Example\'s', '--hash', '--aliases=@StExample', '--school=St Example\'s', '--out', 'dist'], spec);
    expect(parsed).toEqual({ values: { school: "St Example's", out: 'dist' }, lists: { aliases: ['SEPS', "St Example's", '@StExample'] }, switches: new Set(['hash']) });
  });

  it('says what is wrong', () => {
    expect(parseArgs(['--hash=yes'], spec)).toBe('Option --hash takes no value.');
    expect(parseArgs(['--school'], spec)).toBe('Option --school needs a value.');
    expect(parseArgs(['--aliases', '--hash'], spec)).toBe('Option --aliases needs a value.');
    expect(parseArgs(['--colour', 'red'], spec)).toBe('Unknown option "--colour".');
    expect(parseArgs(['school'], spec)).toBe('Unknown option "school".');
  });

  it('parseOptions (the check command) keeps one value per option, as before', () => {
    expect(parseOptions(['--policy', 'a.json', '--input=b.jsonl'], ['policy', 'input'])).toEqual({ policy: 'a.json', input: 'b.jsonl' });
    expect(parseOptions(['--hash'], ['policy'])).toBe('Unknown option "--hash".');
  });
});
