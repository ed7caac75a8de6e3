/**
 * X (x.com, twitter.com): test ids throughout, the same in every language.
 *
 * Checked against the saved pages in ../shared/data/live-dom (npm run check:live-dom):
 * - The home composer is data-testid="tweetTextarea_0" (Draft.js), sent by tweetButtonInline, which
 *   meets the composer only 20 levels up (captures: 2024-12, 2025-02).
 * - UserCells ("Who to follow", 2024-12 and 2025-02; a profile's sidebar, 2025-11) carry no
 *   User-Name: the name is the cell's first visible link, the handle that link's path. Their
 *   <id>-follow buttons are suggestions, never the profile's own.
 * - Someone else's profile (2025-11, Chinese UI): UserName holds the name, sendDMFromProfile the
 *   Message button; an account already followed shows <id>-unfollow, which is not a contact.
 * Not in any capture (code evidence in SOURCES.md, or site-dom.md): X Chat's composer
 * dm-composer-textarea and dm-composer-send-button, Chat rows dm-conversation-item-<id> (legacy DMs:
 * "conversation"), message requests dm-message-request-*, the chat header dm-conversation-header, the
 * profile header's own <id>-follow button, the reply box inline_reply_offscreen, tweetButton in the
 * compose dialog, the edit-profile fields (displayName, description, job_title) and their Save
 * buttons (ExtendedProfile_Save_Button is invented [L]). Chat's Enter behaviour is [L].
 * Only one label: Accept on follower requests, which have no known test id.
 */
import type { SiteAdapter } from './types';

export const x: SiteAdapter = {
  site: 'x',
  surfaces: [
    { surface: 'message', selector: '[data-testid="dm-composer-textarea"], [data-testid="dmComposerTextInput"]' },
    { surface: 'message', path: '^/(i/chat|messages)(/|$)' },
    { surface: 'reply', selector: '[data-testid="inline_reply_offscreen"]' },
    { surface: 'reply', selector: '[data-testid^="tweetTextarea_"]', path: '/status/\\d+' },
    { surface: 'profile-name', selector: 'input[name="displayName"]' },
    { surface: 'profile-bio', selector: 'textarea[name="description"]' },
    { surface: 'profile-job', selector: 'input[name="job_title"], [data-testid="job-title-input"]' },
    { surface: 'post', selector: '[data-testid^="tweetTextarea_"]' },
  ],
  defaultSurface: 'post',
  submitControls: [
    '[data-testid="tweetButton"]',
    '[data-testid="tweetButtonInline"]',
    '[data-testid="dmComposerSendButton"]',
    '[data-testid="dm-composer-send-button"]',
    '[data-testid="Profile_Save_Button"]',
    '[data-testid="ExtendedProfile_Save_Button"]',
  ],
  enterSends: ['message'],
  modEnterSends: ['post', 'reply'],
  contacts: [
    // site-dom.md §1.4 [M]: /follower_requests lists UserCells with Accept / Decline. The cells'
    // layout is the captured one: the first visible link is the name (no User-Name inside).
    {
      kind: 'follow-request',
      path: '^/follower_requests',
      controls: [{ selector: '[data-testid="UserCell"] [role="button"], [data-testid="UserCell"] button', label: 'accept', does: 'accept' }],
      name: '[data-testid="User-Name"], [data-testid="UserCell"] a[role="link"][href]:not([tabindex="-1"])',
      maxNames: 1,
      handle: '[data-testid="UserCell"] a[href]',
      maxLevels: 12,
    },
    // §1.4 [M]: Chat's message requests, rows dm-message-request-item-*, accept button by test id.
    {
      kind: 'message-request',
      path: '^/i/chat/requests',
      controls: [{ selector: '[data-testid="dm-message-request-accept-button"]', does: 'accept' }],
      name: '[data-testid^="dm-message-request-item-"] [dir="ltr"], [data-testid="dm-message-request-name"]',
      maxLevels: 8,
    },
    // Chat's conversation rows (code evidence), and the legacy DM list's; the name is the row's first text.
    {
      kind: 'chat',
      path: '^/(i/chat|messages)',
      controls: [{ selector: '[data-testid^="dm-conversation-item-"], [data-testid="conversation"]', does: 'open-chat' }],
      name: '[dir="ltr"], [dir="auto"]',
      maxLevels: 0,
    },
    // §1.4 [H]: the header's Follow button (test id <user id>-follow), scoped to the primary column
    // with UserCells excluded; sendDMFromProfile (capture 2025-11).
    {
      kind: 'profile',
      path: '^/(?!home|explore|notifications|messages|i/|settings|compose|search|follower_requests)[A-Za-z0-9_]{1,15}/?$',
      handleFromPath: '^/([A-Za-z0-9_]{1,15})',
      controls: [
        { selector: '[data-testid="primaryColumn"] [data-testid$="-follow"]', does: 'follow' },
        { selector: '[data-testid="primaryColumn"] [data-testid="sendDMFromProfile"]', does: 'message' },
      ],
      // The display name's own span (an emoji inside is an <img>), not the "@handle" under it.
      name: '[data-testid="UserName"] span:not(:has(span, div, button, svg))',
      maxNames: 1,
      exclude: '[data-testid="UserCell"], [data-testid="sidebarColumn"]',
      maxLevels: 12,
    },
  ],
  // Chat's header (code evidence, several independent scripts): its heading, and "@handle" text.
  recipient: {
    name: '[data-testid="dm-conversation-header"] h2, [data-testid="dm-conversation-username"]',
    handle: '[data-testid="dm-conversation-header"]',
    maxLevels: 16,
  },
  labels: {
    en: { accept: ['Accept'] },
    cy: { accept: ['Derbyn'] },
    fr: { accept: ['Accepter'] },
    es: { accept: ['Aceptar'] },
    ar: { accept: ['قبول'] },
    ja: { accept: ['承認'] },
    zh: { accept: ['接受'] },
  },
  // Signed-in account (official accounts) [L]: the side bar's Profile link is /<handle>.
  signedInAccount: [{ selector: 'a[data-testid="AppTabBar_Profile_Link"]', from: 'href', pattern: '^(?:https://(?:x|twitter)\\.com)?/([A-Za-z0-9_]{1,15})/?$' }],
  // Photos (school-photo): live-dom's composer has input[data-testid="fileInput"] (accept image/*, video/mp4,
  // video/quicktime) [H]; drops on the composer or the modal, pastes in the editor. X uploads on attach [M].
  attachments: {
    inputs: 'input[data-testid="fileInput"], input[type="file"]',
    drop: '[data-testid="primaryColumn"], #layers [role="dialog"], [data-testid^="tweetTextarea_"], [data-testid="dm-composer-textarea"]',
    paste: '[data-testid^="tweetTextarea_"], [data-testid="dm-composer-textarea"], [contenteditable="true"], textarea',
    uploadsOnAttach: true,
  },
  // Review my profile (issue 17): the own profile's "Edit profile" link (site-dom.md §1.3 [H] href,
  // [M] test id); UserName/UserDescription/UserLocation/UserProfessionalCategory and the tweet
  // articles with tweetText and a permalink around <time> are in the captured profile [H]. The
  // protected-account lock is icon-lock next to the name (§1.4 [M]); otherwise every post is public.
  ownProfile: {
    path: '^/(?!home|explore|notifications|messages|i/|settings|compose|search|follower_requests)[A-Za-z0-9_]{1,15}(/with_replies)?/?$',
    editControl: { selector: '[data-testid="editProfileButton"], a[href="/settings/profile"]' },
    fields: [
      { selector: '[data-testid="primaryColumn"] [data-testid="UserName"]', surface: 'profile-name', label: 'Name' },
      { selector: '[data-testid="primaryColumn"] [data-testid="UserDescription"]', surface: 'profile-bio', label: 'Bio' },
      { selector: '[data-testid="primaryColumn"] [data-testid="UserProfessionalCategory"]', surface: 'profile-job', label: 'Category' },
      { selector: '[data-testid="primaryColumn"] [data-testid="UserLocation"]', surface: 'profile-bio', label: 'Location' },
    ],
    posts: {
      item: '[data-testid="primaryColumn"] article[data-testid="tweet"]',
      text: '[data-testid="tweetText"]',
      link: 'a[href*="/status/"]:has(time)',
      time: 'time[datetime]',
      publicUnlessPrivate: true,
      privateAccount: '[data-testid="primaryColumn"] [data-testid="UserName"] [data-testid="icon-lock"]',
    },
  },
};
