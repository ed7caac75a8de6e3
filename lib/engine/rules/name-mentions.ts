/**
 * Shared by pupil-mention and colleague-mention: when does a roster name found in the text count?
 * Full names and the other strong forms always do. A first name alone only counts in a post about
 * school, not about the author's family, not as part of someone else's full name (Harry Kane,
 * Jack Daniel's), and, for names that are also everyday words, only with a capital letter mid-sentence.
 */
import type { Analysis } from '../analysis';
import { isStrongName } from '../analysis';
import type { NameHit } from '../names/name-index';

export function nameCounts(a: Analysis, hit: NameHit): boolean {
  if (isStrongName(hit)) return true;
  if (hit.form !== 'first' || !a.aboutSchool || a.aboutFamily) return false;
  const tok = a.tokens[hit.startToken];
  const next = a.tokens[hit.endToken + 1];
  const prev = a.tokens[hit.startToken - 1];
  // Part of a longer capitalised name that is not on the roster.
  if (next && next.capitalised && !next.isNumber && !next.newlineBefore && (next.sepBefore === '' || next.sepBefore === "'") && !next.sentenceStart) return false;
  if (prev && prev.capitalised && !prev.isNumber && !tok.sentenceStart && !tok.newlineBefore && tok.sepBefore === '' && !prev.sentenceStart && prev.norm.length > 1 && !/^(mr|mrs|miss|ms|mx|dr)$/.test(prev.norm)) return false;
  if (a.compiled.commonWordNames.has(tok.norm)) return tok.capitalised && !tok.sentenceStart;
  return true;
}

/** Overlapping hits for the same group keep the longest (Jack Smith over Jack). */
export function longestHits(hits: NameHit[]): NameHit[] {
  const sorted = [...hits].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: NameHit[] = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue;
    out.push(h);
  }
  return out;
}

/** How a hit stands for the person: "names", or a misspelling / short form of the name. */
export function describeForm(hit: NameHit, exact = 'names'): string {
  if (hit.fuzzy) return 'looks like the name of';
  if (hit.nickname) return 'looks like a short form of the name of';
  return exact;
}
