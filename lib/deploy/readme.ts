/** README.txt for the output folder: which file goes where. Plain text, CRLF, for Notepad too. */
import type { RouteVerdict } from './routes';
import type { DeployTarget } from './target';

export function deployReadme(target: DeployTarget, opts: { hashed: boolean; files: string[]; routes?: RouteVerdict[] }): string {
  const has = (f: string) => opts.files.includes(f);
  const { chrome, edge, firefox, schoolName } = target;
  const skipped = (opts.routes ?? []).filter((r) => !r.fits);
  const lines = [
    `Second Look policy for ${schoolName}`,
    '',
    'Every file here holds the same policy, wrapped for one kind of console. Use the ones you need.',
    opts.hashed
      ? 'Rosters are in keyed-hash form: names do not show in chrome://policy. Still treat these files as confidential (see docs/deploy.md).'
      : 'Rosters are in plain names: anyone who can open chrome://policy on a laptop can read them. For school-wide deployment, build with --hash.',
    ...(opts.hashed
      ? ["roster-key.txt (unless you gave --key-file) is the school's roster key: keep it for next term's build; laptops do not need it."]
      : []),
    '',
    `Extension ids: Chrome ${chrome.id}, Edge ${edge.id}, Firefox ${firefox.id}.`,
    '',
  ];
  if (skipped.length) {
    lines.push('Routes this policy is too large for (no files were written for them):');
    for (const r of skipped) lines.push(`  ${r.label}: ${r.message}`);
    lines.push('');
  }
  lines.push(
    'policy.json                       The policy itself. Check it with: npm run --silent cli -- check --policy policy.json',
    '',
    'Personal laptops and Chromebooks: Google Admin console (Chrome on any computer where staff sign in with their school account)',
  );
  if (has('google-admin/policy-for-extensions.json')) {
    lines.push(
      '  google-admin/policy-for-extensions.json',
      '      Devices > Chrome > Apps & extensions > Users & browsers > Second Look > "Policy for extensions": upload or paste.',
      '      Turn on Devices > Chrome > Settings > "Chrome management for signed-in users" for the same organisational unit.',
    );
  } else lines.push('  (not written: see above)');
  lines.push('', 'Windows: Intune (Chrome and Edge)');
  if (has('windows/intune/chrome-policy.ps1')) {
    lines.push(
      '  windows/intune/chrome-policy.ps1, windows/intune/edge-policy.ps1',
      '      Devices > Scripts and remediations > Platform scripts > Add. Run as system (logged on credentials: No), 64-bit: Yes.',
      '      This is the route for Edge: Intune cannot import an ADMX that writes Edge extension policy.',
    );
  }
  lines.push(
    '  windows/chrome.reg, windows/edge.reg',
    '      Any size: wrap one in an Intune Win32 app whose install command is  reg import chrome.reg  (see docs/deploy.md).',
    '',
    'Windows: Group Policy (domain-joined computers)',
  );
  if (has('windows/admx/SecondLook-Chrome.admx')) {
    lines.push(
      '  windows/admx/SecondLook-Chrome.admx + windows/admx/en-US/SecondLook-Chrome.adml',
      '  windows/admx/SecondLook-Edge.admx + windows/admx/en-US/SecondLook-Edge.adml',
      '      Copy to \\\\<domain>\\SYSVOL\\<domain>\\Policies\\PolicyDefinitions (and its en-US folder); set each value under',
      '      "Second Look", pasting lists and rosters as JSON from policy.json. Intune "Import ADMX" works for Chrome only.',
    );
  }
  lines.push(
    '  windows/chrome.reg, windows/edge.reg',
    '      The whole policy at once: in PowerShell as administrator,  reg import .\\chrome.reg  (or from a startup script).',
  );
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
    firefox.installUrl ? '      It also force-installs the add-on.' : '      To force-install the add-on too, rebuild with --firefox-install-url <address of the signed .xpi>.',
    '',
    'How long a change takes to arrive: Linux files about 5 seconds; .reg or script about 15 minutes (Chrome and Edge poll the',
    'registry); Group Policy 90 to 120 minutes (or gpupdate /force); Intune at the next check-in (about every 8 hours, or Sync',
    'in Company Portal); Google Admin about 3 hours, or at once with chrome://policy > Reload policies. Firefox: at its next start.',
    '',
    'Check a laptop: open chrome://policy (edge://policy) and press "Reload policies": Second Look\'s settings appear under its',
    'extension id with status OK. Second Look\'s popup then says "Managed by" the school, when it last read the policy and',
    'where it came from. Full steps: docs/deploy.md in the Second Look repository.',
    '',
  );
  return lines.join('\r\n');
}
