/**
 * Every deployment file for one policy, with the folder layout the README in the output describes.
 * The same policy object goes into each; only the wrapping differs per console.
 */
import type { Policy } from '../policy/schema';
import { admlFile, admxFile } from './admx';
import { firefoxPolicies } from './firefox-policies';
import { googleAdminPolicy } from './google-admin';
import { linuxManagedPolicy } from './linux-policy';
import { macosProfile } from './macos-profile';
import { deployReadme } from './readme';
import type { Artefact, DeployTarget } from './target';
import { windowsForceInstallReg, windowsPolicyReg } from './windows-reg';

export const ARTEFACT_PATHS = {
  policy: 'policy.json',
  linuxChrome: 'linux/chrome-and-chromium.json',
  linuxEdge: 'linux/edge.json',
  googleAdmin: 'google-admin/policy-for-extensions.json',
  regChrome: 'windows/chrome.reg',
  regEdge: 'windows/edge.reg',
  regChromeInstall: 'windows/chrome-force-install.reg',
  regEdgeInstall: 'windows/edge-force-install.reg',
  admxChrome: 'windows/admx/SecondLook-Chrome.admx',
  admlChrome: 'windows/admx/en-US/SecondLook-Chrome.adml',
  admxEdge: 'windows/admx/SecondLook-Edge.admx',
  admlEdge: 'windows/admx/en-US/SecondLook-Edge.adml',
  macChrome: 'macos/chrome.mobileconfig',
  macEdge: 'macos/edge.mobileconfig',
  firefox: 'firefox/policies.json',
  readme: 'README.txt',
} as const;

export function buildArtefacts(given: Policy, target: DeployTarget, opts: { hashed: boolean }): Artefact[] {
  // As JSON sees it: keys left undefined (hashPolicy leaves absent rosters so) are not settings.
  const policy = JSON.parse(JSON.stringify(given)) as Policy;
  const P = ARTEFACT_PATHS;
  const { chrome, edge, firefox, schoolName } = target;
  const out: Artefact[] = [
    { path: P.policy, content: JSON.stringify(policy, null, 2) + '\n' },
    { path: P.linuxChrome, content: linuxManagedPolicy(policy, chrome.id, chrome.updateUrl) },
    { path: P.linuxEdge, content: linuxManagedPolicy(policy, edge.id, edge.updateUrl) },
    { path: P.googleAdmin, content: googleAdminPolicy(policy) },
    { path: P.regChrome, content: windowsPolicyReg(policy, 'chrome', chrome.id, schoolName) },
    { path: P.regEdge, content: windowsPolicyReg(policy, 'edge', edge.id, schoolName) },
    { path: P.admxChrome, content: admxFile('chrome', chrome.id) },
    { path: P.admlChrome, content: admlFile('chrome') },
    { path: P.admxEdge, content: admxFile('edge', edge.id) },
    { path: P.admlEdge, content: admlFile('edge') },
    { path: P.macChrome, content: macosProfile(policy, 'chrome', chrome.id, schoolName, chrome.updateUrl) },
    { path: P.macEdge, content: macosProfile(policy, 'edge', edge.id, schoolName, edge.updateUrl) },
    { path: P.firefox, content: firefoxPolicies(policy, firefox.id, firefox.installUrl) },
  ];
  if (chrome.updateUrl) out.push({ path: P.regChromeInstall, content: windowsForceInstallReg('chrome', chrome.id, chrome.updateUrl) });
  if (edge.updateUrl) out.push({ path: P.regEdgeInstall, content: windowsForceInstallReg('edge', edge.id, edge.updateUrl) });
  out.push({ path: P.readme, content: deployReadme(target, { hashed: opts.hashed, files: out.map((a) => a.path) }) });
  return out;
}
