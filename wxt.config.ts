import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { EXTENSION_PUBLIC_KEY } from './lib/extension-identity';
import { buildManagedSchema } from './lib/policy/managed-schema';

export default defineConfig({
  // Our own layout: entrypoints/, components/, lib/, assets/ at the top level, no public/ folder.
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Second Look',
    description:
      "Checks what you are about to post on social media against your school's policy, on your device. Nothing you type is stored or sent.",
    key: EXTENSION_PUBLIC_KEY,
    // activeTab: when the person clicks the toolbar button, the popup may read that one tab's address to
    // say whether Second Look is on there. No install warning, no access to any other tab; never kept.
    // (The content scripts' site matches alone do not reveal tab addresses: seen in Chromium 156.)
    permissions: ['storage', 'activeTab'],
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'second-look@secondlook.school' } } }
      : { minimum_chrome_version: '114' }),
  }),
  hooks: {
    // Chrome validates this file when it loads the extension; it is generated from the zod schema.
    'build:publicAssets': (wxt, files) => {
      files.push({
        relativeDest: 'managed_schema.json',
        contents: JSON.stringify(buildManagedSchema(), null, 2) + '\n',
      });
    },
  },
});
