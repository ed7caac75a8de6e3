/**
 * Bytes of an exported file to text. MIS exports come as UTF-8 (with or without a byte-order mark),
 * as Excel's "Unicode text" (UTF-16LE with a mark) or, from older Excel, as Windows-1252. Browser-safe.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'windows-1252' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Excel's "CSV" on Windows writes the ANSI code page, which for UK schools is 1252.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
