/**
 * Reading a policy file for the command line, with errors that say what is wrong and where. A
 * deployment file (Linux, Google Admin, Firefox) is unwrapped first (lib/deploy/unwrap-policy.ts);
 * then the one validation every reader of a policy shares.
 */
import { readFileSync } from 'node:fs';
import { notJsonHint, unwrapPolicy } from '../deploy/unwrap-policy';
import type { Policy } from '../policy/schema';
import { validatePolicy } from '../policy/validate';

export function loadPolicyFile(path: string): { policy?: Policy; messages: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { messages: [`${path}: cannot read the policy file${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}.`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const hint = notJsonHint(text);
    return { messages: [`${path}: the policy is not valid JSON: ${(e as Error).message}.${hint ? ` ${hint}` : ''}`] };
  }
  const unwrapped = unwrapPolicy(json);
  if ('refusal' in unwrapped) return { messages: [`${path}: ${unwrapped.refusal} Nothing was checked.`] };
  const messages = unwrapped.note ? [`${path}: note: ${unwrapped.note}`] : [];
  const { policy, issues } = validatePolicy(unwrapped.value);
  messages.push(...issues.map((i) => `${path}: ${i.level} at ${i.path || '(top level)'}: ${i.message}`));
  if (!policy) messages.push(`${path}: the policy has errors, so nothing was checked.`);
  return { policy, messages };
}
