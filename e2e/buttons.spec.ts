import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SegmentsPage, WIKI, wikiId } from './pages/segments-page.ts';

// One visual language for buttons, measured on the real page in both themes: computed colours and boxes.

/** WCAG contrast of a button's text on its own background. */
const textContrast = (button: Locator) =>
  button.evaluate((element) => {
    const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = channels(colour).map((c) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const style = getComputedStyle(element);
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });

/** The colours of a button, and those of a plain disabled button beside it. */
const disabledLook = (button: Locator) =>
  button.evaluate((element) => {
    const look = (e: Element) => {
      const s = getComputedStyle(e);
      return { background: s.backgroundColor, color: s.color, border: s.borderTopColor, filter: s.filter };
    };
    const plain = document.createElement('button');
    plain.disabled = true;
    element.after(plain);
    const expected = look(plain);
    plain.remove();
    return { actual: look(element), expected };
  });

const box = async (locator: Locator) => {
  const { x, y, width, height } = (await locator.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  return { x, y, width, height };
};

// One page load for all of it: each step is one rule of the language.
test('buttons speak one visual language on the segments and rules pages', async ({ page }) => {
  const segments = new SegmentsPage(page);
  await segments.goto(WIKI);

  await test.step('a row\'s "Details" looks like its neighbour, and nothing moves on hover or focus', async () => {
    const checkbox = page.getByRole('checkbox', { name: `Select ${wikiId(2)}`, exact: true });
    const row = segments.table.getByRole('row').filter({ has: checkbox });
    const details = row.getByRole('button', { name: 'Details' });
    const toggle = row.getByRole('button', { name: /^Mark (un)?used$/ });
    const style = (b: Locator) =>
      b.evaluate((e) => {
        const s = getComputedStyle(e);
        return [s.height, s.fontSize, s.borderTopColor, s.borderTopWidth, s.backgroundColor].join(' ');
      });
    expect(await style(details)).toBe(await style(toggle));
    const before = [await box(details), await box(toggle)];
    await details.hover();
    expect([await box(details), await box(toggle)]).toEqual(before);
    await details.focus();
    expect([await box(details), await box(toggle)]).toEqual(before);
  });

  await test.step('danger buttons are readable and disabled ones look disabled, in both themes', async () => {
    await segments.checkbox(wikiId(1)).check();
    const markUnused = segments.selectionBar.getByRole('button', { name: /^Mark .*unused…$/ });
    const markUsed = segments.selectionBar.getByRole('button', { name: /^Mark .*used…$/ }).first();
    await expect(markUsed).toBeDisabled(); // every selected segment is used already
    await expect(markUnused).toBeEnabled();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await textContrast(markUnused), `danger in ${colorScheme}`).toBeGreaterThanOrEqual(4.5);
      const { actual, expected } = await disabledLook(markUsed);
      expect(actual, `disabled primary in ${colorScheme}`).toEqual(expected);
    }
  });

  await test.step('menu buttons and menu items are one size wherever the menu opens', async () => {
    const toggle = page.getByRole('button', { name: `Actions for ${WIKI}` });
    const toggleHeight = (await box(toggle)).height;
    expect(toggleHeight).toBe((await box(page.getByRole('link', { name: 'Retention rules' }))).height);
    await toggle.click();
    const itemHeight = (await box(page.getByRole('button', { name: 'Mark all unused…' }))).height;

    await page.goto('/segments'); // the same menu, opened from a table row
    await page.getByRole('button', { name: 'Actions for kttm1' }).click();
    expect((await box(page.getByRole('button', { name: 'Mark all unused…' }))).height).toBe(itemHeight);

    await page.goto('/rules/kttm1');
    const ruleToggle = page.getByRole('button', { name: /^Actions for rule 1\b/ });
    await expect(ruleToggle).toBeVisible();
    expect((await box(ruleToggle)).height).toBe(toggleHeight);
    await ruleToggle.click();
    expect((await box(page.getByRole('button', { name: 'Duplicate' }))).height).toBe(itemHeight);
  });
});
