import { describe, expect, it } from 'vitest';
import { parseTikTokDate } from '../../../lib/archive/formats/tiktok';
import { tiktokArchive } from '../../fixtures/archives/build';
import { checkItems, readItems } from './read';

describe('TikTok “Download your data” (JSON)', () => {
  it('reads captions, comments and the bio from user_data_tiktok.json, and skips the watch history', async () => {
    const { items, summary } = await readItems(tiktokArchive());
    expect(summary.format.site).toBe('tiktok');
    expect(items.map((i) => [i.kind, i.text])).toEqual([
      ['profile', 'Primary teacher 📚 St Example’s'],
      ['comment', 'Priya Patel would love this for the SEN room'],
      ['comment', 'Great recipe'],
      ['post', 'Year 6 leavers assembly rehearsal with Amelia Kowalska'],
      ['post', 'My sourdough finally rose'],
    ]);
  });

  it('gives videos their share link, date in UTC and audience (WhoCanView “Everyone” is public)', async () => {
    const { items } = await readItems(tiktokArchive());
    const [first, second] = items.filter((i) => i.kind === 'post');
    expect(first).toMatchObject({ id: 'tiktok-7277000000000000001', date: '2023-09-10T17:20:05.000Z', link: 'https://www.tiktokv.com/share/video/7277000000000000001/', linkTo: 'item', audience: 'public' });
    expect(second.audience).toBe('not-public');
  });

  it('reads the older user_data.json keys (Video.Videos, Comment.CommentsList, capitalised fields, "Profile Information")', async () => {
    const old = {
      Profile: { 'Profile Information': { ProfileMap: { userName: 'sam', bioDescription: 'Year 4 teacher' } } },
      Video: { Videos: { VideoList: [{ Date: '2021-05-01 08:00:00', Link: 'https://www.tiktokv.com/share/video/69/', Likes: '1', Desc: 'Trip with Jack Smith' }] } },
      Comment: { CommentsList: [{ Date: '2021-05-02 09:00:00', Comment: 'Nice one' }] },
    };
    const { items } = await readItems({ 'TikTok_Data/user_data.json': JSON.stringify(old) });
    expect(items.map((i) => [i.kind, i.text, i.date])).toEqual([
      ['profile', 'Year 4 teacher', undefined],
      ['post', 'Trip with Jack Smith', '2021-05-01T08:00:00.000Z'],
      ['comment', 'Nice one', '2021-05-02T09:00:00.000Z'],
    ]);
  });

  it('checks captions and comments', async () => {
    const { rulesOf } = await checkItems(tiktokArchive());
    expect(rulesOf('Year 6 leavers assembly rehearsal with Amelia Kowalska')).toContain('pupil-mention');
    expect(rulesOf('Priya Patel would love this for the SEN room')).toContain('colleague-mention');
    expect(rulesOf('Great recipe')).toEqual([]);
  });

  it('parses TikTok’s dates as UTC', () => {
    expect(parseTikTokDate('2023-09-10 17:20:05')).toBe('2023-09-10T17:20:05.000Z');
    expect(parseTikTokDate('')).toBeUndefined();
  });
});
