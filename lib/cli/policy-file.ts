/** Reading a policy file for the command line, with errors that say what is wrong and where. */
import { readFileSync } from 'node:fs';
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
    return { messages: [`${path}: the policy is not valid JSON: ${(e as Error).message}.`] };
  }
  const { policy, issues } = validatePolicy(json);
  const messages = issues.map((i) => `${path}: ${i.level} at ${i.path || '(top level)'}: ${i.message}`);
  if (!policy) messages.push(`${path}: the policy has errors, so nothing was checked.`);
  return { policy, messages };
}
