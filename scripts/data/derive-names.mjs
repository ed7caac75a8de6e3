#!/usr/bin/env node
// Derives the committed name data from the shared public data sets.
//
//   node scripts/data/derive-names.mjs [path/to/shared/data]
//
// Inputs (default ../shared/data next to the repository, or $SHARED_DATA_DIR):
//   nicknames/carltonnorthern_names.csv           Apache-2.0
//   nicknames/diminutives_{male,female}.csv       Public Domain
//   names-ons-england-wales/*.csv                 OGL v3.0 (ONS)
//   surnames-uk/lastname_uk.csv                   MIT (sdglinkage)
// Outputs (committed; nothing reads /work/shared at run time):
//   assets/names/diminutives.json
//   tests/fixtures/names/given-names.csv
//   tests/fixtures/names/surnames.csv
// The ATTRIBUTION.md files next to the outputs are hand-written.
//
// Deliberately NOT used: nicknames/ons_firstname_variants.csv (spelling variants and
// foreign forms rather than diminutives; kept out to stay with the two sources agreed).

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = resolve(process.argv[2] ?? process.env.SHARED_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data'));

const MAX_GROUP = 12; // formal name + up to 11 diminutives
const GIVEN_NAMES = 600;
const SURNAMES = 600;

// Nicknames that are everyday English words, UK slang or slurs, and would make a name matcher fire
// on ordinary text ("I will…", "in May", "my nan", "Tel: 01234…"). Only nicknames are filtered; a
// formal name is never removed by this list. Judgement call: names whose name reading is at least
// as common in posts (bill, jack, bob, rob, sue, frank, penny, ray) are kept. Only entries that
// actually occurred are written to droppedCommonWords.
const COMMON_WORDS = new Set([
  // everyday words
  'will', 'may', 'art', 'pat', 'don', 'dot', 'kit', 'peg', 'hap', 'haps', 'win', 'van', 'chuck',
  'min', 'pen', 'rich', 'nick', 'sly', 'ginger', 'honey', 'doll', 'dolly', 'king', 'dob', 'hob',
  'bell', 'cis', 'law', 'day', 'court', 'curt', 'crate', 'camp', 'chip', 'chick', 'chat', 'chance',
  'flick', 'tick', 'gum', 'ham', 'hick', 'hub', 'link', 'ford', 'fall', 'falcon', 'dutch', 'moss',
  'salmon', 'lucky', 'glory', 'trace', 'than', 'tad', 'stew', 'shell', 'norm', 'max', 'mat', 'mac',
  'rod', 'reg', 'pip', 'cat', 'ant', 'con', 'bat', 'app', 'gee', 'nib', 'pate', 'jr', 'teeny',
  'nanny', 'nan', 'em', 'mo', 'bias', 'raze', 'see', 'squat', 'ode', 'den', 'tine', 'vet', 'vest',
  'west', 'wood', 'tiff', 'sim', 'tel', 'gory', 'corny', 'dotty', 'lolly', 'dicey', 'minty',
  'prissy', 'kissy', 'dunk', 'rusty', 'rocky', 'arty', 'joy', 'june', 'angel', 'clay', 'heath',
  'newt', 'nada', 'lil', 'sis', 'dobbin',
  // vulgar or derogatory slang (UK) and slurs
  'dick', 'dicky', 'fanny', 'willy', 'willie', 'titty', 'randy', 'ned', 'jock', 'biddy', 'sissy',
  'wally', 'rube', 'tory', 'jap', 'sawney', 'farmboy',
]);

// Pairs judged wrong for UK use: distinct given names in their own right, other-sex names,
// cognates/translations rather than diminutives, or one-off genealogy oddities (formal:nickname).
const EXCLUDED_PAIRS = new Set([
  'aaron:erin', 'agnes:inez', 'alexander:elsie', 'alicia:elsie', 'alyssa:al', 'amelia:emily',
  'andrea:andrew', 'andrew:randy', 'ann:jo', 'ashley:leah', 'beatrice:trisha', 'benjamin:jamie',
  'brenda:brandy', 'caroline:cassie', 'carolyn:cassie', 'catherine:casey', 'catherine:cassie',
  'katherine:cassie', 'kathleen:cassie', 'charles:chad', 'charlotte:sherry', 'claire:clara',
  'clarence:clair', 'clarence:clare', 'danielle:ellie', 'derrick:eric', 'eileen:helen', 'elena:helen',
  'ellen:helen', 'helena:eleanor', 'helena:aileen', 'helena:eileen', 'helen:ella', 'emily:emma',
  'emil:emily', 'emeline:emily', 'frederick:derick', 'frederick:erick', 'georgia:george',
  'georgina:george', 'gilbert:wilber', 'hubert:hugh', 'isaiah:zadie', 'ivan:john', 'jacob:jaap',
  'jacqueline:jack', 'jane:jean', 'jean:jane', 'jane:jessie', 'janet:jessie', 'jeanette:jessie',
  'joanna:hannah', 'john:ian', 'jonathan:john', 'jonathan:nathan', 'josephine:fina', 'julia:jill',
  'julia:jilly', 'laurence:lauren', 'lawrence:lauren', 'leonard:lineau', 'louis:louise',
  'louisa:eliza', 'louise:eliza', 'lucia:lucius', 'luke:lucas', 'marilyn:mary', 'mary:jo',
  'rosemary:marie', 'rosemary:mary', 'margaret:daisy', 'nicholas:claas', 'nicholas:claes',
  'nicholas:coll', 'nicole:cole', 'nicole:nole', 'patrick:peter', 'paul:polly', 'paula:lina',
  'rachel:shelly', 'robert:bill', 'robert:billy', 'robert:rupert', 'roger:bobby', 'sheila:cecilia',
  'shirley:lee', 'stephanie:annie', 'stephanie:steve', 'susan:hannah', 'theresa:thirza',
  'theresa:thursa', 'theresa:traci', 'theresa:tracie', 'theresa:tracy', 'veronica:franky',
  'william:bela', 'elizabeth:lilibet', 'matthew:thias', 'matthew:thys', 'otis:ode', 'otis:ote',
  ...['isabel', 'isabella', 'isabelle'].flatMap((f) => [`${f}:ib`, `${f}:nibby`, `${f}:tibbie`]),
]);

// ---------------------------------------------------------------------------------------------
// helpers

function readText(rel) {
  return readFileSync(join(dataDir, rel), 'utf8').replace(/^\uFEFF/, '');
}

/** Minimal RFC-4180 line parser (fields may be quoted; no embedded newlines in these files). */
function parseLine(line) {
  const out = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

function readCsv(rel, { header = true } = {}) {
  const lines = readText(rel).split(/\r?\n/).filter((l) => l.trim() !== '');
  const rows = lines.map(parseLine);
  if (!header) return rows;
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** Lowercase ASCII letters only, or null when the entry has spaces, digits or punctuation. */
function asciiName(s) {
  const n = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  return /^[a-z]+$/.test(n) ? n : null;
}

function csvField(s) {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function write(rel, text) {
  const p = join(repoRoot, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  console.log(`wrote ${rel} (${Buffer.byteLength(text)} bytes)`);
}

// ---------------------------------------------------------------------------------------------
// ONS given names

const onsRows = readCsv('names-ons-england-wales/ons_given_names_ew_1996_2024_by_name.csv');
const historic = readCsv('names-ons-england-wales/ons_given_names_ew_historic_top100_1904_1994.csv');

/** normalised name -> total births 1996–2024 (both sexes); historic-only names get 0 */
const knownNames = new Map();
for (const r of onsRows) {
  const n = asciiName(r.name);
  if (n) knownNames.set(n, (knownNames.get(n) ?? 0) + Number(r.births_1996_2024));
}
for (const r of historic) {
  const n = asciiName(r.name);
  if (n && !knownNames.has(n)) knownNames.set(n, 0);
}

// ---------------------------------------------------------------------------------------------
// diminutives

/** formal -> Map(nick -> { dim: bool, carlton: bool, order: number }) */
const edges = new Map();
let order = 0;
function addEdge(formal, nick, src) {
  if (!formal || !nick || formal === nick) return;
  let m = edges.get(formal);
  if (!m) edges.set(formal, (m = new Map()));
  let e = m.get(nick);
  if (!e) m.set(nick, (e = { dim: false, carlton: false, order: order++ }));
  e[src] = true;
}

const dimFormals = new Set();
const dimNickOf = new Map(); // nick -> Set(formal) from the curated Public Domain lists
for (const file of ['nicknames/diminutives_male.csv', 'nicknames/diminutives_female.csv']) {
  for (const row of readCsv(file, { header: false })) {
    const formal = asciiName(row[0]);
    if (!formal) continue;
    dimFormals.add(formal);
    for (const raw of row.slice(1)) {
      const nick = asciiName(raw);
      if (!nick) continue;
      addEdge(formal, nick, 'dim');
      if (!dimNickOf.has(nick)) dimNickOf.set(nick, new Set());
      dimNickOf.get(nick).add(formal);
    }
  }
}
for (const r of readCsv('nicknames/carltonnorthern_names.csv')) {
  if (r.relationship !== 'has_nickname') continue;
  addEdge(asciiName(r.name1), asciiName(r.name2), 'carlton');
}

/** true when `a` is the more formal of two names listed as nicknames of each other */
function moreFormal(a, b) {
  if (dimNickOf.get(b)?.has(a)) return true;
  if (dimNickOf.get(a)?.has(b)) return false;
  const an = dimNickOf.has(a), bn = dimNickOf.has(b);
  if (an !== bn) return bn;
  const af = dimFormals.has(a), bf = dimFormals.has(b);
  if (af !== bf) return af;
  if (a.length !== b.length) return a.length > b.length;
  return null; // undecided: keep both directions
}

// 1. drop reverse edges (tom -> thomas, bill -> william, harry -> henry)
for (const [a, m] of edges) {
  for (const b of [...m.keys()]) {
    if (!edges.get(b)?.has(a)) continue;
    if (moreFormal(a, b) === false) m.delete(b);
  }
}
// 2. drop groups headed by a diminutive of a longer formal name (bill, will, tom, kate, harry from
//    the genealogy list), unless the curated list itself heads a group with it (Jack, Harry, Kate…).
const droppedHeads = [];
for (const [x] of edges) {
  if (dimFormals.has(x)) continue;
  for (const [y, m] of edges) {
    if (y !== x && m.has(x) && moreFormal(y, x) === true) { droppedHeads.push(x); break; }
  }
}
for (const x of droppedHeads) edges.delete(x);

// 3. filter, rank and cap
const droppedCommon = new Set();
const excludedUsed = new Set();
const groups = [];
for (const [formal, m] of edges) {
  if (!knownNames.has(formal)) continue;
  const nicks = [];
  for (const [nick, e] of m) {
    if (nick.length < 2) continue;
    if (EXCLUDED_PAIRS.has(`${formal}:${nick}`)) { excludedUsed.add(`${formal}:${nick}`); continue; }
    if (COMMON_WORDS.has(nick)) { droppedCommon.add(nick); continue; }
    const score =
      (e.dim ? 2 : 0) + (e.carlton ? 1 : 0) +
      (knownNames.get(nick) >= 100 ? 1 : 0) +
      (nick[0] === formal[0] ? 0.5 : 0);
    nicks.push({ nick, score, order: e.order });
  }
  if (nicks.length === 0) continue;
  nicks.sort((p, q) => q.score - p.score || p.order - q.order);
  groups.push([formal, ...nicks.slice(0, MAX_GROUP - 1).map((n) => n.nick).sort()]);
}
groups.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const dimJson = {
  source:
    'carltonnorthern/nicknames names.csv (Apache-2.0) + HaJongler/diminutives.db male_diminutives.csv, ' +
    'female_diminutives.csv (Public Domain); formal names filtered by ONS given names 1996-2024 and historic ' +
    'top-100 1904-1994 (OGL v3.0). Generated by scripts/data/derive-names.mjs; see ATTRIBUTION.md.',
  droppedCommonWords: [...droppedCommon].sort(),
  groups,
};
const dimText =
  '{\n' +
  `"source":${JSON.stringify(dimJson.source)},\n` +
  `"droppedCommonWords":${JSON.stringify(dimJson.droppedCommonWords)},\n` +
  '"groups":[\n' +
  groups.map((g) => JSON.stringify(g)).join(',\n') +
  '\n]}\n';
JSON.parse(dimText); // sanity
write('assets/names/diminutives.json', dimText);
console.log(`  ${groups.length} groups, ${groups.reduce((s, g) => s + g.length, 0)} names; ` +
  `dropped ${droppedHeads.length} nickname-headed groups, ${excludedUsed.size} excluded pairs; ` +
  `common words dropped (${droppedCommon.size}): ${dimJson.droppedCommonWords.join(' ')}`);
const unusedPairs = [...EXCLUDED_PAIRS].filter((p) => !excludedUsed.has(p));
if (unusedPairs.length) console.log(`  note: excluded pairs not present: ${unusedPairs.join(' ')}`);

// ---------------------------------------------------------------------------------------------
// given-names fixture: the 600 most common name×sex rows by births 1996–2024, spelling as published

const given = onsRows
  .map((r) => ({ name: r.name, sex: r.sex, count: Number(r.births_1996_2024) }))
  .filter((r) => r.name && Number.isFinite(r.count))
  .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
  .slice(0, GIVEN_NAMES);
write('tests/fixtures/names/given-names.csv',
  'name,sex,count\n' + given.map((r) => `${csvField(r.name)},${r.sex},${r.count}`).join('\n') + '\n');
const bySex = given.reduce((a, r) => ((a[r.sex] = (a[r.sex] ?? 0) + 1), a), {});
console.log(`  given names by sex: ${JSON.stringify(bySex)}`);

// ---------------------------------------------------------------------------------------------
// surnames fixture: the source is lower-case letters only and lists 37 surnames twice (e.g. obrien,
// oneill — presumably forms that differed only in punctuation upstream), so duplicates are summed. `count` is the source's
// relative frequency expressed per million people (freq × 1,000,000, rounded).

const O_NAMES = new Set([
  'obrien', 'oneill', 'oconnor', 'odonnell', 'osullivan', 'oreilly', 'ogorman', 'okeefe', 'oleary',
  'omalley', 'odriscoll', 'ohara', 'ocallaghan', 'odonoghue', 'orourke', 'oshea', 'otoole', 'omahony',
  'oconnell', 'odowd', 'ogrady', 'ohalloran', 'okane', 'okelly', 'omeara', 'oneil', 'oriordan',
  'oflaherty', 'ogara', 'ohare', 'ohagan', 'odwyer', 'ohanlon', 'ocarroll', 'oconnel', 'ofarrell',
  'obyrne', 'odea', 'ohora', 'oloughlin', 'omara', 'oshaughnessy',
]);
function titleSurname(s) {
  if (O_NAMES.has(s)) return `O'${s[1].toUpperCase()}${s.slice(2)}`;
  if (/^mc[a-z]{2,}$/.test(s)) return `Mc${s[2].toUpperCase()}${s.slice(3)}`;
  return s[0].toUpperCase() + s.slice(1); // "Mackenzie", "Mackay", "Fitzgerald": plain title case
}
const surnameFreq = new Map();
for (const r of readCsv('surnames-uk/lastname_uk.csv')) {
  const s = r.surname.toLowerCase();
  if (!/^[a-z]+$/.test(s)) continue;
  surnameFreq.set(s, (surnameFreq.get(s) ?? 0) + Number(r.freq));
}
const surnames = [...surnameFreq]
  .map(([s, f]) => ({ surname: titleSurname(s), count: Math.round(f * 1e6) }))
  .sort((a, b) => b.count - a.count || (a.surname < b.surname ? -1 : 1))
  .slice(0, SURNAMES);
write('tests/fixtures/names/surnames.csv',
  'surname,count\n' + surnames.map((r) => `${csvField(r.surname)},${r.count}`).join('\n') + '\n');
