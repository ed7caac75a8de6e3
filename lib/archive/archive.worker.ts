/**
 * The archive checker's worker: reads the chosen export and checks every post with the engine, off
 * the page's thread, sending progress and the flagged items in batches (a few times a second). It
 * keeps nothing: the page ends it with terminate() when the person presses Cancel or leaves.
 */
import { Exceptions } from '../background/exceptions';
import { createEngine } from '../engine/check';
import { checkArchive, type CheckedItem, type CheckProgress } from './check-archive';
import { ArchiveError } from './types';
import type { FromWorker, StartCheck } from './worker-protocol';

const BATCH_MS = 150;

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<StartCheck>) => {
  if (event.data?.type === 'start') void run(event.data);
};

async function run({ file, policy, exceptions }: StartCheck): Promise<void> {
  let flagged: CheckedItem[] = [];
  let progress: CheckProgress = { done: 0, total: 0, checked: 0, flagged: 0 };
  let sentAt = 0;
  const flush = () => {
    post({ type: 'progress', progress, flagged });
    flagged = [];
    sentAt = performance.now();
  };
  try {
    const engine = createEngine(policy);
    const known = new Exceptions({ get: async () => exceptions, set: async () => undefined });
    await known.load();
    const summary = await checkArchive(file, engine, {
      isException: (rule, words) => known.isException(rule, words),
      onChecked: (item) => {
        if (item.findings.length) flagged.push(item);
      },
      onProgress: (p) => {
        progress = p;
        if (performance.now() - sentAt > BATCH_MS) flush();
      },
    });
    post({ type: 'done', progress, flagged, site: summary.format.site, problems: summary.problems.map((p) => ({ message: p.message, file: p.file })) });
  } catch (error) {
    post({
      type: 'failed',
      message: error instanceof ArchiveError ? error.message : `Something went wrong while reading this file: ${(error as Error)?.message ?? error}. Nothing was kept.`,
    });
  }
}
