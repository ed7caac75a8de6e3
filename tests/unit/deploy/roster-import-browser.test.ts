/**
 * The options page imports CSVs on the device with the same code, so lib/roster-import must bundle
 * for a browser (no Node built-ins) and read the encodings Excel and MIS exports use.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../lib/roster-import/decode';
import { importRoster } from '../../../lib/roster-import/import-roster';

describe('roster import in the browser', () => {
  it('bundles for a browser with no Node built-ins', async () => {
    const entry = new URL('../../../lib/roster-import/import-roster.ts', import.meta.url).pathname;
    const decode = new URL('../../../lib/roster-import/decode.ts', import.meta.url).pathname;
    const result = await build({ entryPoints: [entry, decode], bundle: true, platform: 'browser', format: 'esm', write: false, outdir: 'out', logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    for (const file of result.outputFiles) expect(file.text).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|path|buffer)["']\)/);
  });
});

describe('file encodings', () => {
  const csv = 'Forename,Surname\r\nZoë,Hartley\r\nSiân,Lloyd\r\n';

  it('UTF-8, with or without a byte-order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + csv);
    expect(decodeCsvBytes(bytes).encoding).toBe('utf-8');
    const r = importRoster(decodeCsvBytes(bytes).text, 'pupils', 'p.csv');
    expect(r.ok && r.people.map((p) => p.name)).toEqual(['Zoë Hartley', 'Siân Lloyd']);
  });

  it('Excel "Unicode text" (UTF-16LE with a byte-order mark)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from(csv).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('utf-16le');
    const r = importRoster(decoded.text, 'pupils', 'p.csv');
    expect(r.ok && r.people.map((p) => p.name)).toEqual(['Zoë Hartley', 'Siân Lloyd']);
  });

  it('older Excel CSV in Windows-1252', () => {
    const bytes = new Uint8Array(Array.from(csv, (c) => c.charCodeAt(0))); // ë = 0xEB, â = 0xE2 in both Latin-1 and 1252
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    const r = importRoster(decoded.text, 'pupils', 'p.csv');
    expect(r.ok && r.people.map((p) => p.name)).toEqual(['Zoë Hartley', 'Siân Lloyd']);
  });
});

describe('an unknown layout under a report title', () => {
  it('shows the likely header row, not the title', () => {
    const r = importRoster('Staff Absence Report\nPrinted 01/09/2025\nCode,Days,Reason\nSHU,2,Ill\n', 'staff', 'staff.csv');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Headers found (row 3): "Code", "Days", "Reason".') });
  });
});
