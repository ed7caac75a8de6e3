/**
 * A send replayed after "… anyway" must leave the editor as the site expects: the next comment, sent
 * the same way, is sent too, with exactly its own text. Run on each editor kind the practice pages use
 * (Draft.js undid a replayed send when it came before Draft had taken in the focus given back to it).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures/extension';
import { openEditorWithPolicy } from './fixtures/open-editor';
import { modelText, submitted, SURFACES } from './fixtures/site-pages';
import { anywayWords } from '../../components/card-words';
import { clickCardButton, readCards, waitForCardText as cardText } from './fixtures/warning-card';

const SCHOOL = {
  schoolName: 'Wrenfield Junior School',
  staff: [{ name: 'Sarah Jones', role: 'Headteacher' }],
  pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }],
  mode: 'confirm',
};

const open = (context: BrowserContext, name: string): Promise<Page> => openEditorWithPolicy(context, name, SCHOOL);

const held = async (page: Page, yes: boolean) => expect.poll(async () => (await readCards(page)).roles.includes('alertdialog')).toBe(yes);

for (const name of ['tiktok comment', 'tiktok message', 'facebook comment', 'instagram comment', 'x reply']) {
  test(`${name}: after “… anyway”, the next send goes out too, with its own text`, async ({ context }) => {
    const spec = SURFACES.find((s) => s.name === name)!;
    const send = spec.submitKey!;
    const page = await open(context, name);
    // Round 1 by keyboard; round 2 with the mouse on the card; round 3 with the site's own send button.
    for (let round = 1; round <= 3; round++) {
      const sendNow = () => (round === 3 ? page.locator(spec.submit).first().click() : page.keyboard.press(send));
      await page.keyboard.type('Olivia Brown was great');
      await cardText(page);
      await sendNow();
      await held(page, true);
      if (round === 1) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
      } else await clickCardButton(page, anywayWords(spec.surface));
      await expect.poll(async () => (await submitted(page)).length).toBe(2 * round - 1);
      expect((await submitted(page)).at(-1)?.text).toBe('Olivia Brown was great');
      // The site emptied its box, and nothing of the sent text came back into it.
      await expect.poll(() => modelText(page, spec.editor)).toBe('');
      await page.waitForTimeout(150);
      expect(await modelText(page, spec.editor)).toBe('');

      if (round === 3) await page.locator(spec.editor).first().click();
      await page.keyboard.type('Parents evening went well');
      await cardText(page);
      await sendNow();
      await expect.poll(async () => (await submitted(page)).length).toBe(2 * round);
      expect((await submitted(page)).at(-1)?.text).toBe('Parents evening went well');
    }
  });
}
