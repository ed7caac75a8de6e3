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
    // Each step consumes one token, or a run of glued tokens read as one word (EpiPen → "epipen").
    const stack: [Node<T>, number][] = [];
    for (let i = 0; i < tokens.length; i++) {
      stack.push([this.root, i]);
      while (stack.length) {
        const [node, j] = stack.pop()!;
        if (j >= tokens.length || (j > i && tokens[j].newlineBefore)) continue;
        const t = tokens[j];
        const step = (child: Node<T> | undefined, end: number) => {
          if (!child) return;
          if (child.values) for (const value of child.values) hits.push({ value, startToken: i, endToken: end, start: tokens[i].start, end: tokens[end].end });
          if (child.next || child.number) stack.push([child, end + 1]);
        };
        step(t.isNumber ? node.number : node.next?.get(t.norm), j);
        if (!node.next || t.isNumber) continue;
        let word = t.norm;
        for (let k = j + 1; k < tokens.length && k - j < 4 && tokens[k].gluedToPrev && !tokens[k].isNumber; k++) {
          word += tokens[k].norm;
          step(node.next.get(word), k);
        }
      }
    }
    return hits;
  }
}

/**
 * A term as the words the tokeniser would produce. "#" stands for a number, also when glued to
 * letters: "y#" is Y6, "year #s" is "Year 9s".
 */
export function phraseWords(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.split(/\s+/u)) {
    for (const piece of part.split(/(#)/u)) {
      if (piece === NUMBER_PLACEHOLDER) out.push(piece);
      else for (const t of tokenise(piece)) out.push(t.norm);
    }
  }
  return out;
}
