import { describe, expect, it } from 'vitest';
import type { PageDiagnosis } from '../../../lib/runtime/page-diagnosis';
import { browserVersion, diagnosisWords, reportForIT } from '../../../lib/settings/diagnosis-words';

const diagnosis: PageDiagnosis = {
  site: 'facebook',
  lang: 'fr',
  editors: [
    { surface: 'post', matched: true, send: true },
    { surface: 'comment', matched: true, send: false },
    { surface: 'comment', matched: false, send: false },
  ],
  contacts: [
    { kind: 'friend-request', named: true },
    { kind: 'friend-request', named: true },
    { kind: 'friend-request', named: true },
  ],
  hooks: [
    { where: 'surfaces[5]', selector: 'form[role="presentation"]', count: 2 },
    { where: 'contacts[0].controls[0]', selector: '[role="button"]', label: 'confirm', count: 3 },
    { where: 'submitControls[4]', selector: '[role="button"]', label: 'messageSend', count: 0 },
  ],
  invalid: [],
  overridden: false,
};

describe('what the popup says Second Look sees', () => {
  it('counts editors by kind and whether their send button is found, and requests with their names', () => {
    expect(diagnosisWords(diagnosis)).toEqual({
      editors: 'a post box (send button found), 2 comment boxes (send button not found)',
      contacts: '3 friend requests, names read',
    });
  });

  it('says when nothing is found yet, and when names could not be read', () => {
    expect(diagnosisWords({ editors: [], contacts: [] })).toEqual({ editors: 'no editor found yet', contacts: undefined });
    expect(diagnosisWords({ editors: [], contacts: [{ kind: 'chat', named: false }] }).contacts).toBe('a chat in the list, name not read');
    expect(diagnosisWords({ editors: [], contacts: [{ kind: 'follow-request', named: true }, { kind: 'follow-request', named: false }] }).contacts).toBe('2 follow requests, 1 of 2 names not read');
  });
});

describe('the report for IT', () => {
  it('lists versions, language, each editor and the hooks that matched or not, and says it holds no text or names', () => {
    const report = reportForIT(diagnosis, { extensionVersion: '0.1.0', browser: 'Chromium 156.0.1' });
    expect(report.split('\n')).toEqual([
      'Second Look: what it sees on this page',
      'Extension version: 0.1.0',
      'Browser: Chromium 156.0.1',
      "Site: Facebook; page language: fr; school’s site fixes (siteOverrides): none",
      'Editors: a post box (send button found), 2 comment boxes (send button not found)',
      '  editor 1: post, named by a hint, send button found',
      '  editor 2: comment, named by a hint, send button not found',
      '  editor 3: comment, no hint matched (default), send button not found',
      'Requests, profiles and chats: 3 friend requests, names read',
      'Hooks that matched (where in the adapter, selector, elements):',
      '  surfaces[5]  form[role="presentation"]  2',
      '  contacts[0].controls[0]  [role="button"] [label confirm]  3',
      'Hooks that matched nothing here:',
      '  submitControls[4]  [role="button"] [label messageSend]',
      'This report holds no text anyone wrote and no names.',
    ]);
  });

  it('names the browser from what it says about itself', () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7456.0 Safari/537.36';
    expect(browserVersion(chrome, [{ brand: 'Chromium', version: '156' }, { brand: 'Not=A?Brand', version: '24' }])).toBe('Chromium 156.0.7456.0');
    expect(browserVersion(chrome, [{ brand: 'Google Chrome', version: '156' }, { brand: 'Chromium', version: '156' }])).toBe('Google Chrome 156.0.7456.0');
    expect(browserVersion(`${chrome} Edg/156.0.1`)).toBe('Microsoft Edge 156.0.1');
    expect(browserVersion('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox 128.0');
  });
});
