/**
 * Where a check's time goes (a tool for speed work): each stage of `Engine.check` timed on its own,
 * over the benchmark's posts and the 2,150-name roster, in interleaved rounds so that load from other
 * processes spreads over all stages alike. Prints each stage's share of the whole check.
 *
 *   npx tsx tests/bench/stages.ts [rounds]
 */
import { performance } from 'node:perf_hooks';
import { analyse } from '../../lib/engine/analysis';
import { createEngine } from '../../lib/engine/check';
import { findContactDetails } from '../../lib/engine/detectors/contact-details';
import { findProfanity } from '../../lib/engine/detectors/profanity';
import { jobSignal } from '../../lib/engine/job';
import { colleagueMention } from '../../lib/engine/rules/colleague-mention';
import { confidential } from '../../lib/engine/rules/confidential';
import { derogatory } from '../../lib/engine/rules/derogatory';
import { personalInfo } from '../../lib/engine/rules/personal-info';
import { professionDisclosure } from '../../lib/engine/rules/profession-disclosure';
import { pupilMention } from '../../lib/engine/rules/pupil-mention';
import { schoolLife } from '../../lib/engine/rules/school-life';
import { schoolMention } from '../../lib/engine/rules/school-mention';
import { tokenise } from '../../lib/engine/tokenise';
import { makePost, rosterPolicy } from './engine-fixtures';

const rounds = Number(process.argv[2] ?? 30);
const engine = createEngine(rosterPolicy(2150));
const posts = Array.from({ length: 300 }, (_, i) => makePost(7919 * (i + 1)));
const tokens = posts.map((p) => tokenise(p));
const analyses = posts.map((p) => analyse(engine.compiled, p, 'post'));
const c = engine.compiled;
let sink = 0;

const stages: [string, (i: number) => number][] = [
  ['check (whole)', (i) => engine.check(posts[i], { surface: 'post' }).length],
  ['analyse (whole)', (i) => analyse(c, posts[i], 'post').tokens.length],
  ['  tokenise', (i) => tokenise(posts[i]).length],
  ['  terms.find', (i) => c.terms.find(tokens[i]).length],
  ['  names.find', (i) => c.names.find(tokens[i], posts[i].length).length],
  ['  jobSignal', (i) => jobSignal({ text: posts[i], tokens: tokens[i], terms: analyses[i].terms, names: analyses[i].names }).score],
  ['  findContactDetails', (i) => findContactDetails(posts[i]).length],
  ['rule pupil-mention', (i) => pupilMention(analyses[i]).length],
  ['rule colleague-mention', (i) => colleagueMention(analyses[i]).length],
  ['rule school-mention', (i) => schoolMention(analyses[i]).length],
  ['rule school-life', (i) => schoolLife(analyses[i]).length],
  ['rule confidential', (i) => confidential(analyses[i]).length],
  ['rule derogatory', (i) => derogatory(analyses[i]).length],
  ['  findProfanity', (i) => findProfanity(posts[i]).length],
  ['rule personal-info', (i) => personalInfo(analyses[i]).length],
  ['rule profession-disclosure', (i) => professionDisclosure(analyses[i]).length],
];

const totals = stages.map(() => [] as number[]);
for (let r = 0; r < rounds + 3; r++) {
  stages.forEach(([, run], s) => {
    const t0 = performance.now();
    for (let i = 0; i < posts.length; i++) sink += run(i);
    if (r >= 3) totals[s].push((performance.now() - t0) / posts.length);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const whole = median(totals[0]);
stages.forEach(([name], s) => {
  const m = median(totals[s]);
  console.log(`${name.padEnd(28)} ${(m * 1000).toFixed(1).padStart(7)} µs  ${((100 * m) / whole).toFixed(1).padStart(5)} %`);
});
if (sink === -1) console.log(sink);
