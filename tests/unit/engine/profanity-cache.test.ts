/**
 * Profanity is cached per word; a check must find the same words whatever was checked before it,
 * also when its new words make the cache start again (this used to lose words seen earlier).
 */
import { describe, expect, it } from 'vitest';
import { findProfanity } from '../../../lib/engine/detectors/profanity';

describe('profanity cache', () => {
  it('still finds a word seen before when the same check fills the cache', () => {
    expect(findProfanity('what the fuck')).toHaveLength(1); // "fuck" is now cached
    const fresh = Array.from({ length: 50_001 }, (_, i) => `zq${i}`).join(' ');
    const text = `${fresh} fuck`;
    const found = findProfanity(text).map((s) => text.slice(s.start, s.end));
    expect(found).toEqual(['fuck']);
  }, 60_000);
});
