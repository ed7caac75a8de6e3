/**
 * TikTok: data-e2e hooks throughout (site-dom.md §4). Comments: [data-e2e="comment-input"] around a
 * Draft.js editor, sent by [data-e2e="comment-post"] or Enter. Messages: [data-e2e="message-input-area"],
 * sent by the SVG [data-e2e="message-send"] or Enter. Upload caption: TikTok Studio, sent by
 * [data-e2e="post_video_button"]. Unverified: the upload iframe, live class names.
 */
import type { SiteAdapter } from './types';

export const tiktok: SiteAdapter = {
  site: 'tiktok',
  surfaces: [
    { surface: 'message', selector: '[data-e2e="message-input-area"]' },
    { surface: 'message', path: '^/messages' },
    { surface: 'comment', selector: '[data-e2e="comment-input"], [data-e2e="comment-text"]' },
    { surface: 'post', path: '^/tiktokstudio/upload|^/upload' },
    { surface: 'profile-bio', selector: '[data-e2e="edit-profile-bio-input"]' },
    { surface: 'profile-name', selector: '[data-e2e="edit-profile-name-input"]' },
  ],
  defaultSurface: 'comment',
  submitControls: ['[data-e2e="comment-post"]', '[data-e2e="message-send"]', '[data-e2e="post_video_button"]'],
  enterSends: ['comment', 'message'],
  modEnterSends: [],
};
