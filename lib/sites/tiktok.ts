/**
 * TikTok: data-e2e hooks throughout (site-dom.md §4). Comments: [data-e2e="comment-input"] around a
 * Draft.js editor, sent by [data-e2e="comment-post"] or Enter. Profile (§4.3 [H]): the edit-profile
 * dialog's name and bio fields, saved by [data-e2e="edit-profile-save"]. Messages: [data-e2e="message-input-area"],
 * sent by the SVG [data-e2e="message-send"] or Enter. Upload caption: TikTok Studio, sent by
 * [data-e2e="post_video_button"]. Unverified: the upload iframe, live class names.
 * Contacts (pupil-contact): follow-button / message-button on /@handle profiles [H]; follow requests have
 * no evidence (Accept in inbox items) [L]; message requests' Accept in DivStrangerBox [M] with the
 * name from the chat header [L]; chat-list-item rows [M].
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
  contacts: [
    // §4.4 [L]: no evidence for follow requests; Accept/Approve buttons in inbox items.
    {
      kind: 'follow-request',
      controls: [{ selector: '[data-e2e="inbox-list-item"] button, [data-e2e="inbox-list-item"] [role="button"]', names: ['Accept', 'Approve', 'Confirm'], does: 'accept' }],
      name: '[data-e2e="inbox-title"]',
      maxLevels: 6,
    },
    // §4.4 [M]: message requests' Accept in the DivStrangerBox; the name is the chat header's [L].
    {
      kind: 'message-request',
      path: '^/messages',
      controls: [{ selector: '[class*="DivStrangerBox"] [role="button"], [class*="DivStrangerBox"] button', names: ['Accept'], does: 'accept' }],
      name: '[data-e2e="chat-nickname"], [data-e2e="chat-uniqueid"]',
      maxLevels: 12,
    },
    // §4.1 [M]: chat rows; opening one with a pupil is warned about.
    { kind: 'chat', path: '^/messages', controls: [{ selector: '[data-e2e="chat-list-item"]', does: 'open-chat' }], name: '[data-e2e="chat-list-item"] p:first-of-type', maxLevels: 1 },
    // §4.4 [H]: follow-button and message-button on a profile at /@handle.
    {
      kind: 'profile',
      path: '^/@[^/]+/?$',
      handleFromPath: '^/@([^/]+)',
      controls: [
        { selector: '[data-e2e="follow-button"]', does: 'follow' },
        { selector: '[data-e2e="message-button"]', does: 'message' },
      ],
      name: '[data-e2e="user-subtitle"], [data-e2e="user-title"]',
      exclude: '[data-e2e="recommend-list-item-container"]',
      maxLevels: 12,
    },
  ],
  // Review my profile (issue 17): edit-profile-entrance is only on your own profile (§4.3 [H]); user-title,
  // user-subtitle and user-bio are in every captured header [H]. Videos are user-post-item links with
  // their caption in user-post-item-desc (many scrapers) [M]; an account's videos are public unless it
  // is private [L].
  ownProfile: {
    path: '^/@[^/]+/?$',
    editControl: { selector: '[data-e2e="edit-profile-entrance"]' },
    fields: [
      { selector: '[data-e2e="user-title"], [data-e2e="user-subtitle"]', surface: 'profile-name', label: 'Name' },
      { selector: '[data-e2e="user-bio"]', surface: 'profile-bio', label: 'Bio' },
    ],
    posts: {
      item: '[data-e2e="user-post-item-list"] > *',
      text: '[data-e2e="user-post-item-desc"], [data-e2e="user-post-item"] img[alt]',
      link: '[data-e2e="user-post-item"] a[href*="/video/"]',
      publicUnlessPrivate: true,
    },
  },
};
