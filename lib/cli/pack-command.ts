/**
 * `npm run pack`: the built extension as a signed CRX3 package for a self-hosted install, with the
 * update manifest browsers poll and the force-install settings that point at the school's own
 * address, for Chrome and Edge. The signing key is the school's (or the maintainers'): made on the
 * first run and kept, because every later version must be signed with the same key or browsers see
 * a different extension (another id).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { forceInstallSettings } from '../deploy/target';
import { windowsForceInstallReg } from '../deploy/windows-reg';
import { xmlText } from '../deploy/xml';
import { crx3, publicKeyDer, readPrivateKey } from './crx3';
import { writeZip } from '../deploy/zip-deployment';
import type { ParsedOptions } from './options';

interface Io {
  stdout: Writable;
  stderr: Writable;
}

/** https://, or http:// on this computer only (for testing a self-hosted install locally). */
function checkBaseUrl(value: string | undefined): URL | string {
  if (!value) return 'pack needs --base-url <https://your.school/second-look/>: the address where you will put the package and updates.xml.';
  let url: URL;
  try {
    url = new URL(value.endsWith('/') ? value : `${value}/`);
  } catch {
    return `--base-url must be a web address such as https://your.school/second-look/; found ${JSON.stringify(value)}.`;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return `--base-url must start with https:// (browsers fetch extensions over https); found ${JSON.stringify(value)}.`;
  }
  return url;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

export function updateManifest(id: string, version: string, crxUrl: string): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${xmlText(id)}'>`,
    `    <updatecheck codebase='${xmlText(crxUrl)}' version='${xmlText(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

function packReadme(id: string, version: string, base: string, crxName: string): string {
  const updates = `${base}updates.xml`;
  return [
    `Second Look ${version}, packed for a self-hosted install`,
    '',
    `Extension id: ${id}`,
    `Update address: ${updates}`,
    '',
    `1. Put ${crxName} and updates.xml at ${base} (an https web server or site the laptops can reach).`,
    '   Each new version: run "npm run pack" again with the same --key, and replace both files.',
    '2. Force-install it (Chrome and Edge allow self-hosted force-installs only on managed computers:',
    '   joined to a domain or Entra ID, or enrolled in Intune or another MDM; on Linux, any computer):',
    `   - Group Policy or a script: force-install\\chrome.reg and force-install\\edge.reg, e.g. in PowerShell as administrator:`,
    '       reg import .\\force-install\\chrome.reg',
    '   - Intune: Devices > Configuration > Create > Settings catalog > Google Chrome > Extensions >',
    '     "Configure the list of force-installed apps and extensions" (Edge: Microsoft Edge > Extensions >',
    `     "Control which extensions are installed silently"), value:  ${id};${updates}`,
    `   - Google Admin: Apps & extensions > Users & browsers > + > "Add Chrome app or extension by ID" >`,
    `     "From a custom URL": id ${id}, URL ${updates}; then set it to Force install.`,
    '   - Linux: force-install/linux.json into /etc/opt/chrome/policies/managed/ (Chromium: /etc/chromium/policies/managed/).',
    '3. Build the school\'s policy for this id:',
    `     npm run --silent cli -- policy build ... --extension-id ${id} --update-url ${updates}`,
    '',
    'Keep the key file safe and private: it is what makes later versions updates of this one.',
    '',
  ].join('\r\n');
}

export async function runPack(opts: ParsedOptions, io: Io, repoRoot: string): Promise<number> {
  const v = opts.values;
  const fail = (message: string) => {
    io.stderr.write(`${message}\nNothing was written.\n`);
    return 2;
  };
  const base = checkBaseUrl(v['base-url']);
  if (typeof base === 'string') return fail(base);
  if (!v.key) return fail('pack needs --key <second-look.pem>: the private key that signs the package (made there if it does not exist yet).');
  const extensionDir = resolve(v['extension-dir'] ?? join(repoRoot, '.output/chrome-mv3'));
  if (!existsSync(join(extensionDir, 'manifest.json'))) return fail(`${extensionDir}: no built extension here (run "npm run build" first, or use "npm run pack", which builds).`);

  let key;
  let madeKey = false;
  if (existsSync(v.key)) {
    try {
      key = readPrivateKey(readFileSync(v.key, 'utf8'));
    } catch (e) {
      return fail(`${v.key}: cannot use this as the signing key: ${(e as Error).message}`);
    }
  } else {
    key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    mkdirSync(dirname(resolve(v.key)), { recursive: true });
    writeFileSync(v.key, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    madeKey = true;
  }

  // The manifest's "key" pins the id of unpacked builds; in the package it must be the signing key's.
  const tree: { path: string; content: Uint8Array }[] = [];
  let version = '';
  for (const file of filesUnder(extensionDir)) {
    const path = relative(extensionDir, join(extensionDir, file)).split('\\').join('/');
    let bytes: Uint8Array = readFileSync(join(extensionDir, file));
    if (path === 'manifest.json') {
      const manifest = JSON.parse(new TextDecoder().decode(bytes)) as { key?: string; version: string };
      manifest.key = Buffer.from(publicKeyDer(key)).toString('base64');
      version = manifest.version;
      bytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
    }
    tree.push({ path, content: bytes });
  }
  const { crx, id } = crx3(await writeZip(tree, 9), key);
  const crxName = `second-look-${version}.crx`;
  const updates = `${base.href}updates.xml`;
  const out = resolve(v.out ?? join(repoRoot, '.output/self-hosted'));
  const files: [string, string | Uint8Array][] = [
    [crxName, crx],
    ['updates.xml', updateManifest(id, version, `${base.href}${crxName}`)],
    ['force-install/chrome.reg', windowsForceInstallReg('chrome', id, updates)],
    ['force-install/edge.reg', windowsForceInstallReg('edge', id, updates)],
    ['force-install/linux.json', JSON.stringify({ ExtensionSettings: forceInstallSettings(id, updates) }, null, 2) + '\n'],
    ['README.txt', packReadme(id, version, base.href, crxName)],
  ];
  for (const [path, content] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  if (madeKey) io.stderr.write(`${v.key}: a new signing key was made and saved there. Keep it private and keep it: every later version must be signed with it.\n`);
  io.stdout.write(`Packed Second Look ${version} as ${id}.\nWrote to ${out}:\n${files.map(([p]) => `  ${p}`).join('\n')}\nSee README.txt there for where each goes.\n`);
  return 0;
}
