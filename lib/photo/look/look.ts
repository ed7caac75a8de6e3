/**
 * Looking at one picture: how many faces, and what text can be read. The picture arrives already
 * shrunk to about a megapixel (the page does that), as JPEG bytes in base64 (extension messages are
 * JSON in Chrome). Nothing is kept once the answer is sent. Runs in a document: Chrome's offscreen
 * document, or, where there is no offscreen API (Firefox), a frame in the background page.
 */
import { bytesFromBase64 } from '../base64';
import { FaceCounter } from './faces';
import { LOOK_ASSETS } from './paths';
import { TextReader } from './text';

export interface LookRequest {
  /** JPEG (or PNG) bytes, base64. */
  image: string;
  faces: boolean;
  text: boolean;
}

export interface LookResult {
  faces?: number;
  text?: string;
  /** How long each part took, for the benchmark. */
  ms: { decode: number; faces?: number; text?: number };
  error?: string;
}

/** Grey, with its contrast stretched: found a school's name on a jumper that colour missed. */
function greyscale(source: HTMLCanvasElement): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height;
  const ctx = out.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(source, 0, 0);
  const image = ctx.getImageData(0, 0, out.width, out.height);
  const px = image.data;
  let lo = 255;
  let hi = 0;
  for (let i = 0; i < px.length; i += 4) {
    const y = (px[i] * 77 + px[i + 1] * 150 + px[i + 2] * 29) >> 8;
    px[i] = y;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  const scale = hi > lo ? 255 / (hi - lo) : 1;
  for (let i = 0; i < px.length; i += 4) {
    const y = Math.round((px[i] - lo) * scale);
    px[i] = px[i + 1] = px[i + 2] = y;
  }
  ctx.putImageData(image, 0, 0);
  return out;
}

async function timed<T>(job: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await job();
  return { value, ms: performance.now() - t };
}

export class PhotoLooker {
  private readonly faces: FaceCounter;
  private readonly reader: TextReader;

  constructor(extensionUrl: (path: string) => string) {
    this.faces = new FaceCounter(extensionUrl(LOOK_ASSETS.faces));
    this.reader = new TextReader(extensionUrl(LOOK_ASSETS.ocr));
  }

  async look(request: LookRequest): Promise<LookResult> {
    const t0 = performance.now();
    const bitmap = await createImageBitmap(new Blob([bytesFromBase64(request.image)]));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    const result: LookResult = { ms: { decode: performance.now() - t0 } };
    try {
      // Text is read in tesseract's own worker thread while faces are counted here: both at once.
      const grey = request.text ? greyscale(canvas) : undefined;
      const [text, faces] = await Promise.all([grey ? timed(() => this.reader.read(grey)) : undefined, request.faces ? timed(() => this.faces.count(canvas)) : undefined]);
      if (text) {
        result.text = text.value;
        result.ms.text = text.ms;
      }
      if (faces) {
        result.faces = faces.value;
        result.ms.faces = faces.ms;
      }
    } finally {
      canvas.width = canvas.height = 0;
    }
    return result;
  }

  /** Let the models go (idle for a while): the next photo loads them again. */
  async dispose(): Promise<void> {
    this.faces.dispose();
    await this.reader.dispose();
  }
}
