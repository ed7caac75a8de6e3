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
    const words = phraseWords(phrase);
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
    for (let i = 0; i < tokens.length; i++) {
      let node: Node<T> | undefined = this.root;
      for (let j = i; j < tokens.length && node; j++) {
        const t = tokens[j];
        if (j > i && t.newlineBefore) break;
        node = t.isNumber ? node.number : node.next?.get(t.norm);
        if (node?.values) {
          for (const value of node.values) hits.push({ value, startToken: i, endToken: j, start: tokens[i].start, end: t.end });
        }
      }
    }
    return hits;
  }
}

/** A phrase as the words the tokeniser would produce, keeping "#" placeholders. */
export function phraseWords(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.split(/\s+/u)) {
    if (part === NUMBER_PLACEHOLDER) out.push(part);
    else for (const t of tokenise(part)) out.push(t.norm);
  }
  return out;
}
