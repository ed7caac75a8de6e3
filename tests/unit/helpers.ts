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
  return engine.check(text, { surface }).map((f) => ({ rule: f.rule, severity: f.severity, evidence: text.slice(f.start, f.end) }));
}

export function ofRule(engine: Engine, rule: string, text: string, surface: Surface = 'post'): SeenFinding[] {
  return findings(engine, text, surface).filter((f) => f.rule === rule);
}

/** An in-memory stand-in for a storage area (get with keys or null, set). */
export function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    get: async (keys: string[] | null) => (keys === null ? { ...data } : Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]))),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}
