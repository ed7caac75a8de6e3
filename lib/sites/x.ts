/**
 * X (x.com, twitter.com): Draft.js composers carry data-testid="tweetTextarea_<n>" on the
 * contenteditable (site-dom.md §1, from X's own bundle); X Chat uses a textarea
 * data-testid="dm-composer-textarea", legacy DMs dmComposerTextInput. Submit: tweetButton,
 * tweetButtonInline, the DM send buttons; Ctrl/Cmd+Enter posts, Enter sends a message.
 * Replies: the inline reply box under a status, or a composer on a /status/ route.
 * Profile (§1.3, from X's bundle [M]): the edit-profile modal's name="displayName" and
 * name="description" fields, saved by Profile_Save_Button; work history's job_title field.
 * Unverified on the live site: Chat's Enter behaviour, the reply modal's markup, that the bundle's name
 * props reach the DOM, and the work-history Save button's test id.
 * Contacts (pupil-contact): /follower_requests UserCells with Accept [M]; Chat message requests
 * (dm-message-request-*) [M]; the profile header's *-follow button and UserName [H], scoped to the primary
 * column with UserCells ("Who to follow") excluded; sendDMFromProfile [L].
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
    // §1.4 [M]: /follower_requests lists UserCells with Accept / Decline.
    {
      kind: 'follow-request',
      path: '^/follower_requests',
      controls: [{ selector: '[data-testid="UserCell"] [role="button"], [data-testid="UserCell"] button', names: ['Accept'], does: 'accept' }],
      name: '[data-testid="User-Name"]',
      maxLevels: 8,
    },
    // §1.4 [M]: Chat's message requests, rows dm-message-request-item-*, accept button by test id.
    {
      kind: 'message-request',
      path: '^/i/chat/requests',
      controls: [{ selector: '[data-testid="dm-message-request-accept-button"]', does: 'accept' }],
      name: '[data-testid^="dm-message-request-item-"] [dir="ltr"], [data-testid="dm-message-request-name"]',
      maxLevels: 8,
    },
    // Chat's conversation list [L]: the legacy DM list's test id "conversation"; Chat's own is not known.
    { kind: 'chat', path: '^/(i/chat|messages)', controls: [{ selector: '[data-testid="conversation"]', does: 'open-chat' }], name: '[dir="ltr"]', maxLevels: 0 },
    // §1.4 [H]: the header's Follow button (test id <user id>-follow); "Who to follow" cells excluded.
    // Message from a profile: sendDMFromProfile [L], not in site-dom.md.
    {
      kind: 'profile',
      path: '^/(?!home|explore|notifications|messages|i/|settings|compose|search|follower_requests)[A-Za-z0-9_]{1,15}/?$',
      handleFromPath: '^/([A-Za-z0-9_]{1,15})',
      controls: [
        { selector: '[data-testid="primaryColumn"] [data-testid$="-follow"]', does: 'follow' },
        { selector: '[data-testid="primaryColumn"] [data-testid="sendDMFromProfile"]', does: 'message' },
      ],
      name: '[data-testid="UserName"]',
      exclude: '[data-testid="UserCell"], [data-testid="sidebarColumn"]',
      maxLevels: 12,
    },
  ],
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
