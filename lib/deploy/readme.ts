/** README.txt for the output folder: which file goes where. Plain text, CRLF, for Notepad too. */
import type { DeployTarget } from './target';

export function deployReadme(target: DeployTarget, opts: { hashed: boolean; files: string[] }): string {
  const has = (f: string) => opts.files.includes(f);
  const { chrome, edge, firefox, schoolName } = target;
  const lines = [
    `Second Look policy for ${schoolName}`,
    '',
    'Every file here holds the same policy, wrapped for one kind of console. Use the ones you need.',
    opts.hashed
      ? "Rosters are in keyed-hash form: names do not show in chrome://policy. Still treat these files as confidential (see docs/deploy.md)."
      : 'Rosters are in plain names: anyone who can open chrome://policy on a laptop can read them. For school-wide deployment, build with --hash.',
    ...(opts.hashed
      ? ['roster-key.txt (unless you gave --key-file) is the school\'s roster key: keep it for next term\'s build; laptops do not need it.']
      : []),
    '',
    `Extension ids: Chrome ${chrome.id}, Edge ${edge.id}, Firefox ${firefox.id}.`,
    '',
    'policy.json                       The policy itself. Check it with: npm run --silent cli -- check --policy policy.json',
    '',
    'Google Admin console (Chrome, ChromeOS)',
    '  google-admin/policy-for-extensions.json',
    '      Devices > Chrome > Apps & extensions > Users & browsers > Second Look > "Policy for extensions": paste or upload.',
    '',
    'Windows: Group Policy or Intune',
    '  windows/admx/SecondLook-Chrome.admx + windows/admx/en-US/SecondLook-Chrome.adml',
    '  windows/admx/SecondLook-Edge.admx + windows/admx/en-US/SecondLook-Edge.adml',
    '      Group Policy: copy to \\\\<domain>\\SYSVOL\\<domain>\\Policies\\PolicyDefinitions (and en-US). Intune: Devices > Configuration >',
    '      Import ADMX. Then set each value under "Second Look"; lists and rosters are pasted as JSON from policy.json.',
    '  windows/chrome.reg, windows/edge.reg',
    '      The whole policy at once, e.g. "reg import chrome.reg" as administrator, or run from a script or Intune remediation.',
  ];
  if (has('windows/chrome-force-install.reg') || has('windows/edge-force-install.reg')) {
    lines.push('  windows/chrome-force-install.reg, windows/edge-force-install.reg', '      Installs the extension and stops people removing it (ExtensionInstallForcelist).');
  }
  lines.push(
    '',
    'macOS: Jamf, Intune, Mosyle or any MDM',
    '  macos/chrome.mobileconfig, macos/edge.mobileconfig',
    `      Upload as a custom configuration profile.${chrome.updateUrl ? ' They also force-install the extension.' : ''}`,
    '',
    'Linux',
    '  linux/chrome-and-chromium.json',
    '      Chrome: /etc/opt/chrome/policies/managed/second-look.json   Chromium: /etc/chromium/policies/managed/second-look.json',
    '  linux/edge.json',
    '      Edge: /etc/opt/edge/policies/managed/second-look.json',
    '',
    'Firefox (all systems)',
    '  firefox/policies.json',
    '      Windows: a "distribution" folder beside firefox.exe. macOS: Firefox.app/Contents/Resources/distribution/.',
    '      Linux: /etc/firefox/policies/policies.json. If you already have a policies.json, merge the "3rdparty" entry into it.',
    firefox.installUrl ? '      It also force-installs the add-on.' : '      To force-install the add-on too, rebuild with --firefox-install-url <address of the .xpi>.',
    '',
    'After deploying, open chrome://policy (edge://policy) on a laptop and press "Reload policies":',
    'Second Look\'s settings appear under its extension id. Full steps: docs/deploy.md in the Second Look repository.',
    '',
  );
  return lines.join('\r\n');
}
