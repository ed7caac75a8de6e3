/**
 * Every vocabulary of the judgement rules carries the sentences it must catch and leave alone
 * (`examples` in assets/terms/<list>.json), and every entry is checked on its own: it must be
 * found, and a weaker entry (needsContext) must count only in a post about the job. So a list can
 * grow without anyone rereading it all.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { TERM_LISTS, type TermListId } from '../../../lib/engine/terms/term-lists';
import { loadFixturePolicy, ofRule } from '../helpers';

const engine = createEngine({ ...loadFixturePolicy(), rules: {} });

/** Which rule each list feeds, and a lead-in that makes its weaker entries count. */
const LISTS: { id: TermListId; rule: string; context: string }[] = [
  { id: 'school-life', rule: 'school-life', context: 'Back at school with my Year 4 class today:' },
  { id: 'school-life-class', rule: 'school-life', context: 'Long day at school, one of my Year 4s said:' },
  { id: 'school-life-events', rule: 'school-life', context: 'Long day at school with my Year 4 class:' },
  { id: 'school-life-work', rule: 'school-life', context: 'Long day at school with my Year 4 class:' },
  { id: 'school-life-setting', rule: 'school-life', context: 'Long day at school with my Year 4 class:' },
  { id: 'confidential', rule: 'confidential', context: 'About one of my Year 4 pupils at school:' },
  { id: 'confidential-staff', rule: 'confidential', context: 'At school, one of my colleagues in the staffroom:' },
  { id: 'confidential-school', rule: 'confidential', context: 'At school, the whole staff in the staffroom:' },
  { id: 'derogatory', rule: 'derogatory', context: 'The parents at school are' },
  { id: 'derogatory-stereotypes', rule: 'derogatory', context: 'These immigrants' },
];

interface Examples {
  catch: string[];
  leave: string[];
}

/** A listed term as someone would type it: "#" becomes a number. */
function written(term: string): string {
  return term.replace(/#/g, '6');
}

describe.each(LISTS)('vocabulary $id', ({ id, rule, context }) => {
  const list = TERM_LISTS[id] as (typeof TERM_LISTS)[TermListId] & { examples?: Examples };
  const weak = new Set(list.needsContext);

  it('carries sentences it must catch and leave alone', () => {
    expect(list.examples?.catch.length).toBeGreaterThanOrEqual(3);
    expect(list.examples?.leave.length).toBeGreaterThanOrEqual(3);
  });

  it.each(list.examples?.catch ?? [])(`${rule} catches: %s`, (text) => {
    expect(ofRule(engine, rule, text)).not.toEqual([]);
  });

  it.each(list.examples?.leave ?? [])(`${rule} leaves alone: %s`, (text) => {
    expect(ofRule(engine, rule, text)).toEqual([]);
  });

  it('finds every entry, the weaker ones only in a post about the job', () => {
    const problems: string[] = [];
    for (const term of list.terms) {
      const words = written(term);
      const covers = (text: string) =>
        ofRule(engine, rule, text).some((f) => f.evidence.toLowerCase().replace(/[^a-z0-9]/g, '').includes(words.toLowerCase().replace(/[^a-z0-9]/g, '')));
      const inContext = `${context} ${words} again.`;
      if (!covers(inContext)) problems.push(`"${term}" is not found in "${inContext}"`);
      if (weak.has(term) && covers(`Well, ${words} again.`)) problems.push(`"${term}" counts without any context`);
    }
    expect(problems).toEqual([]);
  });

  it('writes numbers as # (a digit in a term never matches)', () => {
    for (const term of list.terms) expect(term, term).not.toMatch(/\d/);
  });
});
