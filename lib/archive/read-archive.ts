/**
 * Reads a site's data export: recognises which site it is from its file names, then streams the few
 * files that hold posts, comments and the profile, handing over one item at a time. A problem in one
 * of those files is reported with its name and the others are still read; a file that is not a zip,
 * or a zip from somewhere else, gets a message that says so and what to download instead.
 */
import type { FileEntry } from '@zip.js/zip.js/index-native.js';
import { facebookExport } from './formats/facebook';
import type { ExportFormat } from './formats/format';
import { instagramExport } from './formats/instagram';
import { tiktokExport } from './formats/tiktok';
import { xArchive } from './formats/x';
import { streamJsonValues } from './json-values';
import { ArchiveError, type ArchiveItem } from './types';
import { openZip } from './zip';

export const FORMATS: readonly ExportFormat[] = [xArchive as ExportFormat, facebookExport, instagramExport as ExportFormat, tiktokExport];

export interface ReadProgress {
  /** Bytes of the text files read so far, of `total` (their uncompressed sizes). */
  done: number;
  total: number;
}

export interface ReadSummary {
  format: ExportFormat;
  /** The files read, in order. */
  files: string[];
  /** Problems with single files (the rest of the archive was still read). */
  problems: ArchiveError[];
}

export interface ReadOptions {
  onItem(item: ArchiveItem): void;
  onProgress?(progress: ReadProgress): void;
}

export function recogniseFormat(names: string[]): ExportFormat {
  const format = FORMATS.find((f) => f.recognises(names));
  if (format) return format;
  if (names.some((n) => /(^|\/)(your_posts[^/]*|start_here|index|posts_\d+)\.html?$/.test(n))) {
    throw new ArchiveError('This is an export in HTML format. Second Look reads the JSON format: ask Facebook or Instagram for your information again and choose “JSON” as the format.');
  }
  if (names.some((n) => /(^|\/)(Activity|Comments?|Videos?|Profile)\/[^/]+\.txt$/i.test(n))) {
    throw new ArchiveError('This is TikTok’s export in TXT format. Second Look reads the JSON format: request your data again and choose “JSON”.');
  }
  throw new ArchiveError(
    'This zip file is not a data export Second Look knows. It reads X’s archive (data/tweets.js), Facebook’s and Instagram’s “Download your information” in JSON format, and TikTok’s “Download your data” in JSON format (user_data_tiktok.json).',
  );
}

/** The files this format reads, in the format's order (an account file before the posts). */
export function filesToRead(format: ExportFormat, entries: FileEntry[]): { entry: FileEntry; spec: ExportFormat['files'][number] }[] {
  const picked: { entry: FileEntry; spec: ExportFormat['files'][number] }[] = [];
  for (const spec of format.files) {
    const matching = entries.filter((e) => spec.match.test(e.filename)).sort((a, b) => a.filename.localeCompare(b.filename, 'en', { numeric: true }));
    for (const entry of matching) picked.push({ entry, spec });
  }
  return picked;
}

export async function readArchive(blob: Blob, options: ReadOptions): Promise<ReadSummary> {
  const zip = await openZip(blob);
  try {
    const format = recogniseFormat(zip.entries.map((e) => e.filename));
    const files = filesToRead(format, zip.entries);
    if (!files.length) throw new ArchiveError('This export has none of the files with your posts, comments or profile in it.');
    const total = files.reduce((n, f) => n + f.entry.uncompressedSize, 0);
    const state = format.newState();
    const problems: ArchiveError[] = [];
    let before = 0;
    for (const { entry, spec } of files) {
      let index = 0;
      try {
        await streamJsonValues(
          entry,
          { paths: spec.paths, assignmentPrefix: spec.assignmentPrefix, onBytes: (bytes) => options.onProgress?.({ done: before + bytes, total }) },
          ({ value, path }) => {
            for (const item of spec.toItems(value, { file: entry.filename, index: index++, path }, state)) options.onItem(item);
          },
        );
      } catch (error) {
        if (!(error instanceof ArchiveError)) throw error;
        problems.push(error);
      }
      before += entry.uncompressedSize;
      options.onProgress?.({ done: before, total });
    }
    return { format, files: files.map((f) => f.entry.filename), problems };
  } finally {
    await zip.close();
  }
}
