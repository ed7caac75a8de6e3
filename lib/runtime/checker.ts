/**
 * The content script's line to the engine in the background worker.
 */
import browser from 'webextension-polyfill';
import type { CheckResponse, Request } from '../messages';
import type { Site, Surface } from '../policy/rule-ids';

export class Checker {
  constructor(private readonly site: Site) {}

  async check(text: string, surface: Surface): Promise<CheckResponse> {
    const request: Request = { type: 'second-look:check', text, surface, site: this.site };
    const response = (await browser.runtime.sendMessage(request)) as CheckResponse | undefined;
    return response ?? { findings: [], mode: 'warn', siteEnabled: true };
  }

  notAMatch(rule: string, words: string): Promise<unknown> {
    return browser.runtime.sendMessage({ type: 'second-look:not-a-match', rule, words } satisfies Request);
  }

  warm(): void {
    browser.runtime.sendMessage({ type: 'second-look:warm' } satisfies Request).catch(() => undefined);
  }
}
