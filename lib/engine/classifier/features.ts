/**
 * What the job model reads in a post, shared by the engine and by the training script
 * (scripts/train/train-job-model.ts), so the weights always meet the features they were trained on.
 *
 * Two kinds of feature:
 * - cues: counts of the term lists and roster names found in the post (school-life words, a role, a
 *   pupil's full name, the author writing as a parent…), each with a named weight;
 * - words: unigrams and bigrams of the folded tokens, hashed into a fixed table. Numbers are read as
 *   their number of digits and roster names as the group they belong to, so the model learns
 *   "<pupil> in my class", never a name.
 */
import type { Token } from '../tokenise';

/** Cue names, in the order their weights are stored. */
export const CUES = [
  'school-life',
  'school-life-weak',
  'school-setting',
  'school-setting-weak',
  'school-context',
  'school-context-weak',
  'position',
  'position-weak',
  'confidential',
  'confidential-weak',
  'pupil-name',
  'staff-name',
  'first-name',
  'parent-name',
  'school-name',
  'parent-cue',
  'family-cue',
] as const;
export type Cue = (typeof CUES)[number];

/** A cue seen in the post, with the words it rests on (for evidence). */
export interface CueHit {
  cue: Cue;
  start: number;
  end: number;
}

/** A counted cue saturates: the third "my class" says little more than the second. */
export const CUE_CAP = 3;

/**
 * Word features of a post: parallel arrays, one entry per distinct slot (presence, not counts).
 * The arrays are scratch space reused by the next call: read them (or copy) straight away.
 */
export interface WordFeatures {
  /** Index into the hashed weight table. */
  slots: Int32Array;
  /** First token the feature covers; a bigram also covers the next one. */
  first: Int32Array;
  bigram: Uint8Array;
  length: number;
  /**
   * The hashed words of the first and last token (0 with no tokens): a text read in pieces cut
   * inside a line joins each piece to the one before with the bigram across the cut (mergeWordFeatures).
   */
  firstWord?: number;
  lastWord?: number;
}

/** 32-bit FNV-1a of a string, continuing from `h`. */
export function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads the bits of a combined hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The word a token stands for in the model: its folded form, a digit count, or a roster group. */
export function modelWord(t: Token, nameGroup: string | undefined): string {
  if (nameGroup) return `<${nameGroup}>`;
  if (t.isNumber) return `<n${Math.min(t.norm.length, 4)}>`;
  return t.norm;
}

const UNIGRAM = 0x2545f491;
const BIGRAM = 0x9e3779b9;
/**
 * Which slots a post has used already: a small open-addressing set sized to the post (slot + 1, 0 is
 * empty), so that it stays in the processor's cache instead of marking a table as big as the model.
 */
let seen = new Int32Array(0);
let scratch = { slots: new Int32Array(0), first: new Int32Array(0), bigram: new Uint8Array(0) };

/**
 * Unigram and bigram slots of a post (bits = log2 of the table size), each distinct slot once, with
 * no strings built per token. `groupAt[i]` is the roster group of token i when it is part of a
 * roster name. Bigrams do not cross a line break.
 */
export function wordFeatures(tokens: readonly Token[], groupAt: readonly (string | undefined)[], bits: number): WordFeatures {
  const mask = (1 << bits) - 1;
  const n = tokens.length;
  if (scratch.slots.length < 2 * n) {
    const room = Math.max(2 * n, 2 * scratch.slots.length, 256);
    scratch = { slots: new Int32Array(room), first: new Int32Array(room), bigram: new Uint8Array(room) };
  }
  // At least twice as many cells as slots a post can have (a unigram and a bigram per token).
  let cells = 64;
  while (cells < 4 * n) cells *= 2;
  if (seen.length < cells) seen = new Int32Array(cells);
  else seen.fill(0, 0, cells);
  const cellMask = cells - 1;
  const { slots, first, bigram } = scratch;
  let length = 0;
  const add = (slot: number, at: number, pair: boolean) => {
    let c = Math.imul(slot, 0x9e3779b1) >>> 7 & cellMask;
    for (;;) {
      const v = seen[c];
      if (v === 0) break;
      if (v === slot + 1) return;
      c = (c + 1) & cellMask;
    }
    seen[c] = slot + 1;
    slots[length] = slot;
    first[length] = at;
    bigram[length++] = pair ? 1 : 0;
  };
  let prev = 0;
  let firstWord = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const h = fnv1a(groupAt[i] || t.isNumber ? modelWord(t, groupAt[i]) : t.norm);
    if (i === 0) firstWord = h;
    add(mix(h ^ UNIGRAM) & mask, i, false);
    if (i > 0 && !t.newlineBefore) add(bigramSlot(prev, h, mask), i - 1, true);
    prev = h;
  }
  return { slots, first, bigram, length, firstWord, lastWord: prev };
}

function bigramSlot(before: number, word: number, mask: number): number {
  return mix(Math.imul(before, BIGRAM) ^ word) & mask;
}

/** A copy of word features that the next call cannot overwrite. */
export function keepWordFeatures(f: WordFeatures): WordFeatures {
  return { slots: f.slots.slice(0, f.length), first: f.first.slice(0, f.length), bigram: f.bigram.slice(0, f.length), length: f.length, firstWord: f.firstWord, lastWord: f.lastWord };
}

/**
 * The word features of a text from those of its pieces, in order (`tokenBase`: the index of the
 * piece's first token in the text): exactly what `wordFeatures` gives for the whole text. A piece
 * cut from the one before inside a line (`joined`: no line break before its first token) adds the
 * bigram across the cut, right after its first word, where the whole-text pass meets it. A slot
 * counts once, at its first piece, in the order the whole-text pass would have met it.
 */
export function mergeWordFeatures(pieces: readonly { words: WordFeatures; tokenBase: number; joined?: number }[], bits: number): WordFeatures {
  const mask = (1 << bits) - 1;
  let total = 0;
  for (const p of pieces) total += p.words.length + (p.joined === undefined ? 0 : 1);
  let cells = 64;
  while (cells < 2 * total) cells *= 2;
  const seenHere = new Int32Array(cells);
  const cellMask = cells - 1;
  const slots = new Int32Array(total);
  const first = new Int32Array(total);
  const bigram = new Uint8Array(total);
  let length = 0;
  const add = (slot: number, at: number, pair: number) => {
    let c = (Math.imul(slot, 0x9e3779b1) >>> 7) & cellMask;
    for (;;) {
      const v = seenHere[c];
      if (v === 0) break;
      if (v === slot + 1) return;
      c = (c + 1) & cellMask;
    }
    seenHere[c] = slot + 1;
    slots[length] = slot;
    first[length] = at;
    bigram[length++] = pair;
  };
  for (const { words, tokenBase, joined } of pieces) {
    for (let k = 0; k < words.length; k++) {
      add(words.slots[k], words.first[k] + tokenBase, words.bigram[k]);
      // The pair across the cut comes right after the piece's first word, as in the whole-text pass.
      if (k === 0 && joined !== undefined) add(bigramSlot(joined, words.firstWord ?? 0, mask), tokenBase - 1, 1);
    }
  }
  return { slots, first, bigram, length };
}

/** Word weights are scaled by 1/√(number of slots), so a long post does not pile up small weights. */
export function wordNorm(slots: number): number {
  return slots > 0 ? 1 / Math.sqrt(slots) : 0;
}
