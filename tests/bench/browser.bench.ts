/**
 * `npm run bench:browser`: the extension in real Chromium on the practice pages, every figure with
 * its target. `--json` prints one JSON object; `--only=typing,long,cold,load,memory,card` runs a part;
 * `--no-build` measures the builds already in .output.
 *
 *  - Keystroke to painted card (the card keeps up with typing), and each content script's gzipped size.
 *  - Typing overhead: keydown to the frame the character is painted in, with and without the
 *    extension, keys alternating between the two browsers (browser/typing.ts).
 *  - Long posts: per-keystroke CPU time, page and worker, at 500 and 10,000 characters (browser/long-posts.ts).
 *  - Cold start: the worker stopped, then a pupil's name: time to the card, 2,150 and 10,000 names,
 *    and the worker's heap with each (browser/cold-start.ts).
 *  - Page load: the content script's main-thread time and long tasks (browser/page-load.ts).
 *  - Memory and leaks: a page's heap, listeners and observers after 500 route changes and 200
 *    editors, against the same page before and against the page without the extension (browser/page-memory.ts).
 *
 * Latency is measured in the page with the bench build (`wxt build --mode bench`: identical but for
 * performance marks and an observer count); typing overhead and sizes are of the production build. Roster: 2,000 pupils
 * and 150 staff, and 10,000 pupils for the cold start's second figure.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { coldStart, COLD_STARTS, type ColdStartFigures } from './browser/cold-start';
import { keystrokeToCard, noteKeys } from './browser/keystroke-to-card';
import { CHROME, launch, percentile, PRODUCTION_EXTENSION, ROOT, round, setRoster, stats, type Browser } from './browser/launch';
import { LONG_KEYS, longPosts } from './browser/long-posts';
import { EDITORS, pageMemory, ROUTE_CHANGES } from './browser/page-memory';
import { LOADS_PER_PAGE, pageLoad } from './browser/page-load';
import { KEYS_PER_PAGE, notePaints, typingOverhead } from './browser/typing';

const JSON_MODE = process.argv.includes('--json');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const runs = (part: string) => !ONLY || ONLY.includes(part);
const TARGET = {
  cardP95Ms: 16,
  /** PRODUCT.md: the warning no more than one frame behind the typed character at p95. */
  framesBehindP95: 1,
  gzipBytes: 50 * 1024,
  typingP95Ratio: 1.05,
  longPostRatio: 3,
  coldP95Ms: { 2150: 150, 10000: 300 } as Record<string, number>,
  loadMs: 5,
  workerHeapMb: 40,
  pageGrowthMb: 2,
};

function log(line = ''): void {
  if (!JSON_MODE) console.log(line);
}
const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');
const ms = (x: number) => x.toFixed(2).padStart(7);

function contentScriptSizes(): Record<string, number> {
  const dir = join(ROOT, '.output', 'chrome-mv3', 'content-scripts');
  const sizes: Record<string, number> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) sizes[file.replace(/\.js$/, '')] = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  return sizes;
}

async function main(): Promise<void> {
  const quiet = { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'] };
  // --no-build: measure the builds already in .output (while changing the bench itself).
  if (!process.argv.includes('--no-build')) {
    execFileSync('npx', ['wxt', 'build'], quiet);
    execFileSync('npx', ['wxt', 'build', '--mode', 'bench'], quiet);
  }
  const sizes = contentScriptSizes();
  const result: Record<string, unknown> = {
    contentScriptGzipBytes: { facebook: sizes.facebook, x: sizes.x, instagram: sizes.instagram, tiktok: sizes.tiktok },
  };
  log(`Second Look browser benchmark · Chromium (${CHROME}) · roster of 2,000 pupils and 150 staff unless said`);
  log();
  const withExt: Browser = await launch(true);
  const without: Browser = await launch(false);
  try {
    await noteKeys(withExt);
    await notePaints(withExt.context);
    await notePaints(without.context);
    await setRoster(withExt, 2150);

    if (runs('card')) {
      const { perPage, all, lag } = await keystrokeToCard(withExt);
      const k = stats(all);
      const sameFrame = lag.filter((f) => f === 0).length;
      result.keystrokeToWarningMs = k;
      result.framesBehindText = { sameFrameShare: round(sameFrame / Math.max(1, lag.length)), p95: lag.length ? percentile(lag, 95) : null, samples: lag.length };
      result.perPage = Object.fromEntries(Object.entries(perPage).map(([p, v]) => [p, stats(v)]));
      log('Keystroke to painted warning, measured in the page (ms)');
      for (const [page, v] of Object.entries(perPage)) {
        const r = stats(v);
        log(`  ${page.padEnd(20)} p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   (${r.samples} keystrokes)`);
      }
      log(`  ${'all'.padEnd(20)} p50 ${ms(k.p50)}   p95 ${ms(k.p95)}   (${k.samples} keystrokes)   target p95 ≤ ${TARGET.cardP95Ms} ms: ${verdict(k.p95 <= TARGET.cardP95Ms)}`);
      const lagP95 = lag.length ? percentile(lag, 95) : Infinity;
      log(`  frames the card lags behind the typed character: same frame ${((sameFrame / Math.max(1, lag.length)) * 100).toFixed(0)}% of keystrokes, p95 ${lagP95} frame(s) behind   target p95 ≤ ${TARGET.framesBehindP95}: ${verdict(lagP95 <= TARGET.framesBehindP95)}`);
      log('  (each edit is checked once the frame with the typed character is painted, so the card comes a frame after it)');
      log('  (keystroke → paint includes waiting for the next frame, 0–16.7 ms at 60 Hz, whatever the work)');
      log();
    }

    if (runs('typing')) {
      // What staff install, not the bench build: its marks (one frame asked for per answer) would be
      // part of what is measured here.
      const production = await launch(true, PRODUCTION_EXTENSION);
      await notePaints(production.context);
      await setRoster(production, 2150);
      const t = await typingOverhead(production, without, { short: 44, '5000': 5000 }).finally(() => production.close());
      const worst = Object.values(t.all).reduce((a, b) => (b.p95Ratio > a.p95Ratio ? b : a));
      result.typingOverhead = { p50Ratio: Math.max(...Object.values(t.all).map((x) => x.p50Ratio)), p95Ratio: worst.p95Ratio, byLength: t.all, perPage: t.perPage, keysPerPage: KEYS_PER_PAGE };
      log(`Typing overhead: keydown to the frame the character is painted in, with / without the extension (ms; ${KEYS_PER_PAGE} keys per page and length in each browser, alternating)`);
      for (const [page, byLength] of Object.entries(t.perPage)) {
        for (const [label, r] of Object.entries(byLength)) {
          log(`  ${page.padEnd(18)} ${label.padEnd(6)} p50 ${ms(r.with.p50)} / ${ms(r.without.p50)}   p95 ${ms(r.with.p95)} / ${ms(r.without.p95)}   p95 ratio ${(r.with.p95 / r.without.p95).toFixed(2)}`);
        }
      }
      for (const [label, r] of Object.entries(t.all)) {
        log(`  ${'all pages'.padEnd(18)} ${label.padEnd(6)} p50 ${ms(r.with.p50)} / ${ms(r.without.p50)}   p95 ${ms(r.with.p95)} / ${ms(r.without.p95)}   ratios p50 ${r.p50Ratio.toFixed(2)}  p95 ${r.p95Ratio.toFixed(2)}   target p95 ratio ≤ ${TARGET.typingP95Ratio}: ${verdict(r.p95Ratio <= TARGET.typingP95Ratio)}`);
      }
      log();
    }

    if (runs('long')) {
      const l = await longPosts(withExt, [500, 10_000]);
      const main = round(l.all['10000'].mainMsPerKey / l.all['500'].mainMsPerKey);
      const work = round(l.all['10000'].workerMsPerKey / l.all['500'].workerMsPerKey);
      result.longPosts = { ...l, mainRatio: main, workerRatio: work, keysPerPage: LONG_KEYS };
      log(`Long posts: CPU ms per keystroke, the extension's code on the page's main thread / the worker (${LONG_KEYS} keys per page and size; sampling profiler)`);
      for (const [page, bySize] of Object.entries(l.perPage)) {
        for (const [size, r] of Object.entries(bySize)) {
          log(`  ${page.padEnd(18)} ${size.padStart(6)} chars (${String(r.chars).padStart(5)} in the box)   main ${r.mainMsPerKey.toFixed(3).padStart(7)}   worker ${r.workerMsPerKey.toFixed(3).padStart(7)}   check round trip p50 ${ms(r.roundTripMs.p50)} p95 ${ms(r.roundTripMs.p95)}`);
        }
      }
      log(`  all pages: main ${l.all['500'].mainMsPerKey} → ${l.all['10000'].mainMsPerKey} ms (×${main})   target ≤ ×${TARGET.longPostRatio}: ${verdict(main <= TARGET.longPostRatio)}`);
      log(`             worker ${l.all['500'].workerMsPerKey} → ${l.all['10000'].workerMsPerKey} ms (×${work})   target ≤ ×${TARGET.longPostRatio}: ${verdict(work <= TARGET.longPostRatio)}`);
      log();
    }

    if (runs('load')) {
      const p = await pageLoad(withExt, without);
      result.pageLoad = p;
      log(`Page load: the content script's main-thread time, and long tasks (> 50 ms) with / without the extension (median of ${LOADS_PER_PAGE} loads; most long tasks in any)`);
      for (const [page, r] of Object.entries(p.perPage)) {
        log(`  ${page.padEnd(18)} ${ms(r.extensionMs)} ms (longest stretch ${r.longestExtensionMs.toFixed(2)} ms)   target ≤ ${TARGET.loadMs} ms: ${verdict(r.extensionMs <= TARGET.loadMs)}   long tasks ${r.longTasksWith} / ${r.longTasksWithout} (longest ${r.longestTaskWithMs} / ${r.longestTaskWithoutMs} ms)   target none added: ${verdict(r.longTasksWith <= r.longTasksWithout && r.longestExtensionMs <= 50)}`);
      }
      log();
    }

    if (runs('memory')) {
      const m = await pageMemory(withExt, without);
      result.memory = { page: m };
      log(`Page memory after ${ROUTE_CHANGES} route changes and ${EDITORS} editors mounted and unmounted (facebook home; after a full collection)`);
      log(`  the extension drew a card for ${m.cycled.withCard} of the ${EDITORS} editors; its live observers with one mounted: ${m.cycled.observersMounted}`);
      log(`  heap growth ${m.heapGrowthMb} MB with the extension, ${m.baselineGrowthMb} MB without   target ≤ ${TARGET.pageGrowthMb} MB: ${verdict(m.heapGrowthMb <= TARGET.pageGrowthMb)}`);
      log(`  event listeners ${m.with.before.listeners} → ${m.with.after.listeners} (Δ ${m.listenersDelta}; without the extension Δ ${m.baselineListenersDelta})   target back to start: ${verdict(m.listenersDelta <= m.baselineListenersDelta)}`);
      log(`  the extension's live observers ${m.with.before.observers} → ${m.with.after.observers}   target back to start: ${verdict(m.observersDelta === 0)}`);
      log(`  DOM nodes ${m.with.before.nodes} → ${m.with.after.nodes} (without the extension ${m.without.before.nodes} → ${m.without.after.nodes})`);
      log();
    }

    if (runs('cold')) {
      const cold: Record<string, ColdStartFigures> = {};
      for (const pupils of [2150, 10_000]) {
        if (pupils !== 2150) await setRoster(withExt, pupils);
        cold[String(pupils)] = await coldStart(withExt);
      }
      result.coldStartMs = Object.fromEntries(Object.entries(cold).map(([k, v]) => [k, { p50: v.cold.p50, p95: v.cold.p95 }]));
      result.coldStart = { ...cold, stops: COLD_STARTS };
      result.memory = { ...(result.memory as object), workerHeapMb: Object.fromEntries(Object.entries(cold).map(([k, v]) => [k, v.workerHeapMb])) };
      log(`Cold start: the worker stopped, then a pupil's name in one input: to the painted card (ms; ${COLD_STARTS} stops each; worker running as the same-run baseline)`);
      for (const [pupils, c] of Object.entries(cold)) {
        log(`  ${pupils.padStart(6)} names   cold p50 ${ms(c.cold.p50)} p95 ${ms(c.cold.p95)}   warm p50 ${ms(c.warm.p50)} p95 ${ms(c.warm.p95)}   target p95 ≤ ${TARGET.coldP95Ms[pupils]} ms: ${verdict(c.cold.p95 <= TARGET.coldP95Ms[pupils])}`);
      }
      for (const [pupils, c] of Object.entries(cold)) {
        log(`  ${pupils.padStart(6)} names, where a cold check's time goes (median ms after the input; index compiled again after ${c.compiledAgain} of ${COLD_STARTS} stops):`);
        log(`      ${Object.entries(c.steps).map(([step, at]) => `${step} ${at}`).join(' · ')}`);
      }
      for (const [pupils, c] of Object.entries(cold)) log(`  worker heap with ${pupils} names: ${c.workerHeapMb} MB   target ≤ ${TARGET.workerHeapMb} MB: ${verdict(c.workerHeapMb <= TARGET.workerHeapMb)}`);
      log();
    }
  } finally {
    await withExt.close();
    await without.close();
  }

  if (JSON_MODE) {
    console.log(JSON.stringify(result));
    return;
  }
  log('Content scripts, gzipped (production build)');
  for (const [site, bytes] of Object.entries(result.contentScriptGzipBytes as Record<string, number>)) log(`  ${site.padEnd(10)} ${(bytes / 1024).toFixed(1).padStart(6)} KB   target ≤ 50 KB: ${verdict(bytes <= TARGET.gzipBytes)}`);
}

main().catch((error: unknown) => {
  console.error(`bench:browser failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
