/**
 * A school's `siteOverrides` merged over a built-in adapter: its hints, send controls and contact
 * surfaces come first (tried before the built-in ones), its Enter lists, default surface and
 * recipient replace the built-in ones when given, and its words are added to each language's table.
 * The override was validated with the policy (lib/policy/site-overrides.ts); this only merges.
 */
import type { SiteOverride } from '../policy/schema';
import type { LocaleLabels, SiteAdapter } from './types';

function mergeLabels(base: LocaleLabels, extra: LocaleLabels | undefined): LocaleLabels {
  if (!extra) return base;
  const merged: LocaleLabels = { ...base };
  for (const [lang, byKey] of Object.entries(extra)) {
    const into = { ...(merged[lang] ?? {}) };
    for (const [key, words] of Object.entries(byKey)) into[key] = [...new Set([...words, ...(into[key] ?? [])])];
    merged[lang] = into;
  }
  return merged;
}

export function withOverrides(adapter: SiteAdapter, override: SiteOverride | undefined): SiteAdapter {
  if (!override) return adapter;
  return {
    ...adapter,
    surfaces: [...(override.surfaces ?? []), ...adapter.surfaces],
    defaultSurface: override.defaultSurface ?? adapter.defaultSurface,
    submitControls: [...(override.submitControls ?? []), ...adapter.submitControls],
    enterSends: override.enterSends ?? adapter.enterSends,
    modEnterSends: override.modEnterSends ?? adapter.modEnterSends,
    contacts: [...(override.contacts ?? []), ...adapter.contacts],
    recipient: override.recipient ?? adapter.recipient,
    labels: mergeLabels(adapter.labels, override.labels),
  };
}
