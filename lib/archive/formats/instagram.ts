/**
 * Instagram's data export, JSON format. Posts: `your_instagram_activity/content/posts_1.json`
 * (before 2024: `content/posts_1.json`), an array of `{media: [{uri, creation_timestamp, title}],
 * title, creation_timestamp}`: the caption is the post's `title` when it has several photos, else its
 * one photo's `title`. Reels: `content/reels.json` (`{ig_reels_media: […]}`, same shape). Comments:
 * `comments/post_comments_1.json` (a bare array) and `comments/reels_comments.json`
 * (`{comments_reels_comments: […]}`), each `{string_map_data: {Comment: {value}, "Media Owner":
 * {value}, Time: {timestamp}}}`. The profile: `personal_information/personal_information.json`
 * (`profile_user[0].string_map_data`: Name, Username, Bio, "Private Account"). Text is mojibake as in
 * Facebook's export. No post links are exported: posts link to the profile, comments to "Your activity".
 */
import { mendMojibake } from '../mojibake';
import type { ArchiveItem } from '../types';
import { fromUnixSeconds, list, obj, str, type ExportFormat } from './format';

interface InstagramState {
  username?: string;
  /** From the profile's "Private Account" (True/False), when the export has it. */
  privateAccount?: boolean;
}

const YOUR_COMMENTS = 'https://www.instagram.com/your_activity/interactions/comments/';
const EDIT_PROFILE = 'https://www.instagram.com/accounts/edit/';

const text = (v: unknown) => mendMojibake(str(v));
const mapValue = (map: Record<string, unknown>, key: string) => text(obj(map[key]).value);

function audience(state: InstagramState): ArchiveItem['audience'] {
  return state.privateAccount === undefined ? undefined : state.privateAccount ? 'not-public' : 'public';
}

function postItems(value: unknown, file: string, index: number, state: InstagramState): ArchiveItem[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => postItems(v, file, index * 100_000 + i, state));
  const post = obj(value);
  const media = list(post.media).map(obj);
  const caption = text(post.title) || text(media[0]?.title);
  if (!caption.trim()) return [];
  const link = state.username ? `https://www.instagram.com/${state.username}/` : 'https://www.instagram.com/';
  return [
    {
      id: `instagram-${file}#${index}`,
      site: 'instagram',
      kind: 'post',
      surface: 'post',
      date: fromUnixSeconds(post.creation_timestamp ?? media[0]?.creation_timestamp),
      text: caption,
      link,
      linkTo: 'profile',
      audience: audience(state),
    },
  ];
}

function commentItems(value: unknown, file: string, index: number): ArchiveItem[] {
  // A bare array gives one comment per value; a wrapped one ({comments_reels_comments: […]}) its list.
  if (Array.isArray(value)) return value.flatMap((v, i) => commentItems(v, file, index * 100_000 + i));
  const map = obj(obj(value).string_map_data);
  const words = mapValue(map, 'Comment');
  if (!words.trim()) return [];
  return [
    {
      id: `instagram-${file}#${index}`,
      site: 'instagram',
      kind: 'comment',
      surface: 'comment',
      date: fromUnixSeconds(obj(map.Time).timestamp),
      text: words,
      link: YOUR_COMMENTS,
      linkTo: 'activity',
    },
  ];
}

function profileItems(value: unknown, state: InstagramState): ArchiveItem[] {
  const map = obj(obj(value).string_map_data);
  state.username = mapValue(map, 'Username') || state.username;
  const privacy = mapValue(map, 'Private Account').toLowerCase();
  if (privacy === 'true' || privacy === 'false') state.privateAccount = privacy === 'true';
  const items: ArchiveItem[] = [];
  const name = mapValue(map, 'Name');
  const bio = mapValue(map, 'Bio');
  if (name) items.push({ id: 'instagram-profile-name', site: 'instagram', kind: 'profile', surface: 'profile-name', field: 'Name', text: name, link: EDIT_PROFILE, linkTo: 'profile' });
  if (bio) items.push({ id: 'instagram-profile-bio', site: 'instagram', kind: 'profile', surface: 'profile-bio', field: 'Bio', text: bio, link: EDIT_PROFILE, linkTo: 'profile' });
  return items;
}

export const instagramExport: ExportFormat<InstagramState> = {
  site: 'instagram',
  recognises: (names) => names.some((n) => /(^|\/)your_instagram_activity\//.test(n) || /(^|\/)content\/posts_\d+\.json$/.test(n)),
  newState: () => ({}),
  files: [
    { match: /(^|\/)personal_information\/personal_information\.json$/, paths: ['$.profile_user.*'], toItems: (v, _at, state) => profileItems(v, state) },
    { match: /(^|\/)content\/(posts_\d+|reels)\.json$/, paths: ['$.*'], toItems: (v, at, state) => postItems(v, at.file, at.index, state) },
    { match: /(^|\/)comments\/(post_comments(_\d+)?|reels_comments)\.json$/, paths: ['$.*'], toItems: (v, at) => commentItems(v, at.file, at.index) },
  ],
};
