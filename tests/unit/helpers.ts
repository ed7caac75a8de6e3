import { readFileSync } from 'node:fs';
import { createEngine, type Engine } from '../../lib/engine/check';
import { hashPolicy } from '../../lib/policy/hash-policy';
import type { Surface } from '../../lib/policy/rule-ids';
import type { Policy } from '../../lib/policy/schema';
import { validatePolicy } from '../../lib/policy/validate';

export function loadFixturePolicy(name = 'school'): Policy {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/policies/${name}.json`, import.meta.url), 'utf8'));
  const { policy, issues } = validatePolicy(raw);
  if (!policy) throw new Error(`fixture policy ${name} is invalid: ${JSON.stringify(issues)}`);
  return policy;
}

/** The same school policy as plain names and as keyed hashes: every name test runs on both. */
export function bothRosterForms(policy: Policy = loadFixturePolicy()): [string, Engine][] {
  return [
    ['plain roster', createEngine(policy)],
    ['hashed roster', createEngine(hashPolicy(policy, 'c2Vjb25kLWxvb2stdGVzdC1rZXktMDEyMzQ1Njc4OQ'))],
  ];
}

export interface SeenFinding {
  rule: string;
  severity: string;
  evidence: string;
}

export function findings(engine: Engine, text: string, surface: Surface = 'post'): SeenFinding[] {
  // A rule folded into another finding (the same words) is listed with that finding's words.
  return engine
    .check(text, { surface })
    .flatMap((f) => [f.rule, ...(f.also ?? [])].map((rule) => ({ rule, severity: f.severity, evidence: text.slice(f.start, f.end) })));
}

export function ofRule(engine: Engine, rule: string, text: string, surface: Surface = 'post'): SeenFinding[] {
  return findings(engine, text, surface).filter((f) => f.rule === rule);
}

/** storage.local as a plain object (get by key, list of keys or null; set), copying values as the browser does. */
export function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(keys: string | string[] | null) {
      const list = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items: Record<string, unknown>) {
      Object.assign(data, structuredClone(items));
    },
  };
}
