/**
 * The incremental check (lib/engine/incremental.ts) reads only the pieces of a text it has not seen
 * before; what the person sees must not change: every finding, its words, message and highlight,
 * and what the false-match answers rely on, exactly as a full check gives them, after any edit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../../lib/engine/analysis';
import { createEngine, type CheckOptions, type Engine } from '../../../lib/engine/check';
import { findProfanity } from '../../../lib/engine/detectors/profanity';
import { findThreats } from '../../../lib/engine/rules/derogatory';
import { AnalysisCache, MAX_CHARS, MAX_ENTRIES } from '../../../lib/engine/incremental';
import { lineCuts, tokenise } from '../../../lib/engine/tokenise';
import { SURFACES } from '../../../lib/policy/rule-ids';
import { makePost, rosterPolicy } from '../../bench/engine-fixtures';
import { bothRosterForms, loadFixturePolicy } from '../helpers';

const bench = createEngine(rosterPolicy(2150));
const [[, school], [, hashed]] = bothRosterForms();

/** Lines from realistic posts (the benchmark's, naming people on its roster) and from the school fixture's world. */
const benchLines = Array.from({ length: 12 }, (_, i) => makePost(104729 * (i + 1), 600).split(/(?<=[.!?])\s+|\n/)).flat();
const schoolLines = [
  'So proud of Jack Smith in assembly today!',
  'Mrs Jones is off again, parents\u2019 evening is going to be fun',
  "Year 6 teacher at St Example's",
  'Text me on 07400 123456 about the car',
  'ring me on',
  '07700 900123',
  'oh seven seven oh oh,',
  'nine oh oh one two three',
  'Olivia O\u2019Brien and Thomas Wrihgt were brilliant',
  'J',
  'Smith',
  'A.',
  'jack s',
  'Thomass',
  'Wright',
  'Mr',
  'Okafor',
  'my class were a nightmare, one of them has an EHCP and a safeguarding disclosure',
  'fuck!!',
  'absolute bellend',
  "I'll flatten him",
  'The head said SEPS is getting Ofsted next week #StExampleFamily',
  'our Evie',
  "Lily's school",
  'we live at 14 Cedar Road LS6 2AB',
  'my password is Sunflower22',
  'Muhammad',
  'Hussain',
  'e\u0301',
  '😀',
  '#JackSmith @jack_smith',
];
const piece = fc.oneof(
  fc.constantFrom(...benchLines, ...schoolLines),
  fc.constantFrom('\n', '\n\n', '\r\n', ' ', '. ', '!', '\u2028', '  \n  ', '-', "'", '\u0301', '#', '@'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const post = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

/** An edit somewhere in the text: typing, deleting, pasting, or a line break put in or taken out. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.oneof(piece, fc.constantFrom('', 'a', ' ', '\n')) });
function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** What the rules read of an analysis, job evidence (offsets the warning points at) included. */
function seen(a: Analysis) {
  const { tokens, terms, names, aboutSchool, aboutFamily, workplace, contacts } = a;
  const { score, tied, asParent, evidence } = a.job;
  return { tokens, terms, names, aboutSchool, aboutFamily, workplace, contacts, job: { score, tied, asParent, evidence }, profanity: a.profanity ?? findProfanity(a.text), threats: a.threats ?? findThreats(a.tokens) };
}

function sameAsFull(engine: Engine, cache: AnalysisCache, text: string, options: CheckOptions): void {
  // Full check first: the incremental one must not lean on anything the full one left behind.
  const full = engine.inspect(text, options);
  const incremental = engine.inspect(text, options, cache);
  expect(incremental, JSON.stringify(text)).toStrictEqual(full);
  expect(seen(cache.analyse(engine.compiled, text, options.surface)), JSON.stringify(text)).toStrictEqual(seen(analyse(engine.compiled, text, options.surface)));
}

describe('incremental check', () => {
  it('gives exactly the findings of a full check after every edit of a realistic post', () => {
    const caches = new Map<Engine, AnalysisCache>([[bench, new AnalysisCache()], [school, new AnalysisCache()], [hashed, new AnalysisCache()]]);
    fc.assert(
      fc.property(post, fc.array(edit, { maxLength: 25 }), fc.constantFrom(bench, school, hashed), fc.constantFrom(...SURFACES), (start, edits, engine, surface) => {
        const cache = caches.get(engine)!;
        let text = start;
        sameAsFull(engine, cache, text, { surface });
        for (const e of edits) {
          text = applyEdit(text, e);
          sameAsFull(engine, cache, text, { surface });
        }
      }),
      { numRuns: 250 },
    );
  });

  it('gives exactly the findings of a full check while a long post is typed, at the end and in the middle', () => {
    const cache = new AnalysisCache();
    const long = makePost(7, 6000);
    for (let len = 0; len <= long.length; len += 37) sameAsFull(bench, cache, long.slice(0, len), { surface: 'post' });
    // Typing into the middle: every later piece moves along.
    let text = long;
    const typed = ' Well done Jack Smith and Mrs Jones, my class loved it.\n';
    for (let i = 0; i < typed.length; i++) {
      const at = 3000 + i;
      text = text.slice(0, at) + typed[i] + text.slice(at);
      sameAsFull(bench, cache, text, { surface: 'post' });
    }
  });

  it('gives exactly the findings of a full check after every edit of a long paragraph (cut at its sentences)', () => {
    // One line of sentences, some ending inside a name, a title, a school's name, a threat or a cue:
    // a cut there would change what is found, so it must not be made.
    const seams = ['Mr. Okafor', 'Mrs. Jones', "St. Example's", "I'll. flatten him", "Lily's. school", 'our. Evie', 'Jack. Smith', 'J. Smith', 'Thomas. Wright', 'Year 6. class', 'fuck!! off', '07700. 900123', 'e\u0301. Smith', '#JackSmith. @jack_smith'];
    const sentence = fc.oneof(
      fc.constantFrom(...benchLines, ...schoolLines).map((l) => l.replace(/\n/g, ' ')),
      fc.constantFrom(...seams),
    );
    const end = fc.constantFrom('. ', '! ', '? ', '\u2026 ', '.. ', '.\u00a0', '.\t', ' ', ', ');
    const paragraph = fc.array(fc.tuple(sentence, end), { minLength: 30, maxLength: 60 }).map((parts) => parts.map(([a, b]) => a + b).join(''));
    const cache = new AnalysisCache();
    fc.assert(
      fc.property(paragraph, fc.array(edit, { maxLength: 12 }), fc.constantFrom(bench, school), (start, edits, engine) => {
        let text = start;
        sameAsFull(engine, cache, text, { surface: 'post' });
        for (const e of edits) {
          text = applyEdit(text, e);
          sameAsFull(engine, cache, text, { surface: 'post' });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reads only the last sentences again when typing at the end of a long paragraph', () => {
    const cache = new AnalysisCache();
    const paragraph = makePost(11, 10000).replace(/\n+/g, ' ');
    bench.inspect(paragraph, { surface: 'post' }, cache);
    expect(cache.size.lastRead).toBe(paragraph.length);
    for (const typed of ['x', 'xy', 'xy z']) {
      sameAsFull(bench, cache, `${paragraph}${typed}`, { surface: 'post' });
      // The piece being typed in: at most a piece's length and the sentence that ends it, not 10,000.
      expect(cache.size.lastRead).toBeLessThan(1000);
    }
  });

  it('is exact when the same line appears more than once in a post', () => {
    const cache = new AnalysisCache();
    // Pieces run from the end of one line's last word to the end of the next line's: "\n<line>" twice.
    const line = 'Thank you Mrs Jones for covering my class, Jack Smith was a star';
    for (const text of [`Hi\n${line}\n${line}`, `${line}\n${line}\n${line}`, `${line}\n\n${line}\nfuck!!\n${line}\n\n${line}`]) sameAsFull(school, cache, text, { surface: 'post' });
  });

  it('names the pupil across pieces exactly as a full check does ("Jack\\njackk s")', () => {
    // A misspelt first name is only looked up next to another roster word, across a line break too.
    const cache = new AnalysisCache();
    for (const text of ['Olivia\njackk s and', 'Thomas\nWrihgt', 'J\nSmith', 'A.\nSmith', 'Mr\nOkafor', 'Mary-Jane Smiht\nJack']) {
      sameAsFull(school, cache, text, { surface: 'post' });
      sameAsFull(school, cache, `${text} more`, { surface: 'post' });
    }
  });

  it('re-reads only the piece that changed when typing at the end', () => {
    const cache = new AnalysisCache();
    const long = makePost(11, 10000);
    bench.inspect(long, { surface: 'post' }, cache);
    const before = cache.size.pieces;
    bench.inspect(`${long}x`, { surface: 'post' }, cache);
    // One new piece (the last, with the letter typed) and nothing else.
    expect(cache.size.pieces).toBe(Math.min(MAX_ENTRIES, before + 1));
  });

  it('stays within its bounds however much is typed', () => {
    const cache = new AnalysisCache();
    for (let i = 0; i < 40; i++) bench.inspect(makePost(1000 + i, 4000), { surface: 'post' }, cache);
    const { pieces, lines } = cache.size;
    expect(Math.max(pieces, lines)).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(MAX_CHARS).toBeGreaterThan(10000); // a 10,000-character post fits
  });

  it('starts again when the policy changes', () => {
    const cache = new AnalysisCache();
    const text = 'So proud of Jack Smith today\nand of Mrs Jones';
    const other = createEngine({ ...loadFixturePolicy(), pupils: [] });
    sameAsFull(school, cache, text, { surface: 'post' });
    sameAsFull(other, cache, text, { surface: 'post' });
    expect(other.inspect(text, { surface: 'post' }, cache).findings.some((f) => f.rule === 'pupil-mention')).toBe(false);
  });
});

describe('line cuts', () => {
  it('cut a text into pieces that tokenise on their own exactly as in the whole text', () => {
    fc.assert(
      fc.property(post, (text) => {
        const whole = tokenise(text);
        const cuts = lineCuts(text);
        const starts = [0, ...cuts];
        const joined = starts.flatMap((s, k) => tokenise(text.slice(s, starts[k + 1] ?? text.length)).map((t) => ({ ...t, start: t.start + s, end: t.end + s })));
        expect(joined).toStrictEqual(whole);
        // Each cut is at the end of a token followed by a line break before the next one.
        for (const c of cuts) expect(whole.some((t, i) => t.end === c && (whole[i + 1] === undefined || whole[i + 1].newlineBefore))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
