/**
 * Instagram: comments in a form textarea "Add a comment…" (or a newer contenteditable), DMs in a
 * Lexical editor aria-label "Message" on /direct/, the new-post caption "Write a caption...".
 * Submit: a role=button named Post / Send / Share; Enter sends comments and messages (site-dom.md §3).
 * Profile (§3.2 [M]): the bio textarea#pepBio ("Bio") and the name field on /accounts/edit, saved by
 * a button named "Submit".
 * Unverified on the live site: the Post/Share button names (localised), the contenteditable comment
 * box, the name field's label.
 * Contacts (pupil-contact): follow requests have no stable selectors (§3.3): a "Confirm" button with a
 * profile link near it, on any page [L]; message requests at /direct/requests [L]; the profile header's
 * Follow / Follow Back / Message buttons by text [M]. All English labels: localised UIs are not covered.
 */
import type { SiteAdapter } from './types';

export const instagram: SiteAdapter = {
  site: 'instagram',
  surfaces: [
    { surface: 'message', path: '^/direct/' },
    { surface: 'comment', selector: '[aria-label^="Add a comment"], [placeholder^="Add a comment"]' },
    { surface: 'post', selector: '[aria-label^="Write a caption"]' },
    { surface: 'profile-bio', selector: '#pepBio, textarea[placeholder="Bio"], textarea[name="biography"]' },
    { surface: 'profile-name', selector: 'input[aria-label="Name"], input[name="fullName"]', path: '^/accounts/edit' },
  ],
  defaultSurface: 'comment',
  submitControls: [
    { selector: 'form [role="button"], form button', names: ['Post'] },
    { selector: '[role="button"], button', names: ['Send', 'Share', 'Submit'] },
  ],
  enterSends: ['comment', 'message'],
  modEnterSends: [],
  contacts: [
    // §3.3: no stable selectors for follow requests [L]. Designed around labels: a Confirm button
    // with a profile link near it, anywhere (the activity panel opens over any page).
    {
      kind: 'follow-request',
      controls: [{ selector: 'button, [role="button"]', names: ['Confirm'], does: 'accept' }],
      name: 'a[href^="/"][role="link"], a[href^="/"][role="link"] ~ span',
      handle: 'a[href^="/"][role="link"]',
      maxLevels: 5,
    },
    // Message requests at /direct/requests [L]: Accept, with the person's name as the thread heading.
    { kind: 'message-request', path: '^/direct/requests', controls: [{ selector: 'button, [role="button"]', names: ['Accept'], does: 'accept' }], name: 'h2, [role="heading"]', maxLevels: 10 },
    // The Direct thread list [L], no evidence: rows are links to /direct/t/<id>/, the name their first span.
    { kind: 'chat', path: '^/direct/', controls: [{ selector: 'a[href^="/direct/t/"]', does: 'open-chat' }], name: 'span[dir="auto"]', maxLevels: 0 },
    // §3.3 [M]: the profile header's Follow / Follow Back / Message buttons, matched by text.
    {
      kind: 'profile',
      path: '^/(?!accounts|direct|explore|reels|stories|p/)[A-Za-z0-9._]+/?$',
      handleFromPath: '^/([A-Za-z0-9._]+)',
      controls: [
        { selector: 'header button, header [role="button"]', names: ['Follow', 'Follow Back', 'Follow back'], does: 'follow' },
        { selector: 'header button, header [role="button"]', names: ['Message'], does: 'message' },
      ],
      name: 'header h1, header h2, header span[dir="auto"]',
      maxLevels: 12,
    },
  ],
  // Review my profile (issue 17): both captured own-profile headers have an "Edit profile" link to
  // /accounts/edit/ and no Follow button [H]; the name is a bare span[dir=auto] in the header and the bio
  // the span inside its role=button [M, two captures]. Posts are the grid's /p/ and /reel/ links, read by
  // their image's alt text [L, no capture]; every post of an account that is not private is public [L].
  ownProfile: {
    path: '^/(?!accounts|direct|explore|reels|stories|p/)[A-Za-z0-9._]+/?$',
    editControl: { selector: 'header a[href*="/accounts/edit"]' },
    fields: [
      { selector: 'header section div > span[dir="auto"]:not(:has(*)):not([role="button"] *)', surface: 'profile-name', label: 'Name' },
      { selector: 'header [role="button"] > span[dir="auto"]', surface: 'profile-bio', label: 'Bio' },
    ],
    posts: {
      item: 'main a[href*="/p/"], main a[href*="/reel/"]',
      text: 'img[alt]',
      link: ':scope',
      publicUnlessPrivate: true,
      privateAccount: 'header svg[aria-label="Private account"]',
    },
  },
};
