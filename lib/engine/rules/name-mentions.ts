/**
 * Shared by pupil-mention and colleague-mention: when does a roster name found in the text count?
 * Full names and the other strong forms always do. A first name alone only counts in a post about
 * school, not about the author's family ("my Jack", "our Evie", "Lily's school"), not as part of
 * someone else's name (Harry Kane, Jack Daniel's, the Mason-Dixon line), and, for names that are also
 * everyday words, only where it reads as a name: with a capital mid-sentence, or at the start of a
 * sentence when a verb follows ("Poppy was amazing").
 */
import type { Analysis } from '../analysis';
import { isStrongName } from '../analysis';
import type { NameHit } from '../names/name-index';
import type { Token } from '../tokenise';

const TITLES = /^(mr|mrs|miss|ms|mx|dr)$/;

/** "my Jack", "our Evie", "my little Noah": a name owned like this is family, a pet or a friend. */
const OWNING = new Set(['my', 'our', 'mine']);
const OWNING_FILLERS = new Set(['little', 'lovely', 'gorgeous', 'baby', 'darling', 'eldest', 'youngest', 'middle', 'beautiful', 'big', 'wee', 'two', 'boy', 'girl']);
/** "Lily's school", "Mason's nursery": the child's own school, seen as a parent. */
const CHILDS_PLACE = new Set(['school', 'nursery', 'preschool', 'academy', 'college']);

/**
 * Words that follow a name at the start of a sentence ("Poppy was…", "Grace has…"), and not the
 * everyday word of the same spelling ("Will you…", "May I…", "Max speed").
 */
const NAME_VERBS = new Set(
  ('was is has had did does said says told asked came comes went goes got gets made makes won wins walked ran ' +
    'looked looks tried tries brought finished started loved loves wrote read sang danced cried laughed shouted ' +
    'smashed nailed aced managed remembered forgot decided informed announced refused spent kept gave gives took takes ' +
    'just always never finally really actually also').split(' '),
);

/** The word at `tok` ends in a possessive 's (the tokeniser folds it into the word's span). */
export function isPossessive(text: string, tok: Token): boolean {
  const written = text.slice(Math.max(tok.start, tok.end - 2), tok.end);
  return written.length === 2 && (written[0] === "'" || written[0] === '’') && (written[1] === 's' || written[1] === 'S');
}

/** "my Jack", "our little Evie", "Lily's school": someone of the author's own, not a pupil. */
export function ownedByAuthor(a: Analysis, hit: NameHit): boolean {
  const { tokens } = a;
  let i = hit.startToken - 1;
  while (i >= 0 && hit.startToken - i <= 2 && OWNING_FILLERS.has(tokens[i].norm)) i--;
  if (i >= 0 && OWNING.has(tokens[i].norm) && !tokens[i + 1].newlineBefore) return true;
  const after = tokens[hit.endToken + 1];
  return Boolean(after && CHILDS_PLACE.has(after.norm) && isPossessive(a.text, tokens[hit.endToken]));
}

export function nameCounts(a: Analysis, hit: NameHit): boolean {
  if (isStrongName(hit)) return !partOfLongerName(a, hit);
  if (hit.form !== 'first' || !a.aboutSchool || a.aboutFamily) return false;
  const { tokens } = a;
  if (ownedByAuthor(a, hit) || partOfLongerName(a, hit)) return false;
  const tok = tokens[hit.startToken];
  if (a.compiled.commonWordNames.has(tok.norm)) {
    if (!tok.capitalised) return false;
    // In Title Case ("Parents Sue State For…") a capital says nothing about being a name.
    const prev = tokens[hit.startToken - 1];
    const next = tokens[hit.endToken + 1];
    if (prev?.capitalised && next?.capitalised && !tok.sentenceStart) return false;
    if (!tok.sentenceStart) return true;
    return isPossessive(a.text, tokens[hit.endToken]) || Boolean(next && !next.newlineBefore && NAME_VERBS.has(next.norm));
  }
  return true;
}

/** The hit is glued to a capitalised word that is not on the roster: Harry Kane, Mason-Dixon. */
function partOfLongerName(a: Analysis, hit: NameHit): boolean {
  const { tokens } = a;
  const tok = tokens[hit.startToken];
  const next = tokens[hit.endToken + 1];
  const prev = tokens[hit.startToken - 1];
  if (hit.form === 'first') {
    const possessive = isPossessive(a.text, tokens[hit.endToken]); // "Harrison's Lego" is not a longer name
    if (!possessive && next && next.capitalised && !next.isNumber && !next.newlineBefore && (next.sepBefore === '' || next.sepBefore === "'" || next.sepBefore === '-') && !next.sentenceStart) return true;
    if (prev && prev.capitalised && !prev.isNumber && !tok.sentenceStart && !tok.newlineBefore && tok.sepBefore === '' && !prev.sentenceStart && prev.norm.length > 1 && !TITLES.test(prev.norm)) return true;
    return false;
  }
  // "Mason-Dixon" is a line on a map, not Mason Dixon: both halves capitalised and joined by a hyphen.
  if ((hit.form === 'full' || hit.form === 'joined') && hit.endToken === hit.startToken + 1) {
    const last = tokens[hit.endToken];
    return last.sepBefore === '-' && last.gluedToPrev && tok.capitalised && last.capitalised;
  }
  return false;
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
