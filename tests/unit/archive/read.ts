/** Reading a test archive the way the worker and the CLI do. */
import { checkArchive, type CheckedItem } from '../../../lib/archive/check-archive';
import { readArchive } from '../../../lib/archive/read-archive';
import type { ArchiveItem } from '../../../lib/archive/types';
import { createEngine } from '../../../lib/engine/check';
import { zipBytes, type ArchiveFiles } from '../../fixtures/archives/build';
import { loadFixturePolicy } from '../helpers';

export async function readItems(files: ArchiveFiles | Uint8Array<ArrayBuffer>) {
  const bytes = files instanceof Uint8Array ? files : await zipBytes(files);
  const items: ArchiveItem[] = [];
  const summary = await readArchive(new Blob([bytes]), { onItem: (i) => items.push(i) });
  return { items, summary };
}

const engine = createEngine(loadFixturePolicy());

export async function checkItems(files: ArchiveFiles) {
  const items: CheckedItem[] = [];
  const summary = await checkArchive(new Blob([await zipBytes(files)]), engine, { onChecked: (i) => items.push(i) });
  return { items, summary, rulesOf: (text: string) => items.find((i) => i.text === text)?.findings.map((f) => f.rule) };
}
