/** Content script for tiktok: wiring only. The site's hooks are in lib/sites/tiktok.ts; the shared page runtime in lib/runtime/. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOnSite } from '../lib/runtime/runtime';
import { tiktok } from '../lib/sites/tiktok';

export default defineContentScript({
  matches: ['*://*.tiktok.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runOnSite(ctx, tiktok);
  },
});
