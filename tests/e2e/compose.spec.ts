/**
 * The compose boxes of all four sites, with the built extension in real Chromium, on practice pages
 * built on the real Lexical and Draft.js editors and served at the real origins. For every site ×
 * surface: a pupil's name gets the right warning and highlight, clean text gets none, editing the
 * name away removes it; warn mode lets the send through; confirm mode holds it until "Post anyway" (or the surface's own verb)
 * and then lets exactly one send through; the editor's own state stays equal to what the page shows,
 * and typing, undo and new lines still work.
 */
import { anywayWords } from '../../components/card-words';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures/extension';
import { modelText, openSurface, routeSitePages, submitted, SURFACES, type SurfaceSpec } from './fixtures/site-pages';
import { clickCardButton, readCards, textRects } from './fixtures/warning-card';
import { setPersonalPolicy } from './fixtures/policy';

const SCHOOL = {
  schoolName: 'Oakfield Primary School',
  staff: [{ name: 'Sarah Jones', role: 'Headteacher' }],
  pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }],
};

const VIOLATING = 'Well done Jack Smith today';
const CLEAN = 'Lovely walk by the river this morning';

async function prepare(context: BrowserContext, spec: SurfaceSpec, mode: 'warn' | 'confirm'): Promise<Page> {
  await routeSitePages(context);
  await setPersonalPolicy(context, { ...SCHOOL, mode });
  const page = await context.newPage();
  await openSurface(page, spec);
  await page.locator(spec.editor).first().click();
  return page;
}

async function waitForCard(page: Page, present: boolean): Promise<Awaited<ReturnType<typeof readCards>>> {
  let view = await readCards(page);
  for (let i = 0; i < 40 && Boolean(view.text) !== present; i++) {
    await page.waitForTimeout(50);
    view = await readCards(page);
  }
  return view;
}

async function send(page: Page, spec: SurfaceSpec, how: 'click' | 'key'): Promise<void> {
  if (how === 'key') await page.keyboard.press(spec.submitKey!);
  else await page.locator(spec.submit).first().click();
}

for (const spec of SURFACES) {
  test.describe(spec.name, () => {
    test('warns on a pupil’s name with a highlight, stays quiet on clean text, and clears when the name is edited away', async ({ context }) => {
      const page = await prepare(context, spec, 'warn');
      await page.keyboard.type(CLEAN);
      expect((await waitForCard(page, false)).text, 'clean text gets no warning').toBe('');

      await page.keyboard.type(' and Jack Smith');
      const card = await waitForCard(page, true);
      expect(card.text).toContain('“Jack Smith” names a pupil at your school.');
      expect(card.text).toContain('Policy:');
      expect(card.announced).toContain('names a pupil');
      expect(card.marks.length).toBeGreaterThan(0);
      if (spec.editorKind !== 'textarea') {
        // The mark sits over the words themselves.
        const [word] = await textRects(page, spec.editor, 'Jack Smith');
        const mark = card.marks[0];
        expect(Math.abs(mark.x - word.x)).toBeLessThan(2);
        expect(Math.abs(mark.width - word.width)).toBeLessThan(2);
      } else {
        const box = (await page.locator(spec.editor).first().boundingBox())!;
        expect(card.marks[0].y).toBeGreaterThanOrEqual(box.y - 1);
        expect(card.marks[0].y + card.marks[0].height).toBeLessThanOrEqual(box.y + box.height + 1);
      }

      for (let i = 0; i < ' and Jack Smith'.length; i++) await page.keyboard.press('Backspace');
      expect((await waitForCard(page, false)).text, 'the warning goes when the name is edited away').toBe('');
      expect(await modelText(page, spec.editor)).toBe(CLEAN);
    });

    test('warn mode lets the send through, once', async ({ context }) => {
      const page = await prepare(context, spec, 'warn');
      await page.keyboard.type(VIOLATING);
      await waitForCard(page, true);
      await send(page, spec, spec.submitKey ? 'key' : 'click');
      await expect.poll(() => submitted(page)).toEqual([{ surface: spec.surface, text: VIOLATING }]);
      await page.waitForTimeout(300);
      expect(await submitted(page)).toHaveLength(1);
    });

    test('confirm mode holds the send until Post anyway, then sends exactly once', async ({ context }) => {
      const page = await prepare(context, spec, 'confirm');
      await page.keyboard.type(VIOLATING);
      await waitForCard(page, true);
      await send(page, spec, 'click');
      const held = await waitForCard(page, true);
      expect(held.roles).toContain('alertdialog');
      expect(held.buttons).toEqual(expect.arrayContaining(['Edit', anywayWords(spec.surface)]));
      await page.waitForTimeout(200);
      expect(await submitted(page), 'nothing is sent while the prompt is open').toEqual([]);

      await clickCardButton(page, anywayWords(spec.surface));
      await expect.poll(() => submitted(page)).toEqual([{ surface: spec.surface, text: VIOLATING }]);
      await page.waitForTimeout(300);
      expect(await submitted(page)).toHaveLength(1);
    });

    if (spec.submitKey) {
      test(`confirm mode holds ${spec.submitKey} too; Edit keeps the text to change`, async ({ context }) => {
        const page = await prepare(context, spec, 'confirm');
        await page.keyboard.type(VIOLATING);
        await waitForCard(page, true);
        await page.keyboard.press(spec.submitKey!);
        expect((await waitForCard(page, true)).roles).toContain('alertdialog');
        // The prompt takes focus on Edit, so the keyboard alone can answer it.
        await page.keyboard.press('Enter');
        await page.waitForTimeout(200);
        expect(await submitted(page)).toEqual([]);
        expect(await modelText(page, spec.editor)).toBe(VIOLATING);
        expect((await readCards(page)).roles).not.toContain('alertdialog');

        await page.keyboard.press(spec.submitKey!);
        await waitForCard(page, true);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter'); // Post / Comment / Reply / Send anyway
        await expect.poll(() => submitted(page)).toEqual([{ surface: spec.surface, text: VIOLATING }]);
      });
    }

    test('the editor keeps working: its state equals the page, undo and new lines work', async ({ context }) => {
      const page = await prepare(context, spec, 'warn');
      await page.keyboard.type(VIOLATING);
      await waitForCard(page, true);
      expect(await modelText(page, spec.editor)).toBe(VIOLATING);
      const shown = await page.locator(spec.editor).first().evaluate((el) => ('value' in el ? (el as HTMLTextAreaElement).value : (el as HTMLElement).innerText.trim()));
      expect(shown).toBe(VIOLATING);

      await page.keyboard.type(' again');
      expect(await modelText(page, spec.editor)).toBe(`${VIOLATING} again`);
      await page.keyboard.press('Control+z');
      await expect.poll(() => modelText(page, spec.editor)).not.toBe(`${VIOLATING} again`);

      if (spec.newlineKey) {
        await page.keyboard.press('End');
        const before = await modelText(page, spec.editor);
        await page.keyboard.press(spec.newlineKey);
        await page.keyboard.type('Second line');
        await expect.poll(() => modelText(page, spec.editor)).toBe(`${before}\nSecond line`);
        expect(await submitted(page), 'a new line is not a send').toEqual([]);
      }
    });
  });
}
