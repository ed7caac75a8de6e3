/**
 * TikTok's "Download your data", JSON format: one `user_data_tiktok.json` (before 2024:
 * `user_data.json`), mostly watch history. Posts: `Post.Posts.VideoList` (before: `Video.Videos.
 * VideoList`), each `{Date: "2023-04-01 17:20:05", Link, Likes, WhoCanView, Title}` (the caption; older
 * exports had none). Comments: `Comment.Comments.CommentsList` (before: `Comment.CommentsList`),
 * `{date, comment}` (before: `Date`, `Comment`). Profile: `Profile["Profile Info"].ProfileMap`
 * (before: "Profile Information"): `userName`, `bioDescription`. Dates are UTC. The post's `Link` is
 * TikTok's share link, which opens the video; WhoCanView "Everyone" means public.
 */
import type { ArchiveItem } from '../types';
import { obj, str, type ExportFormat } from './format';

const EDIT_PROFILE_HINT = 'https://www.tiktok.com/profile';

export function parseTikTokDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(value.trim());
  if (!m) return undefined;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

const field = (o: Record<string, unknown>, ...keys: string[]) => keys.map((k) => str(o[k])).find(Boolean) ?? '';

function audienceOf(whoCanView: string): ArchiveItem['audience'] {
  if (!whoCanView) return undefined;
  return /^(everyone|public)$/i.test(whoCanView.trim()) ? 'public' : 'not-public';
}

export const tiktokExport: ExportFormat = {
  site: 'tiktok',
  recognises: (names) => names.some((n) => /(^|\/)user_data(_tiktok)?\.json$/.test(n)),
  newState: () => ({}),
  files: [
    {
      match: /(^|\/)user_data(_tiktok)?\.json$/,
      paths: [
        '$.Profile.Profile Info.ProfileMap',
        '$.Profile.Profile Information.ProfileMap',
        '$.Post.Posts.VideoList.*',
        '$.Video.Videos.VideoList.*',
        '$.Comment.Comments.CommentsList.*',
        '$.Comment.CommentsList.*',
      ],
      toItems(value, at): ArchiveItem[] {
        const o = obj(value);
        const section = at.path[0];
        if (section === 'Profile') {
          const items: ArchiveItem[] = [];
          const name = field(o, 'displayName', 'nickName', 'nickname');
          const bio = field(o, 'bioDescription', 'bio');
          if (name) items.push({ id: 'tiktok-profile-name', site: 'tiktok', kind: 'profile', surface: 'profile-name', field: 'Name', text: name, link: EDIT_PROFILE_HINT, linkTo: 'profile' });
          if (bio) items.push({ id: 'tiktok-profile-bio', site: 'tiktok', kind: 'profile', surface: 'profile-bio', field: 'Bio', text: bio, link: EDIT_PROFILE_HINT, linkTo: 'profile' });
          return items;
        }
        if (section === 'Comment') {
          const words = field(o, 'comment', 'Comment');
          if (!words.trim()) return [];
          return [{ id: `tiktok-comment-${at.index}`, site: 'tiktok', kind: 'comment', surface: 'comment', date: parseTikTokDate(field(o, 'date', 'Date')), text: words, link: str(o.url) || undefined, linkTo: str(o.url) ? 'item' : undefined }];
        }
        const caption = field(o, 'Title', 'Desc', 'Description', 'VideoDescription');
        if (!caption.trim()) return [];
        const link = field(o, 'Link', 'VideoLink');
        const videoId = /\/video\/(\d+)/.exec(link)?.[1];
        return [
          {
            id: videoId ? `tiktok-${videoId}` : `tiktok-video-${at.index}`,
            site: 'tiktok',
            kind: 'post',
            surface: 'post',
            date: parseTikTokDate(field(o, 'Date')),
            text: caption,
            link: link || undefined,
            linkTo: link ? 'item' : undefined,
            audience: audienceOf(field(o, 'WhoCanView')),
          },
        ];
      },
    },
  ],
};
