/**
 * Every deployment file for one policy, with the folder layout the README in the output describes.
 * The same policy goes into each, with a `delivery` note saying which route the copy is for (so the
 * popup can say where the policy came from); only the wrapping differs per console. A route whose
 * limit the policy breaks (routes.ts) gets no files, and README.txt says why and what to use instead.
 */
import type { DeliveryRoute, Policy } from '../policy/schema';
import { admlFile, admxFile } from './admx';
import { firefoxPolicies } from './firefox-policies';
import { googleAdminPolicy } from './google-admin';
import { linuxManagedPolicy } from './linux-policy';
import { macosProfile } from './macos-profile';
import { deployReadme } from './readme';
import { checkRoutes, type RouteId, type RouteVerdict } from './routes';
import type { Artefact, DeployTarget } from './target';
import { windowsForceInstallReg, windowsPolicyReg } from './windows-reg';
import { windowsPolicyScript } from './windows-script';

export const ARTEFACT_PATHS = {
  policy: 'policy.json',
  linuxChrome: 'linux/chrome-and-chromium.json',
  linuxEdge: 'linux/edge.json',
  googleAdmin: 'google-admin/policy-for-extensions.json',
  regChrome: 'windows/chrome.reg',
  regEdge: 'windows/edge.reg',
  regChromeInstall: 'windows/chrome-force-install.reg',
  regEdgeInstall: 'windows/edge-force-install.reg',
  scriptChrome: 'windows/intune/chrome-policy.ps1',
  scriptEdge: 'windows/intune/edge-policy.ps1',
  admxChrome: 'windows/admx/SecondLook-Chrome.admx',
  admlChrome: 'windows/admx/en-US/SecondLook-Chrome.adml',
  admxEdge: 'windows/admx/SecondLook-Edge.admx',
  admlEdge: 'windows/admx/en-US/SecondLook-Edge.adml',
  macChrome: 'macos/chrome.mobileconfig',
  macEdge: 'macos/edge.mobileconfig',
  firefox: 'firefox/policies.json',
  readme: 'README.txt',
} as const;

/** The files a route needs; a route that does not fit gets none of them. */
const ROUTE_FILES: Record<Exclude<RouteId, 'intune-admx'>, string[]> = {
  'group-policy': [ARTEFACT_PATHS.admxChrome, ARTEFACT_PATHS.admlChrome, ARTEFACT_PATHS.admxEdge, ARTEFACT_PATHS.admlEdge],
  'intune-script': [ARTEFACT_PATHS.scriptChrome, ARTEFACT_PATHS.scriptEdge],
  'google-admin': [ARTEFACT_PATHS.googleAdmin],
};

export interface BuildOptions {
  hashed: boolean;
  /** The build's date (YYYY-MM-DD) for the `delivery` note; today when not given. */
  built?: string;
}

export interface BuiltArtefacts {
  files: Artefact[];
  routes: RouteVerdict[];
}

const bytesOf = (content: string | Uint8Array) => (typeof content === 'string' ? new TextEncoder().encode(content).length : content.length);

export function buildArtefacts(given: Policy, target: DeployTarget, opts: BuildOptions): BuiltArtefacts {
  // As JSON sees it: keys left undefined are not settings.
  const policy = JSON.parse(JSON.stringify(given)) as Policy;
  delete policy.delivery;
  const built = opts.built ?? new Date().toISOString().slice(0, 10);
  const copy = (route: DeliveryRoute): Policy => ({ ...policy, delivery: { route, built } });
  const P = ARTEFACT_PATHS;
  const { chrome, edge, firefox, schoolName } = target;
  const all: Artefact[] = [
    { path: P.policy, content: JSON.stringify(policy, null, 2) + '\n' },
    { path: P.linuxChrome, content: linuxManagedPolicy(copy('linux-file'), chrome.id, chrome.updateUrl) },
    { path: P.linuxEdge, content: linuxManagedPolicy(copy('linux-file'), edge.id, edge.updateUrl) },
    { path: P.googleAdmin, content: googleAdminPolicy(copy('google-admin')) },
    { path: P.regChrome, content: windowsPolicyReg(copy('windows-registry'), 'chrome', chrome.id, schoolName) },
    { path: P.regEdge, content: windowsPolicyReg(copy('windows-registry'), 'edge', edge.id, schoolName) },
    { path: P.scriptChrome, content: windowsPolicyScript(copy('windows-script'), 'chrome', chrome.id, schoolName) },
    { path: P.scriptEdge, content: windowsPolicyScript(copy('windows-script'), 'edge', edge.id, schoolName) },
    { path: P.admxChrome, content: admxFile('chrome', chrome.id) },
    { path: P.admlChrome, content: admlFile('chrome') },
    { path: P.admxEdge, content: admxFile('edge', edge.id) },
    { path: P.admlEdge, content: admlFile('edge') },
    { path: P.macChrome, content: macosProfile(copy('macos-profile'), 'chrome', chrome.id, schoolName, chrome.updateUrl) },
    { path: P.macEdge, content: macosProfile(copy('macos-profile'), 'edge', edge.id, schoolName, edge.updateUrl) },
    { path: P.firefox, content: firefoxPolicies(copy('firefox-policies'), firefox.id, firefox.installUrl) },
  ];
  if (chrome.updateUrl) all.push({ path: P.regChromeInstall, content: windowsForceInstallReg('chrome', chrome.id, chrome.updateUrl) });
  if (edge.updateUrl) all.push({ path: P.regEdgeInstall, content: windowsForceInstallReg('edge', edge.id, edge.updateUrl) });

  const size = (path: string) => bytesOf(all.find((a) => a.path === path)!.content);
  const routes = checkRoutes(policy, {
    googleAdminBytes: size(P.googleAdmin),
    intuneScriptBytes: Math.max(size(P.scriptChrome), size(P.scriptEdge)),
  });
  const left = new Set(routes.filter((r) => !r.fits && r.route !== 'intune-admx').flatMap((r) => ROUTE_FILES[r.route as keyof typeof ROUTE_FILES]));
  const files = all.filter((a) => !left.has(a.path));
  files.push({ path: P.readme, content: deployReadme(target, { hashed: opts.hashed, files: files.map((a) => a.path), routes }) });
  return { files, routes };
}
