/**
 * One measured run for tests/bench/archive.bench.ts, in a fresh process so its peak memory is its own:
 *   node --import tsx tests/bench/archive-child.ts <archive.zip> <policy.json> stream|read|whole|idle
 * stream: what Second Look does (zip.js + streamed JSON + engine); read: the same without the engine;
 * whole: the naive way (inflate tweets.js whole, JSON.parse it, check each tweet); idle: modules only.
 * Prints one JSON line: {ms, cpuMs, maxRssMB, checked, flagged} (CPU time: the figure to trust on a busy machine).
 */
import { openAsBlob, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TextWriter } from '@zip.js/zip.js/index-native.js';
import { checkArchive } from '../../lib/archive/check-archive';
import { readArchive } from '../../lib/archive/read-archive';
import { openZip } from '../../lib/archive/zip';
import { createEngine } from '../../lib/engine/check';

const [path, policyPath, mode] = process.argv.slice(2);
const engine = createEngine(JSON.parse(readFileSync(policyPath, 'utf8')));
engine.check('warm up the engine with Jack Smith', { surface: 'post' });
const blob = await openAsBlob(path);
const started = performance.now();
const cpu = process.cpuUsage();
let checked = 0;
let flagged = 0;
if (mode === 'stream') {
  const summary = await checkArchive(blob, engine);
  checked = summary.checked;
  flagged = summary.flagged;
} else if (mode === 'read') {
  await readArchive(blob, { onItem: () => void checked++ });
} else if (mode === 'whole') {
  const zip = await openZip(blob);
  for (const entry of zip.entries.filter((e) => /data\/tweets(-part\d+)?\.js$/.test(e.filename))) {
    const text = await entry.getData(new TextWriter());
    const tweets = JSON.parse(text.slice(text.indexOf('=') + 1)) as { tweet: { full_text: string } }[];
    for (const t of tweets) {
      checked++;
      if (engine.check(t.tweet.full_text, { surface: 'post' }).length) flagged++;
    }
  }
  await zip.close();
}
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), checked, flagged }));
