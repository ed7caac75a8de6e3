import { describe, expect, it } from 'vitest';
import { mendMojibake } from '../../../lib/archive/mojibake';
import { facebookArchive, FB_POSTS, instagramArchive, metaJson } from '../../fixtures/archives/build';
import { checkItems, readItems } from './read';

describe('Meta’s mojibake', () => {
  it('mends UTF-8 written as Latin-1 escapes, and leaves text that was never mangled', () => {
    const mangled = JSON.parse(metaJson('Café 😀 O’Brien')) as string;
    expect(mangled).not.toBe('Café 😀 O’Brien');
    expect(mendMojibake(mangled)).toBe('Café 😀 O’Brien');
    expect(mendMojibake('Café')).toBe('Café'); // é alone is not valid UTF-8: kept
    expect(mendMojibake('plain ASCII')).toBe('plain ASCII');
    expect(mendMojibake('already “right” 😀')).toBe('already “right” 😀');
  });
});

describe('Facebook “Download your information” (JSON)', () => {
  it('reads the posts with their text mended and dated, skips photo-only posts, and reads comments and the profile', async () => {
    const { items, summary } = await readItems(facebookArchive());
    expect(summary.format.site).toBe('facebook');
    expect(summary.problems).toEqual([]);
    const posts = items.filter((i) => i.kind === 'post');
    expect(posts.map((p) => p.text)).toEqual(FB_POSTS.map((p) => p.text));
    expect(posts[0]).toMatchObject({ date: '2023-09-11T15:04:05.000Z', link: 'https://www.facebook.com/me/allactivity', linkTo: 'activity' });
    expect(items.filter((i) => i.kind === 'comment').map((c) => c.text)).toEqual(['Thank you Sarah Jones for a brilliant INSET day', 'Looks delicious!']);
    expect(items.filter((i) => i.kind === 'profile').map((i) => [i.field, i.text])).toEqual([
      ['Name', 'Sam Teacher'],
      ['Workplace', 'St Example’s C of E Primary School, Teacher'],
    ]);
  });

  it('reads the layout from before 2024 (posts/your_posts_1.json, comments/comments.json)', async () => {
    const { items } = await readItems({
      'posts/your_posts_1.json': metaJson([{ timestamp: 1500000000, data: [{ post: 'Old layout post about Jack Smith' }] }]),
      'comments/comments.json': metaJson({ comments: [{ timestamp: 1500000001, data: [{ comment: { timestamp: 1500000001, comment: 'Old comment', author: 'Sam' } }] }] }),
    });
    expect(items.map((i) => [i.kind, i.text, i.date])).toEqual([
      ['post', 'Old layout post about Jack Smith', '2017-07-14T02:40:00.000Z'],
      ['comment', 'Old comment', '2017-07-14T02:40:01.000Z'],
    ]);
  });

  it('finds what breaks the policy, and the mended text gives the right offsets', async () => {
    const { items, rulesOf } = await checkItems(facebookArchive());
    const cafe = items.find((i) => i.text.startsWith('Café trip'))!;
    expect(cafe.findings.filter((f) => f.rule === 'pupil-mention').map((f) => cafe.text.slice(f.start, f.end))).toEqual(['Olivia O’Brien']);
    expect(rulesOf('Ofsted are in on Tuesday, wish us luck')).toContain('school-life');
    expect(rulesOf('Sunday roast at my mum’s. Perfect.')).toEqual([]);
  });
});

describe('Instagram export (JSON)', () => {
  it('reads captions (the post’s own title when it has several photos), comments from both files, and the profile', async () => {
    const { items, summary } = await readItems(instagramArchive());
    expect(summary.format.site).toBe('instagram');
    expect(items.filter((i) => i.kind === 'post').map((i) => i.text)).toEqual(['Sports day with Thomas Wright and the team 🏃', 'Beach day, finally some sun ☀️']);
    expect(items.filter((i) => i.kind === 'comment').map((i) => i.text)).toEqual(['Mr Okafor’s class were amazing tonight 👏', 'Ha, so true']);
    expect(items.filter((i) => i.kind === 'profile').map((i) => [i.field, i.text])).toEqual([
      ['Name', 'Sam Teacher'],
      ['Bio', 'Teaching assistant 🍎 coffee ☕'],
    ]);
  });

  it('marks posts public when the profile says the account is not private, and links them to the profile', async () => {
    const { items } = await readItems(instagramArchive());
    expect(items.find((i) => i.kind === 'post')).toMatchObject({ audience: 'public', link: 'https://www.instagram.com/sam.teacher/', linkTo: 'profile', date: '2023-09-11T15:04:05.000Z' });
    const privateFiles = instagramArchive();
    privateFiles['personal_information/personal_information/personal_information.json'] = metaJson({ profile_user: [{ string_map_data: { 'Private Account': { value: 'True' } } }] });
    const { items: again } = await readItems(privateFiles);
    expect(again.find((i) => i.kind === 'post')!.audience).toBe('not-public');
  });

  it('reads the older layout without your_instagram_activity/', async () => {
    const { items } = await readItems({ 'content/posts_1.json': metaJson([{ media: [{ uri: 'x.jpg', creation_timestamp: 1500000000, title: 'Old caption' }] }]) });
    expect(items.map((i) => [i.site, i.text, i.audience])).toEqual([['instagram', 'Old caption', undefined]]);
  });
});
