/**
 * ISO box files the tests make: a HEIC still whose Exif item holds location and time (as iPhones
 * write it: meta → iinf/iloc pointing into mdat), and an MP4/QuickTime video with the movie header's
 * creation time, a ©xyz location and Apple's keyed metadata. Test code only.
 */
import { concat, exifSegment, type ExifFields } from './exif-writer';

const enc = new TextEncoder();

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}
function u16(n: number): Uint8Array {
  return new Uint8Array([(n >>> 8) & 255, n & 255]);
}

export function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const body = concat(content);
  // Box types are four bytes, Latin-1 ("©xyz" starts with the byte 0xA9).
  const name = new Uint8Array([...type.padEnd(4).slice(0, 4)].map((c) => c.charCodeAt(0) & 0xff));
  return concat([u32(8 + body.length), name, body]);
}

function fullBox(type: string, version: number, ...content: Uint8Array[]): Uint8Array {
  return box(type, new Uint8Array([version, 0, 0, 0]), ...content);
}

/** A HEIC file with an Exif item (and no picture data worth decoding). */
export function heicWithExif(fields: ExifFields): Uint8Array {
  const app1 = exifSegment(fields);
  // The Exif item is a 4-byte offset to the TIFF header, then "Exif\0\0" and the TIFF.
  const tiffAndPrefix = app1.subarray(4);
  const item = concat([u32(6), tiffAndPrefix]);
  const ftyp = box('ftyp', enc.encode('heic'), u32(0), enc.encode('mif1'), enc.encode('heic'));
  const hdlr = fullBox('hdlr', 0, u32(0), enc.encode('pict'), new Uint8Array(12), new Uint8Array([0]));
  const infe = fullBox('infe', 2, u16(1), u16(0), enc.encode('Exif'), new Uint8Array([0]));
  const iinf = fullBox('iinf', 0, u16(1), infe);
  const ilocFor = (offset: number) => fullBox('iloc', 0, new Uint8Array([0x44, 0x00]), u16(1), u16(1), u16(0), u16(1), u32(offset), u32(item.length));
  const metaFor = (offset: number) => fullBox('meta', 0, hdlr, iinf, ilocFor(offset));
  const before = ftyp.length + metaFor(0).length + 8; // the item starts right after mdat's header
  return concat([ftyp, metaFor(before), box('mdat', item)]);
}

/** Seconds since 1904-01-01 UTC. */
function movieTime(iso: string): number {
  return Math.round((Date.parse(iso) - Date.UTC(1904, 0, 1)) / 1000);
}

export interface VideoFields {
  /** UTC, ISO: the movie header's creation time. */
  createdUtc?: string;
  /** "+51.5029-000.1339/" */
  xyz?: string;
  /** Apple's keys: location (ISO 6709) and creation date with its zone. */
  appleLocation?: string;
  appleCreationDate?: string;
  /** Put moov after a large mdat, as cameras that do not "fast start" do. */
  moovAtEnd?: boolean;
}

export function mp4(fields: VideoFields, mdatBytes = 64 * 1024): Uint8Array {
  const ftyp = box('ftyp', enc.encode('isom'), u32(512), enc.encode('isom'), enc.encode('mp41'));
  const created = fields.createdUtc ? movieTime(fields.createdUtc) : 0;
  const mvhd = fullBox('mvhd', 0, u32(created), u32(created), u32(1000), u32(15000), new Uint8Array(80));
  const udta = fields.xyz ? box('udta', box('\u00a9xyz', u16(fields.xyz.length), u16(0x15c7), enc.encode(fields.xyz))) : new Uint8Array();
  const keys: [string, string][] = [];
  if (fields.appleLocation) keys.push(['com.apple.quicktime.location.ISO6709', fields.appleLocation]);
  if (fields.appleCreationDate) keys.push(['com.apple.quicktime.creationdate', fields.appleCreationDate]);
  let meta: Uint8Array = new Uint8Array();
  if (keys.length) {
    const hdlr = fullBox('hdlr', 0, u32(0), enc.encode('mdta'), new Uint8Array(12), new Uint8Array([0]));
    const keysBox = fullBox('keys', 0, u32(keys.length), ...keys.map(([k]) => concat([u32(8 + k.length), enc.encode('mdta'), enc.encode(k)])));
    const ilst = box('ilst', ...keys.map(([, v], i) => concat([u32(8 + 16 + v.length), u32(i + 1), box('data', u32(1), u32(0), enc.encode(v))])));
    // QuickTime's meta is a plain box (no version and flags).
    meta = box('meta', hdlr, keysBox, ilst);
  }
  // A track with a big sample table stands for what a reader must skip without reading.
  const trak = box('trak', box('tkhd', new Uint8Array(84)), box('mdia', new Uint8Array(2048)));
  const moov = box('moov', mvhd, trak, udta, meta);
  const mdat = box('mdat', new Uint8Array(mdatBytes));
  return fields.moovAtEnd ? concat([ftyp, mdat, moov]) : concat([ftyp, moov, mdat]);
}
