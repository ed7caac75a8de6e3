/**
 * SHA-256 (hex) of a value's JSON: tells "the same policy again" from a changed one, without keeping it.
 * Object keys are taken in sorted order: Chrome's storage hands objects back with their keys sorted,
 * so the same policy read back from storage and as built in memory must give the same digest.
 */
export async function jsonDigest(value: unknown, salt = ''): Promise<string> {
  const bytes = new TextEncoder().encode(`${salt}\n${canonicalJson(value) ?? ''}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** JSON.stringify with every object's keys in sorted order. */
export function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    let inOrder = true;
    for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1] < keys[i];
    if (inOrder) return v; // most of a roster: one-key objects
    const sorted: Record<string, unknown> = {};
    for (const k of keys.sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
