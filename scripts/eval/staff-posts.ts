/**
 * Evaluation (not a test): post-level precision and recall per text rule on a labelled corpus of staff
 * posts, in the format of `../shared/data/staff-posts-dev/<school>/` (`policy.json` and `posts.jsonl`
 * with `{"id", "surface", "text", "expect", "note"}`; see its LABELLING.md). The corpus is read where it
 * lies, never copied into the repository.
 *
 *   npm run eval:posts -- <school folder> [<school folder> …] [--json] [--quiet]
 *   npm run eval:posts                         (every school folder under ../shared/data/staff-posts-dev)
 *
 * A post counts as a true positive for a rule when the engine raises that rule anywhere in it and the
 * labels expect it; severity is not labelled and not scored. Rules the labels never use (pupil-contact,
 * school-photo, working-hours) are not scored. Lists every false negative and false positive with its
 * note, so mistakes can be studied by kind.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, type Finding } from '../../lib/engine/check';
import { SURFACES, TEXT_RULE_IDS, type Surface, type TextRuleId } from '../../lib/policy/rule-ids';
import { validatePolicy } from '../../lib/policy/validate';
import { SHARED_DATA_DIR } from './everyday-tweets';

export interface LabelledPost {
  id: string;
  surface: Surface;
  text: string;
  expect: TextRuleId[];
  note?: string;
}

export interface RuleScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Mistake {
  id: string;
  rule: TextRuleId;
  kind: 'missed' | 'false alarm';
  surface: Surface;
  note: string;
  text: string;
  /** For a false alarm: the words the engine flagged and its message. */
  found?: { words: string; message: string }[];
}

export interface SchoolReport {
  school: string;
  folder: string;
  posts: number;
  rules: Record<TextRuleId, RuleScore>;
  mistakes: Mistake[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);

function fail(message: string): never {
  process.stderr.write(`eval:posts: ${message}\n`);
  process.exit(2);
}

export function readCorpus(folder: string): { policyJson: unknown; posts: LabelledPost[] } {
  const policyPath = join(folder, 'policy.json');
  const postsPath = join(folder, 'posts.jsonl');
  if (!existsSync(policyPath) || !existsSync(postsPath)) fail(`${folder}: needs policy.json and posts.jsonl.`);
  let policyJson: unknown;
  try {
    policyJson = JSON.parse(readFileSync(policyPath, 'utf8'));
  } catch (e) {
    fail(`${policyPath}: not valid JSON: ${(e as Error).message}`);
  }
  const posts: LabelledPost[] = [];
  readFileSync(postsPath, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let row: LabelledPost;
      try {
        row = JSON.parse(line) as LabelledPost;
      } catch (e) {
        fail(`${postsPath} line ${i + 1}: not valid JSON: ${(e as Error).message}`);
      }
      if (typeof row.text !== 'string' || !Array.isArray(row.expect)) fail(`${postsPath} line ${i + 1}: needs "text" and "expect".`);
      if (!SURFACES.includes(row.surface)) fail(`${postsPath} line ${i + 1}: unknown surface ${JSON.stringify(row.surface)}.`);
      const unknown = row.expect.filter((r) => !TEXT_RULE_IDS.includes(r));
      if (unknown.length) fail(`${postsPath} line ${i + 1}: unknown rule ids ${unknown.join(', ')}.`);
      posts.push(row);
    });
  return { policyJson, posts };
}

export function evaluateSchool(folder: string): SchoolReport {
  const { policyJson, posts } = readCorpus(folder);
  const { policy, issues } = validatePolicy(policyJson);
  if (!policy) fail(`${folder}/policy.json is not a valid policy: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const engine = createEngine(policy);
  const counts = Object.fromEntries(TEXT_RULE_IDS.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<TextRuleId, { tp: number; fp: number; fn: number }>;
  const mistakes: Mistake[] = [];
  for (const post of posts) {
    const findings = engine.check(post.text, { surface: post.surface });
    const byRule = new Map<TextRuleId, Finding[]>();
    for (const f of findings) for (const rule of [f.rule, ...(f.also ?? [])]) byRule.set(rule, [...(byRule.get(rule) ?? []), f]);
    const expected = new Set(post.expect);
    for (const rule of TEXT_RULE_IDS) {
      const got = byRule.has(rule);
      const want = expected.has(rule);
      if (got && want) counts[rule].tp++;
      else if (got) {
        counts[rule].fp++;
        const found = byRule.get(rule)!.map((f) => ({ words: post.text.slice(f.start, f.end), message: f.message }));
        mistakes.push({ id: post.id, rule, kind: 'false alarm', surface: post.surface, note: post.note ?? '', text: post.text, found });
      } else if (want) {
        counts[rule].fn++;
        mistakes.push({ id: post.id, rule, kind: 'missed', surface: post.surface, note: post.note ?? '', text: post.text });
      }
    }
  }
  const rules = Object.fromEntries(
    TEXT_RULE_IDS.map((r) => {
      const c = counts[r];
      return [r, { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) }];
    }),
  ) as Record<TextRuleId, RuleScore>;
  return { school: policy.schoolName ?? basename(folder), folder, posts: posts.length, rules, mistakes };
}

function defaultFolders(): string[] {
  const root = join(SHARED_DATA_DIR, 'staff-posts-dev');
  if (!existsSync(root)) fail(`no folder given and no corpus at ${root} (set SHARED_DATA_DIR, or pass folders).`);
  return readdirSync(root)
    .map((n) => join(root, n))
    .filter((p) => statSync(p).isDirectory() && existsSync(join(p, 'posts.jsonl')));
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function printReport(reports: SchoolReport[], quiet: boolean): void {
  const out: string[] = [];
  const head = `${'rule'.padEnd(24)}${reports.map((r) => `${r.school.slice(0, 30).padStart(32)}`).join('')}`;
  out.push('Post-level precision / recall per rule (tp fp fn)');
  out.push(head);
  for (const rule of TEXT_RULE_IDS) {
    const cells = reports.map((r) => {
      const s = r.rules[rule];
      return `${s.precision.toFixed(2)} / ${s.recall.toFixed(2)}  (${s.tp} ${s.fp} ${s.fn})`.padStart(32);
    });
    out.push(`${rule.padEnd(24)}${cells.join('')}`);
  }
  out.push(`${'posts'.padEnd(24)}${reports.map((r) => String(r.posts).padStart(32)).join('')}`);
  if (!quiet) {
    for (const r of reports) {
      out.push('');
      out.push(`== ${r.school} (${r.folder}): ${r.mistakes.length} mistakes`);
      for (const rule of TEXT_RULE_IDS) {
        const ms = r.mistakes.filter((m) => m.rule === rule);
        if (!ms.length) continue;
        out.push(`-- ${rule}`);
        for (const m of ms) {
          out.push(`  ${m.kind === 'missed' ? 'MISSED     ' : 'FALSE ALARM'} ${m.id} [${m.surface}] ${flat(m.text)}`);
          if (m.note) out.push(`      note: ${m.note}`);
          for (const f of m.found ?? []) out.push(`      flagged "${flat(f.words)}": ${f.message}`);
        }
      }
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const quiet = args.includes('--quiet');
  const folders = args.filter((a) => !a.startsWith('--')).map((a) => resolve(a));
  const reports = (folders.length ? folders : defaultFolders()).map(evaluateSchool);
  if (json) process.stdout.write(JSON.stringify({ schools: reports }) + '\n');
  else printReport(reports, quiet);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
