/**
 * Picks values out of a large JSON file as it streams (@streamparser/json), so a 60 MB tweets.js or a
 * TikTok user_data.json full of watch history is never held whole: each post is handed over and let go.
 * X's files start with a JavaScript assignment (`window.YTD.tweets.part0 = [ … ]`), which is skipped.
 */
import { JSONParser } from '@streamparser/json';
import type { FileEntry } from '@zip.js/zip.js/index-native.js';
import { ArchiveError } from './types';
import { readEntry } from './zip';

export interface JsonValue {
  value: unknown;
  /** The keys from the root to this value, e.g. ['Post', 'Posts', 'VideoList', 3]. */
  path: (string | number)[];
}

export interface StreamOptions {
  /** JSONPath-like selectors: `$.*.tweet`, `$.comments_v2.*`, `$.Post.Posts.VideoList.*`. */
  paths: string[];
  /** Skip everything up to the first "=" (X's `window.YTD.… =` prefix). */
  assignmentPrefix?: boolean;
  /** Called with the number of (uncompressed) bytes read so far in this file. */
  onBytes?: (bytes: number) => void;
}

const EQUALS = 0x3d;
const PREFIX_LIMIT = 512;

export async function streamJsonValues(entry: FileEntry, options: StreamOptions, onValue: (v: JsonValue) => void): Promise<void> {
  const parser = new JSONParser({ paths: options.paths, keepStack: false });
  parser.onValue = ({ value, key, stack }) => {
    const path = stack.slice(1).map((s) => s.key as string | number);
    if (key !== undefined) path.push(key as string | number);
    onValue({ value, path });
  };
  let inPrefix = options.assignmentPrefix === true;
  let seen = 0;
  let bytes = 0;
  let failure: ArchiveError | undefined;
  await readEntry(entry, (chunk) => {
    if (failure || parser.isEnded) return;
    bytes += chunk.length;
    let data = chunk;
    if (inPrefix) {
      const at = data.indexOf(EQUALS);
      if (at < 0) {
        seen += data.length;
        if (seen > PREFIX_LIMIT) failure = new ArchiveError(`${entry.filename} does not start with “window.YTD.… =” as X’s archive files do.`, entry.filename);
        return;
      }
      inPrefix = false;
      data = data.subarray(at + 1);
    }
    try {
      parser.write(data);
    } catch (error) {
      failure = jsonProblem(entry.filename, error);
    }
    options.onBytes?.(bytes);
  });
  if (failure) throw failure;
  if (inPrefix) throw new ArchiveError(`${entry.filename} does not start with “window.YTD.… =” as X’s archive files do.`, entry.filename);
  if (!parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      throw jsonProblem(entry.filename, error, 'it ends part way through');
    }
  }
}

function jsonProblem(file: string, error: unknown, what?: string): ArchiveError {
  const detail = String((error as Error)?.message ?? error).replace(/\s+/g, ' ').slice(0, 160);
  return new ArchiveError(`${file} is not valid JSON${what ? ` (${what})` : ''}: ${detail}`, file);
}
