/**
 * The ways a school's own name appears in posts, derived from the policy: the full name, "Saint"/"St"
 * forms, its core with any generic word ("Oakfield Primary", "Oakfield Academy"), the core alone
 * (only in a post about school, and only with a capital), aliases, handles, hashtags and domains,
 * and the organisations it belongs to.
 */
import { phraseWords } from './terms/phrase-matcher';
import { TERM_LISTS } from './terms/term-lists';

export interface SchoolPhrase {
  words: string[];
  kind: 'school' | 'school-core' | 'organisation';
}

const GENERIC = new Set(TERM_LISTS['school-name-words'].terms);
/** Generic words that, after the core, still make a strong reference to the school. */
const SUFFIXES = ['school', 'primary', 'primary school', 'secondary', 'junior', 'juniors', 'infants', 'infant', 'nursery', 'academy', 'college', 'high', 'high school', 'grammar', 'ce', 'cofe', 'c of e', 'catholic', 'rc', 'federation'];

function saintVariants(words: string[]): string[][] {
  const out = [words];
  if (words.includes('st')) out.push(words.map((w) => (w === 'st' ? 'saint' : w)));
  if (words.includes('saint')) out.push(words.map((w) => (w === 'saint' ? 'st' : w)));
  return out;
}

function withJoined(words: string[]): string[][] {
  return words.length > 1 ? [words, [words.join('')]] : [words];
}

export function schoolPhrases(schoolName: string | undefined, aliases: readonly string[], organisations: readonly string[]): SchoolPhrase[] {
  const out: SchoolPhrase[] = [];
  const push = (words: string[], kind: SchoolPhrase['kind']) => {
    for (const v of saintVariants(words)) for (const w of withJoined(v)) if (w.length) out.push({ words: w, kind });
  };
  if (schoolName) {
    const words = phraseWords(schoolName);
    push(words, 'school');
    const core = words.filter((w) => !GENERIC.has(w));
    if (core.length && core.length < words.length) {
      for (const suffix of SUFFIXES) push([...core, ...phraseWords(suffix)], 'school');
      push(core, 'school-core');
    }
  }
  for (const alias of aliases) push(phraseWords(alias), 'school');
  for (const org of organisations) push(phraseWords(org), 'organisation');
  return out;
}
