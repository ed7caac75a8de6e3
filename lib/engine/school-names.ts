/**
 * The ways a school's own name appears in posts, derived from the policy: the full name, "Saint"/"St"
 * forms, its core with any generic word ("Oakfield Primary", "Oakfield Academy"), the core alone
 * (only in a post about school, and only with a capital), aliases, handles, hashtags and domains,
 * and the organisations it belongs to, with their initials (Trent Vale Academies Trust → TVAT) and
 * the distinctive part of their names ("Trent Vale").
 *
 * Also the ways people misspell them: the possessive without its apostrophe ("St Examples"), and a
 * one-word name split in two in front of a generic word ("castle gate academy" for Castlegate Academy).
 */
import { tokenise } from './tokenise';
import { TERM_LISTS } from './terms/term-lists';

export interface SchoolPhrase {
  words: string[];
  kind: 'school' | 'school-core' | 'organisation';
  /**
   * A short all-capitals alias or initials (SEPS, TVAT): only matches written in capitals ("ops" is
   * not OPS), or in lower case when it has no vowel to make it a word ("bcps").
   */
  acronym?: boolean;
  /** The distinctive part of an organisation's name, or its initials: needs the post to present it as the employer. */
  partial?: boolean;
  /** Initials that also stand for something well known (GMP, NHS, OPS): need the post to be about work. */
  ambiguous?: boolean;
}

const AMBIGUOUS_INITIALS = new Set(TERM_LISTS['ambiguous-initials'].terms);

/** Words of a name as written, "#" included (a hashtag is a name here, not a number placeholder). */
function nameWords(s: string): string[] {
  return tokenise(s).map((t) => t.norm);
}

/** The words, and the words with each possessive spelt without its apostrophe ("example" → "examples"). */
function withApostropheless(s: string): string[][] {
  const tokens = tokenise(s);
  const words = tokens.map((t) => t.norm);
  const possessive = tokens.map((t) => /['’][sS]$/.test(s.slice(t.start, t.end)));
  if (!possessive.some(Boolean)) return [words];
  return [words, words.map((w, i) => (possessive[i] ? `${w}s` : w))];
}

const GENERIC = new Set(TERM_LISTS['school-name-words'].terms);
/** Generic words that, after the core, still make a strong reference to the school. */
const SUFFIXES = ['school', 'primary', 'primary school', 'secondary', 'junior', 'juniors', 'infants', 'infant', 'nursery', 'academy', 'college', 'high', 'high school', 'grammar', 'ce', 'cofe', 'c of e', 'catholic', 'rc', 'federation'];
/** Words an organisation's name is made of that say nothing about which one it is. */
const ORGANISATION_GENERIC = new Set([
  'trust', 'academies', 'academy', 'schools', 'school', 'partnership', 'federation', 'council', 'city', 'county', 'borough',
  'metropolitan', 'district', 'diocese', 'diocesan', 'board', 'education', 'educational', 'learning', 'multi', 'the', 'of', 'and',
  'for', 'mat', 'foundation', 'collaborative', 'alliance', 'group', 'local', 'authority', 'church', 'catholic', 'cofe', 'c', 'e',
  'family', 'community', 'communities', 'network', 'consortium',
]);
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'on']);

function saintVariants(words: string[]): string[][] {
  const out = [words];
  if (words.includes('st')) out.push(words.map((w) => (w === 'st' ? 'saint' : w)));
  if (words.includes('saint')) out.push(words.map((w) => (w === 'saint' ? 'st' : w)));
  return out;
}

function withJoined(words: string[]): string[][] {
  return words.length > 1 ? [words, [words.join('')]] : [words];
}

/** Initials of a name's words, small words left out: "Trent Vale Academies Trust" → "tvat". */
export function initialsOf(name: string): string {
  return nameWords(name)
    .filter((w) => !SMALL_WORDS.has(w) && !/^\d/.test(w))
    .map((w) => w[0])
    .join('');
}

/** "castlegate" → ["castle", "gate"], ["castleg", "ate"]…: each split into two parts of three letters or more. */
function splits(word: string): string[][] {
  const out: string[][] = [];
  for (let i = 3; i <= word.length - 3; i++) out.push([word.slice(0, i), word.slice(i)]);
  return out;
}

export function schoolPhrases(schoolName: string | undefined, aliases: readonly string[], organisations: readonly string[]): SchoolPhrase[] {
  const out: SchoolPhrase[] = [];
  const push = (words: string[], kind: SchoolPhrase['kind'], extra: Partial<SchoolPhrase> = {}) => {
    for (const v of saintVariants(words)) for (const w of withJoined(v)) if (w.length) out.push({ words: w, kind, ...extra });
  };
  // Derived initials need three letters to mean anything; a school may list two-letter ones itself.
  const acronym = (letters: string, kind: SchoolPhrase['kind'], extra: Partial<SchoolPhrase> = {}, min = 3) => {
    if (letters.length >= min && letters.length <= 6) out.push({ words: [letters], kind, acronym: true, ...(AMBIGUOUS_INITIALS.has(letters) ? { ambiguous: true } : {}), ...extra });
  };
  if (schoolName) {
    for (const words of withApostropheless(schoolName)) {
      push(words, 'school');
      const core = words.filter((w) => !GENERIC.has(w));
      if (core.length && core.length < words.length) {
        const withoutSaint = core[0] === 'st' || core[0] === 'saint' ? core.slice(1) : [];
        for (const suffix of SUFFIXES) {
          push([...core, ...nameWords(suffix)], 'school');
          if (withoutSaint.length) push([...withoutSaint, ...nameWords(suffix)], 'school');
          // A one-word core split in two, only with a generic word after it: "castle gate academy".
          if (core.length === 1 && core[0].length >= 7) for (const parts of splits(core[0])) out.push({ words: [...parts, ...nameWords(suffix)], kind: 'school' });
        }
        push(core, 'school-core');
      }
    }
    acronym(initialsOf(schoolName), 'school');
  }
  for (const alias of aliases) {
    const bare = alias.replace(/^[#@]/, '');
    if (/^[A-Z]{2,6}$/.test(bare)) acronym(bare.toLowerCase(), 'school', {}, 2);
    else for (const words of withApostropheless(alias)) push(words, 'school');
  }
  for (const org of organisations) {
    for (const words of withApostropheless(org)) push(words, 'organisation');
    // The distinctive part of its name ("Trent Vale", "Aire Valley"): two words or more, or it is
    // likely to be a place ("Leeds") more often than the employer.
    const core = nameWords(org).filter((w) => !ORGANISATION_GENERIC.has(w));
    if (core.length >= 2 && core.length < nameWords(org).length) push(core, 'organisation', { partial: true });
    acronym(initialsOf(org), 'organisation', { partial: true });
  }
  return out;
}

/** Words after a name that make it a place, not the school: "Oakfield Park", "Castlegate Road". */
const PLACE_WORDS = new Set([
  'park', 'road', 'rd', 'street', 'st', 'lane', 'avenue', 'way', 'drive', 'close', 'crescent', 'grove', 'gardens', 'terrace',
  'common', 'woods', 'wood', 'hill', 'farm', 'green', 'village', 'lake', 'reservoir', 'falls', 'beach', 'station', 'hospital',
  'leisure', 'library', 'church', 'surgery', 'vets', 'rovers', 'united', 'town', 'fc', 'afc', 'cricket', 'golf', 'rugby', 'estate',
  'retail', 'shopping', 'centre', 'market', 'square', 'bridge', 'house', 'hall', 'manor', 'castle', 'abbey', 'bay', 'valley',
  'moor', 'heath', 'marsh', 'nature', 'country', 'forest', 'river', 'canal', 'services', 'junction', 'roundabout', 'industrial',
  'business', 'pub', 'inn', 'arms', 'hotel', 'garden', 'allotments', 'rec', 'playing', 'pool', 'baths', 'cemetery', 'crematorium',
]);
const MONTHS_AND_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'year', 'reception', 'nursery',
]);
const VOWELS = /[aeiouy]/;

interface WrittenHit {
  startToken: number;
  endToken: number;
  start: number;
  end: number;
  value: object;
}

/**
 * Whether a match of one of the school's names reads as the school here: initials written as
 * initials, and the name not used as a place ("a run round Oakfield Park"; "Castlegate in York" or
 * "St Mary's in Leeds" when nothing else in the post is about school or work).
 */
export function readsAsSchoolName(
  text: string,
  tokens: readonly { norm: string; capitalised: boolean; newlineBefore: boolean }[],
  h: WrittenHit,
  aboutWork = false,
): boolean {
  if ('acronym' in h.value && h.value.acronym) {
    const written = text.slice(h.start, h.end);
    if (written !== written.toUpperCase() && !(written === written.toLowerCase() && !VOWELS.test(written))) return false;
  }
  const next = tokens[h.endToken + 1];
  if (!next || next.newlineBefore) return true;
  if (PLACE_WORDS.has(next.norm) && next.capitalised) return false;
  if (next.norm === 'in' && !aboutWork) {
    const place = tokens[h.endToken + 2];
    if (place && place.capitalised && !MONTHS_AND_DAYS.has(place.norm)) return false;
  }
  return true;
}
