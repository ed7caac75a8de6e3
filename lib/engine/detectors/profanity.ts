/**
 * Profanity and slurs, from obscenity's maintained English list (it handles f*ck, sh1t, fuuuck and
 * its own whitelist of innocent words), plus our allowlist of UK place names and surnames.
 *
 * Speed: one obscenity call costs tens of microseconds before it reads a letter, and people reuse the
 * same words all the time. So results are cached per word, and the words of a post not seen before are
 * scanned together in a single call, with a filler between them that no pattern can match across.
 * Obfuscations spread over several words ("f u c k") are not caught.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import allowlist from '../../../assets/terms/profanity-allowlist.json';

export interface Span {
  start: number;
  end: number;
}

const ALLOWED = new Set(allowlist.terms);
/** Between words in a batch: spaces keep word boundaries, the letters stop matches joining two words. */
const FILLER = ' qzxjq ';
const CACHE_LIMIT = 50_000;
/** Longer "words" are scanned on their own, uncached. */
const MAX_CACHED_WORD = 64;

let matcher: RegExpMatcher | undefined;
/** Word → offsets of rude parts inside it (usually empty). */
const cache = new Map<string, Span[]>();
const NONE: Span[] = [];

function scanText(s: string): Span[] {
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return matcher.getAllMatches(s, true).map((m) => ({ start: m.startIndex, end: m.endIndex + 1 }));
}

/** Scan many words in one call and cache what each one holds. */
function scanWords(words: string[]): void {
  const starts: number[] = [];
  let batch = '';
  for (const w of words) {
    if (batch) batch += FILLER;
    starts.push(batch.length);
    batch += w;
  }
  const found = new Map<number, Span[]>();
  for (const m of scanText(batch)) {
    // The word this match starts in; a match that runs past its end crossed into the filler.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= m.start) lo = mid;
      else hi = mid - 1;
    }
    const s = starts[lo];
    if (m.end > s + words[lo].length) continue;
    const list = found.get(lo) ?? [];
    list.push({ start: m.start - s, end: m.end - s });
    found.set(lo, list);
  }
  if (cache.size + words.length > CACHE_LIMIT) cache.clear();
  words.forEach((w, i) => cache.set(w, found.get(i) ?? NONE));
}

const WORD_CHAR = /[\p{L}\p{M}\p{Nd}*@$!-]/u;

/** Widen a match to the whole word ("fuck" in "fucking"), so the highlight covers what to change. */
function wholeWord(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s > 0 && start - s < 20 && WORD_CHAR.test(text[s - 1])) s--;
  while (e < text.length && e - end < 20 && WORD_CHAR.test(text[e])) e++;
  return { start: s, end: e };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

export function findProfanity(text: string): Span[] {
  // The post's words (runs of non-space), with where each starts.
  // One cache look-up per word; only words seen for the first time are kept for the batch scan.
  const words: { word: string; at: number; spans: Span[] | undefined }[] = [];
  let unseen: Set<string> | undefined;
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const at = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (i > at) {
      const word = text.slice(at, i);
      const spans = word.length <= MAX_CACHED_WORD ? cache.get(word) : scanText(word);
      if (spans === NONE) continue; // nothing rude in it: the usual case, nothing more to do
      if (spans === undefined) (unseen ??= new Set()).add(word);
      words.push({ word, at, spans });
    }
  }
  if (unseen) scanWords([...unseen]);

  const out: Span[] = [];
  let reach = -1;
  for (const { word, at, spans: known } of words) {
    const spans = known ?? cache.get(word) ?? NONE;
    for (const s of spans) {
      if (at + s.start < reach) continue; // the same word found by two patterns
      const whole = wholeWord(text, at + s.start, at + s.end);
      reach = whole.end;
      if (!ALLOWED.has(text.slice(whole.start, whole.end).toLowerCase())) out.push(whole);
    }
  }
  return out;
}
