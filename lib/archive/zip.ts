/**
 * Reading a site's data export, a zip file, with zip.js: the central directory is read by random
 * access (Blob.slice), so only the few text files we need are ever read and inflated; photos and
 * videos, most of a 1 GB archive, are never touched. Runs the same in a worker and in Node.
 */
import { BlobReader, configure, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js/index-native.js';
import { ArchiveError } from './types';

// We are already in a worker (or Node): inflate here with the platform's DecompressionStream.
configure({ useWebWorkers: false });

export interface ZipFile {
  /** Every file in the archive (folders left out), by path. */
  entries: FileEntry[];
  close(): Promise<void>;
}

export async function openZip(blob: Blob): Promise<ZipFile> {
  const reader = new ZipReader(new BlobReader(blob));
  let entries: Entry[];
  try {
    entries = await reader.getEntries();
  } catch (error) {
    throw new ArchiveError(zipProblem(error));
  }
  return {
    entries: entries.filter((e): e is FileEntry => !e.directory),
    close: () => reader.close().catch(() => undefined),
  };
}

/** The person's words for what zip.js found wrong with the file as a whole. */
export function zipProblem(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  if (/end of central directory|central directory not found|zip64|format is not recognized/i.test(message)) {
    return 'This file is not a zip archive, or it is incomplete (a download that stopped part way leaves a file like this). Download the export again and choose the .zip file.';
  }
  if (/encrypt|password/i.test(message)) return 'This archive is protected by a password; the sites’ exports are not, so this is not one of them.';
  return `This archive could not be read: ${message}.`;
}

/** Streams one file's bytes to `onChunk`, inflating as it goes (never holding the whole file). */
export async function readEntry(entry: FileEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const sink = new WritableStream<Uint8Array>({ write: (chunk) => onChunk(chunk) });
  try {
    // checkSignature: a file whose CRC does not match is damaged, and is reported as such.
    await entry.getData(sink, { checkSignature: true });
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    const message = String((error as Error)?.message ?? error);
    throw new ArchiveError(
      /crc|compressed data|uncompressed size|out of bounds|local file header/i.test(message)
        ? `${entry.filename} is damaged inside the archive (${message}). Download the export again.`
        : `${entry.filename} could not be read: ${message}.`,
      entry.filename,
    );
  }
}
