import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { loadFixturePolicy, ofRule } from '../helpers';

const engine = createEngine(loadFixturePolicy());

describe('profession-disclosure', () => {
  it.each([
    ['profile-job', 'Teacher', 'Teacher', 'medium'],
    ['profile-job', 'Teaching Assistant', 'Teaching Assistant', 'medium'],
    ['profile-bio', 'Year 4 teacher, mum of two, coffee addict', 'Year 4 teacher', 'medium'],
    ['profile-bio', 'SENCO and proud', 'SENCO', 'medium'],
    ['profile-name', 'Mrs Smith - Y6 teacher', 'Y6 teacher', 'medium'],
    ['profile-job', 'ECT', 'ECT', 'medium'],
    ['profile-job', "Headteacher at St Example's", 'Headteacher', 'high'],
  ] as const)('flags %s "%s"', (surface, text, evidence, severity) => {
    expect(ofRule(engine, 'profession-disclosure', text, surface)).toContainEqual({ rule: 'profession-disclosure', severity, evidence });
  });

  it('only runs on profile fields', () => {
    expect(ofRule(engine, 'profession-disclosure', 'Year 4 teacher, mum of two', 'post')).toEqual([]);
  });

  it.each([['Nurse'], ['Software engineer at a bank'], ['Dog mum, runner, Leeds']])('stays quiet for "%s"', (text) => {
    expect(ofRule(engine, 'profession-disclosure', text, 'profile-bio')).toEqual([]);
  });
});
