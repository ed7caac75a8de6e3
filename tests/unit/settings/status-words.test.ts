import { describe, expect, it } from 'vitest';
import { siteWords, sourceWords } from '../../../lib/settings/status-words';
import { siteOfUrl } from '../../../lib/settings/site-of-url';
import { readFileSync, readdirSync } from 'node:fs';

describe('which site a tab is on', () => {
  it('knows the four sites, their subdomains and twitter.com, and nothing else', () => {
    expect(siteOfUrl('https://www.facebook.com/groups/1')).toBe('facebook');
    expect(siteOfUrl('https://m.facebook.com/')).toBe('facebook');
    expect(siteOfUrl('https://x.com/home')).toBe('x');
    expect(siteOfUrl('https://twitter.com/home')).toBe('x');
    expect(siteOfUrl('https://www.instagram.com/p/1/')).toBe('instagram');
    expect(siteOfUrl('https://www.tiktok.com/@sam')).toBe('tiktok');
    for (const other of ['https://notfacebook.com/', 'https://facebook.com.evil.example/', 'https://example.com/x.com', 'chrome://extensions', 'not a url', undefined]) {
      expect(siteOfUrl(other), String(other)).toBeUndefined();
    }
  });

  it('agrees with the content scripts’ match patterns', () => {
    const dir = new URL('../../../entrypoints/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.content.ts'));
    expect(files.length).toBe(4);
    for (const file of files) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      const patterns = [...source.matchAll(/'\*:\/\/(\*\.)?([a-z.]+)\/\*'/g)];
      expect(patterns.length, file).toBeGreaterThan(0);
      for (const [, sub, host] of patterns) {
        const site = file.replace('.content.ts', '');
        expect(siteOfUrl(`https://${sub ? 'www.' : ''}${host}/`), `${file}: ${host}`).toBe(site);
      }
    }
  });
});

describe('what the popup says', () => {
  const state = (source: 'managed' | 'personal' | 'defaults', policy = {}, lockedKeys: string[] = []) => ({ source, policy, lockedKeys });

  it('names the school when its settings are in force', () => {
    expect(sourceWords(state('managed', { schoolName: 'Oakfield Primary School' })).text).toBe('Managed by Oakfield Primary School');
    expect(sourceWords(state('managed')).text).toBe('Managed by your school');
    expect(sourceWords(state('personal', { schoolName: 'Oakfield' })).text).toBe('Your own settings');
    expect(sourceWords(state('defaults')).text).toBe('Not set up yet');
    expect(sourceWords(undefined).text).toBe('Not set up yet');
  });

  it('says whether it is on for the site in the tab, and who turned it off', () => {
    expect(siteWords('https://www.facebook.com/', state('personal'))).toMatchObject({ site: 'facebook', active: true });
    expect(siteWords('https://x.com/home', state('personal', { sites: { x: { enabled: false } } }))).toMatchObject({
      active: false,
      text: 'Off on X (Twitter): turned off in your settings.',
    });
    expect(siteWords('https://x.com/home', state('managed', { sites: { x: { enabled: false } } }, ['sites'])).text).toContain('your school’s settings');
    expect(siteWords('https://www.bbc.co.uk/', state('personal'))).toMatchObject({ active: false });
    expect(siteWords(undefined, undefined).text).toMatch(/does not check this page/);
  });
});
