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
};
