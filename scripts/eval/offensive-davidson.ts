/**
 * Evaluation (not a test): the derogatory rule on Davidson et al. (2017), 24,783 tweets labelled
 * hate speech / offensive / neither by majority vote. Reads labeled_data.csv from the shared data
 * folder at run time (never copied here) and reports the rule's recall on hate, on offensive and
 * on both, its false-alarm rate on "neither", the severity split, and a few missed and false-alarm
 * examples (cut short: the corpus contains slurs).
 *
 *   npx tsx scripts/eval/offensive-davidson.ts [--json]
 *   SHARED_DATA_DIR=/path/to/data npx tsx scripts/eval/offensive-davidson.ts
 *
 * Tweets are checked as posts against the same school policy as scripts/eval/everyday-tweets.ts.
 * HTML entities left in the source (&amp;, &#8220;) are decoded first, as a browser would show them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createEngine, rulesBroken, type Finding } from '../../lib/engine/check';
import { evalPolicy, pct, rate, SHARED_DATA_DIR, showSpan, spread, topCounts } from './everyday-tweets';

const CORPUS = join(SHARED_DATA_DIR, 'offensive-davidson', 'labeled_data.csv');
const CLASSES = ['hate', 'offensive', 'neither'] as const;
type Class = (typeof CLASSES)[number];
const EXAMPLES = 8;
const EXAMPLE_WIDTH = 110;

interface Row {
  class: number;
  tweet: string;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

function cut(s: string, width = EXAMPLE_WIDTH): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}

interface ClassStats {
  tweets: number;
  flagged: number;
  high: number;
  medium: number;
  low: number;
  anyRule: number;
  otherRules: Record<string, number>;
}

function main(): void {
  const json = process.argv.includes('--json');
  if (!existsSync(CORPUS)) {
    process.stderr.write(`No corpus at ${CORPUS}. Set SHARED_DATA_DIR to the shared data folder.\n`);
    process.exit(2);
  }
  const parsed = Papa.parse<Row>(readFileSync(CORPUS, 'utf8'), { header: true, skipEmptyLines: true, dynamicTyping: true });
  const engine = createEngine(evalPolicy());

  const stats = Object.fromEntries(
    CLASSES.map((c) => [c, { tweets: 0, flagged: 0, high: 0, medium: 0, low: 0, anyRule: 0, otherRules: {} }]),
  ) as Record<Class, ClassStats>;
  const missed: Record<'hate' | 'offensive', string[]> = { hate: [], offensive: [] };
  const falseAlarms: { text: string; f: Finding }[] = [];
  const falseAlarmSpans = new Map<string, number>();
  const hitSpans = new Map<string, number>();
  let skipped = 0;

  for (const row of parsed.data) {
    const cls = CLASSES[row.class];
    if (!cls || typeof row.tweet !== 'string') {
      skipped++;
      continue;
    }
    const text = decodeEntities(row.tweet);
    const findings = engine.check(text, { surface: 'post' });
    const s = stats[cls];
    s.tweets++;
    if (findings.length) s.anyRule++;
    for (const r of rulesBroken(findings)) if (r !== 'derogatory') s.otherRules[r] = (s.otherRules[r] ?? 0) + 1;
    const derog = findings.filter((f) => f.rule === 'derogatory');
    if (derog.length === 0) {
      if (cls !== 'neither') missed[cls].push(text);
      continue;
    }
    s.flagged++;
    s[derog.some((f) => f.severity === 'high') ? 'high' : derog.some((f) => f.severity === 'medium') ? 'medium' : 'low']++;
    for (const f of derog) {
      const span = text.slice(f.start, f.end).toLowerCase();
      const counts = cls === 'neither' ? falseAlarmSpans : hitSpans;
      counts.set(span, (counts.get(span) ?? 0) + 1);
    }
    if (cls === 'neither') falseAlarms.push({ text, f: derog[0] });
  }

  const positives = stats.hate.tweets + stats.offensive.tweets;
  const positivesFlagged = stats.hate.flagged + stats.offensive.flagged;
  const perClass = Object.fromEntries(
    CLASSES.map((c) => {
      const s = stats[c];
      return [c, { tweets: s.tweets, flagged: s.flagged, rate: rate(s.flagged, s.tweets), severity: { high: s.high, medium: s.medium, low: s.low }, anyRuleFlagged: s.anyRule, otherRules: s.otherRules }];
    }),
  );
  const summary = {
    corpus: 'offensive-davidson',
    totalTweets: stats.hate.tweets + stats.offensive.tweets + stats.neither.tweets,
    skippedRows: skipped,
    recallHate: rate(stats.hate.flagged, stats.hate.tweets),
    recallOffensive: rate(stats.offensive.flagged, stats.offensive.tweets),
    recallHateOrOffensive: rate(positivesFlagged, positives),
    falseAlarmRateNeither: rate(stats.neither.flagged, stats.neither.tweets),
    precision: rate(positivesFlagged, positivesFlagged + stats.neither.flagged),
    perClass,
    topFlaggedSpans: topCounts(hitSpans, 15),
    topFalseAlarmSpans: topCounts(falseAlarmSpans, 15),
    examples: {
      missedHate: spread(missed.hate, EXAMPLES).map((t) => cut(t)),
      missedOffensive: spread(missed.offensive, EXAMPLES).map((t) => cut(t)),
      falseAlarms: spread(falseAlarms, EXAMPLES).map((x) => showSpan(x.text, x.f.start, x.f.end, EXAMPLE_WIDTH)),
    },
  };

  if (json) {
    process.stdout.write(JSON.stringify(summary) + '\n');
    return;
  }

  const out: string[] = [];
  out.push(`Derogatory rule on Davidson et al. 2017 (${CORPUS}); surface "post", Oakfield policy.`);
  out.push('Content warning: examples below contain slurs and profanity; they are cut short.');
  out.push('');
  out.push(`Tweets: ${summary.totalTweets} (hate ${stats.hate.tweets}, offensive ${stats.offensive.tweets}, neither ${stats.neither.tweets})${skipped ? `; ${skipped} rows skipped` : ''}`);
  out.push(`Recall on hate:                 ${stats.hate.flagged}/${stats.hate.tweets}  ${pct(stats.hate.flagged, stats.hate.tweets)}`);
  out.push(`Recall on offensive:            ${stats.offensive.flagged}/${stats.offensive.tweets}  ${pct(stats.offensive.flagged, stats.offensive.tweets)}`);
  out.push(`Recall on hate + offensive:     ${positivesFlagged}/${positives}  ${pct(positivesFlagged, positives)}`);
  out.push(`False alarms on neither:        ${stats.neither.flagged}/${stats.neither.tweets}  ${pct(stats.neither.flagged, stats.neither.tweets)}`);
  out.push(`Precision (hate+off vs neither): ${pct(positivesFlagged, positivesFlagged + stats.neither.flagged)}  (corpus is 83% positive; not a deployment precision)`);
  out.push('');
  out.push('Severity of flagged tweets (highest derogatory finding):');
  for (const c of CLASSES) {
    const s = stats[c];
    out.push(`  ${c.padEnd(10)} high ${s.high} (${pct(s.high, s.flagged)}), medium ${s.medium} (${pct(s.medium, s.flagged)}), low ${s.low}`);
  }
  out.push('');
  out.push('Other rules firing (tweets):');
  for (const c of CLASSES) {
    const other = Object.entries(stats[c].otherRules).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
    out.push(`  ${c.padEnd(10)} ${other || 'none'}`);
  }
  out.push('');
  out.push(`Most common flagged words (hate+offensive): ${summary.topFlaggedSpans.map(([s, n]) => `${cut(s, 20)} ${n}`).join(', ')}`);
  out.push(`Most common false-alarm words (neither):    ${summary.topFalseAlarmSpans.map(([s, n]) => `${cut(s, 20)} ${n}`).join(', ')}`);
  out.push('');
  out.push(`Missed, hate (${missed.hate.length}):`);
  for (const t of summary.examples.missedHate) out.push(`  ${t}`);
  out.push(`Missed, offensive (${missed.offensive.length}):`);
  for (const t of summary.examples.missedOffensive) out.push(`  ${t}`);
  out.push(`False alarms, neither (${falseAlarms.length}; first derogatory finding in [brackets]):`);
  for (const t of summary.examples.falseAlarms) out.push(`  ${t}`);
  process.stdout.write(out.join('\n') + '\n');
}

main();
