/** Content script for facebook: wiring only. The site's hooks are in lib/sites/facebook.ts; the shared page runtime in lib/runtime/. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOnSite } from '../lib/runtime/runtime';
import { facebook } from '../lib/sites/facebook';

export default defineContentScript({
  matches: ['*://*.facebook.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runOnSite(ctx, facebook);
  },
});
