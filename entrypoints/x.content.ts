/** Content script for x: wiring only. The site's hooks are in lib/sites/x.ts; the shared page runtime in lib/runtime/. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOnSite } from '../lib/runtime/runtime';
import { x } from '../lib/sites/x';

export default defineContentScript({
  matches: ['*://x.com/*', '*://*.x.com/*', '*://twitter.com/*', '*://*.twitter.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runOnSite(ctx, x);
  },
});
