/** Content script for instagram: wiring only. The site's hooks are in lib/sites/instagram.ts; the shared page runtime in lib/runtime/. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOnSite } from '../lib/runtime/runtime';
import { instagram } from '../lib/sites/instagram';

export default defineContentScript({
  matches: ['*://*.instagram.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runOnSite(ctx, instagram);
  },
});
