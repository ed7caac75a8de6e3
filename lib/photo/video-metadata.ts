/**
 * Where and when a video was taken, from its container's metadata only (MP4 / QuickTime boxes):
 * the location (Apple's com.apple.quicktime.location.ISO6709 key, or the ©xyz box phones write) and
 * the capture time (com.apple.quicktime.creationdate with its zone, else the movie header's creation
 * time, which is UTC). No frame is decoded. Reads only the few small boxes it needs, through
 * `read(offset, length)`, so a large video costs a handful of small reads wherever its `moov` box is.
 * Pure and small: it runs in the page (where the file is) and on the command line.
 */
import type { CaptureTime, Coordinates, PhotoMetadata } from './metadata';

export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

interface Box {
  type: string;
  /** Where the box's content starts and ends (after its header). */
  start: number;
  end: number;
}

const MAX_BOXES = 4096;
/** Boxes read whole: udta and meta are small; anything bigger is not metadata we use. */
const MAX_READ = 1 << 20;

function type4(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

/** The boxes between `from` and `to` of a file, reading only their headers. */
async function boxesIn(read: ReadBytes, from: number, to: number): Promise<Box[]> {
  const boxes: Box[] = [];
  for (let at = from; at + 8 <= to && boxes.length < MAX_BOXES; ) {
    const head = await read(at, 16);
    if (head.length < 8) break;
    let size = u32(head, 0);
    let header = 8;
    if (size === 1) {
      if (head.length < 16) break;
      size = u32(head, 8) * 2 ** 32 + u32(head, 12);
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header) break;
    boxes.push({ type: type4(head, 4), start: at + header, end: Math.min(at + size, to) });
    at += size;
  }
  return boxes;
}

/** The same, for boxes already in memory. */
function boxesOf(bytes: Uint8Array, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  for (let at = from; at + 8 <= to && boxes.length < MAX_BOXES; ) {
    let size = u32(bytes, at);
    let header = 8;
    if (size === 1 && at + 16 <= to) {
      size = u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 12);
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header) break;
    boxes.push({ type: type4(bytes, at + 4), start: at + header, end: Math.min(at + size, to) });
    at += size;
  }
  return boxes;
}

/** "+51.5014-000.1419+012.000/": ISO 6709 degrees. */
export function parseIso6709(text: string): Coordinates | undefined {
  const m = /^\s*([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)/.exec(text);
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return undefined;
  return { lat, lon };
}

/** Seconds since 1904-01-01 UTC (the movie header's clock) as a capture time in UTC. */
function fromMovieTime(seconds: number): CaptureTime | undefined {
  if (!seconds) return undefined;
  const d = new Date(Date.UTC(1904, 0, 1) + seconds * 1000);
  if (d.getUTCFullYear() < 1990) return undefined;
  return { date: d.toISOString().slice(0, 10), minutes: d.getUTCHours() * 60 + d.getUTCMinutes(), offsetMinutes: 0 };
}

function text(bytes: Uint8Array, from: number, to: number): string {
  return new TextDecoder().decode(bytes.subarray(from, to));
}

/** Apple's keyed metadata (meta → keys + ilst): key name → text value. */
function appleKeys(bytes: Uint8Array, meta: Box): Map<string, string> {
  const values = new Map<string, string>();
  // In QuickTime files `meta` is a plain box; in ISO files a full box (4 more bytes of version and flags).
  const start = type4(bytes, meta.start + 4) === 'hdlr' ? meta.start : meta.start + 4;
  const children = boxesOf(bytes, start, meta.end);
  const keysBox = children.find((b) => b.type === 'keys');
  const ilst = children.find((b) => b.type === 'ilst');
  if (!keysBox || !ilst) return values;
  const keys: string[] = [];
  const count = u32(bytes, keysBox.start + 4);
  for (let i = 0, at = keysBox.start + 8; i < count && at + 8 <= keysBox.end; i++) {
    const size = u32(bytes, at);
    if (size < 8) break;
    keys.push(text(bytes, at + 8, at + size));
    at += size;
  }
  for (const item of boxesOf(bytes, ilst.start, ilst.end)) {
    const index = u32(bytes, item.start - 8 + 4) - 1; // the item box's type is its key's 1-based index
    const data = boxesOf(bytes, item.start, item.end).find((b) => b.type === 'data');
    if (!data || !keys[index]) continue;
    values.set(keys[index], text(bytes, data.start + 8, data.end));
  }
  return values;
}

/** ©xyz in udta: a 16-bit length, a 16-bit language, then the ISO 6709 text. */
function xyz(bytes: Uint8Array, udta: Box): Coordinates | undefined {
  const box = boxesOf(bytes, udta.start, udta.end).find((b) => b.type === '\u00a9xyz');
  if (!box) return undefined;
  const length = (bytes[box.start] << 8) | bytes[box.start + 1];
  return parseIso6709(text(bytes, box.start + 4, Math.min(box.start + 4 + length, box.end)));
}

export async function readVideoMetadata(read: ReadBytes, size: number): Promise<PhotoMetadata> {
  try {
    const moov = (await boxesIn(read, 0, size)).find((b) => b.type === 'moov');
    if (!moov) return {};
    let gps: Coordinates | undefined;
    let taken: CaptureTime | undefined;
    let movieTime: CaptureTime | undefined;
    for (const child of await boxesIn(read, moov.start, moov.end)) {
      const length = child.end - child.start;
      if (child.type === 'mvhd') {
        const b = await read(child.start, 16);
        movieTime = fromMovieTime(b[0] === 1 ? u32(b, 4) * 2 ** 32 + u32(b, 8) : u32(b, 4));
      } else if ((child.type === 'udta' || child.type === 'meta') && length <= MAX_READ) {
        // Read the box with its header, so offsets inside are the same as in the file.
        const headerAt = child.start - 8;
        const whole = await read(headerAt, child.end - headerAt);
        const box = { type: child.type, start: 8, end: whole.length };
        if (child.type === 'udta') {
          gps ??= xyz(whole, box);
          const inner = boxesOf(whole, 8, whole.length).find((b) => b.type === 'meta');
          if (inner) {
            const keys = appleKeys(whole, inner);
            gps ??= keys.has('com.apple.quicktime.location.ISO6709') ? parseIso6709(keys.get('com.apple.quicktime.location.ISO6709')!) : undefined;
          }
        } else {
          const keys = appleKeys(whole, box);
          const location = keys.get('com.apple.quicktime.location.ISO6709');
          if (location) gps = parseIso6709(location) ?? gps;
          const created = keys.get('com.apple.quicktime.creationdate');
          if (created) taken = parseVideoDate(created) ?? taken;
        }
      }
    }
    taken ??= movieTime;
    return { ...(gps ? { gps } : {}), ...(taken ? { taken } : {}) };
  } catch (error) {
    return { problem: `The video's metadata could not be read (${(error as Error).message}).` };
  }
}

/** "2025-03-31T10:15:00+0100". */
function parseVideoDate(value: string): CaptureTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?/.exec(value.trim());
  if (!m) return undefined;
  const zone = m[6];
  let offsetMinutes: number | undefined;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    offsetMinutes = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * (digits[0] === '-' ? -1 : 1);
  }
  return { date: `${m[1]}-${m[2]}-${m[3]}`, minutes: Number(m[4]) * 60 + Number(m[5]), ...(offsetMinutes !== undefined ? { offsetMinutes } : {}) };
}
