import { defineConfig } from 'wxt';
import { EXTENSION_PUBLIC_KEY } from './lib/extension-identity';
import { chromeOnlyManifest, firefoxOnlyManifest } from './lib/browser-manifest';
import { buildManagedSchema } from './lib/policy/managed-schema';

export default defineConfig({
  // Our own layout: entrypoints/, components/, lib/, assets/ at the top level, no public/ folder.
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  imports: false,
  // Manifest V3 for every browser: without this WXT builds Firefox as MV2. Firefox runs the background
  // as an event page (background.scripts), Chrome as a service worker, from the same entrypoint.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Second Look',
    description:
      "Checks what you are about to post on social media against your school's policy, on your device. Nothing you type is stored or sent.",
    // activeTab: when the person clicks the toolbar button, the popup may read that one tab's address to
    // say whether Second Look is on there. No install warning, no access to any other tab; never kept.
    // (The content scripts' site matches alone do not reveal tab addresses: seen in Chromium 156.)
    permissions: ['storage', 'activeTab'],
    // Keys one browser does not know stay out of the other's manifest (see lib/browser-manifest.ts).
    ...(browser === 'firefox' ? firefoxOnlyManifest() : chromeOnlyManifest(EXTENSION_PUBLIC_KEY)),
  }),
  zip: {
    // The sources archive is for Mozilla's reviewers (the code is bundled): what it takes to build, not
    // the tests or the pictures.
    excludeSources: ['tests/**', 'docs/screenshots/**', 'scratch/**', 'demo-screenshots/**', 'test-results/**'],
  },
  hooks: {
    // Chrome validates this file when it loads the extension; it is generated from the zod schema.
    // Firefox reads no managed schema, so its build does not carry one.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'firefox') return;
      files.push({
        relativeDest: 'managed_schema.json',
        contents: JSON.stringify(buildManagedSchema(), null, 2) + '\n',
      });
    },
  },
});
