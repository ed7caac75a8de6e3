/** The term lists and name data are data, so they are checked like code. */
import { describe, expect, it } from 'vitest';
import diminutives from '../../assets/names/diminutives.json';
import { phraseWords } from '../../lib/engine/terms/phrase-matcher';
import { TERM_LISTS } from '../../lib/engine/terms/term-lists';

const US_SPELLINGS = /\b(color|behavior|favorite|center|organization|mom|math|neighbor|program|realize)\b/;

describe.each(Object.entries(TERM_LISTS))('term list %s', (_id, list) => {
  it('says what it is for, and has terms', () => {
    expect(list.about.length).toBeGreaterThan(20);
    expect(list.terms.length).toBeGreaterThan(0);
  });

  it('has no duplicates, and every term has words', () => {
    const seen = new Set<string>();
    for (const t of list.terms) {
      const words = phraseWords(t).join(' ');
      expect(words, `"${t}" has no words`).not.toBe('');
      expect(seen.has(words), `"${t}" is listed twice`).toBe(false);
      seen.add(words);
    }
  });

  it('only gates terms it lists', () => {
    for (const t of list.needsContext) expect(list.terms, `needsContext has "${t}" but terms does not`).toContain(t);
  });

  it('is written in lower-case en-GB', () => {
    for (const t of list.terms) {
      expect(t, `"${t}" should be lower case`).toBe(t.toLowerCase());
      expect(US_SPELLINGS.test(t), `"${t}" is US spelling`).toBe(false);
    }
  });
});

describe('diminutives', () => {
  it('are lower-case groups of at most 12 names, led by a formal name', () => {
    for (const g of diminutives.groups) {
      expect(g.length).toBeGreaterThan(1);
      expect(g.length).toBeLessThanOrEqual(12);
      for (const n of g) expect(n).toMatch(/^[a-z]{2,}$/);
    }
  });

  it('know the common English pairs', () => {
    const group = (formal: string) => diminutives.groups.find((g) => g[0] === formal) ?? [];
    expect(group('thomas')).toContain('tom');
    expect(group('william')).toContain('bill');
    expect(group('elizabeth')).toContain('liz');
    expect(group('john')).toContain('jack');
  });
});
