import { describe, expect, it } from 'vitest';
import { countEntries, fieldsSummary, flaggedInOrder, postsSummary, RULE_TITLES, type ReviewEntry } from '../../../lib/review/review-entries';
import { RULES } from '../../../lib/engine/rules/catalogue';
import { TEXT_RULE_IDS } from '../../../lib/policy/rule-ids';
import type { Finding } from '../../../lib/engine/check';

const finding = { rule: 'pupil-mention', severity: 'high', start: 0, end: 4, message: 'x', clause: { text: '', bySchool: false }, advice: '' } as Finding;
const entry = (kind: ReviewEntry['kind'], order: number, flagged: boolean): ReviewEntry => ({
  key: `${kind}${order}`,
  kind,
  label: kind === 'post' ? 'Post' : 'Bio',
  text: 't',
  findings: flagged ? [finding] : [],
  isPublic: true,
  order,
});

describe('Review my profile: counts and words', () => {
  it('counts posts and fields apart and says how many of the posts checked so far may break the policy', () => {
    const entries = [entry('field', 0, true), entry('post', 1, false), ...Array.from({ length: 38 }, (_, i) => entry('post', i + 2, i < 7)), entry('field', 50, false)];
    const counts = countEntries(entries);
    expect(counts).toEqual({ posts: 39, flaggedPosts: 7, fields: 2, flaggedFields: 1 });
    expect(postsSummary(counts)).toBe('7 of the 39 posts checked so far may break your school’s policy.');
    expect(fieldsSummary(counts)).toBe('1 of the 2 profile fields shown may break it too.');
  });

  it('has words for none, one and nothing found yet', () => {
    expect(postsSummary({ posts: 0, flaggedPosts: 0, fields: 0, flaggedFields: 0 })).toMatch(/^No posts found on the page yet/);
    expect(postsSummary({ posts: 1, flaggedPosts: 1, fields: 0, flaggedFields: 0 })).toBe('The 1 post checked so far may break your school’s policy.');
    expect(postsSummary({ posts: 1200, flaggedPosts: 0, fields: 0, flaggedFields: 0 })).toBe('None of the 1,200 posts checked so far breaks your school’s policy.');
    expect(fieldsSummary({ posts: 0, flaggedPosts: 0, fields: 1, flaggedFields: 0 })).toBe('The profile field shown looks fine.');
  });

  it('lists flagged fields first, then flagged posts in the order they are on the page', () => {
    const list = flaggedInOrder([entry('post', 5, true), entry('post', 2, true), entry('field', 9, true), entry('post', 3, false)]);
    expect(list.map((e) => e.key)).toEqual(['field9', 'post2', 'post5']);
  });

  it('shows the rules by the catalogue’s titles', () => {
    expect(RULE_TITLES).toEqual(Object.fromEntries(TEXT_RULE_IDS.map((id) => [id, RULES[id].title])));
  });
});
