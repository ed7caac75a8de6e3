import { describe, expect, it } from 'vitest';
import { selectorProblem } from '../../../lib/policy/selector-syntax';
import { validatePolicy } from '../../../lib/policy/validate';
import { ADAPTERS } from '../../../lib/sites';
import { withOverrides } from '../../../lib/sites/overrides';

const errors = (input: unknown) => validatePolicy(input).issues.filter((i) => i.level === 'error').map((i) => `${i.path}: ${i.message}`);

describe('siteOverrides in the policy', () => {
  it('accepts an override in the adapters\' own shape', () => {
    const siteOverrides = {
      x: {
        surfaces: [{ surface: 'message', selector: '[data-testid="chat-composer"]' }, { surface: 'comment', label: 'commentBox' }],
        submitControls: [{ selector: '[data-testid="chat-send"]' }, { selector: '[role="button"]', label: 'send' }],
        enterSends: ['message', 'comment'],
        contacts: [{ kind: 'chat', path: '^/i/chat', controls: [{ selector: '[data-testid^="chat-row-"]', does: 'open-chat' }], name: '[dir="ltr"]', maxLevels: 0 }],
        recipient: { name: '[data-testid="chat-header"] h2' },
        labels: { en: { commentBox: ['Add a reply'], send: ['Send'] }, cy: { send: ['Anfon'] } },
      },
      facebook: { labels: { fr: { confirm: ['Confirmer la demande d’ami'] } }, submitControls: [{ selector: '[role="button"]', label: 'confirm' }] },
    };
    const result = validatePolicy({ schoolName: 'Oakfield Primary School', siteOverrides });
    expect(result.issues).toEqual([]);
    expect(result.policy?.siteOverrides).toEqual(siteOverrides);
  });

  it('reports a selector that is not CSS, or that can never match, where IT wrote it', () => {
    expect(errors({ siteOverrides: { x: { submitControls: [{ selector: '[data-testid="send"' }] } } })).toEqual([
      expect.stringMatching(/^siteOverrides\.x\.submitControls\[0\]\.selector: Not a usable CSS selector: it does not parse \(.+\)\. Found "\[data-testid=\\"send\\"".$/),
    ]);
    expect(errors({ siteOverrides: { tiktok: { surfaces: [{ surface: 'message', selector: 'div >' }] } } })[0]).toMatch(/^siteOverrides\.tiktok\.surfaces\[0\]\.selector: Not a usable CSS selector: it ends with a combinator/);
    expect(errors({ siteOverrides: { instagram: { contacts: [{ kind: 'profile', controls: [{ selector: 'header button:hass(span)', does: 'follow' }], name: 'h2' }] } } })).toEqual([
      'siteOverrides.instagram.contacts[0].controls[0].selector: Not a usable CSS selector: ":hass" is not a pseudo-class browsers know. Found "header button:hass(span)".',
    ]);
    expect(errors({ siteOverrides: { facebook: { recipient: { name: 'h2::before' } } } })[0]).toMatch(/"::before" is a pseudo-element/);
  });

  it('reports a path pattern that is not a regular expression, a hint that would match everything, and unknown choices', () => {
    expect(errors({ siteOverrides: { x: { surfaces: [{ surface: 'message', path: '^/i/(chat' }] } } })[0]).toMatch(/^siteOverrides\.x\.surfaces\[0\]\.path: Not a usable path pattern: it is not a valid regular expression/);
    expect(errors({ siteOverrides: { x: { surfaces: [{ surface: 'message' }] } } })).toEqual([
      'siteOverrides.x.surfaces[0]: A surface hint needs a "selector", a "path" or a "label" (else it would match every editor).',
    ]);
    expect(errors({ siteOverrides: { x: { enterSends: ['chat'] } } })[0]).toMatch(/^siteOverrides\.x\.enterSends\[0\]: Must be one of "post", "comment"/);
    expect(errors({ siteOverrides: { myspace: {} } })).toEqual([]);
    expect(validatePolicy({ siteOverrides: { myspace: {} } }).issues.map((i) => i.path)).toEqual(['siteOverrides.myspace']);
  });

  it('refuses a label with no words anywhere, naming the ones that exist', () => {
    const [problem] = errors({ siteOverrides: { x: { submitControls: [{ selector: 'button', label: 'sned' }] } } });
    expect(problem).toMatch(/^siteOverrides\.x\.submitControls\[0\]\.label: No words for the label "sned": add them under siteOverrides\.x\.labels\.en\.sned, or use one of accept\.$/);
    expect(errors({ siteOverrides: { x: { submitControls: [{ selector: 'button', label: 'sned' }], labels: { en: { sned: ['Send'] } } } } })).toEqual([]);
  });

  it('accepts every selector the built-in adapters use (the same checker IT\'s overrides meet)', () => {
    const selectors: string[] = [];
    for (const a of Object.values(ADAPTERS)) {
      for (const h of a.surfaces) if (h.selector) selectors.push(h.selector);
      for (const c of a.submitControls) selectors.push(typeof c === 'string' ? c : c.selector);
      for (const s of a.contacts) selectors.push(...s.controls.map((c) => c.selector), s.name, ...(s.handle ? [s.handle] : []), ...(s.exclude ? [s.exclude] : []));
      if (a.recipient) selectors.push(a.recipient.name, ...(a.recipient.handle ? [a.recipient.handle] : []));
    }
    expect(selectors.filter((s) => selectorProblem(s))).toEqual([]);
    expect(selectors.length).toBeGreaterThan(60);
  });
});

describe('an override merged over a built-in adapter', () => {
  it('tries its hints, send controls and contact surfaces first, replaces the Enter lists it gives, and adds words per language', () => {
    const x = ADAPTERS.x;
    const merged = withOverrides(x, {
      surfaces: [{ surface: 'message', selector: '[data-testid="new-chat"]' }],
      submitControls: [{ selector: '[data-testid="new-send"]' }],
      enterSends: ['message', 'comment'],
      contacts: [{ kind: 'chat', controls: [{ selector: '[data-testid^="row-"]', does: 'open-chat' }], name: 'span' }],
      labels: { en: { accept: ['Approve'] }, ja: { accept: ['許可'] }, cy: { decline: ['Gwrthod'] } },
    });
    expect(merged.surfaces[0]).toEqual({ surface: 'message', selector: '[data-testid="new-chat"]' });
    expect(merged.surfaces.slice(1)).toEqual(x.surfaces);
    expect(merged.submitControls[0]).toEqual({ selector: '[data-testid="new-send"]' });
    expect(merged.submitControls).toHaveLength(x.submitControls.length + 1);
    expect(merged.enterSends).toEqual(['message', 'comment']);
    expect(merged.modEnterSends).toEqual(x.modEnterSends);
    expect(merged.contacts[0].kind).toBe('chat');
    expect(merged.labels.en.accept).toEqual(['Approve', 'Accept']);
    expect(merged.labels.ja.accept).toEqual(['許可', '承認']);
    expect(merged.labels.cy).toEqual({ accept: ['Derbyn'], decline: ['Gwrthod'] });
    expect(merged.recipient).toBe(x.recipient);
    // The built-in adapter itself is untouched.
    expect(ADAPTERS.x.labels.en.accept).toEqual(['Accept']);
    expect(withOverrides(x, undefined)).toBe(x);
  });
});
