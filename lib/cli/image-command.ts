/**
 * `check --image <file>`: the school-photo findings for one photo or video file, for IT to try the
 * rule: its place and capture time from the metadata, the text in it (tesseract.js in Node, its data
 * from the npm package, nothing downloaded), run through the same text engine and combined the same
 * way as in the browser. Faces are not counted here (the face model needs a browser); they are only
 * ever a supporting sign. Writes one JSON line: {file, kind, signals, findings}.
 */
import { open, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { createEngine } from '../engine/check';
import { metadataSignals, photoChecksOf, textSignals } from '../photo/assess';
import { photoVerdict } from '../photo/combine';
import { confidentLines } from '../photo/look/text-lines';
import { fileKind, isDrawable } from '../photo/file-kind';
import { readPhotoMetadata, type PhotoMetadata } from '../photo/metadata';
import type { AttachmentKind, PhotoSignals } from '../photo/signals';
import { readVideoMetadata } from '../photo/video-metadata';
import { loadPolicyFile } from './policy-file';

export interface ImageArgs {
  policy: string;
  image: string;
  caption?: string;
}

interface Io {
  stdout: Writable;
  stderr: Writable;
}

/** Text in a photo, read in Node with the English LSTM data shipped in @tesseract.js-data/eng. */
async function readText(bytes: Uint8Array): Promise<string> {
  const require = createRequire(import.meta.url);
  const { createWorker, OEM, PSM } = (await import('tesseract.js')).default;
  const langPath = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none', logger: () => undefined, errorHandler: () => undefined });
  try {
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
    const { data } = await worker.recognize(Buffer.from(bytes), {}, { text: false, blocks: true });
    return confidentLines(data.blocks);
  } finally {
    await worker.terminate();
  }
}

function kindOf(k: ReturnType<typeof fileKind>): AttachmentKind {
  return k === 'heic' ? 'heic' : k === 'video' ? 'video' : isDrawable(k) ? 'photo' : 'other';
}

export async function runImageCheck(args: ImageArgs, io: Io): Promise<number> {
  const loaded = loadPolicyFile(args.policy);
  for (const m of loaded.messages) io.stderr.write(m + '\n');
  if (!loaded.policy) return 2;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.image);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr.write(`${args.image}: cannot read the file${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}.\n`);
    return 2;
  }
  const format = fileKind(bytes.subarray(0, 64));
  const kind = kindOf(format);
  if (kind === 'other') {
    io.stderr.write(`${args.image}: not a photo or video Second Look can read (JPEG, PNG, WebP, GIF, HEIC, MP4 or MOV).\n`);
    return 2;
  }
  const policy = loaded.policy;
  const engine = createEngine(policy);
  const never = () => false;
  let meta: PhotoMetadata;
  if (kind === 'video') {
    const handle = await open(args.image, 'r');
    try {
      const { size } = await handle.stat();
      meta = await readVideoMetadata(async (offset, length) => {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        await handle.read(buffer, 0, buffer.length, offset);
        return buffer;
      }, size);
    } finally {
      await handle.close();
    }
  } else {
    meta = format === 'jpeg' || format === 'heic' ? await readPhotoMetadata(bytes) : {};
  }
  if (meta.problem) io.stderr.write(`${args.image}: warning: ${meta.problem}\n`);
  const checks = photoChecksOf(policy);
  const signals: PhotoSignals = { kind, ...metadataSignals(meta, policy, never), look: 'skipped' };
  if (kind === 'photo' && checks.text) {
    try {
      signals.text = textSignals(await readText(bytes), engine, undefined, never);
      signals.look = 'done';
    } catch (e) {
      io.stderr.write(`${args.image}: warning: the text in it could not be read (${(e as Error)?.message ?? e}).\n`);
      signals.look = 'failed';
    }
  }
  if (kind === 'photo' && checks.faces) io.stderr.write('note: faces are not counted on the command line (only in the browser); they are only ever a supporting sign.\n');
  const caption = args.caption ? engine.check(args.caption, { surface: 'post' }).map((f) => f.rule) : [];
  const enabled = policy.rules?.['school-photo']?.enabled !== false;
  const verdict = enabled ? photoVerdict(signals, caption, { severity: policy.rules?.['school-photo']?.severity }) : undefined;
  const findings = verdict ? [{ rule: 'school-photo', severity: verdict.severity, message: verdict.message, details: verdict.details }] : [];
  const { place, ...rest } = signals;
  // The place is given by site and distance only; its area key is for the browser's "This isn't at school".
  const shown = { ...rest, ...(place ? { place: { name: place.name, distanceMetres: Math.round(place.distanceMetres) } } : {}), ...(meta.gps ? { gps: meta.gps } : {}), ...(meta.taken ? { taken: meta.taken } : {}) };
  io.stdout.write(JSON.stringify({ file: args.image, kind, signals: shown, findings }) + '\n');
  return 0;
}
