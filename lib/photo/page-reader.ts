/**
 * In the page, where the attached file is: what kind it is, its first bytes (for EXIF/XMP, read in
 * the worker), a video's metadata (from its boxes, wherever they are), and a copy shrunk to about a
 * megapixel for faces and text. Decoding, resizing and encoding are the browser's asynchronous work
 * (createImageBitmap, OffscreenCanvas.convertToBlob, FileReader), so the page's main thread stays free.
 * Nothing is kept: the copies go to the worker once and are dropped.
 */
import { fileKind, type FileKind } from './file-kind';
import type { PhotoMetadata } from './metadata';
import { readVideoMetadata } from './video-metadata';

/** Metadata is at the start of JPEG and HEIC files (exifr reads ~128 KB of a 12-MP JPEG). */
export const HEAD_BYTES = 256 * 1024;
/** About a megapixel: enough to read a sign and find faces in a group photo. */
export const LOOK_PIXELS = 1_000_000;

/** base64 of a blob, without a data: prefix (FileReader does the work off the main thread). */
export function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(blob);
  });
}

async function bytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** Width and height from a JPEG's frame header or a PNG's IHDR, if the first bytes hold them. */
export function imageSize(head: Uint8Array, kind: FileKind): { width: number; height: number } | undefined {
  if (kind === 'png' && head.length >= 24) {
    const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
    return { width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (kind !== 'jpeg') return undefined;
  for (let at = 2; at + 9 < head.length; ) {
    if (head[at] !== 0xff) return undefined;
    const marker = head[at + 1];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = (head[at + 2] << 8) | head[at + 3];
    // Start-of-frame markers (not DHT C4, JPG C8 or DAC CC) hold the picture's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (head[at + 5] << 8) | head[at + 6], width: (head[at + 7] << 8) | head[at + 8] };
    }
    at += 2 + length;
  }
  return undefined;
}

export interface ReadAttachment {
  kind: FileKind;
  /** First bytes (base64) for the worker's metadata reader: JPEG and HEIC only. */
  head?: string;
  video?: PhotoMetadata;
}

export async function readAttachment(file: Blob): Promise<ReadAttachment> {
  const headBlob = file.slice(0, HEAD_BYTES);
  const head = await bytes(headBlob.slice(0, 64));
  const kind = fileKind(head, file.type);
  if (kind === 'video') return { kind, video: await readVideoMetadata(async (offset, length) => bytes(file.slice(offset, offset + length)), file.size) };
  if (kind === 'jpeg' || kind === 'heic') return { kind, head: await base64Of(headBlob) };
  return { kind };
}

/** A JPEG copy of about LOOK_PIXELS, base64; the EXIF orientation is applied by the browser. */
export async function shrunkCopy(file: Blob, kind: FileKind): Promise<string> {
  const size = imageSize(await bytes(file.slice(0, HEAD_BYTES)), kind);
  let bitmap: ImageBitmap;
  if (size && size.width * size.height > LOOK_PIXELS) {
    const resizeWidth = Math.max(1, Math.round(Math.sqrt((LOOK_PIXELS * size.width) / size.height)));
    bitmap = await createImageBitmap(file, { resizeWidth, resizeQuality: 'medium', imageOrientation: 'from-image' });
  } else {
    // Size unknown from the header (WebP, GIF): decode once, then shrink the decoded picture if it is big.
    const full = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, Math.sqrt(LOOK_PIXELS / (full.width * full.height)));
    bitmap = scale < 1 ? await createImageBitmap(full, { resizeWidth: Math.round(full.width * scale), resizeQuality: 'medium' }) : full;
    if (bitmap !== full) full.close();
  }
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    return await base64Of(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 }));
  } finally {
    bitmap.close();
  }
}
