import { describe, expect, it } from 'vitest';
import { parseXDate, unescapeXText } from '../../../lib/archive/formats/x';
import { X_PART1, X_TWEETS, xArchive, xTweet, ytd } from '../../fixtures/archives/build';
import { checkItems, readItems } from './read';

describe('X archive', () => {
  it('reads every tweet in tweets.js and tweets-part1.js past the window.YTD prefix, with the profile first', async () => {
    const { items, summary } = await readItems(xArchive());
    expect(summary.format.site).toBe('x');
    expect(summary.problems).toEqual([]);
    expect(summary.files).toEqual(['data/account.js', 'data/profile.js', 'data/tweets-part1.js', 'data/tweets.js']);
    expect(items.filter((i) => i.kind !== 'profile').map((i) => i.text).sort()).toEqual([...X_TWEETS, ...X_PART1].map((t) => t.text).sort());
    expect(items.filter((i) => i.kind === 'profile').map((i) => [i.field, i.text])).toEqual([
      ['Name', 'Sam Teacher'],
      ['Bio', 'Year 6 teacher. Views my own.'],
      ['Location', 'Exampleshire'],
    ]);
  });

  it('gives each tweet its date, its kind (a reply when it answers another) and its link under the account’s handle', async () => {
    const { items } = await readItems(xArchive());
    const reply = items.find((i) => i.id === 'x-1700000000000000003')!;
    expect(reply).toMatchObject({ kind: 'reply', surface: 'reply', date: '2023-09-21T20:15:00.000Z', link: 'https://x.com/sam_teacher/status/1700000000000000003', linkTo: 'item' });
    expect(items.find((i) => i.id === 'x-1700000000000000001')).toMatchObject({ kind: 'post', surface: 'post', date: '2023-09-11T15:04:05.000Z' });
  });

  it('shows the text as X does: &amp; &lt; &gt; unescaped', async () => {
    const { items } = await readItems(xArchive());
    expect(items.find((i) => i.id === 'x-1700000000000000003')!.text).toBe('Fish & chips with Mrs Jones after parents’ evening <3');
    expect(unescapeXText('a &amp;lt; b &gt; c &#39;d&#39;')).toBe("a &lt; b > c 'd'");
  });

  it('links to x.com/i/web/status/<id> when the archive has no account.js, and reads archives from before the "tweet" wrapper', async () => {
    const files = { 'data/tweet.js': ytd('tweet', 0, [{ id_str: '99', full_text: 'Old style', created_at: 'Fri Mar 02 08:00:00 +0000 2018' }]) };
    const { items } = await readItems(files);
    expect(items).toEqual([{ id: 'x-99', site: 'x', kind: 'post', surface: 'post', date: '2018-03-02T08:00:00.000Z', text: 'Old style', link: 'https://x.com/i/web/status/99', linkTo: 'item' }]);
  });

  it('checks each tweet with the school’s policy', async () => {
    const { rulesOf, summary } = await checkItems(xArchive());
    expect(rulesOf('So proud of Jack Smith in assembly today!')).toContain('pupil-mention');
    expect(rulesOf('Lovely walk by the river this morning, then coffee & the papers.')).toEqual([]);
    expect(rulesOf('Fish & chips with Mrs Jones after parents’ evening <3')).toEqual(expect.arrayContaining(['colleague-mention', 'school-life']));
    expect(rulesOf('Anyone know a good plumber? Text me on 07912 345678')).toContain('personal-info');
    expect(summary.checked).toBe(8);
  });

  it('parses X’s dates with their offset', () => {
    expect(parseXDate('Wed Oct 10 20:19:24 +0000 2018')).toBe('2018-10-10T20:19:24.000Z');
    expect(parseXDate('Wed Oct 10 20:19:24 +0100 2018')).toBe('2018-10-10T19:19:24.000Z');
    expect(parseXDate('not a date')).toBeUndefined();
  });

  it('a tweets file that is not X’s JavaScript is reported by name, and the other files are still read', async () => {
    const files = { ...xArchive(), 'data/tweets-part1.js': '[{"tweet": {"full_text": "no prefix"}}]'.repeat(40), 'data/tweets.js': ytd('tweets', 0, [xTweet(X_TWEETS[0])]).slice(0, -30) };
    const { items, summary } = await readItems(files);
    expect(summary.problems.map((p) => p.file)).toEqual(['data/tweets-part1.js', 'data/tweets.js']);
    expect(summary.problems[0].message).toContain('does not start with “window.YTD.… =”');
    expect(summary.problems[1].message).toMatch(/^data\/tweets\.js is not valid JSON \(it ends part way through\)/);
    expect(items.some((i) => i.field === 'Bio')).toBe(true);
  });
});
