/**
 * Validating a policy: every problem collected with its JSON path and a plain-English message.
 * Unknown keys are reported as warnings and never make a policy fail.
 *
 * This is the one validation every reader shares (the extension, the options page, `check` and
 * `policy build`), so the command line accepts exactly what the options page accepts: the schema's
 * shapes, and the rules below that a JSON Schema cannot say (an https:// policy link, a school name
 * that is not blank, names written first name first, hashed rosters that decode).
 */
import type { z } from 'zod';
import { decodeRosterKey } from '../engine/names/keys';
import { PACKED_LISTS, unpackRosters } from '../engine/names/packed-roster';
import { policyJsonSchema } from './managed-schema';
import { policySchemas, type Policy } from './schema';

export interface PolicyIssue {
  /** Where the problem is, e.g. `pupils[3].name`; empty for the whole policy. */
  path: string;
  message: string;
  /** `error` makes the policy unusable; `warning` (unknown keys) does not. */
  level: 'error' | 'warning';
}

export interface ValidationResult {
  policy?: Policy;
  issues: PolicyIssue[];
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(input, issue.path);
      if (got === undefined) return `Missing: expected ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
      return `Expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${describeValue(got)}.`;
    }
    case 'invalid_value':
      return `Must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; found ${describeValue(valueAt(input, issue.path))}.`;
    default:
      return issue.message;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v === 'number' ? 'the number' : ''} ${String(v)}`.trim();
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; additionalProperties?: unknown };
let cachedJsonSchema: JsonSchema | undefined;

/** Keys the schema does not know, found by walking the value alongside the JSON Schema. */
export function findUnknownKeys(value: unknown, schema: JsonSchema, path: PropertyKey[] = []): PolicyIssue[] {
  const found: PolicyIssue[] = [];
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => found.push(...findUnknownKeys(item, schema.items!, [...path, i])));
  } else if (value && typeof value === 'object' && schema.properties) {
    for (const [key, child] of Object.entries(value)) {
      const sub = schema.properties[key];
      if (sub) found.push(...findUnknownKeys(child, sub, [...path, key]));
      else
        found.push({
          path: formatPath([...path, key]),
          message: `Unknown setting "${key}" is ignored. Check its spelling against the policy format in the README.`,
          level: 'warning',
        });
    }
  }
  return found;
}

/** What to write instead of a web address that is not https:// (the options page shows it too). */
export const POLICY_URL_MESSAGE = 'Give a web address starting with https://, for example https://example.sch.uk/policies.';

/** True for a full https:// address with a host ("oakfield.sch.uk/policy" would become a link on the social site). */
export function isHttpsAddress(value: string): boolean {
  if (!/^https:\/\/\S+$/i.test(value.trim())) return false;
  try {
    return new URL(value.trim()).hostname.includes('.');
  } catch {
    return false;
  }
}

function commaName(name: string): string | undefined {
  if (!name.includes(',')) return undefined;
  const [last, ...rest] = name.split(',').map((s) => s.trim());
  const first = rest.join(' ').trim();
  return `"${name}" has a comma. Write the name first name first, as school uses it, for example "${first || 'Jack'} ${last || 'Smith'}".`;
}

/** The rules the schema cannot express, on a policy whose shape is already right. */
function ruleIssues(policy: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const error = (path: string, message: string) => issues.push({ path, message, level: 'error' });
  if (policy.schoolName !== undefined && !policy.schoolName.trim()) {
    error('schoolName', 'The school name is empty: give the school\'s full name, or leave the setting out.');
  }
  if (policy.policyUrl !== undefined && policy.policyUrl.trim() && !isHttpsAddress(policy.policyUrl)) error('policyUrl', POLICY_URL_MESSAGE);
  for (const list of PACKED_LISTS) {
    (policy[list] ?? []).forEach((p, i) => {
      const nameProblem = p.name === undefined ? undefined : commaName(p.name);
      if (nameProblem) error(`${list}[${i}].name`, nameProblem);
      (p.aliases ?? []).forEach((a, j) => {
        const aliasProblem = commaName(a);
        if (aliasProblem) error(`${list}[${i}].aliases[${j}]`, aliasProblem);
      });
    });
  }
  const hash = policy.rosterHash;
  if (hash) {
    try {
      decodeRosterKey(hash.key);
    } catch (e) {
      error('rosterHash.key', `${(e as Error).message} Use the key file that "policy build --hash" saved.`);
    }
    const packed = PACKED_LISTS.filter((l) => hash[l] !== undefined);
    if (hash.scheme === 'hmac-sha256-96' && (packed.length || hash.words !== undefined)) {
      error('rosterHash.scheme', 'Packed lists and a word table need the scheme "hmac-sha256-48"; build the policy again with "policy build --hash".');
    } else {
      const unpacked = unpackRosters(hash);
      if (!unpacked.ok) error(unpacked.problem.path, unpacked.problem.message);
    }
  }
  return issues;
}

export function validatePolicy(input: unknown): ValidationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { issues: [{ path: '', message: `A policy must be a JSON object; found ${describeValue(input)}.`, level: 'error' }] };
  }
  cachedJsonSchema ??= policyJsonSchema() as JsonSchema;
  const warnings = findUnknownKeys(input, cachedJsonSchema);
  const parsed = policySchemas().Policy.safeParse(input);
  if (parsed.success) {
    const errors = ruleIssues(parsed.data);
    return errors.length ? { issues: [...errors, ...warnings] } : { policy: parsed.data, issues: warnings };
  }
  const errors: PolicyIssue[] = parsed.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: describeIssue(issue, input),
    level: 'error',
  }));
  return { issues: [...errors, ...warnings] };
}

export function formatIssues(issues: PolicyIssue[]): string {
  return issues.map((i) => `${i.level === 'error' ? 'Error' : 'Warning'} at ${i.path || '(top level)'}: ${i.message}`).join('\n');
}
