/**
 * Property tests: on any text, including adversarial Unicode and huge inputs, and with any policy
 * (empty ones too), the engine never throws and every span lies inside the text and points at it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { hashPolicy, hashPolicyPerEntry } from '../../../lib/policy/hash-policy';
import { SURFACES } from '../../../lib/policy/rule-ids';
import { loadFixturePolicy } from '../helpers';

const school = createEngine(loadFixturePolicy());
const empty = createEngine({});

/** Text built from pieces that stress the tokeniser and matchers, mixed with arbitrary Unicode. */
const nastyPiece = fc.constantFrom(
  'Jack', 'Smith', "'s", '’s', '#', '@', '_', '-', '.', ' ', '\n', 'J.', 'Mrs', 'Ö', 'e\u0301', '\u200d', '😀', '👩‍👩‍👧', '\uD800', '\uDC00',
  'İ', 'ß', 'ﬁ', '07400', '123456', '+44', '@x.com', 'LS6 2AB', 'fuck', 'f*ck', 'sh1t', 'my class', 'EHCP', '#JackSmith', 'ＪＡＣＫ',
);
const nastyText = fc.array(fc.oneof(nastyPiece, fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));
const surface = fc.constantFrom(...SURFACES);

describe('engine properties', () => {
  it('never throws, and spans are inside the text and non-empty', () => {
    fc.assert(
      fc.property(nastyText, surface, (text, s) => {
        for (const engine of [school, empty]) {
          for (const f of engine.check(text, { surface: s })) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeLessThanOrEqual(text.length);
            expect(f.end).toBeGreaterThan(f.start);
            expect(f.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a name finding points at the name wherever it is put in any surrounding text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), (before, after) => {
        const text = `${before} Thomas Wright ${after}`;
        const hits = school.check(text, { surface: 'post' }).filter((f) => f.rule === 'pupil-mention');
        const at = before.length + 1;
        const found = hits.find((f) => f.start <= at && f.end >= at + 'Thomas Wright'.length);
        expect(found, `no finding covering the name in ${JSON.stringify(text)}`).toBeDefined();
        // The span is a whole-word run around the name, never something unrelated.
        expect(text.slice(found!.start, found!.end)).toContain('Thomas Wright');
      }),
      { numRuns: 300 },
    );
  });

  // The compact scheme policy build writes, and the first scheme (per entry) that is still read.
  for (const [scheme, hash] of [['hmac-sha256-48', hashPolicy], ['hmac-sha256-96', hashPolicyPerEntry]] as const) {
    it(`plain and hashed rosters make the same decisions on random posts (${scheme})`, () => {
      const policy = loadFixturePolicy();
      const hashedPolicy = hash(policy);
      expect(hashedPolicy.rosterHash?.scheme).toBe(scheme);
      const hashed = createEngine(hashedPolicy);
      const words = fc.constantFrom('Jack', 'Smith', 'jack_smith', '#JackSmith', 'Olivia', "O'Brien", 'Obrien', 'Olivai', 'Tom', 'Tommy', 'Wright', 'J', 'S.', 'Mrs', 'Jones', 'Sarah', 'Priya', 'Patel', 'my', 'class', 'son', 'school', 'today', 'was', 'great', 'Amy', 'Brown', 'Paul', 'Jacko', 'Kowalski', '!', ',', '\n');
      fc.assert(
        fc.property(fc.array(words, { maxLength: 14 }), (ws) => {
          const text = ws.join(' ');
          const a = school.check(text, { surface: 'post' }).map(({ rule, severity, start, end }) => ({ rule, severity, start, end }));
          const b = hashed.check(text, { surface: 'post' }).map(({ rule, severity, start, end }) => ({ rule, severity, start, end }));
          expect(b).toEqual(a);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('copes with huge inputs and empty policies without throwing', () => {
    const huge = ['a'.repeat(100_000), '#JackSmith@jack_smith'.repeat(5_000), '😀'.repeat(50_000), 'Jack '.repeat(20_000), '0'.repeat(100_000), "'".repeat(100_000)];
    for (const text of huge) {
      expect(() => school.check(text, { surface: 'post' })).not.toThrow();
      expect(() => empty.check(text, { surface: 'post' })).not.toThrow();
    }
    expect(empty.check('', { surface: 'post' })).toEqual([]);
  });

  it('finds nothing name-related with an empty policy', () => {
    expect(empty.check('Jack Smith and Mrs Jones at St Example’s', { surface: 'post' }).filter((f) => f.rule.endsWith('-mention'))).toEqual([]);
  });
});
