/**
 * Compiling a policy once into indexes that `check` can run against on every keystroke: the name
 * index (plain or hashed rosters alike), and one phrase trie holding every term list and the
 * school's names.
 */
import type { Policy } from '../policy/schema';
import { TEXT_RULE_IDS, type Severity, type TextRuleId } from '../policy/rule-ids';
import { hashedKey, plainKey, type KeyFn } from './names/keys';
import { NameIndex, titleClass, type RosterGroup } from './names/name-index';
import { unpackRosters, type PackedList } from './names/packed-roster';
import { keyPerson, wordKeyer } from './names/roster';
import { isFormalFirstName, relatedFirstNames } from './names/diminutives';
import { RULES } from './rules/catalogue';
import { schoolPhrases } from './school-names';
import { PhraseMatcher } from './terms/phrase-matcher';
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

export function compilePolicy(policy: Policy): CompiledPolicy {
  const warnings: string[] = [];
  let key: KeyFn = plainKey;
  let hashUsable = false;
  if (policy.rosterHash) {
    try {
      key = hashedKey(policy.rosterHash.key);
      hashUsable = true;
    } catch (e) {
      warnings.push(`rosterHash.key: ${(e as Error).message} Hashed names cannot be matched.`);
    }
  }
  const names = new NameIndex({ key, related: relatedFirstNames, isFormal: isFormalFirstName });
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

  const terms = new PhraseMatcher<TermTag>();
  for (const [id, list] of Object.entries(TERM_LISTS) as [TermListId, (typeof TERM_LISTS)[TermListId]][]) {
    if (id === 'common-word-names' || id === 'school-name-words' || id === 'profanity-allowlist' || id === 'ambiguous-initials') continue;
    const contextual = new Set(list.needsContext);
    const capitals = new Set((list as { capitalsOnly?: string[] }).capitalsOnly ?? []);
    for (const t of list.terms) terms.add(t, { list: id, contextual: contextual.has(t), ...(capitals.has(t) ? { capitals: true } : {}) });
  }
  for (const [rule, listId] of Object.entries(RULE_TERM_LIST) as [TextRuleId, TermListId][]) {
    (policy.rules?.[rule]?.terms ?? []).forEach((t, i) => {
      if (!terms.add(t, { list: listId, contextual: false })) warnings.push(`rules.${rule}.terms[${i}] has no words and is ignored.`);
    });
  }
  (policy.schoolContextTerms ?? []).forEach((t, i) => {
    if (!terms.add(t, { list: 'school-context', contextual: false })) warnings.push(`schoolContextTerms[${i}] has no words and is ignored.`);
  });
  for (const p of schoolPhrases(policy.schoolName, policy.schoolAliases ?? [], policy.organisations ?? [])) {
    const tag: TermTag =
      p.kind === 'school-core' ? { list: 'school-core', contextual: true } : { list: p.kind, contextual: false, acronym: p.acronym, partial: p.partial, ambiguous: p.ambiguous };
    terms.addWords(p.words, tag);
  }

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
