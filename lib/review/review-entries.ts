/**
 * "Review my profile", as data: what was found on the person's own profile page (its fields and every
 * post checked so far), grouped by post, and the words for the summary. Pure, so it is tested in Node;
 * lib/runtime/own-profile.ts reads the page and components/ReviewPanel.tsx shows it. Nothing here is
 * ever stored: closing the panel drops it.
 */
import type { Finding } from '../engine/check';

export interface ReviewEntry {
  /** The post's own link, else its text: a post the site re-renders (virtual scrolling) is counted once. */
  key: string;
  kind: 'field' | 'post';
  /** "Bio", "Name"… for fields; "Post" for posts. */
  label: string;
  text: string;
  findings: Finding[];
  /** The site's own page for the post (to edit or delete it). */
  link?: string;
  /** ISO date shown on the post, when it shows one. */
  date?: string;
  /** The page shows its audience as public. */
  isPublic: boolean;
  /** Order in which it was found on the page. */
  order: number;
}

export interface ReviewCounts {
  posts: number;
  flaggedPosts: number;
  fields: number;
  flaggedFields: number;
}

export function countEntries(entries: Iterable<ReviewEntry>): ReviewCounts {
  const counts: ReviewCounts = { posts: 0, flaggedPosts: 0, fields: 0, flaggedFields: 0 };
  for (const e of entries) {
    const flagged = e.findings.length > 0;
    if (e.kind === 'post') {
      counts.posts++;
      if (flagged) counts.flaggedPosts++;
    } else {
      counts.fields++;
      if (flagged) counts.flaggedFields++;
    }
  }
  return counts;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "7 of the 40 posts checked so far may break your school’s policy." */
export function postsSummary(c: ReviewCounts): string {
  if (!c.posts) return 'No posts found on the page yet. Scroll down to load them: each one is checked as it appears.';
  if (c.posts === 1) return c.flaggedPosts ? 'The 1 post checked so far may break your school’s policy.' : 'The 1 post checked so far looks fine.';
  return c.flaggedPosts
    ? `${c.flaggedPosts.toLocaleString('en-GB')} of the ${plural(c.posts, 'post', 'posts')} checked so far may break your school’s policy.`
    : `None of the ${plural(c.posts, 'post', 'posts')} checked so far breaks your school’s policy.`;
}

export function fieldsSummary(c: ReviewCounts): string {
  if (!c.fields) return 'No profile fields found on the page.';
  return c.flaggedFields
    ? `${c.flaggedFields} of the ${plural(c.fields, 'profile field', 'profile fields')} shown may break it too.`
    : c.fields === 1
      ? 'The profile field shown looks fine.'
      : `The ${plural(c.fields, 'profile field', 'profile fields')} shown look fine.`;
}

/** What the panel lists: flagged fields first, then flagged posts in page order. */
export function flaggedInOrder(entries: Iterable<ReviewEntry>): ReviewEntry[] {
  return [...entries].filter((e) => e.findings.length).sort((a, b) => (a.kind === b.kind ? a.order - b.order : a.kind === 'field' ? -1 : 1));
}

/**
 * The text rules' titles, as in lib/engine/rules/catalogue.ts (a test keeps them equal): the page
 * shows them without bundling the whole catalogue into every content script.
 */
export const RULE_TITLES: Record<Finding['rule'], string> = {
  'pupil-mention': 'Names a pupil',
  'colleague-mention': 'Names a colleague',
  'school-mention': 'Names the school',
  'school-life': 'Refers to school life',
  confidential: 'Confidential school matter',
  derogatory: 'Derogatory or offensive',
  'personal-info': 'Personal contact details',
  'profession-disclosure': 'Profile says where you work',
};
