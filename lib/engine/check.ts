/**
 * The engine's entry point: compile a policy once, then check text. Pure: text and policy in,
 * findings out; no DOM, no browser APIs, never throws on any text.
 */
import type { Policy } from '../policy/schema';
import { TEXT_RULE_IDS, type RuleId, type Severity, type Site, type Surface, type TextRuleId } from '../policy/rule-ids';
import { analyse, isStrongName, type Analysis, type RawFinding } from './analysis';
import { typeset } from './typeset';
import { compilePolicy, type CompiledPolicy } from './compile';
import type { AnalysisCache } from './incremental';
import type { Token } from './tokenise';
import { matchContact, rosterGroupOf, type ContactMatch } from './contact';
import { RULES } from './rules/catalogue';
import { colleagueMention } from './rules/colleague-mention';
import { confidential } from './rules/confidential';
import { derogatory } from './rules/derogatory';
import { personalInfo } from './rules/personal-info';
import { professionDisclosure } from './rules/profession-disclosure';
import { pupilMention } from './rules/pupil-mention';
import { schoolLife } from './rules/school-life';
import { schoolMention } from './rules/school-mention';

export interface Finding {
  rule: TextRuleId;
  severity: Severity;
  /** UTF-16 offsets of the evidence in the checked text. */
  start: number;
  end: number;
  message: string;
  /** The policy clause the finding rests on: our summary, or the school's own wording. */
  clause: { text: string; bySchool: boolean; url?: string };
  advice: string;
  /** Other rules these same words break; their findings are folded into this one, so the card says it once. */
  also?: TextRuleId[];
}

export interface CheckOptions {
  surface: Surface;
  site?: Site;
  /** In a message: the person being messaged, as the page shows them (a chat's header). */
  recipient?: { name: string; handle?: string };
  /**
   * The person is signed in as one of the school's own accounts: naming the school, school life and
   * the profession are what that account is for, so those rules stand down. Pupils and confidential
   * matters are still checked.
   */
  officialAccount?: boolean;
}

/** Rules that stand down on the school's own accounts. */
export const OFFICIAL_ACCOUNT_STANDS_DOWN: readonly TextRuleId[] = ['school-mention', 'school-life', 'profession-disclosure'];

/** A check with what the false-match answers need to know about each finding and the text. */
export interface Inspection {
  findings: Finding[];
  /** Per finding (same order): the evidence is a roster name in a strong form (full name, initial and surname, a listed nickname…). */
  strongName: boolean[];
  /** Words in the text show it is about school (school-context, school-life, positions, confidential terms or the school's name). */
  schoolContext: boolean;
  /** The text's tokens, for the words around a finding (answer-scope.ts), so they need not be read again. */
  tokens: readonly Token[];
}

/** Term lists whose words show a text is about school, whoever is named in it. */
const SCHOOL_CONTEXT_LISTS = new Set(['school-context', 'school-life', 'school', 'positions', 'confidential']);

const RULE_RUNNERS: Record<TextRuleId, (a: Analysis) => RawFinding[]> = {
  'pupil-mention': pupilMention,
  'colleague-mention': colleagueMention,
  'school-mention': schoolMention,
  'school-life': schoolLife,
  confidential,
  derogatory,
  'personal-info': personalInfo,
  'profession-disclosure': professionDisclosure,
};

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };


/** Longest-first, dropping any finding of the same rule that lies inside another. */
function dropContained(findings: RawFinding[]): RawFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFinding[] = [];
  const reach = new Map<string, number>();
  for (const f of sorted) {
    const r = reach.get(f.rule) ?? -1;
    if (f.end <= r) continue;
    out.push(f);
    reach.set(f.rule, Math.max(r, f.end));
  }
  return out;
}

/**
 * One finding per piece of evidence: words already flagged by another rule are not flagged again
 * ("Oakfield Primary School" names the school; "Primary School" inside it does not also "tell where
 * you work"). A finding goes when a finding of another rule, at least as severe, covers its words
 * (for the same words, the first rule in the catalogue's order stays). Linear in the findings: a
 * sweep by start, keeping the furthest end reached per severity and rule.
 */
function onePerSpan(findings: RawFinding[]): RawFinding[] {
  const order = (f: RawFinding) => TEXT_RULE_IDS.indexOf(f.rule);
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || order(a) - order(b));
  /** reach[severity|rule]: the kept finding of that rule and severity reaching furthest so far. */
  const reach = new Map<string, RawFinding>();
  const kept: RawFinding[] = [];
  const folded = new Map<RawFinding, Set<TextRuleId>>();
  for (const f of sorted) {
    let cover: RawFinding | undefined;
    for (const [key, g] of reach) {
      const severity = key.slice(0, key.indexOf('|')) as Severity;
      if (g.rule !== f.rule && g.end >= f.end && SEVERITY_ORDER[severity] <= SEVERITY_ORDER[f.severity]) {
        cover = g;
        break;
      }
    }
    if (cover) {
      // The words still break this rule too: say so on the finding that covers them.
      if (!folded.has(cover)) folded.set(cover, new Set());
      folded.get(cover)!.add(f.rule);
      continue;
    }
    kept.push(f);
    const key = `${f.severity}|${f.rule}`;
    const best = reach.get(key);
    if (!best || f.end > best.end) reach.set(key, f);
  }
  return kept.map((f) => (folded.has(f) ? { ...f, also: [...folded.get(f)!].filter((r) => r !== f.rule) } : f));
}

export class Engine {
  readonly compiled: CompiledPolicy;

  /** `compiled`: the policy compiled already (read back from storage), instead of compiling it here. */
  constructor(policy: Policy, compiled?: CompiledPolicy) {
    this.compiled = compiled ?? compilePolicy(policy);
  }

  /** Whether the policy's site and surface switches let Second Look run here. */
  enabledFor(site: Site | undefined, surface: Surface): boolean {
    if (!site) return true;
    const s = this.compiled.policy.sites?.[site];
    if (s?.enabled === false) return false;
    return s?.surfaces?.[surface] !== false;
  }

  /** pupil-contact: who on the rosters a request, profile or chat belongs to, by displayed name and handle. */
  contact(displayName: string, handle?: string, site?: Site): ContactMatch | undefined {
    if (site && this.compiled.policy.sites?.[site]?.enabled === false) return undefined;
    return matchContact(this.compiled, displayName, handle);
  }

  /** Each rule's clause and advice, typeset once: they are the same on every finding. */
  private readonly typesetWording = new Map<TextRuleId, { clause: string; advice: string }>();

  private wording(rule: TextRuleId): { clause: string; advice: string } {
    let w = this.typesetWording.get(rule);
    if (!w) this.typesetWording.set(rule, (w = { clause: typeset(this.compiled.rules[rule].clause), advice: typeset(RULES[rule as RuleId].advice) }));
    return w;
  }

  /**
   * `cache`: what earlier checks found in the pieces of a text (incremental.ts), for checking a long
   * text on every keystroke; the findings are the same with or without it.
   */
  check(text: string, options: CheckOptions, cache?: AnalysisCache): Finding[] {
    return this.inspect(text, options, cache).findings;
  }

  /** `check`, plus what the background needs to apply the person's false-match answers. */
  inspect(text: string, options: CheckOptions, cache?: AnalysisCache): Inspection {
    if (typeof text !== 'string' || text.length === 0 || !this.enabledFor(options.site, options.surface)) {
      return { findings: [], strongName: [], schoolContext: false, tokens: [] };
    }
    const recipient = options.recipient && options.surface === 'message' ? rosterGroupOf(this.compiled, options.recipient.name, options.recipient.handle) : undefined;
    const a = cache ? cache.analyse(this.compiled, text, options.surface, options.site, recipient) : analyse(this.compiled, text, options.surface, options.site, recipient);
    const raw: RawFinding[] = [];
    for (const id of Object.keys(RULE_RUNNERS) as TextRuleId[]) {
      const config = this.compiled.rules[id];
      if (!config.enabled || (options.officialAccount && OFFICIAL_ACCOUNT_STANDS_DOWN.includes(id))) continue;
      for (const f of RULE_RUNNERS[id](a)) raw.push(config.severity ? { ...f, severity: config.severity } : f);
    }
    const url = this.compiled.policy.policyUrl;
    const findings = onePerSpan(dropContained(raw))
      .sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] || x.start - y.start)
      .map((f) => {
        const { clause, advice } = this.wording(f.rule);
        // Built field by field (in the order a spread of the raw finding would give): a long post has many.
        const out: Finding = { rule: f.rule, severity: f.severity, start: f.start, end: f.end, message: typeset(f.message) } as Finding;
        if (f.also) out.also = f.also;
        out.clause = url ? { text: clause, bySchool: this.compiled.rules[f.rule].clauseIsSchools, url } : { text: clause, bySchool: this.compiled.rules[f.rule].clauseIsSchools };
        out.advice = advice;
        return out;
      });
    const strong = new Set(a.names.filter(isStrongName).map((n) => `${n.start}|${n.end}`));
    const strongName = findings.map((f) => strong.has(`${f.start}|${f.end}`));
    const schoolContext = a.terms.some((t) => SCHOOL_CONTEXT_LISTS.has(t.value.list) && !t.value.contextual);
    return { findings, strongName, schoolContext, tokens: a.tokens };
  }
}

/** Every rule the findings say is broken, those folded into another finding's words included. */
export function rulesBroken(findings: readonly Pick<Finding, 'rule' | 'also'>[]): Set<TextRuleId> {
  const out = new Set<TextRuleId>();
  for (const f of findings) {
    out.add(f.rule);
    for (const r of f.also ?? []) out.add(r);
  }
  return out;
}

export type { ContactMatch } from './contact';
export function createEngine(policy: Policy): Engine {
  return new Engine(policy);
}
