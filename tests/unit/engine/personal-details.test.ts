/**
 * personal-info as staff give their details away: numbers in every way people write them (from the
 * Ofcom ranges kept for drama, which libphonenumber calls unallocated), addresses without a house
 * number, identifiers and passwords; and other people's numbers, which are not personal information.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { luhnValid } from '../../../lib/engine/detectors/secrets';
import type { Policy } from '../../../lib/policy/schema';
import { ofRule } from '../helpers';

const policy: Policy = {
  schoolName: 'Hollin Brook Primary School',
  schoolAliases: ['hollinbrook.sch.uk'],
  organisations: ['Wakeshire County Council'],
  pupils: [{ name: 'Jack Smith' }],
  parents: [{ name: 'Paula Grange' }],
};
const engine = createEngine(policy);
const evidence = (text: string, surface: Parameters<typeof ofRule>[3] = 'post') => ofRule(engine, 'personal-info', text, surface).map((f) => f.evidence);

describe('personal-info', () => {
  it.each([
    ['a mobile in an unallocated drama range', 'text me on 07700 900 111 when you land', '07700 900 111'],
    ['a mobile with its digits spaced out', 'new number: 0 7 7 0 0 9 0 0 2 2 2, save it', '0 7 7 0 0 9 0 0 2 2 2'],
    ['+44 with the (0) left in', 'whatsapp me on +44 (0)7700 900333', '+44 (0)7700 900333'],
    ['0044 for abroad', "I'm on 0044 7700 900444 while we're away", '0044 7700 900444'],
    ['+44 unspaced', '+447700900555 is my whatsapp', '+447700900555'],
    ['dots between the groups', 'ring 07700.900.666 after six', '07700.900.666'],
    ['hyphens between the groups', 'call me 07700-900-777', '07700-900-777'],
    ['a bracketed area code', "it's (0113) 496 0123 at home", '(0113) 496 0123'],
    ['a number spelt out in words', 'my new number is oh seven seven oh oh, nine oh oh, one two three', 'oh seven seven oh oh, nine oh oh, one two three'],
    ['a street given as where the author lives', 'I live on Primrose Rise now, come round', 'Primrose Rise'],
    ['a house number with a street type beyond Road and Street', "we're at 14 Heron Way, the one with the red door", '14 Heron Way'],
    ['a house number with a looser street type, after "at"', 'party at 3 Mill Court on Saturday', '3 Mill Court'],
    ['a personal email at a free mail provider', 'my new email is sunshine.jo@hotmail.co.uk', 'sunshine.jo@hotmail.co.uk'],
    ['a National Insurance number', 'my NI number is QQ 12 34 56 C? no wait, it is AB 12 34 56 C', 'AB 12 34 56 C'],
    ['a payment card number', 'card is 4111 1111 1111 1111 exp 09/27', '4111 1111 1111 1111'],
    ['a password given as such', 'the staff wifi password is Bluebell22', 'Bluebell22'],
    ['a log-in given as such', 'login: jgreen04 and the usual', 'jgreen04'],
  ])('flags %s', (_what, text, found) => {
    expect(evidence(text)).toContain(found);
  });

  it.each([
    ['a firm recommended by name', 'Brilliant plumber, Pipeworks Plumbing on 07700 900 666, tell them I sent you'],
    ['a council as a public service', 'ring Wakeshire County Council on 0113 496 0999 to report the pothole'],
    ["someone else's number", "their number's 07700 900 777 if you want a quote"],
    ['a vet named before the number', 'Thank you Riverside Vets (0113 496 0645) for looking after him'],
    ["an address at the school's own domain", 'email office@hollinbrook.sch.uk for tickets'],
    ['a shared group mailbox at a free provider', 'raffle prizes to friends.of.hollinbrook@gmail.com please'],
    ["a venue's postcode", 'venue postcode for the satnav is LS1 4AB, parking round the back'],
    ['a road named as a place', 'lost dog last seen near Portland Road, please share'],
    ['"password is" without a password', 'my password is wrong again, locked out of everything'],
    ['a street type inside a name that is not a street', 'opened 2 Axis Bank accounts and 8 dangerous side quests'],
    ['a card-length number that fails the Luhn check', 'tracking 4111 1111 1111 1112 still says pending'],
    ['an outward code and a town', 'moving to Horsforth, LS18 way'],
  ])('stays quiet for %s', (_what, text) => {
    expect(evidence(text)).toEqual([]);
  });

  it('treats every number in a profile as the author\'s own, a business line included', () => {
    expect(evidence('Cakes to order | Pipeworks Bakes 07700 900 888', 'profile-bio')).toEqual(['07700 900 888']);
  });

  it('is low in a message to someone not on the rosters, high to a pupil or a parent on them', () => {
    const say = 'ring me on 07700 900 111 tonight';
    const check = (name?: string) =>
      engine.check(say, { surface: 'message', ...(name ? { recipient: { name } } : {}) }).filter((f) => f.rule === 'personal-info');
    expect(check().map((f) => f.severity)).toEqual(['low']);
    expect(check('Jo Bloggs').map((f) => f.severity)).toEqual(['low']);
    const toPupil = check('✨ jack smith ⚽');
    expect(toPupil.map((f) => f.severity)).toEqual(['high']);
    expect(toPupil[0].message).toContain('a pupil on your school’s roster');
    expect(check('Paula Grange').map((f) => f.severity)).toEqual(['high']);
    // A first name alone is nobody in particular.
    expect(check('Jack').map((f) => f.severity)).toEqual(['low']);
  });

  it('knows the Luhn check', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});

describe('confidential: pupil data', () => {
  it.each([
    ['a Unique Pupil Number with its check letter', 'his UPN is R938201512345 if you need it', 'R938201512345'],
    ['a temporary UPN ending in a letter', 'temp UPN W93820151234A for the new starter', 'W93820151234A'],
    ['an NHS number in its 3-3-4 groups', 'NHS no 943 476 5919 for the form', '943 476 5919'],
    ['an NHS number in one run, with the words', 'her NHS number is 9434765919', '9434765919'],
  ])('flags %s', (_what, text, found) => {
    expect(ofRule(engine, 'confidential', text).map((f) => f.evidence)).toContain(found);
  });

  it.each([
    ['a UPN-shaped code with the wrong check letter', 'order A938201512345 shipped'],
    ['ten digits that fail the NHS check, in groups', 'ref 943 476 5918 today'],
    ['ten digits in one run without the words', 'code 9434765919 for the locker'],
    ['a landline in 3-3-4 groups', 'call 011 349 6012 after six'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'confidential', text)).toEqual([]);
  });
});

describe('personal-info: non-geographic numbers', () => {
  it.each([
    ['a freephone number', 'call 0800 123 4567 for a free quote'],
    ['a 03 number', 'the helpline is 0300 123 4567'],
  ])('reads %s as a firm or a council line, not the author\'s', (_what, text) => {
    expect(evidence(text)).toEqual([]);
  });

  it('still flags one the author gives as their own', () => {
    expect(evidence('my work mobile is 0300 123 4567')).toEqual(['0300 123 4567']);
  });
});
