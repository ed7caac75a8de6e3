/**
 * What kind of file an attachment is, from its first bytes (never its name): the checks that can run
 * depend on it. Pure; no exifr, so the page can use it.
 */
export type FileKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'video' | 'unknown';

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif']);

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let out = '';
  for (let i = at; i < at + length && i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

export function fileKind(head: Uint8Array, mimeType = ''): FileKind {
  if (head[0] === 0xff && head[1] === 0xd8) return 'jpeg';
  if (head[0] === 0x89 && ascii(head, 1, 3) === 'PNG') return 'png';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  const box = ascii(head, 4, 4);
  if (box === 'ftyp') {
    const brands = [ascii(head, 8, 4)];
    const size = ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3]) >>> 0;
    for (let at = 16; at + 4 <= Math.min(size, head.length); at += 4) brands.push(ascii(head, at, 4));
    // A HEIF still image says so in its brands; anything else in an ISO box file is a video.
    if (brands.some((b) => HEIF_BRANDS.has(b)) && !mimeType.startsWith('video/')) return 'heic';
    return 'video';
  }
  if (['moov', 'mdat', 'wide', 'free', 'skip'].includes(box)) return 'video';
  if (mimeType.startsWith('video/')) return 'video';
  return 'unknown';
}

/** Kinds the browser can draw, so faces and text can be looked for (HEIC: metadata only). */
export function isDrawable(kind: FileKind): boolean {
  return kind === 'jpeg' || kind === 'png' || kind === 'webp' || kind === 'gif';
}
