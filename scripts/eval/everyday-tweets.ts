/**
 * Evaluation (not a test): how often does the engine flag ordinary tweets? Reads the TweetEval
 * sentiment and emotion test splits from the shared data folder at run time (never copied here),
 * checks every tweet as a post against a realistic primary-school policy with 240 pupils of common
 * names, and prints counts per rule plus example findings so a person can judge the false alarms.
 *
 *   npx tsx scripts/eval/everyday-tweets.ts [--json]
 *   SHARED_DATA_DIR=/path/to/data npx tsx scripts/eval/everyday-tweets.ts
 *
 * Also exports the evaluation policy, which scripts/eval/offensive-davidson.ts reuses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32, readNameFixture } from '../../tests/support/name-samples';
import { createEngine, rulesBroken, type Finding } from '../../lib/engine/check';
import { TEXT_RULE_IDS, type TextRuleId } from '../../lib/policy/rule-ids';
import type { Policy } from '../../lib/policy/schema';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DATA_DIR = resolve(REPO_ROOT, process.env.SHARED_DATA_DIR ?? '../shared/data');

const CORPUS_DIR = join(SHARED_DATA_DIR, 'everyday-tweets-tweeteval');
const FILES = ['sentiment_test_text.txt', 'emotion_test_text.txt'];
const NAME_RULES: TextRuleId[] = ['pupil-mention', 'colleague-mention'];
const EXAMPLES_PER_RULE = 15;

// ---------------------------------------------------------------------------------------------
// The evaluation policy

function readNames(): { given: string[]; surnames: string[] } {
  const parse = readNameFixture;
  const given = parse<{ name: string; count: number }>('given-names.csv')
    .filter((r) => r.name)
    .sort((a, b) => b.count - a.count)
    .map((r) => String(r.name));
  const surnames = parse<{ surname: string; count: number }>('surnames.csv')
    .filter((r) => r.surname)
    .sort((a, b) => b.count - a.count)
    .map((r) => String(r.surname));
  return { given: [...new Set(given)], surnames: [...new Set(surnames)] };
}

const STAFF_ROLES = [
  'Headteacher', 'Deputy Headteacher', 'SENCO', 'Reception teacher', 'Year 1 teacher', 'Year 2 teacher',
  'Year 3 teacher', 'Year 4 teacher', 'Year 5 teacher', 'Year 6 teacher', 'Teaching assistant',
  'Teaching assistant', 'Teaching assistant', 'Teaching assistant', 'School business manager', 'Office manager',
  'Site manager', 'Midday supervisor', 'Midday supervisor', 'Cook', 'Chair of governors', 'Governor',
  'Sports coach', 'Music teacher',
];

/**
 * 240 pupils: each of the 48 most common given names with 5 of the 48 most common surnames
 * (seeded), so the roster is as common-named as a real school's can be. 24 staff from the 150
 * most common given names and surnames.
 */
export function evalPolicy(): Policy {
  const { given, surnames } = readNames();
  const rng = mulberry32(42);
  const taken = new Set<string>();
  const pupils: { name: string; aliases?: string[] }[] = [];
  for (const first of given.slice(0, 48)) {
    let added = 0;
    while (added < 5) {
      const last = surnames[Math.floor(rng() * 48)];
      const name = `${first} ${last}`;
      if (taken.has(name)) continue;
      taken.add(name);
      pupils.push({ name });
      added++;
    }
  }
  // A few listed nicknames, as schools add them.
  pupils[3].aliases = ['Josh'];
  pupils[27].aliases = ['Tommy'];
  pupils[120].aliases = ['Millie'];
  const staff = STAFF_ROLES.map((role) => {
    for (;;) {
      const name = `${given[Math.floor(rng() * 150)]} ${surnames[Math.floor(rng() * 150)]}`;
      if (taken.has(name)) continue;
      taken.add(name);
      return { name, role };
    }
  });
  return {
    schoolName: 'Oakfield Primary School',
    schoolAliases: ['Oakfield Primary', 'OPS', '@OakfieldPrimary', '#OakfieldFamily', 'oakfield.kent.sch.uk'],
    organisations: ['Northgate Learning Trust', 'Kent County Council'],
    pupils,
    staff,
    formerPupils: [],
    parents: [],
    mode: 'warn',
  };
}

// ---------------------------------------------------------------------------------------------
// Shared reporting helpers

/** The tweet on one line with the finding's span in [brackets], cut to `width` around the span. */
export function showSpan(text: string, start: number, end: number, width = 160): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const span = `[${flat(text.slice(start, end))}]`;
  const room = Math.max(20, width - span.length);
  let before = flat(text.slice(0, start));
  let after = flat(text.slice(end));
  const half = Math.floor(room / 2);
  if (before.length > half && after.length > room - half) {
    before = '…' + before.slice(before.length - half + 1);
    after = after.slice(0, room - half - 1) + '…';
  } else if (before.length > half) {
    const keep = room - after.length;
    if (before.length > keep) before = '…' + before.slice(before.length - keep + 1);
  } else if (after.length > room - before.length) {
    after = after.slice(0, room - before.length - 1) + '…';
  }
  return before + span + after;
}

export function pct(n: number, of: number): string {
  return of ? `${((100 * n) / of).toFixed(2)}%` : 'n/a';
}

export function rate(n: number, of: number): number {
  return of ? Math.round((n / of) * 1e5) / 1e5 : 0;
}

/** Spread picks across the whole list, so examples are not all from the first file. */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

export function topCounts(counts: Map<string, number>, n: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}

// ---------------------------------------------------------------------------------------------
// The evaluation

interface Flagged {
  file: string;
  line: number;
  text: string;
  finding: Finding;
}

function main(): void {
  const json = process.argv.includes('--json');
  if (!existsSync(CORPUS_DIR)) {
    process.stderr.write(`No corpus at ${CORPUS_DIR}. Set SHARED_DATA_DIR to the shared data folder.\n`);
    process.exit(2);
  }
  const engine = createEngine(evalPolicy());

  let total = 0;
  let anyFlagged = 0;
  let nameFlagged = 0;
  const perFile: Record<string, { tweets: number; nameFlagged: number; anyFlagged: number }> = {};
  const byRule = Object.fromEntries(TEXT_RULE_IDS.map((r) => [r, { tweets: 0, findings: 0, high: 0, medium: 0, low: 0 }])) as Record<
    TextRuleId,
    { tweets: number; findings: number; high: number; medium: number; low: number }
  >;
  const spans = Object.fromEntries(TEXT_RULE_IDS.map((r) => [r, new Map<string, number>()])) as Record<TextRuleId, Map<string, number>>;
  const flagged = Object.fromEntries(NAME_RULES.map((r) => [r, [] as Flagged[]])) as Record<string, Flagged[]>;
  let slowest = { ms: 0, text: '' };

  for (const file of FILES) {
    const lines = readFileSync(join(CORPUS_DIR, file), 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const stats = (perFile[file] = { tweets: 0, nameFlagged: 0, anyFlagged: 0 });
    lines.forEach((text, i) => {
      total++;
      stats.tweets++;
      const t0 = performance.now();
      const findings = engine.check(text, { surface: 'post' });
      const ms = performance.now() - t0;
      if (total > 200 && ms > slowest.ms) slowest = { ms, text }; // after the JIT has warmed up
      if (findings.length) {
        anyFlagged++;
        stats.anyFlagged++;
      }
      const rules = rulesBroken(findings);
      for (const r of rules) byRule[r].tweets++;
      for (const f of findings) {
        byRule[f.rule].findings++;
        byRule[f.rule][f.severity]++;
        const span = text.slice(f.start, f.end).replace(/\s+/g, ' ').toLowerCase();
        spans[f.rule].set(span, (spans[f.rule].get(span) ?? 0) + 1);
        if (flagged[f.rule]) flagged[f.rule].push({ file, line: i + 1, text, finding: f });
      }
      if (NAME_RULES.some((r) => rules.has(r))) {
        nameFlagged++;
        stats.nameFlagged++;
      }
    });
  }

  const examples = Object.fromEntries(
    NAME_RULES.map((r) => [
      r,
      spread(flagged[r], EXAMPLES_PER_RULE).map((f) => ({
        file: f.file,
        line: f.line,
        severity: f.finding.severity,
        span: f.text.slice(f.finding.start, f.finding.end),
        tweet: showSpan(f.text, f.finding.start, f.finding.end),
      })),
    ]),
  );

  const summary = {
    corpus: 'everyday-tweets-tweeteval',
    files: perFile,
    totalTweets: total,
    nameRuleFlagged: nameFlagged,
    nameRuleRate: rate(nameFlagged, total),
    anyRuleFlagged: anyFlagged,
    anyRuleRate: rate(anyFlagged, total),
    byRule: Object.fromEntries(
      TEXT_RULE_IDS.map((r) => [r, { ...byRule[r], rate: rate(byRule[r].tweets, total), topSpans: topCounts(spans[r], 10) }]),
    ),
    examples,
    slowestCheckMs: Math.round(slowest.ms * 1000) / 1000,
    roster: { pupils: 240, staff: STAFF_ROLES.length, schoolName: 'Oakfield Primary School' },
  };

  if (json) {
    process.stdout.write(JSON.stringify(summary) + '\n');
    return;
  }

  const out: string[] = [];
  out.push(`Everyday tweets (TweetEval sentiment + emotion test splits) from ${CORPUS_DIR}`);
  out.push(`Policy: Oakfield Primary School, 240 pupils (most common names), ${STAFF_ROLES.length} staff; surface "post".`);
  out.push('');
  out.push(`Tweets checked:              ${total}`);
  out.push(`Flagged by a name rule:      ${nameFlagged}  (${pct(nameFlagged, total)})`);
  out.push(`Flagged by any rule:         ${anyFlagged}  (${pct(anyFlagged, total)})`);
  for (const [file, s] of Object.entries(perFile)) {
    out.push(`  ${file.padEnd(26)} ${s.tweets} tweets, name rule ${s.nameFlagged} (${pct(s.nameFlagged, s.tweets)}), any rule ${s.anyFlagged} (${pct(s.anyFlagged, s.tweets)})`);
  }
  out.push('');
  out.push('By rule                     tweets     rate   findings  high/medium/low   most common matched text');
  for (const r of TEXT_RULE_IDS) {
    const b = byRule[r];
    const top = topCounts(spans[r], 6).map(([s, n]) => `${s} ${n}`).join(', ');
    out.push(`  ${r.padEnd(24)} ${String(b.tweets).padStart(6)} ${pct(b.tweets, total).padStart(8)} ${String(b.findings).padStart(9)}  ${`${b.high}/${b.medium}/${b.low}`.padEnd(15)}  ${top}`);
  }
  for (const r of NAME_RULES) {
    out.push('');
    out.push(`Examples, ${r} (${flagged[r].length} findings; ${Math.min(EXAMPLES_PER_RULE, flagged[r].length)} spread across the corpus):`);
    for (const e of examples[r]) out.push(`  ${e.file.split('_')[0]}:${e.line} ${e.severity.padEnd(6)} ${e.tweet}`);
  }
  out.push('');
  out.push(`Slowest single check (after the first 200): ${summary.slowestCheckMs} ms: ${slowest.text.replace(/\s+/g, ' ').slice(0, 120)}`);
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
