/**
 * Profile fields that say where you work (issue 4, part 1), on every site's edit-profile practice
 * page: a saved value is checked as soon as the editor opens; typing gets the same inline warning as
 * a post; in confirm mode a high-severity finding (the school named) holds Save until Save anyway,
 * then saves once; a profession alone (medium) is a warning, not a hold.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures/extension';
import { openProfileField, PROFILE_FIELDS, routeSitePages, submitted, type ProfileFieldSpec } from './fixtures/site-pages';
import { setPersonalPolicy } from './fixtures/policy';
import { clickCardButton, readCards, waitForCardText as cardText } from './fixtures/warning-card';

const SCHOOL = { schoolName: 'Oakfield Primary School', pupils: [{ name: 'Jack Smith' }] };

async function prepare(context: BrowserContext, spec: ProfileFieldSpec, mode: 'warn' | 'confirm'): Promise<Page> {
  await routeSitePages(context);
  await setPersonalPolicy(context, { ...SCHOOL, mode });
  const page = await context.newPage();
  await openProfileField(page, spec);
  return page;
}

async function replaceValue(page: Page, spec: ProfileFieldSpec, text: string): Promise<void> {
  const field = page.locator(spec.field).first();
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Save sends the whole form, and every field's card is on the page: clear the other fields' warnings first. */
async function quietSiblings(page: Page, spec: ProfileFieldSpec): Promise<void> {
  for (const other of siblings(spec)) if (other.prefilled && saysWhereYouWork(other)) await replaceValue(page, other, 'Dog walker');
}

const saysWhereYouWork = (spec: ProfileFieldSpec) => Boolean(spec.prefilled && /teacher|oakfield/i.test(spec.prefilled));
/** The other fields Save sends with this one (same form). */
const siblings = (spec: ProfileFieldSpec) =>
  PROFILE_FIELDS.filter((f) => f !== spec && f.url === spec.url && f.save === spec.save && (f.open ?? []).join() === (spec.open ?? []).join());

for (const spec of PROFILE_FIELDS) {
  test.describe(spec.name, () => {
    if (saysWhereYouWork(spec)) {
      test('the saved value is checked as soon as the profile editor opens', async ({ context }) => {
        const page = await prepare(context, spec, 'warn');
        const text = await cardText(page);
        expect(text).toMatch(/work in a school|names your school|tells anyone where you work/);
      });
    }

    if (siblings(spec).some((o) => o.prefilled && /oakfield/i.test(o.prefilled)) && !/oakfield/i.test(spec.prefilled ?? '')) {
      test('Save is held for the school named in another field of the same form', async ({ context }) => {
        const page = await prepare(context, spec, 'confirm');
        await replaceValue(page, spec, 'Dog walker');
        await cardText(page);
        await page.locator(spec.save).first().click();
        await expect.poll(async () => (await readCards(page)).roles).toContain('alertdialog');
        expect(await submitted(page)).toEqual([]);
      });
    }

    test('typing where you work warns; confirm mode holds Save when the school is named, then saves once', async ({ context }) => {
      const page = await prepare(context, spec, 'confirm');
      await quietSiblings(page, spec);
      await replaceValue(page, spec, 'Teacher at Oakfield Primary School');
      const text = await cardText(page);
      expect(text).toContain('names your school');
      await page.locator(spec.save).first().click();
      await expect.poll(async () => (await readCards(page)).roles).toContain('alertdialog');
      await page.waitForTimeout(200);
      expect(await submitted(page), 'nothing is saved while the prompt is open').toEqual([]);
      await clickCardButton(page, 'Save anyway');
      await expect.poll(async () => (await submitted(page)).filter((s) => s.text === 'Teacher at Oakfield Primary School')).toEqual([
        { surface: spec.surface, text: 'Teacher at Oakfield Primary School' },
      ]);
    });

    test('a profession alone is a warning, not a hold; a clean value gets none', async ({ context }) => {
      const page = await prepare(context, spec, 'confirm');
      await quietSiblings(page, spec);
      await replaceValue(page, spec, 'Teaching assistant');
      expect(await cardText(page)).toContain('you work in a school');
      await replaceValue(page, spec, 'Dog walker and runner');
      expect(await cardText(page, false)).toBe('');
      await replaceValue(page, spec, 'Teaching assistant');
      await cardText(page);
      await page.locator(spec.save).first().click();
      await expect.poll(async () => (await submitted(page)).filter((s) => s.text === 'Teaching assistant')).toEqual([{ surface: spec.surface, text: 'Teaching assistant' }]);
    });
  });
}
