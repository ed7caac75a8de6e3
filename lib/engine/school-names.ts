/**
 * The ways a school's own name appears in posts, derived from the policy: the full name, "Saint"/"St"
 * forms, its core with any generic word ("Oakfield Primary", "Oakfield Academy"), the core alone
 * (only in a post about school, and only with a capital), aliases, handles, hashtags and domains,
 * and the organisations it belongs to.
 */
import { tokenise } from './tokenise';
import { TERM_LISTS } from './terms/term-lists';

export interface SchoolPhrase {
  words: string[];
  kind: 'school' | 'school-core' | 'organisation';
  /** A short all-capitals alias (SEPS): only matches written in capitals, or "ops" would match "photo ops". */
  acronym?: boolean;
}

/** Words of a name as written, "#" included (a hashtag is a name here, not a number placeholder). */
function nameWords(s: string): string[] {
  return tokenise(s).map((t) => t.norm);
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
    const words = nameWords(schoolName);
    push(words, 'school');
    const core = words.filter((w) => !GENERIC.has(w));
    if (core.length && core.length < words.length) {
      const withoutSaint = core[0] === 'st' || core[0] === 'saint' ? core.slice(1) : [];
      for (const suffix of SUFFIXES) {
        push([...core, ...nameWords(suffix)], 'school');
        if (withoutSaint.length) push([...withoutSaint, ...nameWords(suffix)], 'school');
      }
      push(core, 'school-core');
    }
  }
  for (const alias of aliases) {
    const bare = alias.replace(/^[#@]/, '');
    if (/^[A-Z]{2,5}$/.test(bare)) out.push({ words: [bare.toLowerCase()], kind: 'school', acronym: true });
    else push(nameWords(alias), 'school');
  }
  for (const org of organisations) push(nameWords(org), 'organisation');
  return out;
}
