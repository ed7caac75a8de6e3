/**
 * Evaluation (not a test): the engine on real public text nobody on the team wrote, in one report.
 *
 *   npm run eval:real [-- --json]
 *   SHARED_DATA_DIR=/path/to/data npm run eval:real
 *
 * - Everyday tweets (scripts/eval/everyday-tweets.ts, run as it is): the name-rule rate, and hits per
 *   1,000 tweets for school-life and confidential, with the 240-pupil evaluation roster.
 * - Davidson et al. (scripts/eval/offensive-davidson.ts, run as it is): derogatory recall on hate +
 *   offensive and the false-alarm rate on "neither".
 * - r/teaching (../shared/data/teacher-reddit/): the share of posts whose body is over 80 characters
 *   that the engine ties to the job (school-life, colleague-mention or confidential), on the 2023
 *   collection (2,791 posts: the figure issue 10 quotes) and on the 2017–18 one, with the same policy.
 *
 * Targets (issue 10) are printed beside the figures; nothing is asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { createEngine, rulesBroken } from '../../lib/engine/check';
import type { TextRuleId } from '../../lib/policy/rule-ids';
import { evalPolicy, REPO_ROOT, SHARED_DATA_DIR, topCounts } from './everyday-tweets';

const JOB_RULES: TextRuleId[] = ['school-life', 'colleague-mention', 'confidential'];
const MIN_CHARS = 80;

export const REDDIT_FILES = [
  { file: 'r_teaching_collected_2023_posts.csv', body: 'self_text', label: 'r/teaching 2023' },
  { file: 'r_teaching_2017_2018_posts.csv', body: 'selftext', label: 'r/teaching 2017–18' },
] as const;

/** Bodies of r/teaching posts over 80 characters ([deleted] and [removed] are not bodies). */
export function redditBodies(file: string, column: string): string[] {
  const path = join(SHARED_DATA_DIR, 'teacher-reddit', file);
  if (!existsSync(path)) throw new Error(`No corpus at ${path}. Set SHARED_DATA_DIR to the shared data folder.`);
  const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows.map((r) => (r[column] ?? '').trim()).filter((b) => b.length > MIN_CHARS && b !== '[deleted]' && b !== '[removed]');
}

interface RedditFigures {
  label: string;
  posts: number;
  tied: number;
  share: number;
  byRule: Record<string, number>;
  topSpans: [string, number][];
}

function redditFigures(): RedditFigures[] {
  const engine = createEngine(evalPolicy());
  return REDDIT_FILES.map(({ file, body, label }) => {
    const posts = redditBodies(file, body);
    const byRule: Record<string, number> = Object.fromEntries(JOB_RULES.map((r) => [r, 0]));
    const spans = new Map<string, number>();
    let tied = 0;
    for (const text of posts) {
      const findings = engine.check(text, { surface: 'post' }).filter((f) => [f.rule, ...(f.also ?? [])].some((r) => JOB_RULES.includes(r)));
      if (!findings.length) continue;
      tied++;
      for (const r of rulesBroken(findings)) if (JOB_RULES.includes(r)) byRule[r]++;
      for (const f of findings) {
        const s = text.slice(f.start, f.end).replace(/\s+/g, ' ').toLowerCase();
        spans.set(s, (spans.get(s) ?? 0) + 1);
      }
    }
    return { label, posts: posts.length, tied, share: posts.length ? tied / posts.length : 0, byRule, topSpans: topCounts(spans, 12) };
  });
}

/** Runs one of the existing evaluation scripts with --json and reads its summary. */
function runScript<T>(script: string): T {
  const tsx = resolve(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const out = execFileSync(tsx, [join(REPO_ROOT, 'scripts', 'eval', script), '--json'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SHARED_DATA_DIR },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

interface TweetsSummary {
  totalTweets: number;
  nameRuleFlagged: number;
  byRule: Record<TextRuleId, { tweets: number; topSpans: [string, number][] }>;
}

interface DavidsonSummary {
  recallHateOrOffensive: number;
  falseAlarmRateNeither: number;
  recallHate: number;
  recallOffensive: number;
  topFalseAlarmSpans: [string, number][];
}

function main(): void {
  const json = process.argv.includes('--json');
  const tweets = runScript<TweetsSummary>('everyday-tweets.ts');
  const davidson = runScript<DavidsonSummary>('offensive-davidson.ts');
  const reddit = redditFigures();

  const perThousand = (n: number) => Math.round((n / tweets.totalTweets) * 1000 * 100) / 100;
  const report = {
    everydayTweets: {
      tweets: tweets.totalTweets,
      nameRulePerThousand: perThousand(tweets.nameRuleFlagged),
      schoolLifePerThousand: perThousand(tweets.byRule['school-life'].tweets),
      confidentialPerThousand: perThousand(tweets.byRule.confidential.tweets),
      schoolLifeTopSpans: tweets.byRule['school-life'].topSpans,
      confidentialTopSpans: tweets.byRule.confidential.topSpans,
    },
    davidson: {
      recall: davidson.recallHateOrOffensive,
      recallHate: davidson.recallHate,
      recallOffensive: davidson.recallOffensive,
      falseAlarmRate: davidson.falseAlarmRateNeither,
      topFalseAlarmSpans: davidson.topFalseAlarmSpans,
    },
    reddit: reddit.map((r) => ({ ...r, share: Math.round(r.share * 1000) / 1000 })),
  };
  if (json) {
    process.stdout.write(JSON.stringify(report) + '\n');
    return;
  }

  const e = report.everydayTweets;
  const d = report.davidson;
  const mark = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  const out: string[] = [];
  out.push('Real data (issue 10 targets beside each figure)');
  out.push('');
  out.push(`Everyday tweets (TweetEval, ${e.tweets} tweets, 240-pupil roster), hits per 1,000 tweets`);
  out.push(`  name rules (pupil/colleague)   ${e.nameRulePerThousand.toFixed(2).padStart(7)}   target ≤ 2     ${mark(e.nameRulePerThousand <= 2)}`);
  out.push(`  school-life                    ${e.schoolLifePerThousand.toFixed(2).padStart(7)}   target ≤ 10    ${mark(e.schoolLifePerThousand <= 10)}   ${e.schoolLifeTopSpans.slice(0, 6).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  out.push(`  confidential                   ${e.confidentialPerThousand.toFixed(2).padStart(7)}   target ≤ 10    ${mark(e.confidentialPerThousand <= 10)}   ${e.confidentialTopSpans.slice(0, 6).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  out.push(`  school-life + confidential     ${(e.schoolLifePerThousand + e.confidentialPerThousand).toFixed(2).padStart(7)}   (at most; a tweet may have both)`);
  out.push('');
  out.push('Davidson et al. 2017 (derogatory)');
  out.push(`  recall, hate + offensive       ${(d.recall * 100).toFixed(1).padStart(6)} %  target ≥ 85 %  ${mark(d.recall >= 0.85)}   (hate ${(d.recallHate * 100).toFixed(1)} %, offensive ${(d.recallOffensive * 100).toFixed(1)} %)`);
  out.push(`  false alarms on "neither"      ${(d.falseAlarmRate * 100).toFixed(1).padStart(6)} %  target ≤ 8 %   ${mark(d.falseAlarmRate <= 0.08)}   ${d.topFalseAlarmSpans.slice(0, 6).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  out.push('');
  out.push(`r/teaching posts over ${MIN_CHARS} characters tied to the job (${JOB_RULES.join(', ')})`);
  for (const r of report.reddit) {
    out.push(`  ${r.label.padEnd(20)} ${String(r.tied).padStart(5)} / ${String(r.posts).padEnd(5)} ${(r.share * 100).toFixed(1).padStart(6)} %  target ≥ 60 %  ${mark(r.share >= 0.6)}   by rule: ${Object.entries(r.byRule).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    out.push(`      most common evidence: ${r.topSpans.slice(0, 10).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
