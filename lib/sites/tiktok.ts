/**
 * TikTok: data-e2e hooks throughout (site-dom.md §4), the same in every language.
 *
 * Checked against the saved pages in ../shared/data/live-dom (npm run check:live-dom):
 * - Profile headers: follow-button and message-button (2025-03, 2025-04; logged out in 2023 there is
 *   no message-button), the names in user-title and user-subtitle, which swapped places between 2025
 *   (title = handle) and 2026 (title = display name), so both are read.
 * Not in any capture (code evidence in SOURCES.md, or site-dom.md): comments (comment-input /
 * comment-post), the upload caption and post_video_button, the edit-profile dialog, DMs in both UIs:
 * the older message-input-area / message-send / chat-list-item and the newer dm-new-input-editor,
 * svg dm-new-send-btn (shown once something is typed), dm-new-conversation-item rows named by
 * dm-new-conversation-nickname, and the open chat's header dm-new-chat-nickname with its handle in
 * chat-uniqueid; follow requests [L] and message requests in DivStrangerBox [M].
 */
import type { SiteAdapter } from './types';

export const tiktok: SiteAdapter = {
  site: 'tiktok',
  surfaces: [
    { surface: 'message', selector: '[data-e2e="message-input-area"], [data-e2e="dm-new-input-editor"]' },
    { surface: 'message', path: '^/messages' },
    { surface: 'comment', selector: '[data-e2e="comment-input"], [data-e2e="comment-text"]' },
    { surface: 'post', path: '^/tiktokstudio/upload|^/upload' },
    { surface: 'profile-bio', selector: 'textarea[data-e2e="edit-profile-bio-input"], [data-e2e="edit-profile-bio-input"] textarea' },
    { surface: 'profile-name', selector: '[data-e2e="edit-profile-name-input"] input, input[data-e2e="edit-profile-name-input"]' },
  ],
  defaultSurface: 'comment',
  submitControls: [
    '[data-e2e="comment-post"]',
    '[data-e2e="message-send"]',
    '[data-e2e="dm-new-send-btn"]',
    '[data-e2e="post_video_button"]',
    '[data-e2e="edit-profile-save"]',
  ],
  enterSends: ['comment', 'message'],
  modEnterSends: [],
  contacts: [
    // §4.4 [L]: no evidence for follow requests; Accept/Approve buttons in inbox items.
    {
      kind: 'follow-request',
      controls: [{ selector: '[data-e2e="inbox-list-item"] button, [data-e2e="inbox-list-item"] [role="button"]', label: 'acceptFollow', does: 'accept' }],
      name: '[data-e2e="inbox-title"]',
      maxLevels: 6,
    },
    // §4.4 [M]: message requests' Accept in the DivStrangerBox; the name is the chat header's.
    {
      kind: 'message-request',
      path: '^/messages',
      controls: [{ selector: '[class*="DivStrangerBox"] [role="button"], [class*="DivStrangerBox"] button', label: 'accept', does: 'accept' }],
      name: '[data-e2e="dm-new-chat-nickname"], [data-e2e="chat-nickname"], [data-e2e="chat-uniqueid"]',
      maxLevels: 12,
    },
    // §4.1 [M]: chat rows, in the newer UI and the older one; opening one with a pupil is warned about.
    {
      kind: 'chat',
      path: '^/messages',
      controls: [{ selector: '[data-e2e="dm-new-conversation-item"], [data-e2e="chat-list-item"]', does: 'open-chat' }],
      // Inside the row only: a row without a name must not borrow the next row's.
      name: '[data-e2e="dm-new-conversation-nickname"], [data-e2e="chat-list-nickname"], [data-e2e="chat-list-item"] p:first-of-type',
      maxLevels: 0,
    },
    // §4.4 [H], captures 2023–2026: follow-button and message-button on a profile at /@handle.
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
  // The open chat's header: the display name, and the handle beside it (code evidence).
  recipient: { name: '[data-e2e="dm-new-chat-nickname"], [data-e2e="chat-nickname"]', handle: '[data-e2e="chat-uniqueid"]', maxLevels: 16 },
  labels: {
    en: { acceptFollow: ['Accept', 'Approve', 'Confirm'], accept: ['Accept'] },
    cy: { acceptFollow: ['Derbyn', 'Cymeradwyo', 'Cadarnhau'], accept: ['Derbyn'] },
    fr: { acceptFollow: ['Accepter', 'Approuver', 'Confirmer'], accept: ['Accepter'] },
    es: { acceptFollow: ['Aceptar', 'Aprobar', 'Confirmar'], accept: ['Aceptar'] },
    ar: { acceptFollow: ['قبول', 'موافقة', 'تأكيد'], accept: ['قبول'] },
  },
  // Signed-in account (official accounts) [L]: the side bar's Profile link is /@<handle>.
  signedInAccount: [{ selector: 'a[data-e2e="nav-profile"]', from: 'href', pattern: '^(?:https://www\\.tiktok\\.com)?/@([A-Za-z0-9._]{1,24})/?$' }],
  // Photos and videos (school-photo) [L]: TikTok Studio's upload picker is an input[type=file] (video/*);
  // messages and comments take images. TikTok starts uploading on attach [M].
  attachments: {
    inputs: 'input[type="file"]',
    drop: '[data-e2e="upload-container"], [role="dialog"], [data-e2e="message-input-area"], [data-e2e="comment-input"], main',
    paste: '.public-DraftEditor-content, [contenteditable="true"], textarea',
    uploadsOnAttach: true,
  },
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
