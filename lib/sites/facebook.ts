/**
 * Facebook: Lexical editors everywhere (data-lexical-editor="true").
 * Hooks from site-dom.md §2: comment/reply boxes by aria-label prefix ("Comment as", "Reply to",
 * "Write a comment"), Messenger by route and aria-label "Message", the post composer in the
 * "Create post" dialog. Submit: #focused-state-composer-submit, Comment/Reply/Post/Next buttons,
 * "Press enter to send"; Enter sends comments, replies and messages.
 * Profile: the work and education form (Company, Position) and the intro/bio; no public evidence for
 * these forms (site-dom.md §2.3 [L]), so they are matched by their field labels and the About route.
 * Unverified on the live site: every aria-label (they are also localised), the two-stage Page flow.
 * How to test: tests/fixtures/sites/facebook, tests/e2e/compose-*.spec.ts.
 * Contacts (pupil-contact): friend requests by their Confirm buttons and profile_id links (§2.4 [M]);
 * Add friend / Follow / Message on a profile, whose name is its h1 ([H] for Add friend, [L] for the h1);
 * Messenger message requests have no public evidence [L] (an "Accept" button near a heading).
 */
import type { SiteAdapter } from './types';

export const facebook: SiteAdapter = {
  site: 'facebook',
  surfaces: [
    { surface: 'reply', selector: '[aria-label^="Reply to"], [aria-placeholder^="Reply to"]' },
    { surface: 'comment', selector: '[aria-label^="Comment as"], [aria-label^="Write a comment"], [aria-placeholder^="Write a comment"]' },
    { surface: 'message', path: '^/messages/' },
    { surface: 'message', selector: '[aria-label="Message"], [aria-label="Type a message..."], [aria-label^="Message "]' },
    { surface: 'post', selector: '[role="dialog"][aria-label="Create post"], [aria-label^="What\'s on your mind"], [aria-label^="What’s on your mind"]' },
    { surface: 'profile-job', selector: 'input[aria-label="Company"], input[aria-label="Position"], input[aria-label="Workplace"], input[aria-label="Job title"]' },
    { surface: 'profile-job', selector: 'textarea[aria-label="Description"]', path: 'about_work_and_education' },
    { surface: 'profile-bio', selector: 'textarea[aria-label="Bio"], textarea[aria-label="Enter bio text"], textarea[aria-label^="Describe who you are"]' },
  ],
  defaultSurface: 'post',
  submitControls: [
    '#focused-state-composer-submit [role="button"]',
    '[role="button"][aria-label="Comment"]',
    '[role="button"][aria-label="Reply"]',
    '[role="button"][aria-label="Post"]',
    '[role="button"][aria-label="Next"]',
    '[aria-label="Press enter to send"]',
    '[aria-label="Press Enter to send"]',
    '[role="button"][aria-label="Send"]',
    '[role="button"][aria-label="Save"]',
  ],
  enterSends: ['comment', 'reply', 'message'],
  modEnterSends: [],
  contacts: [
    // §2.4 [M]: request cards have Confirm/Delete role=buttons and a link to the requester.
    {
      kind: 'friend-request',
      controls: [{ selector: '[role="button"][aria-label="Confirm"], [role="button"][aria-label="Confirm request"]', does: 'accept' }],
      name: 'a[href*="profile_id="]',
      maxLevels: 6,
    },
    // No evidence for Messenger's message requests [L]: an Accept button near the person's name.
    { kind: 'message-request', path: '^/messages/requests', controls: [{ selector: '[role="button"]', names: ['Accept'], does: 'accept' }], name: 'h2, [role="heading"]', maxLevels: 8 },
    // Messenger's chat list [L], no evidence: rows are links to /messages/t/<id>, the name their first span.
    { kind: 'chat', path: '^/messages', controls: [{ selector: 'a[href^="/messages/t/"]', does: 'open-chat' }], name: 'span[dir="auto"]', maxLevels: 0 },
    // §2.4 [H]: Add friend (case varies) on a profile, Follow in professional mode; Message [M].
    {
      kind: 'profile',
      path: '^/(?!friends|messages|groups|watch|marketplace|settings|notifications|bookmarks|events|gaming|search)[^/]+/?$',
      controls: [
        { selector: '[role="button"][aria-label="Add friend"], [role="button"][aria-label="Add Friend"]', does: 'add-friend' },
        { selector: '[role="button"][aria-label="Follow"]', does: 'follow' },
        { selector: '[role="button"][aria-label="Message"]', does: 'message' },
      ],
      name: 'h1',
      exclude: '[role="article"], [aria-label="People you may know"]',
      maxLevels: 12,
    },
  ],
  // Review my profile (issue 17): the own profile's "Edit profile" role=button, seen as "Modifier le
  // profil" in the French capture [H for the control, labels per locale]; the name is its h1 [M]. Post
  // text in data-ad-preview / data-ad-comet-preview="message" (many scrapers) [M], posts are role=article
  // in ProfileTimeline pagelets (§2.1) [M], the permalink is the timestamp link [M], the audience icon
  // is titled "Shared with Public" (a clone of the markup) [M]. The Intro tiles have no evidence [L].
  ownProfile: {
    path: '^/(?!friends|messages|groups|watch|marketplace|settings|notifications|bookmarks|events|gaming|search)([^/]+/?|profile\\.php)$',
    editControl: { selector: '[role="button"][aria-label]', names: ['Edit profile', 'Modifier le profil'] },
    fields: [
      { selector: '[role="main"] h1', surface: 'profile-name', label: 'Name' },
      { selector: '[data-pagelet^="ProfileTilesFeed"] span[dir="auto"]', surface: 'profile-bio', label: 'Intro' },
    ],
    posts: {
      item: '[data-pagelet^="ProfileTimeline"] [role="article"]',
      text: '[data-ad-comet-preview="message"], [data-ad-preview="message"]',
      link: 'a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"]',
      public: { selector: '[aria-label], [title], svg', names: ['Shared with Public', 'Partagé avec Public'] },
    },
  },
};
