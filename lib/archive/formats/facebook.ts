/**
 * Facebook "Download your information", JSON format. Posts are in
 * `your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json` (before 2024:
 * `posts/your_posts_1.json`): an array of `{timestamp, data: [{post: "…"}], attachments, title}`.
 * Comments are in `…/comments_and_reactions/comments.json` (before: `comments/comments.json`):
 * `{comments_v2: [{timestamp, data: [{comment: {comment, timestamp, author}}], title}]}`.
 * The profile is `…/profile_information/profile_information.json` (`profile_v2`: name, work).
 * All text is UTF-8 written as Latin-1 escapes (mended with mendMojibake). The export has no link to
 * a post nor its audience, so links go to the activity log, where every post and comment can be
 * found by date, edited or deleted.
 */
import { mendMojibake } from '../mojibake';
import type { ArchiveItem } from '../types';
import { fromUnixSeconds, list, obj, str, type ExportFormat } from './format';

const ACTIVITY_LOG = 'https://www.facebook.com/me/allactivity';
const PROFILE = 'https://www.facebook.com/me';

const text = (v: unknown) => mendMojibake(str(v));

function postItems(value: unknown, file: string, index: number): ArchiveItem[] {
  // Usually one post per array element; some files wrap their list in an object ({"status_updates_v2": […]}).
  if (Array.isArray(value)) return value.flatMap((v, i) => postItems(v, file, index * 100_000 + i));
  const post = obj(value);
  const words = list(post.data)
    .map((d) => text(obj(d).post))
    .filter(Boolean)
    .join('\n');
  if (!words.trim()) return [];
  return [{ id: `facebook-${file}#${index}`, site: 'facebook', kind: 'post', surface: 'post', date: fromUnixSeconds(post.timestamp), text: words, link: ACTIVITY_LOG, linkTo: 'activity' }];
}

function commentItems(value: unknown, file: string, index: number): ArchiveItem[] {
  const entry = obj(value);
  return list(entry.data).flatMap((d, i) => {
    const comment = obj(obj(d).comment);
    const words = text(comment.comment);
    if (!words.trim()) return [];
    return [
      {
        id: `facebook-${file}#${index}.${i}`,
        site: 'facebook' as const,
        kind: 'comment' as const,
        surface: 'comment' as const,
        date: fromUnixSeconds(comment.timestamp ?? entry.timestamp),
        text: words,
        link: ACTIVITY_LOG,
        linkTo: 'activity' as const,
      },
    ];
  });
}

function profileItems(value: unknown): ArchiveItem[] {
  const profile = obj(value);
  const items: ArchiveItem[] = [];
  const add = (surface: ArchiveItem['surface'], field: string, words: string, n: number) => {
    if (words.trim()) items.push({ id: `facebook-profile-${field.toLowerCase()}-${n}`, site: 'facebook', kind: 'profile', surface, field, text: words, link: PROFILE, linkTo: 'profile' });
  };
  add('profile-name', 'Name', text(obj(profile.name).full_name), 0);
  list(profile.work_experiences).forEach((w, n) => {
    const work = obj(w);
    add('profile-job', 'Workplace', [text(work.employer), text(work.title), text(work.description)].filter(Boolean).join(', '), n);
  });
  // The intro ("bio") has no public evidence of its key: the likeliest names are tried.
  for (const key of ['intro_bio', 'about_me', 'bio']) add('profile-bio', 'Bio', text(obj(profile[key]).value ?? profile[key]), 0);
  return items;
}

export const facebookExport: ExportFormat = {
  site: 'facebook',
  recognises: (names) =>
    names.some((n) => /(^|\/)your_facebook_activity\//.test(n) || /(^|\/)posts\/your_posts(__check_ins__photos_and_videos)?_\d+\.json$/.test(n)),
  newState: () => ({}),
  files: [
    { match: /(^|\/)profile_information\/profile_information\.json$/, paths: ['$.profile_v2', '$.profile'], toItems: (v) => profileItems(v) },
    { match: /(^|\/)posts\/your_posts(__check_ins__photos_and_videos)?_\d+\.json$/, paths: ['$.*'], toItems: (v, at) => postItems(v, at.file, at.index) },
    { match: /(^|\/)comments(_and_reactions)?\/comments\.json$/, paths: ['$.comments_v2.*', '$.comments.*'], toItems: (v, at) => commentItems(v, at.file, at.index) },
  ],
};
