/**
 * One compose box per site in real Firefox (the same practice pages as the Chromium suite, real Lexical
 * and Draft.js editors at the real origins): a pupil's name gets the warning and its highlight, clean
 * text gets none, editing the name away removes it, and the editor's own model stays equal to the page;
 * in confirm mode the send is held until "Post anyway" (or "Comment anyway"), then goes through exactly once.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCards, clickCardButton, textRects, waitForCard } from './support/card';
import { setPersonalPolicy } from './support/extension';
import { launchFirefox, waitUntil, type FirefoxSession } from './support/firefox';
import { modelText, openSurface, send, shownText, submitted, SURFACES, type SurfaceSpec } from './support/practice-pages';

const SCHOOL = {
  schoolName: 'Oakfield Primary School',
  staff: [{ name: 'Sarah Jones', role: 'Headteacher' }],
  pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }],
};
const VIOLATING = 'Well done Jack Smith today';
const CLEAN = 'Lovely walk by the river this morning';
/** One per site, covering all three kinds of editor. */
const ONE_PER_SITE = ['facebook comment', 'x home post', 'instagram comment', 'tiktok comment'].map((name) => SURFACES.find((s) => s.name === name)!);

let ff: FirefoxSession;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(() => ff?.close());

async function prepare(spec: SurfaceSpec, mode: 'warn' | 'confirm'): Promise<Page> {
  await setPersonalPolicy(ff, { ...SCHOOL, mode });
  const page = await ff.newPage();
  await openSurface(page, spec);
  return page;
}

for (const spec of ONE_PER_SITE) {
  describe(`${spec.name} (${spec.editorKind})`, () => {
    it('warns on a pupil’s name with a highlight, stays quiet on clean text, clears when the name is edited away; the editor model equals the page', async () => {
      const page = await prepare(spec, 'warn');
      try {
        await page.keyboard.type(CLEAN);
        expect((await waitForCard(page, false)).text, 'clean text gets no warning').toBe('');

        await page.keyboard.type(' and Jack Smith');
        const card = await waitForCard(page, true);
        expect(card.text).toContain('“Jack Smith” names a pupil at your school.');
        expect(card.text).toContain('Policy:');
        expect(card.announced).toContain('names a pupil');
        expect(card.marks.length).toBeGreaterThan(0);
        if (spec.editorKind === 'textarea') {
          // A textarea's text cannot be measured from outside: the mark sits inside the field.
          const box = (await (await page.$(spec.editor))!.boundingBox())!;
          expect(card.marks[0].y).toBeGreaterThanOrEqual(box.y - 1);
          expect(card.marks[0].y + card.marks[0].height).toBeLessThanOrEqual(box.y + box.height + 1);
        } else {
          const [word] = await textRects(page, spec.editor, 'Jack Smith');
          expect(Math.abs(card.marks[0].x - word.x), 'the mark starts at the name').toBeLessThan(2);
          expect(Math.abs(card.marks[0].width - word.width), 'the mark is as wide as the name').toBeLessThan(2);
        }
        expect(await modelText(page, spec.editor)).toBe(`${CLEAN} and Jack Smith`);
        expect(await shownText(page, spec.editor)).toBe(`${CLEAN} and Jack Smith`);

        for (let i = 0; i < ' and Jack Smith'.length; i++) await page.keyboard.press('Backspace');
        expect((await waitForCard(page, false)).text, 'the warning goes when the name is edited away').toBe('');
        expect(await modelText(page, spec.editor)).toBe(CLEAN);
        expect(await submitted(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('confirm mode holds the send until “Post anyway” (or the surface’s own verb), then sends exactly once', async () => {
      const page = await prepare(spec, 'confirm');
      try {
        await page.keyboard.type(VIOLATING);
        await waitForCard(page, true);
        await send(page, spec, 'click');
        await waitUntil('the send to be held', async () => (await readCards(page)).roles.includes('alertdialog'), 5_000);
        const held = await readCards(page);
        // The site's own verb: a comment is held with "Comment anyway", a post with "Post anyway".
        const anyway = spec.surface === 'comment' ? 'Comment anyway' : 'Post anyway';
        expect(held.buttons).toEqual(expect.arrayContaining(['Edit', anyway]));
        await new Promise((r) => setTimeout(r, 300));
        expect(await submitted(page), 'nothing is sent while the prompt is open').toEqual([]);

        await clickCardButton(page, anyway);
        await waitUntil('the post to be sent', async () => (await submitted(page)).length > 0, 5_000);
        await new Promise((r) => setTimeout(r, 300));
        expect(await submitted(page)).toEqual([{ surface: spec.surface, text: VIOLATING }]);
      } finally {
        await page.close();
      }
    });
  });
}
