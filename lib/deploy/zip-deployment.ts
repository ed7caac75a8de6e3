/** The IT set-up page's download: every file of a build in one zip (fflate, in the browser). */
import { zipSync, type Zippable } from 'fflate';
import type { Artefact } from './target';

export function zipArtefacts(files: Artefact[], folder: string): Uint8Array {
  const tree: Zippable = {};
  const utf8 = new TextEncoder();
  for (const f of files) tree[`${folder}/${f.path}`] = [typeof f.content === 'string' ? utf8.encode(f.content) : f.content, { level: 6 }];
  return zipSync(tree);
}
