/**
 * TikTok: data-e2e hooks throughout (site-dom.md §4). Comments: [data-e2e="comment-input"] around a
 * Draft.js editor, sent by [data-e2e="comment-post"] or Enter. Profile (§4.3 [H]): the edit-profile
 * dialog's name and bio fields, saved by [data-e2e="edit-profile-save"]. Messages: [data-e2e="message-input-area"],
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
    { surface: 'profile-bio', selector: 'textarea[data-e2e="edit-profile-bio-input"], [data-e2e="edit-profile-bio-input"] textarea' },
    { surface: 'profile-name', selector: '[data-e2e="edit-profile-name-input"] input, input[data-e2e="edit-profile-name-input"]' },
  ],
  defaultSurface: 'comment',
  submitControls: ['[data-e2e="comment-post"]', '[data-e2e="message-send"]', '[data-e2e="post_video_button"]', '[data-e2e="edit-profile-save"]'],
  enterSends: ['comment', 'message'],
  modEnterSends: [],
};
