/** SHA-256 (hex) of a value's JSON: tells "the same policy again" from a changed one, without keeping it. */
export async function jsonDigest(value: unknown, salt = ''): Promise<string> {
  const bytes = new TextEncoder().encode(`${salt}\n${JSON.stringify(value) ?? ''}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
