/**
 * `npm run --silent check:live-dom -- [--json] [--policy <file>] <folder>`
 *
 * Reads every saved page in a folder of captures (a `manifest.json` listing `{file, site, path}`,
 * optionally `lang`; else the "UI" column of the folder's SOURCES.md table; else English) with the
 * runtime's own page-reading code and the site's adapter, in real Chromium (page scripts off, no
 * network), and reports what the runtime would see: each editor's surface, whether a hint named it,
 * whether its send control is found and whether a plain Enter sends; each contact control with the
 * person it reads; and which of the adapter's hooks matched something. `--policy` merges a policy
 * file's `siteOverrides`, to try a fix on the captures before pushing it.
 *
 * The captures are read where they are, never copied: they hold real people's names.
 * It launches a browser: wrap it in `flock /tmp/second-look-browser.lock` on shared machines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { formatIssues, validatePolicy } from '../../lib/policy/validate';
import type { SiteOverride } from '../../lib/policy/schema';
import type { Site } from '../../lib/policy/rule-ids';
import type { PageSeen } from './in-page';

const ORIGINS: Record<Site, string> = {
  facebook: 'https://www.facebook.com',
  x: 'https://x.com',
  instagram: 'https://www.instagram.com',
  tiktok: 'https://www.tiktok.com',
};

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

interface ManifestEntry {
  file: string;
  site: Site;
  path: string;
  lang?: string;
}

export interface CaptureReport {
  file: string;
  site: Site;
  path: string;
  lang: string;
  editors: { surface: string; matched: boolean; send: boolean; enterSends: boolean; hint: string; recipient?: { name: string; handle?: string } }[];
  contacts: { kind: string; does: string; name: string; handle: string }[];
}

export interface HookReport {
  site: Site;
  where: string;
  selector: string;
  label?: string;
  /** Captures of this site in which the hook matched at least one element. */
  captures: string[];
}

export interface LiveDomReport {
  captures: CaptureReport[];
  hooks: HookReport[];
  /** Selectors the browser rejected (only possible from --policy overrides). */
  invalid: { site: Site; where: string; value: string }[];
  /** Files the manifest lists that could not be read. */
  missing: string[];
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) fail('check:live-dom needs Chromium: install Debian\'s "chromium" package or set CHROME_PATH.');
  return path;
}

/** The "UI" column of SOURCES.md's table, by file, for manifests that do not give `lang`. */
function uiLanguages(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const sources = join(folder, 'SOURCES.md');
  if (!existsSync(sources)) return found;
  let columns: string[] | undefined;
  for (const line of readFileSync(sources, 'utf8').split('\n')) {
    if (!line.startsWith('|')) {
      columns = undefined;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (!columns) {
      columns = cells.map((c) => c.toLowerCase());
      continue;
    }
    const file = cells[columns.indexOf('file')]?.replace(/`/g, '');
    const ui = cells[columns.indexOf('ui')];
    if (file && ui && /^[a-z]{2,3}$/.test(ui)) found.set(file, ui);
  }
  return found;
}

function readManifest(folder: string): (ManifestEntry & { lang: string })[] {
  const path = join(folder, 'manifest.json');
  if (!existsSync(path)) fail(`No manifest.json in ${folder}: a capture folder lists its files as [{"file", "site", "path"}].`);
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) fail(`${path} must hold a list of {"file", "site", "path"}.`);
  const langs = uiLanguages(folder);
  return entries.map((e, i) => {
    const entry = e as Partial<ManifestEntry>;
    if (typeof entry.file !== 'string' || typeof entry.path !== 'string' || !(entry.site && entry.site in ORIGINS)) {
      fail(`${path}, entry ${i}: needs "file", "path" and "site" (one of ${Object.keys(ORIGINS).join(', ')}).`);
    }
    return { file: entry.file, site: entry.site, path: entry.path, lang: entry.lang ?? langs.get(entry.file) ?? 'en' };
  });
}

function readOverrides(file: string | undefined): Partial<Record<Site, SiteOverride>> {
  if (!file) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`Could not read the policy ${file}: ${(error as Error).message}`);
  }
  const result = validatePolicy(raw);
  if (!result.policy) fail(`The policy ${file} has problems:\n${formatIssues(result.issues)}`);
  return result.policy.siteOverrides ?? {};
}

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'in-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome114',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export async function checkCaptures(folder: string, overrides: Partial<Record<Site, SiteOverride>> = {}): Promise<LiveDomReport> {
  const entries = readManifest(folder);
  const script = await pageScript();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const report: LiveDomReport = { captures: [], hooks: [], invalid: [], missing: [] };
  const hooks = new Map<string, HookReport>();
  try {
    // The captures' own scripts never run, and nothing is fetched: only the page itself is served.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    let html = '';
    await page.route('**/*', (route) => (route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort()));
    for (const entry of entries) {
      const file = join(folder, entry.file);
      if (!existsSync(file)) {
        report.missing.push(entry.file);
        continue;
      }
      html = `<!DOCTYPE html><html lang="${entry.lang}"><head><meta charset="utf-8"></head><body>${readFileSync(file, 'utf8')}</body></html>`;
      await page.goto(ORIGINS[entry.site] + entry.path);
      await page.evaluate(script);
      const seen = (await page.evaluate(
        ([site, override]) => (globalThis as unknown as { __secondLookRead: (s: string, o?: unknown) => PageSeen }).__secondLookRead(site, override),
        [entry.site, overrides[entry.site]] as const,
      )) as PageSeen;
      report.captures.push({ file: entry.file, site: entry.site, path: entry.path, lang: seen.lang, editors: seen.editors, contacts: seen.contacts });
      for (const h of seen.hooks) {
        const key = `${entry.site} ${h.where} ${h.selector}`;
        const row: HookReport = hooks.get(key) ?? { site: entry.site, where: h.where, selector: h.selector, ...(h.label ? { label: h.label } : {}), captures: [] };
        if (h.count > 0) row.captures.push(entry.file);
        hooks.set(key, row);
      }
      for (const bad of seen.invalid) if (!report.invalid.some((i) => i.site === entry.site && i.where === bad.where)) report.invalid.push({ site: entry.site, ...bad });
    }
  } finally {
    await browser.close();
  }
  report.hooks = [...hooks.values()];
  return report;
}

const yes = (b: boolean) => (b ? 'yes' : 'no');

export function formatReport(report: LiveDomReport): string {
  const out: string[] = [];
  const rows: string[][] = [['capture', 'lang', 'what', 'surface / kind', 'hint matched', 'send found', 'Enter sends', 'person']];
  for (const c of report.captures) {
    const name = `${c.file} (${c.path})`;
    if (!c.editors.length && !c.contacts.length) rows.push([name, c.lang, '—', 'nothing to act on', '', '', '', '']);
    for (const e of c.editors) {
      const person = e.recipient ? `to ${e.recipient.name}${e.recipient.handle ? ` (${e.recipient.handle})` : ''}` : e.surface === 'message' ? 'to ?' : '';
      rows.push([name, c.lang, 'editor', e.surface, e.matched ? `yes (${e.hint})` : 'no (default)', yes(e.send), yes(e.enterSends), person]);
    }
    for (const k of c.contacts) rows.push([name, c.lang, `contact: ${k.does}`, k.kind, '', '', '', `${k.name || '(no name)'}${k.handle ? ` @${k.handle}` : ''}`]);
  }
  const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i].length))));
  for (const [i, r] of rows.entries()) {
    out.push(r.map((cell, j) => cell.slice(0, 60).padEnd(widths[j])).join('  ').trimEnd());
    if (i === 0) out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  const bySite = (list: HookReport[]) => {
    for (const h of list) {
      const label = h.label ? ` [label: ${h.label}]` : '';
      out.push(`  ${h.site.padEnd(9)} ${h.where.padEnd(26)} ${h.selector}${label}${h.captures.length ? `  (${h.captures.length}: ${h.captures.join(', ')})` : ''}`);
    }
  };
  out.push('', 'Hooks a capture confirms (matched at least one element):');
  bySite(report.hooks.filter((h) => h.captures.length));
  out.push('', 'Selectors that matched nothing in any capture of their site:');
  bySite(report.hooks.filter((h) => !h.captures.length));
  if (report.invalid.length) {
    out.push('', 'Selectors or patterns this browser rejected:');
    for (const i of report.invalid) out.push(`  ${i.site} ${i.where}: ${i.value}`);
  }
  if (report.missing.length) out.push('', `Files listed in manifest.json but missing: ${report.missing.join(', ')}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const policyAt = args.indexOf('--policy');
  const policy = policyAt >= 0 ? args[policyAt + 1] : undefined;
  const rest = args.filter((a, i) => a !== '--json' && (policyAt < 0 || (i !== policyAt && i !== policyAt + 1)));
  if (rest.length !== 1 || (policyAt >= 0 && !policy)) fail('Usage: npm run --silent check:live-dom -- [--json] [--policy <policy.json>] <folder of captures>');
  const folder = resolve(rest[0]);
  const report = await checkCaptures(folder, readOverrides(policy));
  if (json) {
    // The format the issue asks for; hooks and problems ride along.
    const captures = report.captures.map(({ file, site, path, editors, contacts }) => ({
      file,
      site,
      path,
      editors: editors.map(({ hint: _hint, ...e }) => e),
      contacts,
    }));
    process.stdout.write(JSON.stringify({ captures, hooks: report.hooks, invalid: report.invalid, missing: report.missing }, null, 1) + '\n');
  } else {
    process.stdout.write(formatReport(report) + '\n');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => fail(`check:live-dom failed: ${(error as Error).stack ?? String(error)}`));
}
