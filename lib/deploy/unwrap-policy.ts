/**
 * `check --policy` is often given a file from a deployment folder rather than policy.json. This finds
 * the policy inside each kind `policy build` writes (and IT keeps), or says plainly why it cannot:
 * - Linux (Chrome, Chromium, Edge): {"3rdparty": {"extensions": {"<id>": policy}}}
 * - Google Admin console: every key wrapped as {"Value": …}
 * - Firefox policies.json: {"policies": {"3rdparty": {"Extensions": {"<id>": policy}}}}
 * - the registry, plist and XML forms are not JSON: their own message points at policy.json.
 * Pure: text in, a policy-shaped value (or a refusal) out; the shared validation runs after.
 */
import { EXTENSION_ID } from '../extension-identity';
import { FIREFOX_EXTENSION_ID } from './target';

export type Unwrapped = { value: unknown; note?: string } | { refusal: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** The entry for Second Look among a wrapper's extensions, by id; one entry is taken whatever its id. */
function pickExtension(extensions: unknown, where: string, ourIds: string[]): Unwrapped {
  if (!isObject(extensions) || !Object.keys(extensions).length) {
    return { refusal: `This is a deployment file with no extension policy in it (nothing under ${where}).` };
  }
  const ids = Object.keys(extensions);
  const id = ids.find((i) => ourIds.includes(i)) ?? (ids.length === 1 ? ids[0] : undefined);
  if (!id) {
    return { refusal: `This file holds policy for ${ids.length} extensions (${ids.join(', ')}) and none is Second Look's id (${ourIds.join(' or ')}); check one extension's policy at a time.` };
  }
  return { value: extensions[id], note: `read the policy for extension ${id} from ${where.replace('<id>', id)}.` };
}

/** What a file that is not JSON probably is, for the message. */
export function notJsonHint(text: string): string | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^Windows Registry Editor/i.test(start) || text.startsWith('\u00ff\u00fe') || text.includes('\u0000')) {
    return 'This looks like a .reg file. Check policy.json from the same build instead (it holds the same policy).';
  }
  if (start.startsWith('<')) return 'This looks like an XML file (a macOS profile or an ADMX template). Check policy.json from the same build instead.';
  if (/^#|^\$ErrorActionPreference/m.test(start.slice(0, 200))) return 'This looks like a PowerShell script. Check policy.json from the same build instead.';
  return undefined;
}

export function unwrapPolicy(json: unknown): Unwrapped {
  if (!isObject(json)) return { value: json };
  const firefox = isObject(json.policies) ? json.policies : undefined;
  if (firefox) {
    const third = firefox['3rdparty'];
    if (!isObject(third) || !isObject(third.Extensions)) {
      return { refusal: 'This is a Firefox policies.json with no extension policy in it (nothing under policies.3rdparty.Extensions.<add-on id>).' };
    }
    return pickExtension(third.Extensions, 'policies.3rdparty.Extensions.<id> (Firefox policies.json)', [FIREFOX_EXTENSION_ID]);
  }
  if ('3rdparty' in json) {
    const third = json['3rdparty'];
    return pickExtension(isObject(third) ? third.extensions : undefined, '3rdparty.extensions.<id> (a Chrome/Edge managed-policy file)', [EXTENSION_ID]);
  }
  const entries = Object.entries(json);
  const wrapped = entries.filter(([, v]) => isObject(v) && 'Value' in v);
  if (wrapped.length && wrapped.length === entries.length && entries.every(([, v]) => Object.keys(v as Json).length === 1)) {
    return { value: Object.fromEntries(entries.map(([k, v]) => [k, (v as Json).Value])), note: 'read a Google Admin console file: each setting\'s "Value" taken.' };
  }
  if (wrapped.length) {
    const plain = entries.filter(([, v]) => !(isObject(v) && 'Value' in v)).map(([k]) => k);
    return { refusal: `Some settings are wrapped as {"Value": …} (Google Admin's form) and some are not (${plain.join(', ')}); use one form for the whole file.` };
  }
  return { value: json };
}
