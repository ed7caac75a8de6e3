/**
 * Every user-facing string against the wording style sheet (docs/wording.md): no straight quotes or
 * apostrophes, British spelling of the common words, no developers' words.
 *
 * Two sources: (1) the strings written in the code people read the output of (components, the
 * options and popup logic, the in-page runtime's announcements, the roster importer's messages),
 * found with the TypeScript parser; (2) what the engine and the card actually say for sample posts
 * on every rule and surface (so words written elsewhere, such as the rules' messages, are checked as
 * shown).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ANSWER_SCOPES } from '../../lib/background/answer-scope';
import { anywayWords, answerWords, holdWords, NOT_A_MATCH_LABEL, officialNoteWords } from '../../components/card-words';
import { createEngine } from '../../lib/engine/check';
import { typeset } from '../../lib/engine/typeset';
import { RULES } from '../../lib/engine/rules/catalogue';
import { SURFACES, type RuleId } from '../../lib/policy/rule-ids';
import type { Policy } from '../../lib/policy/schema';
import { importRoster } from '../../lib/roster-import/import-roster';
import { describeIssues } from '../../lib/settings/issue-words';

const ROOT = join(import.meta.dirname, '..', '..');

// ---- the style sheet -------------------------------------------------------------------------

function table(heading: string): [string, string][] {
  const doc = readFileSync(join(ROOT, 'docs', 'wording.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`docs/wording.md has no "## ${heading}" section`);
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| not |'))
    .map((l) => l.split('|').slice(1, 3).map((c) => c.trim()) as [string, string]);
}

const SPELLING = table('British spelling');
const AVOID = table('Words to avoid');

const wordPattern = (w: string) => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\p{L}])`, 'iu');

/** What is wrong with one string, by the style sheet; empty when nothing is. */
export function wordingProblems(text: string): string[] {
  const out: string[] = [];
  if (/'/.test(text)) out.push('a straight apostrophe or quote (\') instead of ’ or ‘ ’');
  if (/"/.test(text)) out.push('a straight double quote (") instead of “ ”');
  for (const [not, but] of SPELLING) if (wordPattern(not).test(text)) out.push(`“${not}”: write “${but}”`);
  for (const [not, but] of AVOID) if (wordPattern(not).test(text)) out.push(`“${not}”: ${but.startsWith('(') ? but.slice(1, -1) : `say “${but}”`}`);
  return out;
}

// ---- strings written in the code ---------------------------------------------------------------

/** The rules' messages and the catalogue's texts are checked as the engine shows them (typeset), below. */
const SOURCES = ['components', 'lib/settings', 'lib/runtime', 'lib/roster-import/import-roster.ts'];

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full).flatMap((f) => files(join(path, f)));
}

/** Attributes and calls whose strings are code (classes, ids, selectors, keys), not words. */
const CODE_ATTRIBUTES = new Set(['class', 'className', 'id', 'key', 'for', 'type', 'name', 'href', 'rel', 'target', 'role', 'accept', 'autocomplete', 'spellcheck', 'value', 'tabIndex', 'aria-current', 'aria-live', 'data-count', 'data-meaning', 'data-key']);
const CODE_CALLS = new Set([
  'div', 'h', 'querySelector', 'querySelectorAll', 'closest', 'matches', 'createElement', 'setAttribute', 'getAttribute', 'hasAttribute',
  'addEventListener', 'removeEventListener', 'dispatchEvent', 'RegExp', 'startsWith', 'endsWith', 'includes', 'split', 'join', 'replace',
  'mark', 'warn', 'count', 'get', 'set', 'has', 'add', 'delete', 'postMessage', 'Error', 'emulateMedia', 'toLocaleDateString', 'evaluate',
]);

function isCode(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isCaseClause(p)) return true;
    if (ts.isJsxAttribute(p)) return CODE_ATTRIBUTES.has(p.name.getText()) || p.name.getText().startsWith('data-');
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind)) return true;
    if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
    if (ts.isPropertyAssignment(p) && p.name === node) return true;
    if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      const callee = p.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      return CODE_CALLS.has(name);
    }
    if (ts.isJsxExpression(p) || ts.isVariableDeclaration(p) || ts.isReturnStatement(p) || ts.isPropertyAssignment(p)) break;
  }
  return false;
}

/** Words people read: letters and a space, and nothing that only code has. */
function looksLikeWords(text: string): boolean {
  const t = text.trim();
  return /\p{L}{2,}/u.test(t) && /\s/.test(t) && !/[{}<>=|\\[\]]|=>|^\.|^#|\bvar\(|px\b|^[a-z-]+:/.test(t) && !/^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$/.test(t);
}

interface Found {
  where: string;
  text: string;
}

function stringsIn(file: string): Found[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Found[] = [];
  const at = (n: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n)) {
      const text = n.getText().replace(/\s+/g, ' ').trim();
      if (/\p{L}/u.test(text)) found.push({ where: at(n), text });
    } else if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && !isCode(n) && looksLikeWords(n.text)) {
      found.push({ where: at(n), text: n.text });
    } else if (ts.isTemplateExpression(n) && !isCode(n)) {
      const text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('X');
      if (looksLikeWords(text)) found.push({ where: at(n), text });
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

// ---- what the engine and the card say ----------------------------------------------------------

const POLICY: Policy = {
  schoolName: 'Oakfield Primary School',
  schoolAliases: ['Oakfield', 'OPS', '@OakfieldPS', '#OakfieldFamily'],
  organisations: ['Example Learning Trust'],
  staff: [{ name: 'Sarah Jones', role: 'Headteacher' }],
  pupils: [{ name: 'Jack Smith', aliases: ['Jacko'] }, { name: 'Thomas Brown' }],
  formerPupils: [{ name: 'Amy Brown' }],
  parents: [{ name: 'Paul Smith' }],
  policyUrl: 'https://oakfield.example.sch.uk/policy',
};

const SAMPLES = [
  'Jack Smith was brilliant in the nativity, so proud of my class.',
  'Well done Jacko and J Smith and Tom Brown and Jak Smith',
  'Amy Brown came back to visit',
  'Mrs Jones is off again and the head is fuming. Ofsted are in tomorrow.',
  'Proud to work at Oakfield Primary School #OakfieldFamily with the Example Learning Trust',
  'Parents evening, then a safeguarding meeting about an EHCP and an exclusion',
  'These parents are idiots, what a f***ing day',
  'Call me on 07700 900123 or email sam@example.com, I live at 12 Mill Lane, AB1 2CD',
  'Year 6 teacher at Oakfield. Views my own.',
  'Jack, sports day was great',
];

function engineStrings(): Found[] {
  const engine = createEngine(POLICY);
  const out: Found[] = [];
  for (const text of SAMPLES) {
    for (const surface of SURFACES) {
      for (const f of engine.check(text, { surface })) {
        out.push({ where: `engine ${f.rule} message`, text: f.message }, { where: `engine ${f.rule} advice`, text: f.advice }, { where: `engine ${f.rule} clause`, text: f.clause.text });
      }
    }
  }
  for (const r of Object.values(RULES)) out.push({ where: `catalogue ${r.id}`, text: typeset(`${r.title}. ${r.clause} ${r.advice}`) });
  return out;
}

function cardStrings(): Found[] {
  const out: Found[] = [];
  for (const surface of SURFACES) out.push({ where: `hold ${surface}`, text: `${holdWords(surface)} ${anywayWords(surface)}` });
  for (const rule of Object.keys(NOT_A_MATCH_LABEL) as RuleId[]) {
    for (const scope of ANSWER_SCOPES) {
      const w = answerWords(rule, scope, "Jack O'Brien", ['boxer', 'telly']);
      out.push({ where: `answer ${rule} ${scope}`, text: `${w.label}. ${w.consequence}` });
    }
  }
  out.push({ where: 'official note', text: officialNoteWords('@OakfieldPS') });
  return out;
}

function importStrings(): Found[] {
  const bad = 'Forename,Surname,Full name\n,Begum,\nTheo,,\n,,Zak\n"A, B",C,D,E\n';
  const r = importRoster(bad, 'pupils', 'pupils.csv');
  const out: Found[] = [];
  if (r.ok) for (const s of r.skipped) out.push({ where: `import row ${s.row}`, text: `Row ${s.row} ${s.message}` });
  const none = importRoster('Colour,Size\nred,big\n', 'pupils', 'pupils.csv');
  if (!none.ok) out.push({ where: 'import no columns', text: none.error.replace(/"[^"]*"/g, '“x”') });
  return out;
}

describe('the wording style sheet (docs/wording.md)', () => {
  it('catches what it is meant to catch', () => {
    expect(wordingProblems('The author\'s color')).toEqual(expect.arrayContaining([expect.stringContaining('straight'), '“color”: write “colour”', expect.stringContaining('“the author”')]));
    expect(wordingProblems('“Jack Smith” names a pupil at your school’s club.')).toEqual([]);
  });

  it('holds for every string written in the code people read', () => {
    const strings = SOURCES.flatMap((p) => files(p)).filter((f) => /\.(tsx?|ts)$/.test(f)).flatMap(stringsIn);
    expect(strings.length).toBeGreaterThan(200);
    const bad = strings.map((s) => ({ ...s, problems: wordingProblems(s.text) })).filter((s) => s.problems.length);
    expect(bad.map((b) => `${b.where}: ${b.problems.join('; ')} — ${b.text}`)).toEqual([]);
  });

  it('holds for what the engine, the card and the importer say, on every rule and surface', () => {
    const strings = [...engineStrings(), ...cardStrings(), ...importStrings()];
    expect(new Set(strings.filter((s) => s.where.startsWith('engine')).map((s) => s.where.split(' ')[1])).size).toBe(8);
    const bad = strings.map((s) => ({ ...s, problems: wordingProblems(s.text) })).filter((s) => s.problems.length);
    expect(bad.map((b) => `${b.where}: ${b.problems.join('; ')} — ${b.text}`)).toEqual([]);
  });

  it('holds for the policy problems the popup and options page explain', () => {
    const groups = describeIssues({ source: 'personal', issues: [{ source: 'managed', issues: [{ level: 'error', path: 'pupils[3].name', message: 'x' }] }] } as never);
    const bad = groups.flatMap((g) => [g.heading, g.consequence, ...g.items.map((i) => i.where)]).filter((t) => wordingProblems(t).length);
    expect(bad).toEqual([]);
  });
});
