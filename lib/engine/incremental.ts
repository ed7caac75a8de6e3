/**
 * Checking a long text as it is typed without reading all of it again. The text is cut at the end
 * of the last word before each line break (tokenise.ts, lineCuts): each piece then tokenises on its
 * own exactly as it does inside the whole text, and no term, name or threat crosses a cut. What is
 * found in a piece is kept in a small bounded cache, keyed by the piece's text, and only pieces not
 * seen before are read; the decisions that need the whole text (is the post about school, the job
 * model's score, contact details, the rules themselves) are worked out again on every check, from
 * the pieces' findings. The result is exactly the analysis `analyse` gives (tested with random edits
 * in tests/unit/incremental.test.ts).
 *
 * Names need a little more than their piece: whether a misspelt word is looked up depends on the
 * words next to it, across a line break too. So a piece's names are kept under the piece's text
 * together with the word before it and the five after it.
 *
 * The cache lives in the worker's memory only (typed text is never stored): at most MAX_ENTRIES
 * pieces and MAX_CHARS characters of keys in each of its three tables.
 */
import type { Site, Surface } from '../policy/rule-ids';
import { analyseFound, type Analysis } from './analysis';
import { keepWordFeatures, mergeWordFeatures, wordFeatures, type CueHit, type WordFeatures } from './classifier/features';
import { jobModel } from './classifier/job-model';
import type { CompiledPolicy, TermTag } from './compile';
import type { ContactGroup } from './contact';
import { findProfanity, type Span } from './detectors/profanity';
import { nameGroups, ownChildHits } from './job';
import type { NameHit } from './names/name-index';
import { findThreats } from './rules/derogatory';
import type { PhraseHit } from './terms/phrase-matcher';
import { lineCuts, tokenise, type Token } from './tokenise';

export const MAX_ENTRIES = 256;
export const MAX_CHARS = 64_000;
/** Tokens after a piece that its names can depend on: a glued run of up to four, and the one after. */
const NAME_CONTEXT_AFTER = 5;

/** A least-recently-used map, bounded in entries and in the characters of its keys. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    if (key.length > MAX_CHARS) return;
    if (this.map.delete(key)) this.chars -= key.length;
    this.map.set(key, value);
    this.chars += key.length;
    while (this.map.size > MAX_ENTRIES || this.chars > MAX_CHARS) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  get size(): number {
    return this.map.size;
  }
}

/** One piece of text, read on its own: tokens (placed in the text last checked), terms, threats, own-child cues. */
interface Piece {
  tokens: Token[];
  /** The piece's start in the text its tokens' offsets are placed in. */
  placedAt: number;
  /** The check that placed them last: a piece met twice in one text is read again for its second place. */
  placedIn: number;
  /** Offsets and token indices from the piece's start. */
  terms: PhraseHit<TermTag>[];
  threats: Span[];
  ownChild: CueHit[];
}

/** A piece's names (offsets and token indices from its start) and its job-model word features. */
interface NamedPiece {
  names: NameHit[];
  words: WordFeatures;
}

export class AnalysisCache {
  private compiled?: CompiledPolicy;
  private checks = 0;
  private pieces = new Lru<Piece>();
  private named = new Lru<NamedPiece>();
  private lines = new Lru<Span[]>();

  /** Pieces, named pieces and lines held (for tests and the benchmark). */
  get size(): { pieces: number; named: number; lines: number } {
    return { pieces: this.pieces.size, named: this.named.size, lines: this.lines.size };
  }

  /** The analysis of `text`, exactly as `analyse` would give it, reading only pieces not seen before. */
  analyse(compiled: CompiledPolicy, text: string, surface: Surface, site?: Site, recipient?: ContactGroup): Analysis {
    if (compiled !== this.compiled) {
      // Names and terms come from the policy: a new policy starts a new cache.
      this.compiled = compiled;
      this.pieces = new Lru();
      this.named = new Lru();
      this.lines = new Lru();
    }
    const check = ++this.checks;
    const cuts = lineCuts(text);
    const count = cuts.length + 1;
    const starts = [0, ...cuts];
    const texts: string[] = new Array(count);
    const pieces: Piece[] = new Array(count);
    const tokenBases: number[] = new Array(count);
    const tokens: Token[] = [];
    for (let k = 0; k < count; k++) {
      const start = starts[k];
      const own = (texts[k] = text.slice(start, k + 1 < count ? starts[k + 1] : text.length));
      let piece = this.pieces.get(own);
      if (!piece || piece.placedIn === check) {
        const fresh = readPiece(compiled, own);
        if (!piece) this.pieces.set(own, fresh);
        piece = fresh;
      }
      place(piece, start, check);
      pieces[k] = piece;
      tokenBases[k] = tokens.length;
      for (const t of piece.tokens) tokens.push(t);
    }

    const model = jobModel();
    const withWords = model.words.length > 1;
    const terms: PhraseHit<TermTag>[] = [];
    const names: NameHit[] = [];
    const threats: Span[] = [];
    const ownChild: CueHit[] = [];
    const words: { words: WordFeatures; tokenBase: number }[] = [];
    for (let k = 0; k < count; k++) {
      const piece = pieces[k];
      const start = starts[k];
      const base = tokenBases[k];
      const named = this.namedPiece(compiled, text, texts[k], piece, tokens, base, start, k === count - 1, withWords ? model.bits : 0);
      for (const h of piece.terms) terms.push({ value: h.value, startToken: h.startToken + base, endToken: h.endToken + base, start: h.start + start, end: h.end + start });
      for (const h of named.names) names.push({ ...h, startToken: h.startToken + base, endToken: h.endToken + base, start: h.start + start, end: h.end + start });
      for (const s of piece.threats) threats.push({ start: s.start + start, end: s.end + start });
      for (const c of piece.ownChild) ownChild.push({ cue: c.cue, start: c.start + start, end: c.end + start });
      if (withWords) words.push({ words: named.words, tokenBase: base });
    }
    return analyseFound(compiled, text, surface, site, recipient, {
      tokens,
      terms,
      names,
      ownChild,
      threats,
      profanity: this.profanity(text),
      ...(withWords ? { words: mergeWordFeatures(words) } : {}),
    });
  }

  /** The piece's names, found with the tokens around it in place, and its word features. */
  private namedPiece(compiled: CompiledPolicy, text: string, own: string, piece: Piece, tokens: Token[], base: number, start: number, last: boolean, bits: number): NamedPiece {
    const before = base > 0 ? tokens[base - 1] : undefined;
    const afterFrom = base + piece.tokens.length;
    const after = tokens.slice(afterFrom, afterFrom + NAME_CONTEXT_AFTER);
    let key = `${bits}|${last ? 1 : 0}|${signature(before)}`;
    for (const t of after) key += `|${signature(t)}`;
    key += `\u0000${own}`;
    let named = this.named.get(key);
    if (named) return named;
    const around = before ? [before, ...piece.tokens, ...after] : [...piece.tokens, ...after];
    const from = before ? 1 : 0;
    const to = from + piece.tokens.length;
    // Offsets are those of the text being checked: an initial at its very end may still be being typed.
    const found = compiled.names.find(around, last ? text.length : Infinity);
    const own_: NameHit[] = [];
    for (const h of found) {
      if (h.startToken < from || h.endToken >= to) continue;
      own_.push({ ...h, startToken: h.startToken - from, endToken: h.endToken - from, start: h.start - start, end: h.end - start });
    }
    const words = bits ? keepWordFeatures(wordFeatures(piece.tokens, nameGroups(piece.tokens, own_), bits)) : { slots: new Int32Array(0), first: new Int32Array(0), bigram: new Uint8Array(0), length: 0 };
    named = { names: own_, words };
    this.named.set(key, named);
    return named;
  }

  /** Profanity, line by line (no word crosses a line break). */
  private profanity(text: string): Span[] {
    const out: Span[] = [];
    for (let at = 0; at <= text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      if (end > at) {
        const line = text.slice(at, end);
        let spans = this.lines.get(line);
        if (!spans) this.lines.set(line, (spans = findProfanity(line)));
        for (const s of spans) out.push({ start: s.start + at, end: s.end + at });
      }
      at = end + 1;
    }
    return out;
  }
}

/** What the name index reads of a token next to a piece (never its offsets). */
function signature(t: Token | undefined): string {
  if (!t) return '';
  return `${t.norm}\u0001${+t.capitalised}${+t.isNumber}${+t.gluedToPrev}${+t.newlineBefore}${+t.sentenceStart}\u0001${t.sepBefore}`;
}

function readPiece(compiled: CompiledPolicy, own: string): Piece {
  const tokens = tokenise(own);
  return { tokens, placedAt: 0, placedIn: 0, terms: compiled.terms.find(tokens), threats: findThreats(tokens), ownChild: ownChildHits(own, tokens) };
}

/** Move a piece's tokens to where the piece starts in this text. */
function place(piece: Piece, start: number, check: number): void {
  const d = start - piece.placedAt;
  if (d !== 0) {
    for (const t of piece.tokens) {
      t.start += d;
      t.end += d;
    }
    piece.placedAt = start;
  }
  piece.placedIn = check;
}
