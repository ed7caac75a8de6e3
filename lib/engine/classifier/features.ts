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

export interface WordFeature {
  /** Index into the hashed weight table. */
  slot: number;
  /** Tokens the feature covers (for evidence). */
  first: number;
  last: number;
}

/** 32-bit FNV-1a. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The word a token stands for in the model: its folded form, a digit count, or a roster group. */
export function modelWord(t: Token, nameGroup: string | undefined): string {
  if (nameGroup) return `<${nameGroup}>`;
  if (t.isNumber) return `<n${Math.min(t.norm.length, 4)}>`;
  return t.norm;
}

/**
 * Unigram and bigram slots of a post (bits = log2 of the table size). `groupAt[i]` is the roster
 * group of token i when it is part of a roster name. Bigrams do not cross a line break.
 */
export function wordFeatures(tokens: readonly Token[], groupAt: readonly (string | undefined)[], bits: number): WordFeature[] {
  const mask = (1 << bits) - 1;
  const out: WordFeature[] = [];
  let prev = '';
  for (let i = 0; i < tokens.length; i++) {
    const w = modelWord(tokens[i], groupAt[i]);
    out.push({ slot: fnv1a(`u ${w}`) & mask, first: i, last: i });
    if (prev && !tokens[i].newlineBefore) out.push({ slot: fnv1a(`b ${prev} ${w}`) & mask, first: i - 1, last: i });
    prev = w;
  }
  return out;
}

/** Each slot once (presence, not counts), first occurrence kept. */
export function uniqueSlots(features: WordFeature[]): WordFeature[] {
  const seen = new Set<number>();
  return features.filter((f) => (seen.has(f.slot) ? false : (seen.add(f.slot), true)));
}

/** Word weights are scaled by 1/√(number of slots), so a long post does not pile up small weights. */
export function wordNorm(slots: number): number {
  return slots > 0 ? 1 / Math.sqrt(slots) : 0;
}
