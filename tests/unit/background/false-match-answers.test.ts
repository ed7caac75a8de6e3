/**
 * "This isn't a pupil" and the other false-match answers, through the real background service and
 * engine: an answer reaches only as far as it says, and the real pupil named in another post is
 * still caught.
 */
import { describe, expect, it } from 'vitest';
import { surroundings } from '../../../lib/background/answer-scope';
import { CheckService } from '../../../lib/background/check-service';
import type { AnswerScope } from '../../../lib/background/answer-scope';
import type { Policy } from '../../../lib/policy/schema';
import { STORAGE_KEYS } from '../../../lib/policy/storage-keys';
import { memoryArea } from '../helpers';


const SCHOOL: Policy = {
  schoolName: 'Oakfield Primary School',
  pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }],
  staff: [{ name: 'Sarah Jones' }],
};

function service(policy: Policy = SCHOOL) {
  const area = memoryArea();
  const s = new CheckService(area as never);
  s.apply({ policy, source: 'personal', lockedKeys: [], issues: [], updatedAt: 1 });
  const check = async (text: string, surface: 'post' | 'comment' = 'post') => (await s.handle({ type: 'second-look:check', text, surface, site: 'facebook' })).findings;
  const rules = async (text: string) => (await check(text)).map((f) => `${f.rule}:${text.slice(f.start, f.end)}`);
  const answer = async (text: string, words: string, scope: AnswerScope, rule = 'pupil-mention') => {
    const f = (await check(text)).find((x) => x.rule === rule && text.slice(x.start, x.end) === words)!;
    expect(f, `a ${rule} finding for "${words}"`).toBeDefined();
    await s.handle({ type: 'second-look:not-a-match', rule, words: text, scope, start: f.start, end: f.end, surface: 'post', site: 'facebook' });
  };
  const setPolicy = (p: Policy) => s.apply({ policy: p, source: 'personal', lockedKeys: [], issues: [], updatedAt: 2 });
  return { area, s, check, rules, answer, setPolicy };
}

const BOXER = 'Jack Smith the boxer knocked him out on telly last night.';
const PLAY = 'Jack Smith was brilliant in the school play';

describe('“This isn’t a pupil” for a pupil’s full name, with the school’s default settings', () => {
  it('offers only this post, and silences the name only in that sentence', async () => {
    const t = service();
    const [f] = await t.check(BOXER);
    // No words for "posts like this", which is not offered: the offer stays the same while the person
    // types on, so the card is not drawn again on every key.
    expect(f.answers).toEqual({ scopes: ['post'], cues: [] });
    for (const typing of ['Jack Smith the bo', 'Jack Smith the box', 'Jack Smith the boxer wi']) expect((await t.check(typing))[0].answers).toEqual(f.answers);
    await t.answer(BOXER, 'Jack Smith', 'post');
    expect(await t.rules(BOXER)).toEqual([]);
    // The real pupil, in another post: still caught.
    expect(await t.rules(PLAY)).toContain('pupil-mention:Jack Smith');
    expect(await t.rules('Well done Jack Smith!')).toEqual(['pupil-mention:Jack Smith']);
    // Even the same words about the boxer in a different sentence warn again: it was one post.
    expect(await t.rules('Jack Smith the boxer wins again.')).toEqual(['pupil-mention:Jack Smith']);
    // The sentence it was given in, within a longer post, stays quiet.
    expect(await t.rules(`What a fight. ${BOXER}`)).toEqual([]);
  });

  it('refuses a wider answer the policy does not allow, even if the page asks for it', async () => {
    const t = service();
    await t.answer(BOXER, 'Jack Smith', 'similar');
    await t.answer(BOXER, 'Jack Smith', 'name');
    expect(t.area.data.exceptions).toBeUndefined();
    expect(await t.rules(BOXER)).toEqual(['pupil-mention:Jack Smith']);
  });

  it('stores only salted hashes and hints, never the words', async () => {
    const t = service();
    await t.answer(BOXER, 'Jack Smith', 'post');
    const stored = JSON.stringify(t.area.data.exceptions);
    for (const word of ['jack', 'smith', 'boxer', 'telly', 'knocked']) expect(stored.toLowerCase()).not.toContain(word);
    expect(t.area.data.exceptions).toEqual([expect.objectContaining({ rule: 'pupil-mention', scope: 'post', hint: 'J… S… (10 characters)', sentenceWords: 11 })]);
  });

  it('no longer applies an old answer that silenced the name everywhere (saved before answers had a reach)', async () => {
    const t = service();
    await t.s.handle({ type: 'second-look:not-a-match', rule: 'pupil-contact', words: 'Jack Smith' });
    const [contact] = t.area.data.exceptions as { hash: string }[];
    // What a version before this one saved for "This isn't a pupil" in a post: rule, hash, hint, no reach.
    await t.area.set({ exceptions: [{ rule: 'pupil-mention', hash: contact.hash, hint: 'J… S… (10 characters)', added: '2026-01-05' }] });
    t.s.exceptions.setExceptions(t.area.data.exceptions);
    expect(await t.rules(PLAY)).toContain('pupil-mention:Jack Smith');
  });
});

describe('when the school allows “posts like this” for pupils’ full names', () => {
  const policy: Policy = { ...SCHOOL, pupilNameAnswers: 'posts-like-this' };

  it('silences the name only with the words that made it a false match, and never in a post about school', async () => {
    const t = service(policy);
    const [f] = await t.check(BOXER);
    expect(f.answers).toEqual({ scopes: ['post', 'similar'], cues: ['boxer', 'knocked', 'telly'] });
    await t.answer(BOXER, 'Jack Smith', 'similar');
    expect(await t.rules('Jack Smith the boxer wins again')).toEqual([]);
    expect(await t.rules('Great fight on telly from Jack Smith')).toEqual([]);
    // The real pupil: no boxing words, or a post about school.
    expect(await t.rules(PLAY)).toContain('pupil-mention:Jack Smith');
    expect(await t.rules('Jack Smith knocked over the paint pots in class today')).toContain('pupil-mention:Jack Smith');
    expect(await t.rules('Jack Smith was so kind to Olivia Brown')).toEqual(['pupil-mention:Jack Smith', 'pupil-mention:Olivia Brown']);
  });

  it('still refuses “never for this name”', async () => {
    const t = service(policy);
    await t.answer(BOXER, 'Jack Smith', 'name');
    expect(await t.rules('Jack Smith')).toEqual(['pupil-mention:Jack Smith']);
  });

  it('stops applying the wider answer when the school narrows its settings again', async () => {
    const t = service(policy);
    await t.answer(BOXER, 'Jack Smith', 'similar');
    expect(await t.rules('Jack Smith the boxer wins again')).toEqual([]);
    t.setPolicy(SCHOOL);
    expect(await t.rules('Jack Smith the boxer wins again')).toEqual(['pupil-mention:Jack Smith']);
  });
});

describe('answers for what is not a pupil’s full name', () => {
  it('a first name alone may be answered for good, and the full name still warns', async () => {
    const t = service();
    const text = 'Parents evening tonight, then Jack is taking me to the pub quiz';
    const [f] = (await t.check(text)).filter((x) => x.rule === 'pupil-mention');
    expect(f.answers?.scopes).toEqual(['post', 'similar', 'name']);
    await t.answer(text, 'Jack', 'name');
    expect((await t.rules('Sports day, and Jack came to watch')).filter((r) => r.startsWith('pupil'))).toEqual([]);
    expect(await t.rules('Sports day: Jack Smith won the sack race')).toContain('pupil-mention:Jack Smith');
  });

  it('“This isn’t our school” for a look-alike name, in posts like this', async () => {
    const t = service({ ...SCHOOL, schoolAliases: ['Oakfield'] });
    // Another Oakfield (a hospital) where the person works: the engine cannot tell it from the school.
    const text = 'Back to work at Oakfield on Monday, the hospital wards are rammed';
    const found = await t.rules(text);
    expect(found).toContain('school-mention:Oakfield');
    await t.answer(text, 'Oakfield', 'similar', 'school-mention');
    expect(await t.rules('Working at Oakfield this weekend, the hospital shop has shut')).not.toContain('school-mention:Oakfield');
    expect(await t.rules('Proud to work at Oakfield')).toContain('school-mention:Oakfield');
  });
});

describe('the words an answer rests on', () => {
  it('are the nearest words of the sentence that say what it is about, not function or praise words', () => {
    const text = 'Great day! Well done to Jack Smith, the boxer, on a brilliant fight. See you soon';
    const start = text.indexOf('Jack Smith');
    const s = surroundings(text, start, start + 'Jack Smith'.length);
    expect(s.cues.map((c) => c.written)).toEqual(['boxer', 'fight']);
    expect(s.sentence).toBe('well done to jack smith the boxer on a brilliant fight');
  });
  it('are none for a name on its own', () => {
    expect(surroundings('Jack Smith', 0, 10).cues).toEqual([]);
  });
});
