import { describe, expect, it } from 'vitest';
import { fileKind } from '../../../lib/photo/file-kind';
import { parseCaptureTime, parseXmpCoordinate, readPhotoMetadata } from '../../../lib/photo/metadata';
import { heicWithExif } from '../../support/box-writer';
import { bareJpeg, exifSegment } from '../../support/exif-writer';

describe('reading a photo’s metadata', () => {
  it('reads GPS and the capture time exactly as the camera wrote it, with its zone when written', async () => {
    const meta = await readPhotoMetadata(bareJpeg({ lat: 51.50142, lon: -0.14189, taken: '2025:03:31 10:15:00', offset: '+01:00' }));
    expect(meta.gps!.lat).toBeCloseTo(51.50142, 5);
    expect(meta.gps!.lon).toBeCloseTo(-0.14189, 5);
    expect(meta.taken).toEqual({ date: '2025-03-31', minutes: 10 * 60 + 15, offsetMinutes: 60 });
  });

  it('keeps the camera’s wall clock, never this computer’s zone, when the camera wrote none', async () => {
    const meta = await readPhotoMetadata(bareJpeg({ taken: '2025:12:01 23:30:00' }));
    expect(meta.taken).toEqual({ date: '2025-12-01', minutes: 23 * 60 + 30 });
  });

  it('says nothing of a place when the photo has no GPS, or the 0,0 phones write without a fix', async () => {
    expect((await readPhotoMetadata(bareJpeg({ taken: '2025:03:31 10:15:00' }))).gps).toBeUndefined();
    expect((await readPhotoMetadata(bareJpeg({ lat: 0, lon: 0 }))).gps).toBeUndefined();
    expect(await readPhotoMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toEqual({});
  });

  it('reads GPS from XMP when there is no EXIF GPS', async () => {
    const meta = await readPhotoMetadata(bareJpeg({ lat: 51.50142, lon: -0.14189, gpsIn: 'xmp' }));
    expect(meta.gps!.lat).toBeCloseTo(51.50142, 4);
    expect(meta.gps!.lon).toBeCloseTo(-0.14189, 4);
    expect(parseXmpCoordinate('51,30.0852N')).toBeCloseTo(51.50142, 4);
    expect(parseXmpCoordinate('0,8,30.8W')).toBeCloseTo(-0.14189, 4);
  });

  it('reads a HEIC photo’s Exif item', async () => {
    const heic = heicWithExif({ lat: 51.5029, lon: -0.1339, taken: '2025:03:31 10:15:00', offset: '+01:00' });
    expect(fileKind(heic, 'image/heic')).toBe('heic');
    expect(await readPhotoMetadata(heic)).toEqual({ gps: { lat: 51.5029, lon: -0.1339 }, taken: { date: '2025-03-31', minutes: 615, offsetMinutes: 60 } });
  });

  it('never throws on a corrupt or truncated file: it says the metadata could not be read', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect((await readPhotoMetadata(junk)).problem).toMatch(/could not be read/);
    const segment = exifSegment({ lat: 51.5, lon: -0.1, taken: '2025:03:31 10:15:00' });
    const truncated = new Uint8Array([0xff, 0xd8, ...segment.subarray(0, segment.length - 30)]);
    const meta = await readPhotoMetadata(truncated);
    expect(meta.gps).toBeUndefined();
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, ...new TextEncoder().encode('Exif\0\0II*\0'), 0xff, 0xff, 0xff, 0xff]);
    await expect(readPhotoMetadata(broken)).resolves.toBeTypeOf('object');
  });

  it('turns the capture-time forms cameras write into a date and minutes, and rejects unset clocks', () => {
    expect(parseCaptureTime('2025-03-31T10:15:00+01:00')).toEqual({ date: '2025-03-31', minutes: 615, offsetMinutes: 60 });
    expect(parseCaptureTime('2025:03:31 10:15:00', '-05:00')).toEqual({ date: '2025-03-31', minutes: 615, offsetMinutes: -300 });
    expect(parseCaptureTime('0000:00:00 00:00:00')).toBeUndefined();
    expect(parseCaptureTime('yesterday')).toBeUndefined();
  });

  it('tells the kind of file from its bytes, not its name', () => {
    expect(fileKind(bareJpeg({}), '')).toBe('jpeg');
    expect(fileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/jpeg')).toBe('png');
    expect(fileKind(new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]), '')).toBe('video');
    expect(fileKind(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), '')).toBe('unknown');
  });
});
