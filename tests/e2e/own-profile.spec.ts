/**
 * "Review my profile" on each site's own-profile practice page, in the built extension: the quiet
 * button appears only where the edit-profile control is (not on someone else's profile); the panel
 * checks the profile fields and the posts loaded, and keeps checking as more load ("N of the M posts
 * checked so far"); each flagged post has its rules, its words marked, the site's own link and the
 * public marker where the page shows one; Show scrolls to the post and marks it in our shadow root;
 * closing forgets; nothing is stored and the page cannot see any of it.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { FLAGGED_POST_INDEXES, OWN_POSTS } from '../fixtures/sites/shared/own-posts';
import { expect, test, workerEvaluator } from './fixtures/extension';
import { setPersonalPolicy } from './fixtures/policy';
import { clickReview, readReview, type ReviewView } from './fixtures/review-panel';
import { openPracticePage, routeSitePages, type SiteId } from './fixtures/site-pages';

const POLICY = JSON.parse(readFileSync(new URL('../fixtures/policies/school.json', import.meta.url), 'utf8'));

interface OwnProfileSpec {
  site: SiteId;
  url: string;
  /** Someone else's profile on the same site: no review button there. */
  other: string;
  /** Posts the page shows before scrolling, and those besides OWN_POSTS (X's pinned garden post). */
  firstPage: number;
  extraPosts: number;
  /** Flagged profile fields, as "Profile: <label>". */
  fields: string[];
  link: (id: string) => string;
  /** Posts of OWN_POSTS the page shows as public. */
  isPublic: (i: number) => boolean;
  /** Show marks the words too (not on Instagram, whose grid has the caption only as an image's alt text). */
  marksWords: boolean;
}

const SPECS: OwnProfileSpec[] = [
  { site: 'x', url: 'https://x.com/sam', other: 'https://x.com/jack_smith07', firstPage: 10, extraPosts: 1, fields: ['Profile: Name', 'Profile: Bio'], link: (id) => `https://x.com/sam/status/${id}`, isPublic: () => true, marksWords: true },
  { site: 'facebook', url: 'https://www.facebook.com/sam.teacher', other: 'https://www.facebook.com/jack_smith07', firstPage: 10, extraPosts: 0, fields: ['Profile: Name', 'Profile: Intro'], link: (id) => `https://www.facebook.com/sam.teacher/posts/${id}`, isPublic: (i) => OWN_POSTS[i].audience === 'public', marksWords: true },
  { site: 'instagram', url: 'https://www.instagram.com/sam.teacher/', other: 'https://www.instagram.com/jack_smith07/', firstPage: 12, extraPosts: 0, fields: ['Profile: Name', 'Profile: Bio'], link: (id) => `https://www.instagram.com/p/C${id}x/`, isPublic: () => true, marksWords: false },
  { site: 'tiktok', url: 'https://www.tiktok.com/@sam', other: 'https://www.tiktok.com/@jack_smith07', firstPage: 10, extraPosts: 0, fields: ['Profile: Bio'], link: (id) => `https://www.tiktok.com/@sam/video/7${id}000`, isPublic: () => true, marksWords: true },
];

function allLocal(context: BrowserContext): Promise<Record<string, unknown>> {
  return workerEvaluator(context)(() => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;
}

async function view(page: Page, until: (v: ReviewView) => boolean): Promise<ReviewView> {
  let v = await readReview(page);
  for (let i = 0; i < 100 && !until(v); i++) {
    await page.waitForTimeout(100);
    v = await readReview(page);
  }
  return v;
}

const flaggedUpTo = (n: number) => FLAGGED_POST_INDEXES.filter((i) => i < n);

for (const spec of SPECS) {
  test(`${spec.site}: review my own profile — fields and posts checked as they load, Show, links, public marker, nothing stored`, async ({ context }) => {
    await setPersonalPolicy(context, POLICY);
    await routeSitePages(context);
    const page = await context.newPage();

    // Someone else's profile: no button (the page has Follow / Add friend, not Edit profile).
    await openPracticePage(page, spec.other);
    await page.waitForTimeout(1000);
    expect((await readReview(page)).entry).toBe(false);

    await openPracticePage(page, spec.url);
    const stored = await allLocal(context);
    expect((await view(page, (v) => v.entry)).entry).toBe(true);
    await clickReview(page, 'open');

    // The first page of posts: fields first, then the flagged posts in page order.
    const first = flaggedUpTo(spec.firstPage);
    const total = spec.firstPage + spec.extraPosts;
    let v = await view(page, (x) => x.summary[0] === `${first.length} of the ${total} posts checked so far may break your school’s policy.` && x.items.length === spec.fields.length + first.length);
    expect(v.summary[0]).toBe(`${first.length} of the ${total} posts checked so far may break your school’s policy.`);
    expect(v.items.slice(0, spec.fields.length).map((i) => i.meta)).toEqual(spec.fields);
    const posts = v.items.slice(spec.fields.length);
    expect(posts.map((p) => p.text)).toEqual(first.map((i) => OWN_POSTS[i].text));
    expect(posts.map((p) => p.link)).toEqual(first.map((i) => spec.link(OWN_POSTS[i].id)));
    expect(posts.map((p) => p.meta.includes('This post is public'))).toEqual(first.map((i) => spec.isPublic(i)));
    const jack = posts[0];
    expect(jack.marked).toContain('Jack Smith');
    expect(jack.rules).toContain('Names a pupil');
    expect(posts[2].marked).toContain('07912 345678');
    expect(posts[2].rules).toContain('Personal contact details');

    // Show: the post is scrolled into view and marked, with its words, in our shadow root.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await clickReview(page, { show: spec.fields.length });
    v = await view(page, (x) => x.box !== null && (x.wordMarks > 0 || !spec.marksWords));
    expect(v.box).not.toBeNull();
    const viewport = page.viewportSize()!;
    expect(v.box!.y).toBeGreaterThanOrEqual(-8);
    expect(v.box!.y + v.box!.height).toBeLessThanOrEqual(viewport.height + 8);
    if (spec.marksWords) expect(v.wordMarks).toBeGreaterThan(0);
    const under = await page.evaluate(
      ({ x, y }) => {
        const post = document.elementFromPoint(x, y)?.closest('article, [role="article"], a, [data-e2e="user-post-item-list"] > *');
        return post ? `${post.textContent} ${[...post.querySelectorAll('img')].map((i) => i.alt).join(' ')}` : '';
      },
      { x: v.box!.x + v.box!.width / 2, y: v.box!.y + 12 },
    );
    expect(under).toContain('Jack Smith');

    // Scrolling loads more posts: each is checked as it appears, up to all forty.
    for (let i = 0; i < 20; i++) {
      v = await readReview(page);
      if (v.summary[0]?.startsWith(`${FLAGGED_POST_INDEXES.length} of the ${OWN_POSTS.length + spec.extraPosts} posts`)) break;
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(400);
    }
    expect(v.summary[0]).toBe(`${FLAGGED_POST_INDEXES.length} of the ${OWN_POSTS.length + spec.extraPosts} posts checked so far may break your school’s policy.`);
    expect(v.items.slice(spec.fields.length).map((p) => p.text)).toEqual(FLAGGED_POST_INDEXES.map((i) => OWN_POSTS[i].text));

    // Closing forgets; the page never sees any of it; nothing was stored.
    await clickReview(page, 'close');
    v = await view(page, (x) => !x.open && x.entry);
    expect(v.open).toBe(false);
    expect(v.entry).toBe(true);
    expect(await page.evaluate(() => document.body.innerText.includes('Review my profile') || document.body.innerText.includes('may break'))).toBe(false);
    // The worker may read the policy again meanwhile (its time changes); nothing else may.
    const withoutReadTime = (local: Record<string, unknown>) => ({ ...local, policyState: { ...(local.policyState as object), updatedAt: 0 } });
    expect(withoutReadTime(await allLocal(context))).toEqual(withoutReadTime(stored));
  });
}
