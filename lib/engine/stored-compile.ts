/**
 * A compiled policy in a form extension storage can hold (strings, numbers, plain objects), and
 * back: the name index's tables, the term matcher's phrases as folded words (so no term is
 * tokenised again), and the compile's warnings. Rule settings are read from the policy again. The
 * caller keys what it stores by the policy it was built from (lib/background/compiled-cache.ts) and
 * passes that same policy back in.
 */
import type { Policy } from '../policy/schema';
import { assemble, restoredNames, termPhrases, type CompiledPolicy, type TermPhrase, type TermTag } from './compile';
import { readNameTables, storeNameTables, type StoredIndex } from './names/stored-index';

export interface StoredCompile {
  names: StoredIndex;
  /** Distinct term tags, and one line per phrase: the tag's index, then the phrase's words. */
  tags: TermTag[];
  phrases: string;
  warnings: string[];
}

const WORD = /^\S+$/u;

/** Undefined when the compile cannot be stored (it is then compiled again after each restart). */
export function storeCompiled(compiled: CompiledPolicy): StoredCompile | undefined {
  const names = storeNameTables(compiled.names.tables());
  if (!names) return undefined;
  const tags: TermTag[] = [];
  const tagIndex = new Map<string, number>();
  const lines: string[] = [];
  for (const [words, tag] of termPhrases(compiled.policy, [])) {
    if (!words.every((w) => WORD.test(w))) return undefined;
    const id = JSON.stringify(tag);
    let i = tagIndex.get(id);
    if (i === undefined) tagIndex.set(id, (i = tags.push(tag) - 1));
    lines.push(`${i} ${words.join(' ')}`);
  }
  return { names, tags, phrases: lines.join('\n'), warnings: [...compiled.warnings] };
}

function readPhrases(tags: unknown, text: unknown): TermPhrase[] | undefined {
  if (!Array.isArray(tags) || !tags.every((t) => t && typeof t === 'object' && typeof t.list === 'string') || typeof text !== 'string') return undefined;
  const out: TermPhrase[] = [];
  for (const line of text === '' ? [] : text.split('\n')) {
    const words = line.split(' ');
    const tag = tags[Number(words[0])] as TermTag | undefined;
    if (!tag || words.length < 2 || words.some((w) => w === '')) return undefined;
    words.shift();
    out.push([words, tag]);
  }
  return out;
}

/** The compiled policy again, or undefined when what was stored is damaged or from another version. */
export function restoreCompiled(policy: Policy, stored: unknown): CompiledPolicy | undefined {
  try {
    const s = stored as Partial<StoredCompile> | null | undefined;
    if (!s || typeof s !== 'object' || !Array.isArray(s.warnings) || !s.warnings.every((w) => typeof w === 'string')) return undefined;
    const phrases = readPhrases(s.tags, s.phrases);
    const tables = phrases && readNameTables(s.names);
    return tables && assemble(policy, restoredNames(policy, tables), phrases, [...s.warnings]);
  } catch {
    return undefined; // whatever was stored, a restart must never fail on it: the caller compiles
  }
}
