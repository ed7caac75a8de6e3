/**
 * The name index: every way a roster name can be written, keyed by its first name word, so that
 * finding names costs a few map look-ups per word of text whatever the roster's size.
 *
 * Forms: full name (with or without middle names), initial + surname ("J Smith"), first name +
 * initial ("Jack S."), the name run together (#jacksmith), the school's aliases, title + surname for
 * staff ("Mrs Jones"), and the first name alone (which the rules only accept in a school context).
 * Nicknames and common diminutives (Tom ↔ Thomas) count for the first name; one-letter misspellings
 * count for one longer word of a name.
 */
import type { Token } from '../tokenise';
import { deletions, FUZZY_MIN_LENGTH, type KeyFn } from './keys';
import type { KeyedName, KeyedWord } from './roster';

export type RosterGroup = 'pupil' | 'staff' | 'formerPupil' | 'parent';
export type NameForm = 'full' | 'initial-surname' | 'first-initial' | 'joined' | 'alias' | 'title-surname' | 'first';

interface WordElement {
  keys: Set<string>;
  dels: Set<string>;
  /** Diminutives of the text's word may match (first names only). */
  nick: boolean;
  fuzzy: boolean;
}

interface Pattern {
  group: RosterGroup;
  form: NameForm;
  /** Something that must stand just before the first word: a title (Mrs) or an initial key. */
  prefix?: { title: true } | { initial: string };
  words: WordElement[];
  /** A single-letter initial that must follow the words ("Jack S."). */
  suffixInitial?: string;
}

interface Entry {
  pattern: number;
  /** Reached through one of the pattern's one-letter deletions rather than its exact key. */
  viaDeletion: boolean;
}

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

interface LookupKey {
  key: string;
  via: 'exact' | 'nick' | 'del';
}

const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir', 'mister', 'madam', 'prof', 'professor']);
/** Separators allowed inside a name: spaces, hyphens, underscores, apostrophes (and dots after initials). */
const SOFT = new Set(['', '-', '_', "'"]);

export interface NameIndexOptions {
  key: KeyFn;
  /** Folded name → related folded names (diminutives and formal forms). */
  related: (folded: string) => readonly string[] | undefined;
}

export class NameIndex {
  private readonly patterns: Pattern[] = [];
  private readonly byKey = new Map<string, Entry[]>();
  /** Patterns that do not depend on the person (first name alone, title + surname) are stored once. */
  private readonly sharedPatterns = new Map<string, number>();
  private readonly lookupCache = new Map<string, LookupKey[]>();

  constructor(private readonly options: NameIndexOptions) {}

  get size(): number {
    return this.patterns.length;
  }

  add(name: KeyedName, group: RosterGroup): void {
    const first = this.word(name.first, { nick: true, fuzzy: true });
    if (name.last) {
      const last = this.word(name.last, { nick: false, fuzzy: true });
      this.addPattern({ group, form: 'full', words: [first, last] });
      if (name.middle.length) {
        const middle = name.middle.map((m) => this.word(m, { nick: false, fuzzy: false }));
        this.addPattern({ group, form: 'full', words: [first, ...middle, last] });
      }
      if (name.firstInitial) this.addPattern({ group, form: 'initial-surname', prefix: { initial: name.firstInitial }, words: [last] });
      if (name.lastInitial) this.addPattern({ group, form: 'first-initial', words: [first], suffixInitial: name.lastInitial });
      if (group === 'staff') this.addShared({ group, form: 'title-surname', prefix: { title: true }, words: [this.word(name.last, { nick: false, fuzzy: false })] }, name.last.key);
    }
    for (const j of name.joined) this.addPattern({ group, form: 'joined', words: [this.word({ key: j, dels: [] }, { nick: false, fuzzy: false })] });
    for (const alias of name.aliases) {
      this.addPattern({ group, form: 'alias', words: alias.map((w) => this.word(w, { nick: false, fuzzy: false })) });
    }
    if (group === 'pupil' || group === 'staff') {
      this.addShared({ group, form: 'first', words: [this.word(name.first, { nick: true, fuzzy: false })] }, name.first.key);
    }
  }

  private word(w: KeyedWord, opts: { nick: boolean; fuzzy: boolean }): WordElement {
    return { keys: new Set([w.key]), dels: new Set(opts.fuzzy ? w.dels : []), nick: opts.nick, fuzzy: opts.fuzzy && w.dels.length > 0 };
  }

  private addShared(p: Pattern, key: string): void {
    const id = `${p.group}|${p.form}|${key}`;
    if (this.sharedPatterns.has(id)) return;
    this.sharedPatterns.set(id, this.addPattern(p));
  }

  private addPattern(p: Pattern): number {
    const id = this.patterns.push(p) - 1;
    const anchor = p.words[0];
    for (const k of anchor.keys) this.entry(k, { pattern: id, viaDeletion: false });
    for (const k of anchor.dels) this.entry(k, { pattern: id, viaDeletion: true });
    return id;
  }

  private entry(key: string, e: Entry): void {
    const list = this.byKey.get(key);
    if (list) list.push(e);
    else this.byKey.set(key, [e]);
  }

  /** Keys to look up for one written word: itself, its diminutives/formal forms, its deletions. */
  private lookups(word: string): LookupKey[] {
    let out = this.lookupCache.get(word);
    if (out) return out;
    const { key, related } = this.options;
    out = [{ key: key(word), via: 'exact' }];
    for (const r of related(word) ?? []) out.push({ key: key(r), via: 'nick' });
    if (word.length >= FUZZY_MIN_LENGTH) for (const d of deletions(word)) out.push({ key: key(d), via: 'del' });
    if (this.lookupCache.size > 20000) this.lookupCache.clear();
    this.lookupCache.set(word, out);
    return out;
  }

  /** How a written word matches one element of a pattern: exactly, as a nickname, or by one letter. */
  private matchWord(el: WordElement, word: string): 'exact' | 'nick' | 'fuzzy' | undefined {
    const looks = this.lookups(word);
    if (el.keys.has(looks[0].key)) return 'exact';
    let fuzzy = false;
    for (let i = 1; i < looks.length; i++) {
      const l = looks[i];
      if (l.via === 'nick') {
        if (el.nick && el.keys.has(l.key)) return 'nick';
      } else if (el.fuzzy && (el.keys.has(l.key) || el.dels.has(l.key))) fuzzy = true;
    }
    if (!fuzzy && el.fuzzy && el.dels.has(looks[0].key)) fuzzy = true;
    return fuzzy ? 'fuzzy' : undefined;
  }

  find(tokens: readonly Token[]): NameHit[] {
    const hits: NameHit[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.isNumber || t.norm.length < 2) continue;
      for (const unit of units(tokens, i)) {
        for (const look of this.lookups(unit.word)) {
          const entries = this.byKey.get(look.key);
          if (!entries) continue;
          for (const e of entries) {
            const p = this.patterns[e.pattern];
            if (look.via === 'nick' && (!p.words[0].nick || e.viaDeletion)) continue;
            const fuzzy = e.viaDeletion || look.via === 'del';
            if (fuzzy && !p.words[0].fuzzy) continue;
            const hit = this.complete(tokens, p, i, unit.end, fuzzy, look.via === 'nick');
            if (!hit) continue;
            const id = `${hit.startToken}|${hit.endToken}|${p.group}|${p.form}`;
            if (seen.has(id)) continue;
            seen.add(id);
            hits.push(hit);
          }
        }
      }
    }
    return hits;
  }

  /** Check the rest of a pattern around an anchor word found at tokens[i..anchorEnd]. */
  private complete(tokens: readonly Token[], p: Pattern, i: number, anchorEnd: number, fuzzy: boolean, nickname: boolean): NameHit | undefined {
    let startToken = i;
    if (p.prefix) {
      const prev = tokens[i - 1];
      const cur = tokens[i];
      if (!prev || cur.newlineBefore) return undefined;
      if ('title' in p.prefix) {
        if (!TITLES.has(prev.norm) || !(SOFT.has(cur.sepBefore) || cur.sepBefore === '.')) return undefined;
      } else {
        if (!isInitial(prev) || this.options.key(prev.norm) !== p.prefix.initial) return undefined;
        if (!(SOFT.has(cur.sepBefore) || cur.sepBefore === '.')) return undefined;
      }
      startToken = i - 1;
    }
    let end = anchorEnd;
    let fuzzyUsed = fuzzy ? 1 : 0;
    for (let w = 1; w < p.words.length; w++) {
      const next = end + 1;
      if (!adjacent(tokens, next)) return undefined;
      let matched = -1;
      for (const unit of units(tokens, next)) {
        const how = this.matchWord(p.words[w], unit.word);
        if (!how || (how === 'fuzzy' && fuzzyUsed > 0)) continue;
        if (how === 'fuzzy') fuzzyUsed++;
        if (how === 'nick') nickname = true;
        matched = unit.end;
        break;
      }
      if (matched < 0) return undefined;
      end = matched;
    }
    if (p.suffixInitial) {
      const next = tokens[end + 1];
      if (!next || !adjacent(tokens, end + 1) || next.gluedToPrev || !isInitial(next)) return undefined;
      if (this.options.key(next.norm) !== p.suffixInitial) return undefined;
      end += 1;
    }
    return {
      group: p.group,
      form: p.form,
      startToken,
      endToken: end,
      start: tokens[startToken].start,
      end: tokens[end].end,
      fuzzy: fuzzyUsed > 0,
      nickname,
    };
  }
}

/** A capital letter standing alone, as in "J Smith" or "Jack S." (not the s of a possessive). */
function isInitial(t: Token): boolean {
  return t.norm.length === 1 && t.capitalised && !t.isNumber && !t.gluedToPrev;
}

/** Token `j` follows the previous one within the same name: same line, no sentence punctuation. */
function adjacent(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (!t || t.newlineBefore || t.isNumber) return false;
  return SOFT.has(t.sepBefore) || (t.sepBefore === '.' && isInitial(tokens[j - 1]));
}

/**
 * The written words that can start at token i: the token itself, and runs of tokens glued together
 * (O'Brien → "obrien", McDonald → "mcdonald", Smith-Jones → "smithjones").
 */
function units(tokens: readonly Token[], i: number): { word: string; end: number }[] {
  const out = [{ word: tokens[i].norm, end: i }];
  let word = tokens[i].norm;
  for (let j = i + 1; j < tokens.length && j - i < 4 && tokens[j].gluedToPrev && !tokens[j].isNumber; j++) {
    word += tokens[j].norm;
    out.push({ word, end: j });
  }
  return out;
}
