import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { ofRule } from '../helpers';

const engine = createEngine({});

describe('personal-info', () => {
  it.each([
    ['a UK mobile number', 'Text me on 07400 123456 about the car', '07400 123456'],
    ['a UK mobile with no spaces', 'ring 07400123456', '07400123456'],
    ['a UK landline', 'Call 0113 496 0000 after six', '0113 496 0000'],
    ['an international number', 'WhatsApp me on +1 415-555-2671', '+1 415-555-2671'],
    ['a UK number in international form', 'Call +44 7400 123456', '+44 7400 123456'],
    ['an email address', 'email me at jo.bloggs@gmail.com.', 'jo.bloggs@gmail.com'],
    ['a postcode', 'Party at ours, LS6 2AB', 'LS6 2AB'],
    ['a street address', 'Come round to 12 Acacia Avenue on Friday', '12 Acacia Avenue'],
  ])('flags %s at medium severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'personal-info', text)).toContainEqual({ rule: 'personal-info', severity: 'medium', evidence });
  });

  it.each([
    ['a date', 'Booked for 12/03/2024'],
    ['a time', 'Kick off at 10:30, home by 12.45'],
    ['a score', 'Won 3-2, then 21-19 in the second'],
    ['an order number', 'Order number 07400123456 still not arrived'],
    ['a reference number', 'Ref: 01134960000'],
    ['a year range', 'Class of 2019-2024'],
    ['a key stage that looks like a postcode', 'ks2 3rd place'],
    ['a number before a name that is not a street', '98 Flair Showcase Row and 2064 Supreme Court'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'personal-info', text)).toEqual([]);
  });

  it('flags a private message at low severity: it reaches one person, who can pass it on', () => {
    expect(ofRule(engine, 'personal-info', 'My number is 07400 123456', 'message')).toEqual([
      { rule: 'personal-info', severity: 'low', evidence: '07400 123456' },
    ]);
  });
});
