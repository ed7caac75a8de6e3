/** Escaping text for XML content and attribute values (plists, ADMX, ADML). */

// XML 1.0 cannot hold most control characters even escaped; a policy never needs them.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function xmlText(value: string): string {
  if (FORBIDDEN.test(value)) throw new Error(`Text with a control character cannot go into an XML file: ${JSON.stringify(value.slice(0, 40))}`);
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
