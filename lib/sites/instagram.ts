/**
 * Instagram: comments in a form textarea "Add a comment…" (or a newer contenteditable), DMs in a
 * Lexical editor aria-label "Message" on /direct/, the new-post caption "Write a caption...".
 * Submit: a role=button named Post / Send / Share; Enter sends comments and messages (site-dom.md §3).
 * Unverified on the live site: the Post/Share button names (localised), the contenteditable comment box.
 */
import type { SiteAdapter } from './types';

export const instagram: SiteAdapter = {
  site: 'instagram',
  surfaces: [
    { surface: 'message', path: '^/direct/' },
    { surface: 'comment', selector: '[aria-label^="Add a comment"], [placeholder^="Add a comment"]' },
    { surface: 'post', selector: '[aria-label^="Write a caption"]' },
    { surface: 'profile-bio', path: '^/accounts/edit' },
  ],
  defaultSurface: 'comment',
  submitControls: [
    { selector: 'form [role="button"], form button', names: ['Post'] },
    { selector: '[role="button"], button', names: ['Send', 'Share'] },
  ],
  enterSends: ['comment', 'message'],
  modEnterSends: [],
};
