/**
 * Where a long line can be cut into pieces for the incremental check (incremental.ts), besides its
 * line breaks: at the end of a sentence, once a piece has SENTENCE_PIECE characters. Each cut is
 * checked on the words around it (SEAM_REACH characters either side) before it is used: the words
 * must tokenise the same on either side as together, and no term, name, threat or "our <name>" cue
 * may run across it (a title "Mr. Smith", a school "St. Mary's", "I'll. Flatten him"). A cut that
 * fails is not made, and the piece runs on to the next sentence end. Profanity is read word by word
 * and never crosses a space, so it needs no check here.
 */
import type { CompiledPolicy } from './compile';
import { ownChildHits } from './job';
import { Lru } from './lru';
import { findThreats } from './rules/derogatory';
import { tokenEndsAt, tokenise, type Token } from './tokenise';

/** A piece of a long line is cut at the first sentence end after this many characters. */
export const SENTENCE_PIECE = 400;
/** What is read either side of a cut to see that nothing crosses it: far more than any term, name or threat spans. */
export const SEAM_REACH = 200;
/** What the tokeniser counts as ending a sentence. */
const ENDS = '[.!?\u2026]+';
/** A sentence's end: its punctuation, then a space on the same line. A cut is made before the punctuation. */
const SENTENCE_END = new RegExp(`${ENDS}[ \\t\\u00a0]`, 'g');
const PUNCTUATION_AT = new RegExp(ENDS, 'y');

/** The space after the punctuation that a cut at `cut` is made before. */
export function spaceAfterCut(text: string, cut: number): number {
  PUNCTUATION_AT.lastIndex = cut;
  return PUNCTUATION_AT.test(text) ? PUNCTUATION_AT.lastIndex : cut;
}

export class SentenceCuts {
  /** Whether a cut holds, by the words around it (the seam): cuts are met again on every keystroke. */
  private readonly seams = new Lru<boolean>();

  constructor(private readonly compiled: CompiledPolicy) {}

  /** Cuts inside lines, ascending, none equal to a line cut (`lineCuts`, ascending). */
  cuts(text: string, lineCuts: readonly number[]): number[] {
    const out: number[] = [];
    if (text.length < 2 * SENTENCE_PIECE) return out;
    let last = 0;
    let h = 0;
    SENTENCE_END.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SENTENCE_END.exec(text))) {
      const at = m.index;
      while (h < lineCuts.length && lineCuts[h] <= at) last = lineCuts[h++];
      if (last === at || at - last < SENTENCE_PIECE) continue;
      if (!tokenEndsAt(text, at, last).end || !this.holds(text, at)) continue;
      out.push(at);
      last = at;
    }
    return out;
  }

  private holds(text: string, at: number): boolean {
    // The seam starts and ends at spaces, so its first and last words are whole.
    let from = Math.max(0, at - SEAM_REACH);
    if (from > 0) while (from < at && !/\s/.test(text[from - 1])) from++;
    let to = Math.min(text.length, at + SEAM_REACH);
    if (to < text.length) while (to > at && !/\s/.test(text[to])) to--;
    const seam = text.slice(from, to);
    // The same words can come round with the cut at another place in them.
    const key = `${at - from}|${seam}`;
    let holds = this.seams.get(key);
    if (holds === undefined) this.seams.set(key, (holds = seamHolds(this.compiled, seam, at - from)));
    return holds;
  }
}

const SAME_TOKEN: (keyof Token)[] = ['norm', 'capitalised', 'isNumber', 'gluedToPrev', 'sepBefore', 'newlineBefore', 'sentenceStart'];

/** The seam's words read apart at `cut` are the words read together, and nothing found in them crosses the cut. */
export function seamHolds(compiled: CompiledPolicy, seam: string, cut: number): boolean {
  const tokens = tokenise(seam);
  const apart = [...tokenise(seam.slice(0, cut)), ...tokenise(seam.slice(cut)).map((t) => ({ ...t, start: t.start + cut, end: t.end + cut }))];
  if (apart.length !== tokens.length) return false;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = apart[i];
    if (a.start !== b.start || a.end !== b.end || SAME_TOKEN.some((k) => a[k] !== b[k])) return false;
  }
  const crosses = (s: { start: number; end: number }) => s.start < cut && s.end > cut;
  return !(compiled.terms.find(tokens).some(crosses) || compiled.names.find(tokens).some(crosses) || findThreats(tokens).some(crosses) || ownChildHits(seam, tokens).some(crosses));
}
