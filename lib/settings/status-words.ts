/**
 * The one-line summaries the popup and options page show: which settings are in force, and whether
 * Second Look is on for the site in the current tab.
 */
import type { Site } from '../policy/rule-ids';
import type { PolicySource, PolicyState } from '../policy/storage-keys';
import { SITE_LABELS, siteOfUrl } from './site-of-url';

export interface SourceWords {
  source: PolicySource;
  text: string;
}

export function sourceWords(state: Pick<PolicyState, 'source' | 'policy'> | undefined): SourceWords {
  const source = state?.source ?? 'defaults';
  if (source === 'managed') {
    const school = state?.policy.schoolName?.trim();
    return { source, text: school ? `Managed by ${school}` : 'Managed by your school' };
  }
  if (source === 'personal') return { source, text: 'Your own settings' };
  return { source, text: 'Not set up yet' };
}

export interface SiteWords {
  site?: Site;
  active: boolean;
  text: string;
}

export function siteWords(url: string | undefined, state: Pick<PolicyState, 'source' | 'policy' | 'lockedKeys'> | undefined): SiteWords {
  const site = siteOfUrl(url);
  if (!site) return { active: false, text: 'Second Look does not check this page. It works on Facebook, X, Instagram and TikTok.' };
  const label = SITE_LABELS[site];
  if (state?.policy.sites?.[site]?.enabled === false) {
    const who = state.lockedKeys.includes('sites') ? 'your school’s settings' : 'your settings';
    return { site, active: false, text: `Off on ${label}: turned off in ${who}.` };
  }
  return { site, active: true, text: `On for ${label}: it checks what you write before you post.` };
}
