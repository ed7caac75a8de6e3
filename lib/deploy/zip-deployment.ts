/**
 * Zip files for IT (the set-up page's download, and the CLI's CRX package), with zip.js: the same
 * library that reads the sites' data exports, so the extension ships one zip library, not two.
 */
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js/index-native.js';
import type { Artefact } from './target';

// Small files, written where we are (a page or Node): no web workers for them.
configure({ useWebWorkers: false });

/** One zip of `files` (paths inside it as given), deflated at `level` (0–9). */
export async function writeZip(files: { path: string; content: string | Uint8Array }[], level = 6): Promise<Uint8Array> {
  // Sizes in each local header (no data descriptors) and no extra fields: the plainest zip, which every
  // reader takes, Chromium's CRX unpacker and Windows Explorer among them.
  const writer = new ZipWriter(new Uint8ArrayWriter(), { dataDescriptor: false, extendedTimestamp: false });
  const utf8 = new TextEncoder();
  // One at a time, in order: the zip lists its files as IT will see them.
  for (const f of files) {
    await writer.add(f.path, new Uint8ArrayReader(typeof f.content === 'string' ? utf8.encode(f.content) : f.content), { level });
  }
  return writer.close();
}

/** Every file of a build in one zip, inside `folder`. */
export function zipArtefacts(files: Artefact[], folder: string): Promise<Uint8Array> {
  return writeZip(files.map((f) => ({ path: `${folder}/${f.path}`, content: f.content })));
}
