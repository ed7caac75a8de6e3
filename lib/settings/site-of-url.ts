/**
 * Which of the four sites a tab is on, from its address. Mirrors the content scripts' `matches`
 * (entrypoints/<site>.content.ts); tests/unit/settings/site-of-url.test.ts keeps the two in step.
 */
import type { Site } from '../policy/rule-ids';

const SITE_DOMAINS: Record<Site, readonly string[]> = {
  facebook: ['facebook.com'],
  x: ['x.com', 'twitter.com'],
  instagram: ['instagram.com'],
  tiktok: ['tiktok.com'],
};

export const SITE_LABELS: Record<Site, string> = {
  facebook: 'Facebook',
  x: 'X (Twitter)',
  instagram: 'Instagram',
  tiktok: 'TikTok',
};

export function siteOfUrl(url: string | undefined): Site | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.toLowerCase();
  for (const [site, domains] of Object.entries(SITE_DOMAINS) as [Site, readonly string[]][]) {
    if (domains.some((d) => host === d || host.endsWith(`.${d}`))) return site;
  }
  return undefined;
}
