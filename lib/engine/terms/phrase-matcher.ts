/**
 * Finds listed words and phrases in tokenised text with a word trie: one walk per token, whatever
 * the number of phrases. Phrases are tokenised like the text, so case, accents and punctuation do
 * not matter ("Parents' Evening" = "parents evening"). In a phrase, "#" stands for any number
 * ("year # class" matches "Year 6 class").
 */
import { tokenise, type Token } from '../tokenise';

export interface PhraseHit<T> {
  value: T;
  startToken: number;
  endToken: number;
  start: number;
  end: number;
}

interface Node<T> {
  next?: Map<string, Node<T>>;
  number?: Node<T>;
  values?: T[];
}

export const NUMBER_PLACEHOLDER = '#';

export class PhraseMatcher<T> {
  private readonly root: Node<T> = {};
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a phrase; returns false when it has no words (so callers can report it). */
  add(phrase: string, value: T): boolean {
    return this.addWords(phraseWords(phrase), value);
  }

  /** Adds already-folded words; "#" is a number placeholder. */
  addWords(words: readonly string[], value: T): boolean {
    if (words.length === 0) return false;
    let node = this.root;
    for (const w of words) {
      if (w === NUMBER_PLACEHOLDER) node = node.number ??= {};
      else {
        node.next ??= new Map();
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = {}));
        node = child;
      }
    }
    (node.values ??= []).push(value);
    this.count++;
    return true;
  }

  find(tokens: readonly Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) this.walk(tokens, i, this.root, i, hits);
    return hits;
  }

  /**
   * Follow the trie from `node` over tokens[j…]. Each step consumes one token, or a run of glued
   * tokens read as one word (EpiPen → "epipen"), which only branches where tokens are glued.
   */
  private walk(tokens: readonly Token[], i: number, node: Node<T>, j: number, hits: PhraseHit<T>[]): void {
    const n = tokens.length;
    while (j < n) {
      const t = tokens[j];
      if (j > i && t.newlineBefore) return;
      if (node.next && !t.isNumber && j + 1 < n && tokens[j + 1].gluedToPrev) {
        let word = t.norm;
        for (let k = j + 1; k < n && k - j < 4 && tokens[k].gluedToPrev && !tokens[k].isNumber; k++) {
          word += tokens[k].norm;
          const joined = node.next.get(word);
          if (!joined) continue;
          if (joined.values) this.emit(joined, tokens, i, k, hits);
          if (joined.next || joined.number) this.walk(tokens, i, joined, k + 1, hits);
        }
      }
      const child = t.isNumber ? node.number : node.next?.get(t.norm);
      if (!child) return;
      if (child.values) this.emit(child, tokens, i, j, hits);
      if (!child.next && !child.number) return;
      node = child;
      j++;
    }
  }

  private emit(node: Node<T>, tokens: readonly Token[], i: number, end: number, hits: PhraseHit<T>[]): void {
    for (const value of node.values!) hits.push({ value, startToken: i, endToken: end, start: tokens[i].start, end: tokens[end].end });
  }
}

const PLAIN_PHRASE = /^[a-z]+(?: [a-z]+)*$/;

/**
 * A term as the words the tokeniser would produce. "#" stands for a number, also when glued to
 * letters: "y#" is Y6, "year #s" is "Year 9s".
 */
export function phraseWords(phrase: string): string[] {
  // Most terms are lower-case words and single spaces, which the tokeniser leaves as they are.
  if (PLAIN_PHRASE.test(phrase)) return phrase.split(' ');
  const out: string[] = [];
  for (const part of phrase.split(/\s+/u)) {
    for (const piece of part.split(/(#)/u)) {
      if (piece === NUMBER_PLACEHOLDER) out.push(piece);
      else for (const t of tokenise(piece)) out.push(t.norm);
    }
  }
  return out;
}
