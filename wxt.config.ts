import { readFileSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { EXTENSION_PUBLIC_KEY } from './lib/extension-identity';
import { chromeOnlyManifest, firefoxOnlyManifest } from './lib/browser-manifest';
import { buildManagedSchema } from './lib/policy/managed-schema';
import { LOOK_FILES } from './lib/photo/look/paths';
import { contentScriptHosts } from './lib/background/reinject';

/**
 * Photos (issue 14), kept in one block so the per-browser manifest split stays easy:
 * - Chrome's service worker has no DOM and no Worker, so faces and text are looked for in an
 *   offscreen document (permission "offscreen", reason WORKERS); Firefox runs the same page in a frame
 *   of its background page and needs no permission for it.
 * - Both need 'wasm-unsafe-eval' in the extension pages' CSP for WebAssembly (tfjs, tesseract).
 * - The models and WebAssembly are copied from their npm packages into the build (lib/photo/look/paths.ts):
 *   nothing is fetched at run time.
 * - The looking page (look.html, lib/photo/look/page.ts) is bundled with esbuild here rather than as a
 *   WXT entrypoint: Rollup takes over a minute on the 2 MB face-detection bundle, esbuild one second.
 */
const photoManifest = (browser: string) =>
  browser === 'firefox'
    ? { permissions: [] as string[] }
    : { permissions: ['offscreen'], content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" } };
async function photoAssets(mode: string) {
  const page = await esbuild({
    entryPoints: [resolve('lib/photo/look/page.ts')],
    bundle: true,
    minify: mode !== 'development',
    format: 'esm',
    target: 'chrome114',
    write: false,
    legalComments: 'none',
    define: { 'import.meta.env.MODE': JSON.stringify(mode) },
    logLevel: 'warning',
  });
  return [
    ...LOOK_FILES.map((f) => ({ absoluteSrc: resolve('node_modules', f.from), relativeDest: f.to })),
    { relativeDest: 'look.html', contents: readFileSync(resolve('lib/photo/look/look.html'), 'utf8') },
    { relativeDest: 'look/page.js', contents: page.outputFiles[0].text },
  ];
}

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
    permissions: ['storage', 'activeTab', ...photoManifest(browser).permissions],
    ...('content_security_policy' in photoManifest(browser) ? { content_security_policy: photoManifest(browser).content_security_policy } : {}),
    // Keys one browser does not know stay out of the other's manifest (see lib/browser-manifest.ts).
    ...(browser === 'firefox' ? firefoxOnlyManifest() : chromeOnlyManifest(EXTENSION_PUBLIC_KEY)),
  }),
  zip: {
    // The sources archive is for Mozilla's reviewers (the code is bundled): what it takes to build, not
    // the tests or the pictures.
    excludeSources: ['tests/**', 'docs/screenshots/**', 'scratch/**', 'demo-screenshots/**', 'test-results/**'],
  },
  hooks: {
    // Chrome: after an update the worker injects the new content scripts into open tabs
    // (lib/background/reinject.ts), which needs "scripting" and host access to the same sites the
    // content scripts run on. Firefox injects them by itself.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') return;
      manifest.permissions = [...(manifest.permissions ?? []), 'scripting'];
      manifest.host_permissions = contentScriptHosts(manifest);
    },
    // Chrome validates this file when it loads the extension; it is generated from the zod schema.
    // Firefox reads no managed schema, so its build does not carry one.
    'build:publicAssets': async (wxt, files) => {
      if (wxt.config.browser !== 'firefox') {
        files.push({
          relativeDest: 'managed_schema.json',
          contents: JSON.stringify(buildManagedSchema(), null, 2) + '\n',
        });
      }
      // Firefox: photos by their metadata only (see entrypoints/background.ts).
      if (wxt.config.browser !== 'firefox') files.push(...(await photoAssets(wxt.config.mode)));
    },
  },
});
