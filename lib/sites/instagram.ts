/**
 * Instagram: comments in a form textarea "Add a comment…" (or a newer contenteditable), DMs in a
 * Lexical editor aria-label "Message" on /direct/, the new-post caption "Write a caption...".
 * Submit: a role=button named Post / Send / Share; Enter sends comments and messages (site-dom.md §3).
 * Profile (§3.2 [M]): the bio textarea#pepBio ("Bio") and the name field on /accounts/edit, saved by
 * a button named "Submit".
 * Unverified on the live site: the Post/Share button names (localised), the contenteditable comment
 * box, the name field's label.
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
};
