/**
 * Chrome refuses to load an extension whose managed schema breaks its rules, so the generated
 * schema is checked against them here (and loaded in real Chromium by the e2e tests).
 */
import { describe, expect, it } from 'vitest';
import { buildManagedSchema } from '../../../lib/policy/managed-schema';
import { RULE_IDS } from '../../../lib/policy/rule-ids';

type Node = Record<string, unknown>;
const schema = buildManagedSchema() as Node;
const CHROME_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
const CHROME_ATTRIBUTES = new Set(['type', 'title', 'description', 'properties', 'items', 'enum', 'minimum', 'maximum', 'pattern', 'additionalProperties', 'patternProperties', '$ref', 'id', 'required', 'sensitiveValue']);

function walk(node: Node, path: string, visit: (node: Node, path: string) => void): void {
  visit(node, path);
  for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) walk(child, `${path}.${name}`, visit);
  if (node.items) walk(node.items as Node, `${path}[]`, visit);
}

describe('managed_schema.json', () => {
  it('is a top-level object with properties and no additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['schoolName', 'schoolAliases', 'organisations', 'staff', 'pupils', 'formerPupils', 'parents', 'mode', 'rules']));
  });

  it('gives every node exactly one Chrome type and only attributes Chrome understands', () => {
    walk(schema, '$', (node, path) => {
      expect(CHROME_TYPES.has(node.type as string), `${path} has type ${String(node.type)}`).toBe(true);
      for (const key of Object.keys(node)) expect(CHROME_ATTRIBUTES.has(key), `${path} has unsupported attribute ${key}`).toBe(true);
      if (node.enum) expect(Array.isArray(node.enum)).toBe(true);
    });
  });

  it('has a title and a description on every key, for admin consoles', () => {
    walk(schema, '$', (node, path) => {
      if (path === '$' || path.endsWith('[]')) return;
      expect(typeof node.title, `${path} has no title`).toBe('string');
      expect(typeof node.description, `${path} has no description`).toBe('string');
    });
  });

  it('lists every rule id under rules', () => {
    const rules = (schema.properties as Record<string, Node>).rules.properties as Record<string, Node>;
    expect(Object.keys(rules).sort()).toEqual([...RULE_IDS].sort());
    // No enum: Chrome would silently drop the whole key on a bad value; our validation reports it instead.
    expect((rules['pupil-mention'].properties as Record<string, Node>).severity).toMatchObject({ type: 'string' });
    expect(JSON.stringify(schema)).not.toContain('"enum"');
  });
});
