import { describe, expect, it } from 'vitest';
import { CheckService } from '../../../lib/background/check-service';
import { STORAGE_KEYS } from '../../../lib/policy/storage-keys';
import { memoryArea } from '../helpers';


const state = { policy: { pupils: [{ name: 'Jack Smith' }], mode: 'confirm' as const }, source: 'personal' as const, lockedKeys: [], issues: [], updatedAt: 1 };
const check = { type: 'second-look:check' as const, text: 'Well done Jack Smith', surface: 'post' as const, site: 'x' as const };

describe('the background check service', () => {
  it('checks with the policy the background left in storage, after the worker was asleep', async () => {
    const service = new CheckService(memoryArea({ [STORAGE_KEYS.state]: state }) as never);
    const r = await service.handle(check);
    expect(r?.mode).toBe('confirm');
    expect(r?.findings.map((f) => f.rule)).toEqual(['pupil-mention']);
  });

  it('keeps a "not a pupil" answer across a worker restart, even when the policy arrives first', async () => {
    const area = memoryArea({ [STORAGE_KEYS.state]: state });
    const first = new CheckService(area as never);
    await first.handle({ type: 'second-look:not-a-match', rule: 'pupil-mention', words: check.text, scope: 'post', start: 10, end: 20, surface: 'post', site: 'x' });
    expect((await first.handle(check))?.findings).toEqual([]);

    const restarted = new CheckService(area as never);
    restarted.apply(state); // the background's refresh compiles the engine before any check comes in
    expect((await restarted.handle(check))?.findings).toEqual([]);
    expect(JSON.stringify(area.data.exceptions)).not.toMatch(/jack|smith/i);
  });

  it('passes the person a message goes to on to the engine, as short plain strings', async () => {
    const service = new CheckService(memoryArea({ [STORAGE_KEYS.state]: state }) as never);
    service.apply(state);
    await service.handle({ type: 'second-look:warm' }); // the engine is built asynchronously
    const seen: unknown[] = [];
    const engine = (service as unknown as { engine: { inspect: (t: string, o: unknown) => unknown } }).engine;
    const real = engine.inspect.bind(engine);
    engine.inspect = (text, options) => (seen.push(options), real(text, options));
    await service.handle({ ...check, surface: 'message', recipient: { name: 'Jo Governor', handle: 'jo_governor' } });
    await service.handle({ ...check, surface: 'message', recipient: { name: 'x'.repeat(500), handle: 5 } as never });
    await service.handle({ ...check, surface: 'message', recipient: 'Jo' as never });
    await service.handle(check);
    expect(seen).toEqual([
      { surface: 'message', site: 'x', recipient: { name: 'Jo Governor', handle: 'jo_governor' }, officialAccount: false },
      { surface: 'message', site: 'x', recipient: { name: 'x'.repeat(200) }, officialAccount: false },
      { surface: 'message', site: 'x', recipient: undefined, officialAccount: false },
      { surface: 'post', site: 'x', recipient: undefined, officialAccount: false },
    ]);
  });

  it('answers who is behind requests, in order, and honours "this isn\'t a pupil" for contacts', async () => {
    const area = memoryArea({ [STORAGE_KEYS.state]: state });
    const service = new CheckService(area as never);
    const contact = { type: 'second-look:contact' as const, site: 'x' as const, people: [{ name: 'Priya Shah' }, { name: 'Jack 🦁', handle: 'jack_smith07' }, { name: 'Jack' }] };
    const r = await service.handle(contact);
    expect(r.matches.map((m) => m?.action ?? null)).toEqual([null, 'hold', null]);

    await service.handle({ type: 'second-look:not-a-match', rule: 'pupil-contact', words: r.matches[1]!.evidence });
    expect((await service.handle(contact)).matches).toEqual([null, null, null]);
    // A post naming him is still flagged: the exception was for contacts only.
    expect((await service.handle(check)).findings.map((f) => f.rule)).toEqual(['pupil-mention']);
  });

  it('while a long post is typed, every answer is what a fresh worker would give, and nothing typed is stored', async () => {
    const typing = { policy: { pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }], staff: [{ name: 'Sarah Jones' }], schoolName: 'Oakfield Primary School' }, source: 'personal' as const, lockedKeys: [], issues: [], updatedAt: 1 };
    const area = memoryArea({ [STORAGE_KEYS.state]: typing });
    const service = new CheckService(area as never);
    // One answer given already: the name in this post is not the pupil (the masked second check runs too).
    await service.handle({ type: 'second-look:not-a-match', rule: 'pupil-mention', words: 'Lovely to see Olivia Brown', scope: 'post', start: 14, end: 26, surface: 'post', site: 'x' });
    const lines = ['Lovely to see Olivia Brown', 'Mrs Jones covered my class today and Jack Smith was a star', 'Half term at last, marking done', 'ring me on 07700 900123', 'Oakfield Primary School sports day was wet'];
    let text = '';
    for (let n = 0; n < 40; n++) {
      text += (n ? (n % 3 ? ' ' : '\n\n') : '') + lines[n % lines.length];
      for (const typed of [text.slice(0, -3), text.slice(0, -1), text]) {
        const fresh = new CheckService(memoryArea(JSON.parse(JSON.stringify(area.data))) as never);
        expect(await service.handle({ ...check, text: typed })).toStrictEqual(await fresh.handle({ ...check, text: typed }));
      }
    }
    // Only the policy (with its roster) and the salted answer are in storage: no typed words.
    const stored = Object.entries(area.data).filter(([key]) => key !== STORAGE_KEYS.state);
    expect(JSON.stringify(stored)).not.toMatch(/Lovely|Olivia|Jack|Smith|marking|07700|Half term|sports/);
  });
});
