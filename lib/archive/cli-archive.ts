/**
 * `check --archive <export.zip>`: the same JSON lines as `check`, one per post, comment or profile
 * field in a site's data export, with its date, kind, link and text. Problems with single files inside
 * the archive go to standard error by name (exit code 1); an archive that cannot be read at all exits 2.
 */
import { openAsBlob, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Engine } from '../engine/check';
import { checkArchive } from './check-archive';
import { ArchiveError, SITE_NAMES } from './types';

export async function runArchiveCheck(engine: Engine, path: string, io: { stdout: Writable; stderr: Writable }): Promise<number> {
  let blob: Blob;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('it is a folder, not a zip file'), { code: 'EISDIR' });
    blob = await openAsBlob(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr.write(`${path}: cannot read the archive: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}.\n`);
    return 2;
  }
  try {
    const summary = await checkArchive(blob, engine, {
      onChecked: ({ id, site, kind, surface, field, date, link, text, findings }) => {
        io.stdout.write(JSON.stringify({ id, site, kind, surface, ...(field ? { field } : {}), date: date ?? null, link: link ?? null, text, findings }) + '\n');
      },
    });
    for (const problem of summary.problems) io.stderr.write(`${path}: ${problem.message}\n`);
    io.stderr.write(`${path}: ${SITE_NAMES[summary.format.site]} export, ${summary.checked} checked, ${summary.flagged} may break the policy.\n`);
    return summary.problems.length ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e;
    io.stderr.write(`${path}: ${e.message}\n`);
    return 2;
  }
}
