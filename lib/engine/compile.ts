/**
 * Compiling a policy once into indexes that `check` can run against on every keystroke: the name
 * index (plain or hashed rosters alike), and one phrase trie holding every term list and the
 * school's names.
 */
import type { Policy } from '../policy/schema';
import { TEXT_RULE_IDS, type Severity, type TextRuleId } from '../policy/rule-ids';
import { hashedKey, plainKey, type KeyFn } from './names/keys';
import { NameIndex, titleClass, type NameIndexOptions, type NameTables, type RosterGroup } from './names/name-index';
import { unpackRosters, type PackedList } from './names/packed-roster';
import { keyPerson, wordKeyer } from './names/roster';
import { isFormalFirstName, relatedFirstNames } from './names/diminutives';
import { RULES } from './rules/catalogue';
import { schoolPhrases } from './school-names';
import { PhraseMatcher, phraseWords } from './terms/phrase-matcher';
import { TERM_LISTS, type TermListId } from './terms/term-lists';

export type TermTag =
  | { list: TermListId; contextual: boolean; capitals?: boolean }
  | { list: 'school' | 'organisation'; contextual: false; acronym?: boolean; partial?: boolean; ambiguous?: boolean }
  | { list: 'school-core'; contextual: true };

export interface RuleConfig {
  enabled: boolean;
  /** Set when the policy overrides the rule's own severities. */
  severity?: Severity;
  clause: string;
  clauseIsSchools: boolean;
}

export interface CompiledPolicy {
  policy: Policy;
  names: NameIndex;
  terms: PhraseMatcher<TermTag>;
  commonWordNames: Set<string>;
  rules: Record<TextRuleId, RuleConfig>;
  /** Problems found while compiling (e.g. a roster entry with no letters), for admins. */
  warnings: string[];
}

/** Which term list a rule's extra `terms` from the policy go into. */
const RULE_TERM_LIST: Partial<Record<TextRuleId, TermListId>> = {
  'school-life': 'school-life',
  confidential: 'confidential',
  derogatory: 'derogatory',
  'colleague-mention': 'positions',
  'profession-disclosure': 'profession',
};

/** The key function for the policy's rosters: plain, or the school's keyed hash. */
function rosterKey(policy: Policy, warnings: string[]): { key: KeyFn; hashUsable: boolean } {
  if (!policy.rosterHash) return { key: plainKey, hashUsable: false };
  try {
    return { key: hashedKey(policy.rosterHash.key), hashUsable: true };
  } catch (e) {
    warnings.push(`rosterHash.key: ${(e as Error).message} Hashed names cannot be matched.`);
    return { key: plainKey, hashUsable: false };
  }
}

function nameIndexOptions(key: KeyFn): NameIndexOptions {
  return { key, related: relatedFirstNames, isFormal: isFormalFirstName };
}

/** The rosters' name index; its warnings come before any other in `warnings`. */
function compileNames(policy: Policy, warnings: string[]): NameIndex {
  const { key, hashUsable } = rosterKey(policy, warnings);
  const names = new NameIndex(nameIndexOptions(key));
  const keyWord = wordKeyer(key);

  const rosters: [RosterGroup, PackedList, readonly { name?: string; title?: string }[] | undefined][] = [
    ['pupil', 'pupils', policy.pupils],
    ['staff', 'staff', policy.staff],
    ['formerPupil', 'formerPupils', policy.formerPupils],
    ['parent', 'parents', policy.parents],
  ];
  // Packed lists (the compact hashed scheme) are already keys: they go straight into the index.
  const packed = policy.rosterHash && hashUsable ? unpackRosters(policy.rosterHash) : undefined;
  if (packed && !packed.ok) warnings.push(`${packed.problem.path}: ${packed.problem.message} These names cannot be matched.`);
  for (const [group, field, list] of rosters) {
    for (const keyed of (packed?.ok && packed.lists[field]) || []) names.add(keyed, group, group === 'staff' ? keyed.title : 'any');
    (list ?? []).forEach((person, i) => {
      if ((person as { hashed?: unknown }).hashed && !hashUsable) {
        if (!policy.rosterHash) warnings.push(`${field}[${i}] is hashed but the policy has no rosterHash key, so it cannot be matched.`);
        return;
      }
      const keyed = keyPerson(person as never, key, keyWord);
      if (keyed) names.add(keyed, group, group === 'staff' ? titleClass(person.title) : 'any');
      else warnings.push(`${field}[${i}] has no letters in its name and is ignored.`);
    });
  }
  return names;
}

/** A name index read back from storage (see stored-compile.ts), with the key function its policy needs. */
export function restoredNames(policy: Policy, tables: NameTables): NameIndex {
  return new NameIndex(nameIndexOptions(rosterKey(policy, []).key), tables);
}

export function compilePolicy(policy: Policy): CompiledPolicy {
  const warnings: string[] = [];
  const names = compileNames(policy, warnings);
  return assemble(policy, names, termPhrases(policy, warnings), warnings);
}

/** A phrase for the term matcher: its folded words ("#" for a number) and its tag. */
export type TermPhrase = readonly [words: readonly string[], tag: TermTag];

let builtIn: readonly TermPhrase[] | undefined;

/** The built-in term lists' phrases, the same for every policy: folded once per worker start. */
function builtInPhrases(): readonly TermPhrase[] {
  if (builtIn) return builtIn;
  const out: TermPhrase[] = [];
  for (const [id, list] of Object.entries(TERM_LISTS) as [TermListId, (typeof TERM_LISTS)[TermListId]][]) {
    if (id === 'common-word-names' || id === 'school-name-words' || id === 'profanity-allowlist' || id === 'ambiguous-initials') continue;
    const contextual = new Set(list.needsContext);
    const capitals = new Set((list as { capitalsOnly?: string[] }).capitalsOnly ?? []);
    for (const t of list.terms) {
      const words = phraseWords(t);
      if (words.length) out.push([words, { list: id, contextual: contextual.has(t), ...(capitals.has(t) ? { capitals: true } : {}) }]);
    }
  }
  return (builtIn = out);
}

/**
 * Every phrase the term matcher holds, in the order it is built (the order of a trie node's tags):
 * the built-in lists, the policy's own terms, the school's names. Phrases with no words are left
 * out, with a warning for those the policy wrote.
 */
export function termPhrases(policy: Policy, warnings: string[]): TermPhrase[] {
  const out: TermPhrase[] = [...builtInPhrases()];
  const add = (phrase: string, tag: TermTag): boolean => {
    const words = phraseWords(phrase);
    if (words.length) out.push([words, tag]);
    return words.length > 0;
  };
  for (const [rule, listId] of Object.entries(RULE_TERM_LIST) as [TextRuleId, TermListId][]) {
    (policy.rules?.[rule]?.terms ?? []).forEach((t, i) => {
      if (!add(t, { list: listId, contextual: false })) warnings.push(`rules.${rule}.terms[${i}] has no words and is ignored.`);
    });
  }
  (policy.schoolContextTerms ?? []).forEach((t, i) => {
    if (!add(t, { list: 'school-context', contextual: false })) warnings.push(`schoolContextTerms[${i}] has no words and is ignored.`);
  });
  for (const p of schoolPhrases(policy.schoolName, policy.schoolAliases ?? [], policy.organisations ?? [])) {
    const tag: TermTag =
      p.kind === 'school-core' ? { list: 'school-core', contextual: true } : { list: p.kind, contextual: false, acronym: p.acronym, partial: p.partial, ambiguous: p.ambiguous };
    if (p.words.length) out.push([p.words, tag]);
  }
  return out;
}

/** The compiled policy from its parts, compiled just now or read back from storage (stored-compile.ts). */
export function assemble(policy: Policy, names: NameIndex, phrases: readonly TermPhrase[], warnings: string[]): CompiledPolicy {
  const terms = new PhraseMatcher<TermTag>();
  for (const [words, tag] of phrases) terms.addWords(words, tag);

  const rules = {} as Record<TextRuleId, RuleConfig>;
  for (const id of TEXT_RULE_IDS) {
    const s = policy.rules?.[id];
    rules[id] = {
      enabled: s?.enabled ?? true,
      severity: s?.severity,
      clause: s?.clause ?? RULES[id].clause,
      clauseIsSchools: s?.clause !== undefined,
    };
  }

  return {
    policy,
    names,
    terms,
    commonWordNames: new Set(TERM_LISTS['common-word-names'].terms),
    rules,
    warnings,
  };
}
