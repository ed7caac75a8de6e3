/**
 * Facebook's and Instagram's JSON exports write text as UTF-8 bytes escaped one by one as Latin-1
 * code points ("caf\u00c3\u00a9" for "café", "\u00f0\u009f\u0098\u0080" for 😀). JSON.parse gives
 * those bytes back as characters; reading them as bytes and decoding UTF-8 mends the text. Text that
 * has any character above U+00FF, or whose bytes are not valid UTF-8, was not mangled and is kept.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function mendMojibake(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return text;
    if (c > 0x7f) high = true;
  }
  if (!high) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    return utf8.decode(bytes);
  } catch {
    return text;
  }
}
