/**
 * Driving a page with the keyboard only, as a citizen without a mouse does:
 * Tab to a field (checking its focus is visible), type, choose a radio button
 * with Space and the arrow keys.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export function keyboard(page: Page) {
  /** Presses Tab until the element is focused (as a keyboard user would), and checks focus is visible. */
  const tabTo = async (locator: Locator) => {
    for (let i = 0; i < 60; i++) {
      if (await locator.evaluate((el) => el === document.activeElement)) {
        // DKFDS draws a radio's or checkbox's focus ring on its label (label::before).
        const outline = await locator.evaluate((el) => {
          const label = el.matches('.form-radio, .form-checkbox') ? document.querySelector(`label[for="${el.id}"]`) : null;
          return label ? getComputedStyle(label, '::before').outlineStyle : getComputedStyle(el).outlineStyle;
        });
        expect(outline, 'focus is visible').not.toBe('none');
        return;
      }
      await page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${locator} with Tab`);
  };
  const type = async (label: string | RegExp, text: string) => {
    await tabTo(page.getByLabel(label, { exact: typeof label === 'string' }));
    await page.keyboard.type(text);
  };
  const choose = async (group: string | RegExp, option: string) => {
    const radios = page.getByRole('group', { name: group }).getByRole('radio');
    await tabTo(radios.first());
    const target = page.getByRole('group', { name: group }).getByLabel(option, { exact: true });
    for (let i = 0; i < 5 && !(await target.isChecked()); i++) await page.keyboard.press(i === 0 ? 'Space' : 'ArrowDown');
    await expect(target).toBeChecked();
  };
  /** Tab to a button and press Enter. */
  const press = async (button: string) => {
    await tabTo(page.getByRole('button', { name: button }));
    await page.keyboard.press('Enter');
  };
  return { tabTo, type, choose, press };
}
