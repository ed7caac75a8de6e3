/**
 * Linux: one JSON file in the browser's managed policy folder. The extension's policy sits under
 * "3rdparty" → "extensions" → its id (chromium.org, "Configuring Apps and Extensions by Policy").
 * Folders: Chrome /etc/opt/chrome/policies/managed/, Chromium /etc/chromium/policies/managed/,
 * Edge /etc/opt/edge/policies/managed/.
 */
import type { Policy } from '../policy/schema';
import { forceInstallSettings } from './target';

export function linuxManagedPolicy(policy: Policy, id: string, updateUrl?: string): string {
  const file: Record<string, unknown> = { '3rdparty': { extensions: { [id]: policy } } };
  if (updateUrl) file.ExtensionSettings = forceInstallSettings(id, updateUrl);
  return JSON.stringify(file, null, 2) + '\n';
}
