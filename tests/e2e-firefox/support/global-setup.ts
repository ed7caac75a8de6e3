/**
 * Before the Firefox suite: the browser and the build must be there, and a policies.json that a crashed
 * run left behind is removed (it would otherwise apply to every Firefox on the machine). After it: the
 * same clean-up, whatever happened.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_FIREFOX_EXTENSION, FIREFOX_PATH } from './firefox';
import { POLICIES_FILE, removePoliciesFile } from './policies-file';

export default function setup(): () => void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}. Install Debian's firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  if (!existsSync(join(BUILT_FIREFOX_EXTENSION, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${BUILT_FIREFOX_EXTENSION}: run npm run zip:firefox (npm run test:e2e:firefox does).`);
  }
  if (removePoliciesFile()) console.warn(`Removed ${POLICIES_FILE}, left behind by an earlier run that did not finish.`);
  return () => {
    removePoliciesFile();
  };
}
