/**
 * Splits text into word tokens the way names and terms are written on social media:
 * case and accents folded, hashtags and handles split into words (#JackSmith → jack smith,
 * @jack_smith → jack smith), possessive 's dropped (Jack's → jack). Offsets are UTF-16 indices into
 * the original text, so findings can point at the evidence. One linear pass; no regular expressions
 * with backtracking.
 */

export interface Token {
  /** Folded form: lower case, accents removed, letters and digits only. */
  norm: string;
  start: number;
  end: number;
  /** First letter written as a capital in the original. */
  capitalised: boolean;
  isNumber: boolean;
  /** Joined to the previous token with no space (camelCase, apostrophe, hyphen), as in O'Brien or McDonald. */
  gluedToPrev: boolean;
  /** The non-space characters between the previous token and this one ("" when only spaces). */
  sepBefore: string;
  /** A line break sits between the previous token and this one. */
  newlineBefore: boolean;
  /** First token of the text or of a sentence (after . ! ? or a line break). */
  sentenceStart: boolean;
}

const enum C {
  Other = 0,
  Lower = 1,
  Upper = 2,
  Digit = 3,
  Apostrophe = 4,
  Space = 5,
  Newline = 6,
  /** Letters with no case (CJK, Arabic…) and combining marks that belong to the previous letter. */
  Caseless = 7,
  Mark = 8,
}

const classCache = new Map<number, C>();
const foldCache = new Map<number, string>();
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;

function classify(cp: number): C {
  if (cp < 128) {
    if (cp >= 97 && cp <= 122) return C.Lower;
    if (cp >= 65 && cp <= 90) return C.Upper;
    if (cp >= 48 && cp <= 57) return C.Digit;
    if (cp === 39) return C.Apostrophe;
    if (cp === 10 || cp === 13) return C.Newline;
    if (cp === 32 || cp === 9 || cp === 11 || cp === 12) return C.Space;
    return C.Other;
  }
  let c = classCache.get(cp);
  if (c !== undefined) return c;
  const ch = String.fromCodePoint(cp);
  if (cp === 0x2019 || cp === 0x2018 || cp === 0x02bc || cp === 0xff07) c = C.Apostrophe;
  else if (cp === 0x2028 || cp === 0x2029 || cp === 0x85) c = C.Newline;
  else if (LETTER.test(ch)) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    c = lower === upper ? C.Caseless : ch === upper ? C.Upper : C.Lower;
  } else if (MARK.test(ch)) c = C.Mark;
  else if (DIGIT.test(ch)) c = C.Digit;
  else if (SPACE.test(ch)) c = C.Space;
  else c = C.Other;
  if (classCache.size < 4096) classCache.set(cp, c);
  return c;
}

/** Lower case with accents removed: é → e, Ł → l, ß → ss. */
function foldCodePoint(cp: number): string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  let f = foldCache.get(cp);
  if (f !== undefined) return f;
  const special: Record<number, string> = { 0x0142: 'l', 0x0141: 'l', 0x00df: 'ss', 0x00f8: 'o', 0x00d8: 'o', 0x0111: 'd', 0x0110: 'd', 0x00e6: 'ae', 0x00c6: 'ae', 0x0153: 'oe', 0x0152: 'oe', 0x0131: 'i' };
  f = special[cp] ?? String.fromCodePoint(cp).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  if (foldCache.size < 4096) foldCache.set(cp, f);
  return f;
}

/** Fold a whole string the way the tokeniser folds token text (used for roster names and terms). */
export function foldText(s: string): string {
  return tokenise(s).map((t) => t.norm).join(' ');
}

function isWordClass(c: C): boolean {
  return c === C.Lower || c === C.Upper || c === C.Caseless || c === C.Digit || c === C.Mark;
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let sep = '';
  let newline = false;
  let sentenceStart = true;
  let glue = false;

  while (i < n) {
    const unit = text.charCodeAt(i);
    const cp = unit < 0xd800 || unit > 0xdbff ? unit : text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const c = classify(cp);
    if (!isWordClass(c) || c === C.Mark) {
      if (c === C.Newline) {
        newline = true;
        sentenceStart = true;
      } else if (c !== C.Space && c !== C.Mark) {
        if (sep.length < 8) sep += text.slice(i, i + width);
        if (cp === 46 || cp === 33 || cp === 63 || cp === 0x2026) sentenceStart = true;
      }
      glue = false;
      i += width;
      continue;
    }

    // A run of letters or of digits: one token, split further at lower→Upper (camelCase).
    const start = i;
    const digits = c === C.Digit;
    let norm = '';
    let ascii = true;
    let prev = c;
    let capitalised = c === C.Upper;
    while (i < n) {
      const u = text.charCodeAt(i);
      const cp2 = u < 0xd800 || u > 0xdbff ? u : text.codePointAt(i)!;
      const w2 = cp2 > 0xffff ? 2 : 1;
      const c2 = classify(cp2);
      if (c2 === C.Mark) {
        if (ascii) norm = text.slice(start, i).toLowerCase();
        ascii = false;
        i += w2; // combining accent: part of the letter, folded away
        continue;
      }
      if (digits ? c2 !== C.Digit : !(c2 === C.Lower || c2 === C.Upper || c2 === C.Caseless)) break;
      if (!digits && c2 === C.Upper && prev === C.Lower) break; // camelCase boundary
      if (ascii && cp2 >= 128) {
        norm = text.slice(start, i).toLowerCase(); // the ASCII part so far, then fold char by char
        ascii = false;
      }
      if (!ascii) norm += foldCodePoint(cp2);
      prev = c2;
      i += w2;
    }
    if (ascii) norm = text.slice(start, i).toLowerCase();
    const token: Token = {
      norm,
      start,
      end: i,
      capitalised,
      isNumber: digits,
      gluedToPrev: glue && tokens.length > 0,
      sepBefore: sep,
      newlineBefore: newline,
      sentenceStart,
    };

    // Possessive 's (Jack's, Jacks’) is not a word of its own.
    const last = tokens[tokens.length - 1];
    if (last && token.gluedToPrev && sep === "'" && norm === 's') {
      last.end = token.end; // the apostrophe-s belongs to the previous word's span
    } else {
      tokens.push(token);
    }

    sep = '';
    newline = false;
    sentenceStart = false;
    // What decides glue to the next token: nothing in between (camelCase), or one apostrophe/hyphen.
    glue = true;
    if (i < n) {
      const nc = text.codePointAt(i)!;
      const ncl = classify(nc);
      if (ncl === C.Apostrophe || nc === 45 || nc === 0x2010 || nc === 0x2011) {
        const after = i + 1 < n ? classify(text.codePointAt(i + 1)!) : C.Other;
        if (isWordClass(after) && after !== C.Mark) {
          sep = ncl === C.Apostrophe ? "'" : '-';
          i += 1;
          continue; // glue stays true across the apostrophe or hyphen
        }
      }
      if (!isWordClass(ncl)) glue = false;
    }
  }
  return tokens;
}

const NEWLINE_CHARS = /[\n\r\u2028\u2029\u0085]/g;

/** Whether the code point ending at `q` is part of a token: a letter or digit, or an accent on one. */
export function tokenEndsAt(text: string, q: number, floor: number): { end: boolean; before: number } {
  const width = (at: number) => (at - 2 >= floor && (text.charCodeAt(at - 1) & 0xfc00) === 0xdc00 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800 ? 2 : 1);
  const w = width(q);
  const c = classify(text.codePointAt(q - w)!);
  if (c === C.Mark) {
    // Accents belong to the letter before them, if there is one (the tokeniser reads them with it).
    let r = q - w;
    while (r > floor) {
      const w2 = width(r);
      const c2 = classify(text.codePointAt(r - w2)!);
      if (c2 !== C.Mark) return { end: isWordClass(c2), before: r };
      r -= w2;
    }
    return { end: false, before: r };
  }
  return { end: isWordClass(c), before: q - w };
}

/**
 * Where the text can be cut into pieces that each tokenise on their own exactly as they do inside
 * the whole text: at the end of the last token before each line break. A piece then starts with the
 * punctuation and line break after the previous line's last word, so the first token of the piece
 * sees the same separators, line break and sentence start as it does in the whole text, and no
 * token, term or name crosses a cut (none crosses a line break). Used to check long texts piece by
 * piece (incremental.ts); offsets of the cuts, ascending.
 */
export function lineCuts(text: string): number[] {
  const cuts: number[] = [];
  // Only the line just ended is read back: a line break is never part of a token.
  let floor = 0;
  NEWLINE_CHARS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEWLINE_CHARS.exec(text))) {
    let q = m.index;
    while (q > floor) {
      const at = tokenEndsAt(text, q, floor);
      if (at.end) break;
      q = at.before;
    }
    if (q > floor) cuts.push(q);
    floor = m.index + 1;
  }
  return cuts;
}
