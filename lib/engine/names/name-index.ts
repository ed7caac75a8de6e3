/**
 * The name index: every way a roster name can be written, in tables keyed by name words, so that
 * finding names costs a few map look-ups per word of text whatever the roster's size (two pupils
 * called Jack cost no more than one: full names are a first-name table of surname tables).
 *
 * Forms: full name (with or without middle names), initial + surname ("J Smith"), first name +
 * initial ("Jack S."), the name run together (#jacksmith), the school's aliases (one-word aliases
 * act as extra first names), title + surname for staff ("Mrs Jones"), and the first name alone
 * (which the rules only accept in a school context). Diminutives (Tom ↔ Thomas) count for first
 * names; a one-letter misspelling counts for one word of five letters or more, and is only looked
 * for next to another roster word or an initial, which keeps ordinary words cheap.
 */
import type { Token } from '../tokenise';
import { deletions, FUZZY_MIN_LENGTH, type KeyFn } from './keys';
import type { KeyedName } from './roster';

export type RosterGroup = 'pupil' | 'staff' | 'formerPupil' | 'parent';
export type NameForm = 'full' | 'initial-surname' | 'first-initial' | 'joined' | 'alias' | 'title-surname' | 'first';

/** Which titles a member of staff answers to: known from the roster's Title column, or any. */
export type TitleClass = 'male' | 'female' | 'any';

export interface NameHit {
  group: RosterGroup;
  form: NameForm;
  startToken: number;
  endToken: number;
  start: number;
  end: number;
  fuzzy: boolean;
  nickname: boolean;
}

export interface NameIndexOptions {
  key: KeyFn;
  /** Folded name → related folded names (diminutives and formal forms). */
  related: (folded: string) => readonly string[] | undefined;
  /** The name is a formal one (Jackson, Thomas): alone, it does not stand for its diminutives. */
  isFormal?: (folded: string) => boolean;
}

/** Roster groups for one table cell, as a bit set (pupil 1, staff 2, formerPupil 4, parent 8). */
export type Groups = number;
const GROUP_BITS: Record<RosterGroup, number> = { pupil: 1, staff: 2, formerPupil: 4, parent: 8 };
const ALL_GROUPS = Object.keys(GROUP_BITS) as RosterGroup[];

/** How a written word stands for a roster word. */
interface Candidate {
  key: string;
  how: 'exact' | 'nick' | 'fuzzy';
  /** A nickname match where the written word is the formal name (Jackson read as Jack). */
  fromFormal?: boolean;
}

interface Unit {
  word: string;
  end: number;
  cands: Candidate[];
}

export interface Sequence {
  rest: string[];
  groups: Groups;
}

const NO_CANDIDATES: Candidate[] = [];
const NO_UNITS: Unit[] = [];
const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir', 'mister', 'madam', 'prof', 'professor']);
const TITLE_CLASS: Record<string, TitleClass> = { mr: 'male', sir: 'male', mister: 'male', mrs: 'female', miss: 'female', ms: 'female', madam: 'female' };

/** "Mrs", "Mr." or "Dr" as written in a roster's Title column → whom the title can stand for. */
export function titleClass(title: string | undefined): TitleClass {
  const t = (title ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return TITLE_CLASS[t] ?? 'any';
}
/** Separators allowed inside a name: spaces, hyphens, underscores, apostrophes. */
const SOFT = new Set(['', '-', '_', "'"]);
/** Words longer than this are never looked up with misspellings (no name is this long). */
const FUZZY_MAX_LENGTH = 24;
/** Longer runs are not names at all; skipping them keeps one huge "word" linear. */
const MAX_NAME_LENGTH = 48;

function addTo<K>(map: Map<K, Groups>, key: K, bits: Groups): void {
  map.set(key, (map.get(key) ?? 0) | bits);
}

function nested<K>(map: Map<string, Map<K, Groups>>, outer: string): Map<K, Groups> {
  let inner = map.get(outer);
  if (!inner) map.set(outer, (inner = new Map()));
  return inner;
}

/** Groups whose title class fits the title written in the text ("Dr" and unknown titles fit all). */
function byTitle(cells: Map<TitleClass, Groups> | undefined, written: string): Groups {
  if (!cells) return 0;
  const want = TITLE_CLASS[written];
  let g = 0;
  for (const [cls, bits] of cells) if (!want || cls === 'any' || cls === want) g |= bits;
  return g;
}

/** The index's tables as they are, for storing a compiled index and reading it back (stored-index.ts). */
export interface NameTables {
  /** first → surname → groups: full names. */
  full: Map<string, Map<string, Groups>>;
  /** first → [middle…, surname] sequences: full names with middle names, and multi-word aliases. */
  sequences: Map<string, { seq: Sequence; form: NameForm }[]>;
  /** surname → first initial → groups ("J Smith"). */
  initialSurname: Map<string, Map<string, Groups>>;
  /** first → surname initial → groups ("Jack S."). */
  firstInitial: Map<string, Map<string, Groups>>;
  joined: Map<string, Groups>;
  /** Staff surnames, for "Mrs Jones": surname → title class → groups. */
  titled: Map<string, Map<TitleClass, Groups>>;
  /** First names (and one-word aliases) alone: pupils and staff only. */
  firstAlone: Map<string, Groups>;
  /** Every roster word, and each long word's one-letter deletions → the words they came from. */
  words: Set<string>;
  deletionsOf: Map<string, string[]>;
  people: number;
}

export function emptyNameTables(): NameTables {
  return {
    full: new Map(),
    sequences: new Map(),
    initialSurname: new Map(),
    firstInitial: new Map(),
    joined: new Map(),
    titled: new Map(),
    firstAlone: new Map(),
    words: new Set(),
    deletionsOf: new Map(),
    people: 0,
  };
}

export class NameIndex {
  private readonly full: NameTables['full'];
  private readonly sequences: NameTables['sequences'];
  private readonly initialSurname: NameTables['initialSurname'];
  private readonly firstInitial: NameTables['firstInitial'];
  private readonly joined: NameTables['joined'];
  private readonly titled: NameTables['titled'];
  private readonly firstAlone: NameTables['firstAlone'];
  private readonly words: NameTables['words'];
  private readonly deletionsOf: NameTables['deletionsOf'];
  private readonly delsTaken = new Set<readonly string[]>();
  private readonly candidateCache = new Map<string, Candidate[]>();
  private readonly fuzzyCache = new Map<string, Candidate[]>();
  private people: number;

  /** `tables`: an index read back from storage; a new index starts empty. */
  constructor(
    private readonly options: NameIndexOptions,
    tables: NameTables = emptyNameTables(),
  ) {
    this.full = tables.full;
    this.sequences = tables.sequences;
    this.initialSurname = tables.initialSurname;
    this.firstInitial = tables.firstInitial;
    this.joined = tables.joined;
    this.titled = tables.titled;
    this.firstAlone = tables.firstAlone;
    this.words = tables.words;
    this.deletionsOf = tables.deletionsOf;
    this.people = tables.people;
  }

  /** The tables themselves (not copies), for storing the index. */
  tables(): NameTables {
    const { full, sequences, initialSurname, firstInitial, joined, titled, firstAlone, words, deletionsOf, people } = this;
    return { full, sequences, initialSurname, firstInitial, joined, titled, firstAlone, words, deletionsOf, people };
  }

  get size(): number {
    return this.people;
  }

  add(name: KeyedName, group: RosterGroup, title: TitleClass = 'any'): void {
    const bit = GROUP_BITS[group];
    this.people++;
    const firsts = [name.first.key];
    this.word(name.first.key, name.first.dels);
    for (const alias of name.aliases) {
      for (const w of alias) this.word(w.key, []);
      if (alias.length === 1) firsts.push(alias[0].key);
      else this.sequence(alias[0].key, alias.slice(1).map((w) => w.key), bit, 'alias');
    }
    if (name.last) {
      const last = name.last.key;
      this.word(last, name.last.dels);
      for (const f of firsts) addTo(nested(this.full, f), last, bit);
      if (name.middle.length) {
        for (const m of name.middle) this.word(m.key, []);
        this.sequence(name.first.key, [...name.middle.map((m) => m.key), last], bit, 'full');
      }
      if (name.firstInitial) addTo(nested(this.initialSurname, last), name.firstInitial, bit);
      if (name.lastInitial) for (const f of firsts) addTo(nested(this.firstInitial, f), name.lastInitial, bit);
      if (group === 'staff') {
        addTo(nested(this.titled, last), title, bit);
      }
    }
    for (const j of name.joined) {
      this.words.add(j);
      addTo(this.joined, j, bit);
    }
    if (group === 'pupil' || group === 'staff') for (const f of firsts) addTo(this.firstAlone, f, bit);
  }

  private word(key: string, dels: readonly string[]): void {
    this.words.add(key);
    // The same deletion list again (a shared word, see wordKeyer) adds nothing new.
    if (dels.length === 0 || this.delsTaken.has(dels)) return;
    this.delsTaken.add(dels);
    for (const d of dels) {
      const list = this.deletionsOf.get(d);
      if (!list) this.deletionsOf.set(d, [key]);
      else if (!list.includes(key)) list.push(key);
    }
  }

  private sequence(first: string, rest: string[], bits: Groups, form: NameForm): void {
    const list = this.sequences.get(first) ?? [];
    const same = list.find((s) => s.form === form && s.seq.rest.join(' ') === rest.join(' '));
    if (same) same.seq.groups |= bits;
    else list.push({ seq: { rest, groups: bits }, form });
    this.sequences.set(first, list);
  }

  /** Roster words a written word stands for exactly or as a diminutive. */
  private candidates(word: string): Candidate[] {
    let out = this.candidateCache.get(word);
    if (out) return out;
    out = [];
    const { key, related } = this.options;
    const k = key(word);
    if (this.words.has(k)) out.push({ key: k, how: 'exact' });
    const fromFormal = this.options.isFormal?.(word) ?? false;
    for (const r of related(word) ?? []) {
      const rk = key(r);
      if (this.words.has(rk)) out.push({ key: rk, how: 'nick', fromFormal });
    }
    this.remember(this.candidateCache, word, out);
    return out;
  }

  /** Roster words one letter away from a written word (SymSpell: compare deletion neighbourhoods). */
  private fuzzyCandidates(word: string): Candidate[] {
    let out = this.fuzzyCache.get(word);
    if (out) return out;
    out = [];
    const { key } = this.options;
    const k = key(word);
    const seen = new Set<string>([k]);
    const push = (rk: string) => {
      if (seen.has(rk)) return;
      seen.add(rk);
      out!.push({ key: rk, how: 'fuzzy' });
    };
    for (const rk of this.deletionsOf.get(k) ?? []) push(rk); // a letter missing from the text
    for (const d of deletions(word)) {
      const dk = key(d);
      if (this.words.has(dk)) push(dk); // an extra letter in the text
      for (const rk of this.deletionsOf.get(dk) ?? []) push(rk); // a letter changed or swapped
    }
    this.remember(this.fuzzyCache, word, out);
    return out;
  }

  private remember(cache: Map<string, Candidate[]>, word: string, value: Candidate[]): void {
    if (cache.size >= 20000) cache.clear();
    cache.set(word, value);
  }

  /** `textLength`: an initial, or a short form in lower case, at the very end of the text is probably a word still being typed. */
  find(tokens: readonly Token[], textLength = Infinity): NameHit[] {
    const hits: NameHit[] = [];
    if (this.people === 0) return hits;
    const n = tokens.length;
    // Pass 1: what each token, or run of glued tokens read as one word, stands for. Most tokens stand
    // for nothing, so units are only built where something was found (or may be, misspelt).
    const units: (Unit[] | undefined)[] = new Array(n);
    const found: boolean[] = new Array(n).fill(false);
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      if (t.isNumber) continue;
      const cands = t.norm.length >= 2 && t.norm.length <= MAX_NAME_LENGTH ? this.candidates(t.norm) : NO_CANDIDATES;
      let list: Unit[] | undefined;
      if (cands.length || (t.norm.length >= FUZZY_MIN_LENGTH && t.norm.length <= FUZZY_MAX_LENGTH)) list = [{ word: t.norm, end: i, cands }];
      if (i + 1 < n && tokens[i + 1].gluedToPrev) {
        let word = t.norm;
        for (let j = i + 1; j < n && j - i < 4 && tokens[j].gluedToPrev && !tokens[j].isNumber; j++) {
          word += tokens[j].norm;
          if (word.length > MAX_NAME_LENGTH) break;
          (list ??= []).push({ word, end: j, cands: this.candidates(word) });
        }
      }
      if (list) {
        units[i] = list;
        found[i] = list.some((u) => u.cands.length > 0);
      }
    }
    // Pass 2: misspellings, only next to another roster word or an initial.
    for (let i = 0; i < n; i++) {
      const list = units[i];
      if (!list) continue;
      for (const u of list) {
        if (u.word.length < FUZZY_MIN_LENGTH || u.word.length > FUZZY_MAX_LENGTH) continue;
        const near = (i > 0 && (found[i - 1] || isInitial(tokens, i - 1) || TITLES.has(tokens[i - 1].norm))) || found[u.end + 1] || isInitial(tokens, u.end + 1);
        if (!near) continue;
        const fuzzy = this.fuzzyCandidates(u.word);
        if (fuzzy.length) u.cands = u.cands.length ? [...u.cands, ...fuzzy] : fuzzy;
      }
    }
    // Pass 3: the forms.
    const seen = new Set<string>();
    const emit = (groups: Groups, form: NameForm, from: number, to: number, fuzzy: boolean, nickname: boolean) => {
      for (const g of ALL_GROUPS) {
        if (!(groups & GROUP_BITS[g])) continue;
        const id = `${from}|${to}|${g}|${form}`;
        if (seen.has(id)) continue;
        seen.add(id);
        hits.push({ group: g, form, startToken: from, endToken: to, start: tokens[from].start, end: tokens[to].end, fuzzy, nickname });
      }
    };
    const { key } = this.options;
    for (let i = 0; i < n; i++) {
      const list = units[i];
      if (!list) continue;
      for (const u of list) {
        for (const c of u.cands) {
          const fuzzy = c.how === 'fuzzy';
          const nick = c.how === 'nick';
          const next = u.end + 1;
          // Full name: first name here, surname next.
          const surnames = this.full.get(c.key);
          if (surnames && adjacent(tokens, next)) {
            for (const v of units[next] ?? NO_UNITS) {
              for (const d of v.cands) {
                if (d.how === 'nick' || (fuzzy && d.how === 'fuzzy')) continue;
                const g = surnames.get(d.key);
                if (g) emit(g, 'full', i, v.end, fuzzy || d.how === 'fuzzy', nick);
              }
            }
          }
          // Full name with middle names, and multi-word aliases: exact words only.
          if (!fuzzy && !nick) {
            for (const { seq, form } of this.sequences.get(c.key) ?? []) {
              const end = this.matchSequence(tokens, units, next, seq.rest);
              if (end >= 0) emit(seq.groups, form, i, end, false, false);
            }
          }
          // "Jack S."
          const initials = this.firstInitial.get(c.key);
          if (initials && (isInitial(tokens, next) || isLowerInitial(tokens, next)) && adjacent(tokens, next) && tokens[next].end < textLength) {
            const g = initials.get(key(tokens[next].norm));
            if (g) emit(g, 'first-initial', i, next, fuzzy, nick);
          }
          if (nick) {
            // Alone, "Tommy" may be Thomas, but "Jackson" (often a surname) is not read as Jack. A short
            // form in lower case at the very end of the text is most often a word still being typed
            // ("ev" of everyone, "sam" of same, "al" of also): it counts once the word is finished.
            const typing = !tokens[i].capitalised && tokens[u.end].end >= textLength;
            const g = c.fromFormal || typing ? undefined : this.firstAlone.get(c.key);
            if (g) emit(g, 'first', i, u.end, false, true);
            continue;
          }
          // "J Smith", "J. Smith"
          const prev = tokens[i - 1];
          const byInitial = this.initialSurname.get(c.key);
          if (byInitial && isInitial(tokens, i - 1) && !tokens[i].newlineBefore && !tokens[i].gluedToPrev && (tokens[i].sepBefore === '' || tokens[i].sepBefore === '.')) {
            const g = byInitial.get(key(prev.norm));
            if (g) emit(g, 'initial-surname', i - 1, u.end, fuzzy, false);
          }
          // "Mrs Jones", "Mr. Okafor", and "Mr Priestly" for Priestley: a title is a strong cue, so a misspelling counts.
          const titled = this.titled.get(c.key);
          if (titled && prev && TITLES.has(prev.norm) && !tokens[i].newlineBefore && (SOFT.has(tokens[i].sepBefore) || tokens[i].sepBefore === '.')) {
            const g = byTitle(titled, prev.norm);
            if (g) emit(g, 'title-surname', i - 1, u.end, fuzzy, false);
          }
          if (fuzzy) continue;
          const joined = this.joined.get(c.key);
          if (joined) emit(joined, 'joined', i, u.end, false, false);
          const alone = this.firstAlone.get(c.key);
          if (alone) emit(alone, 'first', i, u.end, false, false);
        }
      }
    }
    return hits;
  }

  private matchSequence(tokens: readonly Token[], units: (Unit[] | undefined)[], from: number, rest: string[]): number {
    let pos = from;
    let end = -1;
    for (const want of rest) {
      if (!adjacent(tokens, pos)) return -1;
      const u = (units[pos] ?? NO_UNITS).find((x) => x.cands.some((c) => c.how === 'exact' && c.key === want));
      if (!u) return -1;
      end = u.end;
      pos = u.end + 1;
    }
    return end;
  }
}

/**
 * A capital letter standing alone, as in "J Smith" or "Jack S." (not the s of a possessive). "A" and
 * "I" are words, so they only count as initials with a full stop ("A. White").
 */
function isInitial(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.norm.length !== 1 || !t.capitalised || t.isNumber || t.gluedToPrev) return false;
  if (t.norm === 'a' || t.norm === 'i') return tokens[i + 1]?.sepBefore === '.';
  return true;
}

/** "jess t", "jack s": a lower-case initial after a first name, in text written all in lower case. */
function isLowerInitial(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.norm.length !== 1 || t.capitalised || t.isNumber || t.gluedToPrev || t.norm === 'a' || t.norm === 'i') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return Boolean(prev && !prev.capitalised) && !(next && next.gluedToPrev);
}

/**
 * Token `j` follows the previous one within the same name: same line, no sentence punctuation, or a
 * dot with no space around it, as in handles (@jess.tomlinson).
 */
function adjacent(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (!t || t.newlineBefore || t.isNumber) return false;
  if (SOFT.has(t.sepBefore)) return true;
  if (t.sepBefore !== '.') return false;
  return isInitial(tokens, j - 1) || t.start === tokens[j - 1].end + 1;
}
