/**
 * Where and when a photo was taken, from its own metadata: EXIF GPS (or XMP's exif:GPSLatitude) and
 * the capture time as the camera wrote it (DateTimeOriginal, with OffsetTimeOriginal when present),
 * never the file's date. JPEG and HEIC, read with exifr's lite bundle from the first bytes of the file.
 * Runs in the background worker and the command line; never throws on any bytes.
 */
import exifr from 'exifr/dist/lite.esm.mjs';

export interface Coordinates {
  lat: number;
  lon: number;
}

/** A camera's wall-clock time: the date, minutes since midnight, and its zone offset if it wrote one. */
export interface CaptureTime {
  date: string;
  minutes: number;
  offsetMinutes?: number;
}

export interface PhotoMetadata {
  gps?: Coordinates;
  taken?: CaptureTime;
  /** Set when the metadata could not be read (a corrupt or unusual file): the checks say nothing of it. */
  problem?: string;
}

const OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  xmp: true,
  ifd1: false,
  icc: false,
  iptc: false,
  jfif: false,
  interop: false,
  makerNote: false,
  userComment: false,
  // Raw values: dates exactly as written, not turned into this computer's local time.
  reviveValues: false,
  translateValues: false,
  mergeOutput: false,
} as const;

/** "2025:03:31 10:15:00", "2025-03-31T10:15:00+01:00" or "2025-03-31 10:15". */
const DATE_TIME = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?/;

export function parseOffset(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (text.trim() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function parseCaptureTime(text: unknown, offsetText?: unknown): CaptureTime | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, zone] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59) return undefined;
  if (y === '0000') return undefined; // cameras with no clock set write zeros
  const offsetMinutes = parseOffset(offsetText) ?? parseOffset(zone);
  return { date: `${y}-${mo}-${d}`, minutes: Number(h) * 60 + Number(mi), ...(offsetMinutes !== undefined ? { offsetMinutes } : {}) };
}

/** XMP writes "51,30.0852N" (degrees, decimal minutes) or "51,30,5.1N"; also plain decimals. */
export function parseXmpCoordinate(text: unknown): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])?\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) + (m[2] ? Number(m[2]) / 60 : 0) + (m[3] ? Number(m[3]) / 3600 : 0);
  return /[SW]/i.test(m[4] ?? '') ? -value : value;
}

function validCoordinates(lat: unknown, lon: unknown): Coordinates | undefined {
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  // 0,0 is what some phones write when they had no fix.
  if (lat === 0 && lon === 0) return undefined;
  return { lat, lon };
}

type Segments = Record<string, Record<string, unknown> | undefined>;

export async function readPhotoMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  let out: Segments | undefined;
  try {
    out = (await exifr.parse(bytes, OPTIONS)) as Segments | undefined;
  } catch (error) {
    return { problem: `The photo's metadata could not be read (${(error as Error).message}).` };
  }
  if (!out) return {};
  const { gps, exif, xmp } = out;
  // exifr puts XMP's exif: attributes in the exif block when the file has no EXIF of its own.
  const xmpLike = { ...(xmp ?? {}), ...(exif ?? {}) };
  const coordinates =
    validCoordinates(gps?.latitude, gps?.longitude) ??
    validCoordinates(parseXmpCoordinate(xmpLike.GPSLatitude), parseXmpCoordinate(xmpLike.GPSLongitude));
  const taken =
    parseCaptureTime(exif?.DateTimeOriginal, exif?.OffsetTimeOriginal) ??
    parseCaptureTime(exif?.CreateDate, exif?.OffsetTimeDigitized ?? exif?.OffsetTime) ??
    parseCaptureTime(xmp?.DateCreated) ??
    parseCaptureTime(xmp?.CreateDate);
  return { ...(coordinates ? { gps: coordinates } : {}), ...(taken ? { taken } : {}) };
}
