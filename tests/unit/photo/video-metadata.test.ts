import { describe, expect, it } from 'vitest';
import { parseIso6709, readVideoMetadata } from '../../../lib/photo/video-metadata';
import { mp4 } from '../../support/box-writer';

function source(bytes: Uint8Array) {
  const reads: number[] = [];
  return { reads, read: async (offset: number, length: number) => (reads.push(Math.min(length, bytes.length - offset)), bytes.subarray(offset, offset + length)) };
}

describe('reading a video’s metadata (never its frames)', () => {
  it('reads ©xyz and the movie header’s creation time (UTC)', async () => {
    const v = mp4({ createdUtc: '2025-03-31T09:15:00Z', xyz: '+51.5029-000.1339/' });
    expect(await readVideoMetadata(source(v).read, v.length)).toEqual({ gps: { lat: 51.5029, lon: -0.1339 }, taken: { date: '2025-03-31', minutes: 555, offsetMinutes: 0 } });
  });

  it('prefers Apple’s keyed location and creation date with its zone', async () => {
    const v = mp4({ createdUtc: '2025-03-31T09:15:00Z', appleLocation: '+51.5030-000.1340+010.000/', appleCreationDate: '2025-03-31T10:15:00+0100' });
    expect(await readVideoMetadata(source(v).read, v.length)).toEqual({ gps: { lat: 51.503, lon: -0.134 }, taken: { date: '2025-03-31', minutes: 615, offsetMinutes: 60 } });
  });

  it('finds the metadata after a large media box with a few small reads', async () => {
    const v = mp4({ xyz: '+51.5029-000.1339/', moovAtEnd: true }, 5 * 1024 * 1024);
    const s = source(v);
    expect((await readVideoMetadata(s.read, v.length)).gps).toEqual({ lat: 51.5029, lon: -0.1339 });
    expect(s.reads.reduce((a, b) => a + b, 0)).toBeLessThan(4096);
  });

  it('says nothing for a video without metadata, and never throws on junk', async () => {
    const v = mp4({});
    expect(await readVideoMetadata(source(v).read, v.length)).toEqual({});
    const junk = new Uint8Array(1000).map((_, i) => (i * 131) % 256);
    await expect(readVideoMetadata(source(junk).read, junk.length)).resolves.toBeTypeOf('object');
  });

  it('parses ISO 6709 locations and rejects out-of-range ones', () => {
    expect(parseIso6709('-33.8688+151.2093/')).toEqual({ lat: -33.8688, lon: 151.2093 });
    expect(parseIso6709('+95.0+010.0/')).toBeUndefined();
    expect(parseIso6709('somewhere')).toBeUndefined();
  });
});
