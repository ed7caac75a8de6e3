/**
 * Profanity and slurs, from obscenity's maintained English list (it handles f*ck, sh1t, fuuuck and
 * its own whitelist of innocent words). Results are cached per sentence: while someone types, only the
 * sentence being edited is scanned again.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import allowlist from '../../../assets/terms/profanity-allowlist.json';

const ALLOWED = new Set(allowlist.terms);

export interface Span {
  start: number;
  end: number;
}

let matcher: RegExpMatcher | undefined;
const cache = new Map<string, Span[]>();
const CACHE_LIMIT = 2000;
/** Sentence-sized pieces: after . ! ? or a line break; long runs are cut at a space near 240 chars. */
const MAX_SEGMENT = 240;

function scan(segment: string): Span[] {
  let found = cache.get(segment);
  if (found) return found;
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  found = [];
  let lastEnd = -1;
  for (const m of matcher.getAllMatches(segment, true)) {
    if (m.startIndex <= lastEnd) continue; // the same word found by two patterns
    found.push({ start: m.startIndex, end: m.endIndex + 1 });
    lastEnd = m.endIndex;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(segment, found);
  return found;
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

export function findProfanity(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = start;
    let lastSpace = -1;
    while (end < n) {
      const c = text.charCodeAt(end);
      end++;
      if (c === 10 || ((c === 46 || c === 33 || c === 63) && text.charCodeAt(end) === 32)) break;
      if (c === 32) lastSpace = end;
      if (end - start >= MAX_SEGMENT && lastSpace > start) {
        end = lastSpace;
        break;
      }
    }
    for (const s of scan(text.slice(start, end))) {
      const word = wholeWord(text, start + s.start, start + s.end);
      if (!ALLOWED.has(text.slice(word.start, word.end).toLowerCase())) out.push(word);
    }
    start = end;
  }
  return out;
}
