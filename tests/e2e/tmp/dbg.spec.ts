import { expect, test } from '../fixtures/extension';
import { setPersonalPolicy } from '../fixtures/policy';
import { openSurface, routeSitePages, SURFACES } from '../fixtures/site-pages';
import { readLayout, waitForCardText } from '../fixtures/warning-card';
test('dbg', async ({ context }) => {
  await routeSitePages(context);
  await setPersonalPolicy(context, { pupils: [{ name: 'Jack Smith' }, { name: 'Olivia Brown' }] });
  const page = await context.newPage();
  page.on('console', (m) => console.log('PAGE', m.text()));
  await page.setViewportSize({ width: 1280, height: 720 });
  const spec = SURFACES.find((s) => s.name === 'x home post')!;
  await openSurface(page, spec);
  await page.locator(spec.editor).click();
  const lines = ['Jack Smith came round for tea.'];
  for (let i = 0; i < 28; i++) lines.push(`Line ${i + 1} of a long and rambling post about the weekend and the weather.`);
  lines.push('And Olivia Brown too.');
  for (const [i, line] of lines.entries()) { if (i) await page.keyboard.press('Enter'); await page.keyboard.insertText(line); }
  await waitForCardText(page);
  await page.waitForTimeout(500);
  console.log(JSON.stringify(await readLayout(page)));
  await page.screenshot({ path: 'test-results/dbg1.png' });
  await page.waitForTimeout(1000);
  console.log(JSON.stringify(await readLayout(page)));
  console.log(await page.evaluate(() => JSON.stringify({ sy: scrollY, ch: document.documentElement.clientHeight, ih: innerHeight })));
});
