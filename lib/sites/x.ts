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
};
