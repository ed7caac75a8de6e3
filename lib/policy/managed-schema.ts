/**
 * `managed_schema.json` for Chrome and Edge, generated from the zod schema.
 *
 * Chrome refuses to load an extension whose managed schema breaks its rules: the top level must be
 * an object with no `additionalProperties`, and each node has exactly one `type` (or `$ref`). We keep
 * only the attributes Chrome's policy schema understands.
 *
 * We leave out `enum`: Chrome silently drops a whole top-level key when any value inside it breaks the
 * schema (seen in Chromium 156: "mode": "shout" vanished and the default applied, with no sign to the
 * extension). Without `enum`, such a value reaches our own validation, which keeps the last good policy
 * and shows the error with its path. Types are still enforced by Chrome.
 */
import { z } from 'zod';
import { policySchemas } from './schema';

type JsonSchema = Record<string, unknown>;

const KEPT = new Set(['type', 'title', 'description', 'properties', 'items', 'minimum', 'maximum', 'pattern', 'additionalProperties']);

function toChromeNode(node: JsonSchema, topLevel = false): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) {
    if (!KEPT.has(k)) continue;
    if (k === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(v as Record<string, JsonSchema>).map(([name, child]) => [name, toChromeNode(child)]),
      );
    } else if (k === 'items') {
      out.items = toChromeNode(v as JsonSchema);
    } else if (k === 'additionalProperties') {
      // Chrome forbids it at the top level; below, `false` is the default, so we leave it out too.
      if (!topLevel && typeof v === 'object') out.additionalProperties = toChromeNode(v as JsonSchema);
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** The standard JSON Schema of the policy (also used to find unknown keys). */
export function policyJsonSchema(): JsonSchema {
  return z.toJSONSchema(policySchemas().Policy, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
}

export function buildManagedSchema(): JsonSchema {
  return toChromeNode(policyJsonSchema(), true);
}
