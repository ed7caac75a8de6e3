/**
 * Checking a long text as it is typed without reading all of it again. The text is cut at the end
 * of the last word before each line break (tokenise.ts, lineCuts), and a long line at the end of a
 * sentence every few hundred characters where the words around show nothing runs across
 * (sentence-cuts.ts): each piece then tokenises on its own exactly as it does inside the whole
 * text, and no term, name or threat crosses a cut. What is found in a piece is kept in a small
 * bounded cache, keyed by the piece's text, and only pieces not seen before are read; the decisions
 * that need the whole text (is the post about school, the job model's score, contact details, the
 * rules themselves) are worked out again on every check, from the pieces' findings. The result is
 * exactly the analysis `analyse` gives (tested with random edits in tests/unit/engine/incremental.test.ts).
 *
 * Names need a little more than their piece: whether a misspelt word is looked up depends on the
 * words next to it, across a line break too. So a piece's names are kept under the piece's text
 * together with the word before it and the five after it.
 *
 * The text checked last is kept with its pieces, so that the start and end it shares with the next
 * text (all but the piece being typed in, usually) are taken over without even a look-up. Other
 * pieces and lines are kept in two least-recently-used tables of at most MAX_ENTRIES entries and
 * MAX_CHARS characters each, in the worker's memory only (typed text is never stored).
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
import { Lru, MAX_CHARS, MAX_ENTRIES } from './lru';
import { SentenceCuts, spaceAfterCut } from './sentence-cuts';
import { lineCuts, tokenise, type Token } from './tokenise';

export { MAX_CHARS, MAX_ENTRIES };
/** Tokens after a piece that its names can depend on: a glued run of up to four, and the one after. */
const NAME_CONTEXT_AFTER = 5;

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
  /** What the name index reads of the piece's first tokens and of its last (see `signature`). */
  headSigs: string[];
  lastSig: string;
  /** The piece's names and word features, by what surrounds it (usually one context). */
  named: Map<string, NamedPiece>;
}

/** A piece's names (offsets and token indices from its start) and its job-model word features. */
interface NamedPiece {
  names: NameHit[];
  words: WordFeatures;
}

/** The text checked last and how it was cut, so that the unchanged start and end of the next text need no look-up. */
interface Previous {
  text: string;
  starts: number[];
  ends: number[];
  pieces: Piece[];
  lineStarts: number[];
  lineEnds: number[];
  lineSpans: Span[][];
}

const NO_WORDS: WordFeatures = { slots: new Int32Array(0), first: new Int32Array(0), bigram: new Uint8Array(0), length: 0 };
/** Contexts kept per piece. */
const CONTEXTS_PER_PIECE = 4;

export class AnalysisCache {
  private compiled?: CompiledPolicy;
  private checks = 0;
  private pieces = new Lru<Piece>();
  private lines = new Lru<Span[]>();
  private sentences?: SentenceCuts;
  private previous?: Previous;

  /** Characters read afresh by the last check (pieces not seen before). */
  private readChars = 0;

  /** Pieces and lines held, and what the last check read afresh (for tests and the benchmark). */
  get size(): { pieces: number; lines: number; lastRead: number } {
    return { pieces: this.pieces.size, lines: this.lines.size, lastRead: this.readChars };
  }

  /** The analysis of `text`, exactly as `analyse` would give it, reading only pieces not seen before. */
  analyse(compiled: CompiledPolicy, text: string, surface: Surface, site?: Site, recipient?: ContactGroup): Analysis {
    if (compiled !== this.compiled) {
      // Names and terms come from the policy: a new policy starts a new cache.
      this.compiled = compiled;
      this.pieces = new Lru();
      this.lines = new Lru();
      this.sentences = new SentenceCuts(compiled);
      this.previous = undefined;
    }
    const check = ++this.checks;
    this.readChars = 0;
    const same = unchanged(this.previous?.text, text);
    const atLines = lineCuts(text);
    const inLines = this.sentences!.cuts(text, atLines);
    const cuts = inLines.length ? [...atLines, ...inLines].sort((a, b) => a - b) : atLines;
    const count = cuts.length + 1;
    const starts = [0, ...cuts];
    const ends = [...cuts, text.length];
    const pieces: Piece[] = new Array(count);
    const tokenBases: number[] = new Array(count);
    const tokens: Token[] = [];
    for (let k = 0; k < count; k++) {
      const start = starts[k];
      let piece = reused(this.previous, same, start, ends[k], text.length, (p) => p.starts, (p) => p.ends, (p, i) => p.pieces[i]);
      if (!piece || piece.placedIn === check) {
        const own = text.slice(start, ends[k]);
        piece = this.pieces.get(own);
        if (!piece || piece.placedIn === check) {
          const fresh = readPiece(compiled, own);
          this.readChars += own.length;
          if (!piece) this.pieces.set(own, fresh);
          piece = fresh;
        }
      }
      place(piece, start, check);
      pieces[k] = piece;
      tokenBases[k] = tokens.length;
      for (const t of piece.tokens) tokens.push(t);
    }

    const model = jobModel();
    const bits = model.words.length > 1 ? model.bits : 0;
    const terms: PhraseHit<TermTag>[] = [];
    const names: NameHit[] = [];
    const threats: Span[] = [];
    const ownChild: CueHit[] = [];
    const words: { words: WordFeatures; tokenBase: number; joined?: number }[] = [];
    let lastWord: number | undefined;
    for (let k = 0; k < count; k++) {
      const piece = pieces[k];
      const start = starts[k];
      const base = tokenBases[k];
      const named = this.namedPiece(compiled, text, pieces, k, tokens, base, start, bits);
      for (const h of piece.terms) terms.push({ value: h.value, startToken: h.startToken + base, endToken: h.endToken + base, start: h.start + start, end: h.end + start });
      for (const h of named.names) names.push({ ...h, startToken: h.startToken + base, endToken: h.endToken + base, start: h.start + start, end: h.end + start });
      for (const s of piece.threats) threats.push({ start: s.start + start, end: s.end + start });
      for (const c of piece.ownChild) ownChild.push({ cue: c.cue, start: c.start + start, end: c.end + start });
      if (bits && piece.tokens.length) {
        // Cut inside a line: the word pair across the cut is the text's too.
        const joined = lastWord !== undefined && !piece.tokens[0].newlineBefore ? lastWord : undefined;
        words.push({ words: named.words, tokenBase: base, ...(joined === undefined ? {} : { joined }) });
        lastWord = named.words.lastWord;
      }
    }
    const lines = this.profanity(text, same, inLines);
    this.previous = { text, starts, ends, pieces, ...lines };
    return analyseFound(compiled, text, surface, site, recipient, {
      tokens,
      terms,
      names,
      ownChild,
      threats,
      profanity: lines.spans,
      ...(bits ? { words: mergeWordFeatures(words, bits) } : {}),
    });
  }

  /** Piece k's names, found with the tokens around it in place, and its word features. */
  private namedPiece(compiled: CompiledPolicy, text: string, pieces: Piece[], k: number, tokens: Token[], base: number, start: number, bits: number): NamedPiece {
    const piece = pieces[k];
    const last = k === pieces.length - 1;
    const before = base > 0 ? tokens[base - 1] : undefined;
    // The context, from signatures each piece keeps of its edges: the word before, the five after.
    let prev = k - 1;
    while (prev >= 0 && !pieces[prev].tokens.length) prev--;
    let key = `${bits}|${+last}|${prev >= 0 ? pieces[prev].lastSig : ''}`;
    let after = 0;
    for (let j = k + 1; j < pieces.length && after < NAME_CONTEXT_AFTER; j++) {
      for (const sig of pieces[j].headSigs) {
        if (after++ === NAME_CONTEXT_AFTER) break;
        key += `|${sig}`;
      }
    }
    let named = piece.named.get(key);
    if (named) return named;
    const afterFrom = base + piece.tokens.length;
    const next = tokens.slice(afterFrom, afterFrom + NAME_CONTEXT_AFTER);
    const around = before ? [before, ...piece.tokens, ...next] : [...piece.tokens, ...next];
    const from = before ? 1 : 0;
    const to = from + piece.tokens.length;
    // Offsets are those of the text being checked: an initial at its very end may still be being typed.
    const own: NameHit[] = [];
    for (const h of compiled.names.find(around, last ? text.length : Infinity)) {
      if (h.startToken < from || h.endToken >= to) continue;
      own.push({ ...h, startToken: h.startToken - from, endToken: h.endToken - from, start: h.start - start, end: h.end - start });
    }
    named = { names: own, words: bits ? keepWordFeatures(wordFeatures(piece.tokens, nameGroups(piece.tokens, own), bits)) : NO_WORDS };
    if (piece.named.size >= CONTEXTS_PER_PIECE) piece.named.delete(piece.named.keys().next().value as string);
    piece.named.set(key, named);
    return named;
  }

  /**
   * Profanity, line by line, and a long line in parts, at the space after each sentence it was cut at
   * (`inLines`): it is read word by word, and no word crosses a line break or a space.
   */
  private profanity(text: string, same: Unchanged, inLines: readonly number[]): { spans: Span[]; lineStarts: number[]; lineEnds: number[]; lineSpans: Span[][] } {
    const spans: Span[] = [];
    const lineStarts: number[] = [];
    const lineEnds: number[] = [];
    const lineSpans: Span[][] = [];
    let soft = 0;
    for (let at = 0; at <= text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      while (soft < inLines.length && inLines[soft] < at) soft++;
      if (soft < inLines.length && inLines[soft] < end) end = spaceAfterCut(text, inLines[soft]);
      if (end > at) {
        let found = reused(this.previous, same, at, end, text.length, (p) => p.lineStarts, (p) => p.lineEnds, (p, i) => p.lineSpans[i]);
        if (!found) {
          const line = text.slice(at, end);
          found = this.lines.get(line);
          if (!found) this.lines.set(line, (found = findProfanity(line)));
        }
        lineStarts.push(at);
        lineEnds.push(end);
        lineSpans.push(found);
        for (const s of found) spans.push({ start: s.start + at, end: s.end + at });
      }
      at = end + 1;
    }
    return { spans, lineStarts, lineEnds, lineSpans };
  }
}

/** How much of the previous text the new one keeps: the first `prefix` characters, and the last `suffix`. */
interface Unchanged {
  prefix: number;
  suffix: number;
  /** New length minus old. */
  shift: number;
}

function unchanged(old: string | undefined, text: string): Unchanged {
  if (old === undefined) return { prefix: 0, suffix: 0, shift: 0 };
  const max = Math.min(old.length, text.length);
  // Long stretches compared as slices (native comparison), then character by character.
  let prefix = 0;
  for (let step = 4096; step >= 16; step >>= 2) while (prefix + step <= max && old.slice(prefix, prefix + step) === text.slice(prefix, prefix + step)) prefix += step;
  while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  for (let step = 4096; step >= 16; step >>= 2) {
    while (suffix + step <= room && old.slice(old.length - suffix - step, old.length - suffix) === text.slice(text.length - suffix - step, text.length - suffix)) suffix += step;
  }
  while (suffix < room && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { prefix, suffix, shift: text.length - old.length };
}

/**
 * What the previous check found for the range [start, end) of the new text, when the range lies in
 * the part the two texts share and the previous check had exactly that range too.
 */
function reused<T>(previous: Previous | undefined, same: Unchanged, start: number, end: number, length: number, startsOf: (p: Previous) => number[], endsOf: (p: Previous) => number[], valueOf: (p: Previous, i: number) => T): T | undefined {
  if (!previous) return undefined;
  let moved: number;
  if (end <= same.prefix) moved = 0;
  else if (start >= length - same.suffix) moved = same.shift;
  else return undefined;
  const at = start - moved;
  const starts = startsOf(previous);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo] === at && endsOf(previous)[lo] === end - moved ? valueOf(previous, lo) : undefined;
}

/** What the name index reads of a token next to a piece (never its offsets). */
function signature(t: Token | undefined): string {
  if (!t) return '';
  return `${t.norm}\u0001${+t.capitalised}${+t.isNumber}${+t.gluedToPrev}${+t.newlineBefore}${+t.sentenceStart}\u0001${t.sepBefore}`;
}

function readPiece(compiled: CompiledPolicy, own: string): Piece {
  const tokens = tokenise(own);
  return {
    tokens,
    placedAt: 0,
    placedIn: 0,
    terms: compiled.terms.find(tokens),
    threats: findThreats(tokens),
    ownChild: ownChildHits(own, tokens),
    headSigs: tokens.slice(0, NAME_CONTEXT_AFTER).map(signature),
    lastSig: signature(tokens[tokens.length - 1]),
    named: new Map(),
  };
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
