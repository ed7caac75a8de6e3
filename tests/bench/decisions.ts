/**
 * Decision digest (a tool for speed work, not a test): every decision the engine makes on a large,
 * varied set of texts, reduced to one SHA-256 per corpus. An optimisation must leave every digest
 * unchanged; `--out <file>` also writes one JSON line per text, so a change can be diffed.
 *
 *   npx tsx tests/bench/decisions.ts [--out decisions.jsonl]
 *   SHARED_DATA_DIR=/path/to/data npx tsx tests/bench/decisions.ts
 *
 * What is recorded for each text: every finding in full (rule, severity, offsets, message, clause,
 * advice), the job signal (score to the last bit, tied, asParent, evidence), and for names, contact
 * matches. Corpora: the labelled staff posts (on their own surface and on every other surface, with
 * plain and hashed rosters), everyday tweets, Davidson et al., r/teaching, the benchmark's posts and
 * their typing prefixes, and the adversarial families at small sizes. The shared data folder is read
 * where it lies, never copied.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { analyse } from '../../lib/engine/analysis';
import { createEngine, type Engine } from '../../lib/engine/check';
import { encodeRosterKey } from '../../lib/engine/names/keys';
import { hashPolicy } from '../../lib/policy/hash-policy';
import { SURFACES, type Surface } from '../../lib/policy/rule-ids';
import type { Policy } from '../../lib/policy/schema';
import { evalPolicy, SHARED_DATA_DIR } from '../../scripts/eval/everyday-tweets';
import { REDDIT_FILES, redditBodies } from '../../scripts/eval/real';
import { makePost, rosterPolicy } from './engine-fixtures';

const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
const lines: string[] = [];
const KEY = encodeRosterKey(Uint8Array.from({ length: 32 }, (_, i) => (i * 53 + 7) & 255));

function record(corpus: Map<string, ReturnType<typeof createHash>>, name: string, value: unknown): void {
  const line = JSON.stringify(value);
  let h = corpus.get(name);
  if (!h) corpus.set(name, (h = createHash('sha256')));
  h.update(line + '\n');
  if (OUT) lines.push(`${name}\t${line}`);
}

const digests = new Map<string, ReturnType<typeof createHash>>();
const counts = new Map<string, number>();

function decide(engine: Engine, corpus: string, text: string, surface: Surface, recipient?: { name: string; handle?: string }): void {
  const findings = engine.check(text, { surface, ...(recipient ? { recipient } : {}) });
  const a = analyse(engine.compiled, text, surface);
  const job = { score: a.job.score, tied: a.job.tied, asParent: a.job.asParent, evidence: a.job.evidence, about: [a.aboutSchool, a.aboutFamily, a.workplace] };
  record(digests, corpus, { surface, findings, job });
  counts.set(corpus, (counts.get(corpus) ?? 0) + 1);
}

function contacts(engine: Engine, corpus: string, names: string[]): void {
  for (const n of names) {
    record(digests, corpus, { n, m: engine.contact(n, '') ?? null, h: engine.contact('', `@${n.toLowerCase().replace(/\s+/g, '_')}07`) ?? null });
    counts.set(corpus, (counts.get(corpus) ?? 0) + 1);
  }
}

/** A name as people write it in display names: all lower case, a letter dropped, decorated. */
function nameVariants(name: string): string[] {
  const lower = name.toLowerCase();
  const dropped = name.length > 6 ? name.slice(0, 4) + name.slice(5) : name;
  return [name, lower, dropped, `✨ ${name} ✨`, name.split(' ')[0]];
}

function staffPosts(): void {
  const root = join(SHARED_DATA_DIR, 'staff-posts-dev');
  for (const school of readdirSync(root).filter((d) => existsSync(join(root, d, 'posts.jsonl'))).sort()) {
    const policy = JSON.parse(readFileSync(join(root, school, 'policy.json'), 'utf8')) as Policy;
    const posts = readFileSync(join(root, school, 'posts.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text: string; surface: Surface });
    for (const [label, p] of [['plain', policy], ['hashed', hashPolicy(policy, KEY)]] as const) {
      const engine = createEngine(p);
      const pupil = policy.pupils?.find((x) => x.name)?.name;
      for (const post of posts) {
        decide(engine, `staff-posts/${school}/${label}`, post.text, post.surface);
        for (const s of SURFACES) if (s !== post.surface) decide(engine, `staff-posts/${school}/${label}/all-surfaces`, post.text, s);
        if (pupil) decide(engine, `staff-posts/${school}/${label}/to-pupil`, post.text, 'message', { name: pupil });
      }
      const people = [...(policy.pupils ?? []), ...(policy.staff ?? []), ...(policy.formerPupils ?? []), ...(policy.parents ?? [])].flatMap((x) => (x.name ? nameVariants(x.name) : []));
      contacts(engine, `staff-posts/${school}/${label}/contacts`, people);
    }
  }
}

function tweets(engine: Engine): void {
  for (const file of ['sentiment_test_text.txt', 'emotion_test_text.txt']) {
    const path = join(SHARED_DATA_DIR, 'everyday-tweets-tweeteval', file);
    for (const t of readFileSync(path, 'utf8').split('\n').filter(Boolean)) decide(engine, 'tweets', t, 'post');
  }
}

function davidson(engine: Engine): void {
  const rows = Papa.parse<{ tweet: string }>(readFileSync(join(SHARED_DATA_DIR, 'offensive-davidson', 'labeled_data.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  for (const r of rows) decide(engine, 'davidson', String(r.tweet ?? ''), 'comment');
}

function reddit(engine: Engine): void {
  for (const { file, body } of REDDIT_FILES) for (const t of redditBodies(file, body)) decide(engine, 'reddit', t, 'post');
}

function benchPosts(): void {
  for (const [label, policy] of [['plain', rosterPolicy(2150)], ['hashed', hashPolicy(rosterPolicy(2150), KEY)]] as const) {
    const engine = createEngine(policy);
    for (let i = 0; i < 300; i++) decide(engine, `bench-posts/${label}`, makePost(7919 * (i + 1)), 'post');
    const post = makePost(7919);
    for (let len = 1; len <= post.length; len += 3) decide(engine, `bench-typing/${label}`, post.slice(0, len), 'post');
    const plain = rosterPolicy(2150);
    contacts(engine, `bench-contacts/${label}`, [...plain.pupils!, ...plain.staff!].slice(0, 400).flatMap((p) => nameVariants(p.name!)));
  }
  const big = createEngine(rosterPolicy(10000));
  for (let i = 0; i < 100; i++) decide(big, 'bench-posts/10000', makePost(104729 * (i + 1)), 'post');
}

function adversarial(): void {
  const engine = createEngine(rosterPolicy(2150));
  const names = [...rosterPolicy(2150).pupils!].slice(0, 300).map((p) => p.name!);
  const texts = [
    'a'.repeat(3000),
    'ha'.repeat(2000),
    names.map((n) => `#${n.replace(/ /g, '')}@${n.toLowerCase().replace(/ /g, '_')}#${n.split(' ')[0]}'s`).join(''),
    names.map((n) => n.slice(0, 3) + n.slice(4)).join(' '),
    names.map((n) => n.replace(/ /g, '')).join(''),
    '😀🎉 é̀ ç̂ ñ 中文 العربية 👩‍🏫 '.repeat(100),
  ];
  for (const t of texts) decide(engine, 'adversarial', t, 'post');
}

function main(): void {
  const evalEngine = createEngine(evalPolicy());
  staffPosts();
  tweets(evalEngine);
  davidson(evalEngine);
  reddit(evalEngine);
  benchPosts();
  adversarial();
  let all = createHash('sha256');
  for (const [name, h] of [...digests].sort(([a], [b]) => a.localeCompare(b))) {
    const d = h.digest('hex');
    all = all.update(`${name} ${d}\n`);
    console.log(`${d.slice(0, 16)}  ${String(counts.get(name)).padStart(6)}  ${name}`);
  }
  console.log(`${all.digest('hex').slice(0, 16)}  all`);
  if (OUT) writeFileSync(OUT, lines.join('\n') + '\n');
}

main();
