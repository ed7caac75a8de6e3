import { describe, expect, it } from 'vitest';
import { readArchive } from '../../../lib/archive/read-archive';
import { ArchiveError } from '../../../lib/archive/types';
import { fakeMedia, xArchive, zipBytes } from '../../fixtures/archives/build';
import { readItems } from './read';

async function problemWith(bytes: Uint8Array<ArrayBuffer>): Promise<ArchiveError> {
  const error = await readItems(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  return error as ArchiveError;
}

describe('files that are not a readable export', () => {
  it('a file that is not a zip says so, and what to do', async () => {
    const error = await problemWith(new TextEncoder().encode('<html>not a zip</html>'));
    expect(error.message).toMatch(/^This file is not a zip archive, or it is incomplete/);
  });

  it('a zip cut short (a download that stopped) says so', async () => {
    const whole = await zipBytes(xArchive());
    const error = await problemWith(whole.subarray(0, whole.length - 40));
    expect(error.message).toContain('incomplete');
  });

  it('a zip from somewhere else names the exports Second Look reads', async () => {
    const error = await problemWith(await zipBytes({ 'holiday/photo.jpg': fakeMedia(1000), 'notes.txt': 'hello' }));
    expect(error.message).toMatch(/^This zip file is not a data export Second Look knows\. It reads X’s archive \(data\/tweets\.js\)/);
  });

  it('Facebook’s HTML export and TikTok’s TXT export ask for the JSON format instead', async () => {
    expect((await problemWith(await zipBytes({ 'your_activity_across_facebook/posts/your_posts_1.html': '<html></html>' }))).message).toContain('choose “JSON”');
    expect((await problemWith(await zipBytes({ 'Activity/Browsing History.txt': 'Date: …' }))).message).toContain('TikTok’s export in TXT format');
  });

  it('a damaged file inside the archive is named, and the rest is still read', async () => {
    const bytes = await zipBytes(xArchive());
    // Flip bytes inside tweets.js's compressed data: its CRC (or inflating) then fails.
    const name = new TextEncoder().encode('data/tweets.js');
    const at = indexOf(bytes, name) + name.length + 40;
    for (let i = 0; i < 16; i++) bytes[at + i] ^= 0xff;
    const { items, summary } = await readItems(bytes);
    expect(summary.problems.map((p) => p.file)).toEqual(['data/tweets.js']);
    expect(summary.problems[0].message).toMatch(/^data\/tweets\.js (is damaged inside the archive|could not be read|is not valid JSON)/);
    expect(items.some((i) => i.text.startsWith('First day at St Example'))).toBe(true); // from tweets-part1.js
  });
});

describe('photos and videos', () => {
  it('are never read: only the text files’ bytes are taken from the archive', async () => {
    const files = { ...xArchive(), 'data/tweets_media/big-video.mp4': fakeMedia(5_000_000, 9) };
    const blob = new Blob([await zipBytes(files)]);
    let bytesRead = 0;
    const slice = blob.slice.bind(blob);
    blob.slice = (start?: number, end?: number, type?: string) => {
      bytesRead += (end ?? blob.size) - (start ?? 0);
      return slice(start, end, type);
    };
    const summary = await readArchive(blob, { onItem: () => undefined });
    expect(summary.problems).toEqual([]);
    expect(blob.size).toBeGreaterThan(5_000_000);
    expect(bytesRead).toBeGreaterThan(0);
    expect(bytesRead).toBeLessThan(200_000);
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
