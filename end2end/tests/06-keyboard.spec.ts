// Story: an applicant who uses only the keyboard goes from the front page
// to the submitted status page with Tab, Shift+Tab, Space, Enter and typing
// (no clicks), and can see at every step where the focus is.

import { expect, open, test } from './fixtures';
import { newApplicant } from './flows';
import type { Page } from '@playwright/test';

/** The focused element's test id, and whether its focus is drawn: a
 * visible outline or a box shadow. */
async function focused(page: Page): Promise<{ testid: string; text: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { testid: '', text: '', visible: false };
    const style = getComputedStyle(el);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'transparent';
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      testid: el.getAttribute('data-testid') ?? '',
      text: (el.textContent ?? '').trim(),
      visible: outline || shadow,
    };
  });
}

/** Presses Tab until the element with `testid` has the focus (at most
 * `limit` presses), then checks the focus is drawn. */
async function tabTo(page: Page, testid: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.testid === testid) {
      expect(now.visible, `focus on ${testid} is visible`).toBe(true);
      return;
    }
  }
  throw new Error(`${limit} Tab presses did not reach ${testid}`);
}

test('an applicant applies with the keyboard alone and always sees the focus', async ({ e2e }) => {
  const data = newApplicant('keyboard');
  const page = await e2e.newPage(await e2e.newContext({ viewport: { width: 1280, height: 800 } }), 'keyboard');
  await open(page, '/');

  // The skip link comes first and is visible when focused.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  expect(skip.text).toBe('Skip to content');
  expect(skip.visible).toBe(true);

  await tabTo(page, 'cta-apply');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/apply$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply to become a customer');

  // The form, field by field in the order it shows them.
  await tabTo(page, 'field-legal_name');
  await page.keyboard.type(data.legal_name);
  await tabTo(page, 'field-registration_id', 1);
  await page.keyboard.type(data.registration_id);
  // A closed select picks the option whose label starts with what is typed.
  await tabTo(page, 'field-country', 1);
  await page.keyboard.type('Finland');
  await expect(page.getByTestId('field-country')).toHaveValue('FI');
  await tabTo(page, 'field-org_type', 1);
  await page.keyboard.type('Company');
  await expect(page.getByTestId('field-org_type')).toHaveValue('company');
  await tabTo(page, 'field-org_size', 1);
  await page.keyboard.type('10');
  await expect(page.getByTestId('field-org_size')).toHaveValue('10-49');
  await tabTo(page, 'field-website', 1);
  await page.keyboard.type(data.website);
  await tabTo(page, 'field-street_address', 1);
  await page.keyboard.type(data.street_address);
  await tabTo(page, 'field-postal_code', 1);
  await page.keyboard.type(data.postal_code);
  await tabTo(page, 'field-city', 1);
  await page.keyboard.type(data.city);

  // A typo noticed one field later: Shift+Tab goes back to fix it.
  await tabTo(page, 'field-contact_name', 1);
  await page.keyboard.press('Shift+Tab');
  const back = await focused(page);
  expect(back.testid).toBe('field-city');
  expect(back.visible).toBe(true);
  // Focus that arrives by keyboard selects the whole value; End keeps it.
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(data.city.slice(-1));
  await expect(page.getByTestId('field-city')).toHaveValue(data.city);

  await tabTo(page, 'field-contact_name', 1);
  await page.keyboard.type(data.contact_name);
  await tabTo(page, 'field-contact_email', 1);
  await page.keyboard.type(data.contact_email);
  await tabTo(page, 'field-phone', 1);
  await page.keyboard.type(data.phone);
  await tabTo(page, 'field-intended_use', 1);
  await page.keyboard.type(data.intended_use);
  await tabTo(page, 'field-accept_terms', 1);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('field-accept_terms')).toBeChecked();
  // The consent box's hint links the terms and the privacy notice, two
  // stops before the button.
  await tabTo(page, 'apply-terms-link', 1);
  await tabTo(page, 'apply-privacy-link', 1);
  await tabTo(page, 'apply-submit', 1);
  await e2e.shot(page, 'submit-focused');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/status\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('status-org')).toHaveText(data.legal_name);
  await expect(page.getByTestId('status-badge')).toHaveText('Submitted');
  await e2e.shot(page, 'status-submitted');
});
