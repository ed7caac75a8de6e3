/**
 * Writes location and capture-time metadata into JPEG bytes the tests make, the way cameras do:
 * an APP1 "Exif" segment (a little TIFF with IFD0, the Exif IFD and the GPS IFD), and optionally an
 * APP1 XMP packet. Test code only; the extension reads these with exifr.
 */

export interface ExifFields {
  lat?: number;
  lon?: number;
  /** "YYYY:MM:DD HH:MM:SS", as a camera writes DateTimeOriginal (its own wall clock). */
  taken?: string;
  /** "+01:00": OffsetTimeOriginal, the zone the camera's clock was in. */
  offset?: string;
  /** Where the GPS goes: the EXIF GPS IFD (default) or only an XMP packet. */
  gpsIn?: 'exif' | 'xmp';
}

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const BYTE = 1;

interface Entry {
  tag: number;
  type: number;
  count: number;
  data: Uint8Array;
}

const TYPE_SIZE: Record<number, number> = { [BYTE]: 1, [ASCII]: 1, [SHORT]: 2, [LONG]: 4, [RATIONAL]: 8 };

function ascii(tag: number, text: string): Entry {
  const bytes = new TextEncoder().encode(`${text}\0`);
  return { tag, type: ASCII, count: bytes.length, data: bytes };
}

function rationals(tag: number, values: [number, number][]): Entry {
  const data = new Uint8Array(values.length * 8);
  const view = new DataView(data.buffer);
  values.forEach(([n, d], i) => {
    view.setUint32(i * 8, n, true);
    view.setUint32(i * 8 + 4, d, true);
  });
  return { tag, type: RATIONAL, count: values.length, data };
}

function long(tag: number, value: number): Entry {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, value, true);
  return { tag, type: LONG, count: 1, data };
}

/** Degrees as degrees, minutes and seconds (seconds to 1/10000). */
function dms(value: number): [number, number][] {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 10000);
  return [[d, 1], [m, 1], [s, 10000]];
}

/** One IFD at `offset` (from the TIFF header): entries, next-IFD 0, then values longer than 4 bytes. */
function ifdBytes(entries: Entry[], offset: number): Uint8Array {
  entries.sort((a, b) => a.tag - b.tag);
  const tableSize = 2 + entries.length * 12 + 4;
  const extra = entries.reduce((n, e) => n + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0);
  const out = new Uint8Array(tableSize + extra);
  const view = new DataView(out.buffer);
  view.setUint16(0, entries.length, true);
  let dataAt = tableSize;
  entries.forEach((e, i) => {
    const at = 2 + i * 12;
    view.setUint16(at, e.tag, true);
    view.setUint16(at + 2, e.type, true);
    view.setUint32(at + 4, e.count, true);
    if (e.data.length !== e.count * TYPE_SIZE[e.type]) throw new Error(`tag ${e.tag}: wrong data length`);
    if (e.data.length <= 4) out.set(e.data, at + 8);
    else {
      view.setUint32(at + 8, offset + dataAt, true);
      out.set(e.data, dataAt);
      dataAt += e.data.length + (e.data.length % 2);
    }
  });
  return out;
}

function ifdSize(entries: Entry[]): number {
  return 2 + entries.length * 12 + 4 + entries.reduce((n, e) => n + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0);
}

/** The bytes of an APP1 Exif segment (marker included) for these fields. */
export function exifSegment(fields: ExifFields): Uint8Array {
  const exif: Entry[] = [];
  if (fields.taken) exif.push(ascii(0x9003, fields.taken), ascii(0x9004, fields.taken));
  if (fields.offset) exif.push(ascii(0x9011, fields.offset));
  const gps: Entry[] = [];
  if (fields.lat !== undefined && fields.lon !== undefined && (fields.gpsIn ?? 'exif') === 'exif') {
    gps.push(
      { tag: 0x0000, type: BYTE, count: 4, data: new Uint8Array([2, 3, 0, 0]) },
      ascii(0x0001, fields.lat >= 0 ? 'N' : 'S'),
      rationals(0x0002, dms(fields.lat)),
      ascii(0x0003, fields.lon >= 0 ? 'E' : 'W'),
      rationals(0x0004, dms(fields.lon)),
    );
  }
  const ifd0: Entry[] = [ascii(0x010f, 'Second Look test camera')];
  // Sizes first (pointers take the same room whatever they hold), then the real offsets.
  const withPointers = () => [...ifd0, ...(exif.length ? [long(0x8769, 0)] : []), ...(gps.length ? [long(0x8825, 0)] : [])];
  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(withPointers());
  const gpsAt = exifAt + (exif.length ? ifdSize(exif) : 0);
  const ifd0Entries = [...ifd0, ...(exif.length ? [long(0x8769, exifAt)] : []), ...(gps.length ? [long(0x8825, gpsAt)] : [])];
  const parts = [
    new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]),
    ifdBytes(ifd0Entries, ifd0At),
    ...(exif.length ? [ifdBytes(exif, exifAt)] : []),
    ...(gps.length ? [ifdBytes(gps, gpsAt)] : []),
  ];
  const tiff = concat(parts);
  return app1(concat([new TextEncoder().encode('Exif\0\0'), tiff]));
}

/** "51,30.0840N": XMP's way of writing a coordinate. */
function xmpCoordinate(value: number, pos: string, neg: string): string {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  return `${d},${((abs - d) * 60).toFixed(4)}${value >= 0 ? pos : neg}`;
}

export function xmpSegment(lat: number, lon: number): Uint8Array {
  const xml =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="${xmpCoordinate(lat, 'N', 'S')}" exif:GPSLongitude="${xmpCoordinate(lon, 'E', 'W')}"/>` +
    '</rdf:RDF></x:xmpmeta>';
  return app1(concat([new TextEncoder().encode('http://ns.adobe.com/xap/1.0/\0'), new TextEncoder().encode(xml)]));
}

function app1(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  out.set([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  out.set(payload, 4);
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The JPEG with the metadata segments put straight after its start marker (any APP0/JFIF follows them). */
export function withExif(jpeg: Uint8Array, fields: ExifFields): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const segments = [exifSegment(fields)];
  if (fields.gpsIn === 'xmp' && fields.lat !== undefined && fields.lon !== undefined) segments.push(xmpSegment(fields.lat, fields.lon));
  return concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

/** The smallest JPEG-shaped bytes a metadata reader accepts: start, the segments, end. No picture. */
export function bareJpeg(fields: ExifFields): Uint8Array {
  return withExif(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), fields);
}
