// Story: the application form works with JavaScript turned off; the server
// answers the plain form post with a redirect to the private status page,
// and a failed one with the form again: status 422, the messages, a summary
// linking to the fields, and what was typed.

import { expect, test } from './fixtures';
import { fillApplication, newApplicant } from './flows';

test('the apply form works without JavaScript', async ({ e2e }) => {
  const data = newApplicant('nojs');
  const context = await e2e.newContext({ javaScriptEnabled: false });
  const page = await e2e.newPage(context, 'applicant (no JS)');

  await page.goto('/apply');
  await expect(page.getByTestId('apply-form')).toBeVisible();
  await fillApplication(page, data);
  await e2e.shot(page, 'apply-filled');

  await page.getByTestId('apply-submit').click();
  // The redirect names the finished action, so the status page confirms it.
  await expect(page).toHaveURL(/\/status\/[A-Za-z0-9_-]+\?done=applications%2Fsubmit$/);
  await expect(page.getByTestId('toast')).toHaveText(/Application sent\./);
  // Without JavaScript only what is in the HTML counts: content streamed in
  // after a "Loading…" placeholder never replaces it.
  await expect(
    page.getByTestId('status-org'),
    'the status page must carry its content in the HTML, not only a Loading… placeholder',
  ).toHaveText(data.legal_name);
  await expect(page.getByTestId('status-badge')).toHaveText('Submitted');
  await expect(page.getByTestId('timeline')).toContainText('Application submitted');
  await e2e.shot(page, 'status-submitted');
});

test('a failed submit without JavaScript comes back with the messages and what was typed', async ({ e2e }) => {
  const data = newApplicant('nojs-fix');
  const context = await e2e.newContext({ javaScriptEnabled: false });
  const page = await e2e.newPage(context, 'applicant (no JS, mistyped)');

  await page.goto('/apply');
  await fillApplication(page, { ...data, phone: 'call me <maybe>' });
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/applications/submit'));
  await page.getByTestId('apply-submit').click();
  expect((await answer).status()).toBe(422);

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: /Phone may contain only digits/ });
  await expect(link).toHaveAttribute('href', '#f-phone');
  await expect(page.getByTestId('error-phone')).toContainText('Phone may contain only digits');
  await expect(page.getByTestId('field-phone')).toHaveValue('call me <maybe>');
  await expect(page.getByTestId('field-legal_name')).toHaveValue(data.legal_name);
  await expect(page.getByTestId('field-intended_use')).toHaveValue(data.intended_use);
  await expect(page.getByTestId('field-country')).toHaveValue(data.country);
  await expect(page.getByTestId('field-accept_terms')).toBeChecked();
  await e2e.shot(page, 'apply-failed-no-js');

  await link.click();
  await expect(page).toHaveURL(/#f-phone$/);
  await page.getByTestId('field-phone').fill(data.phone);
  await page.getByTestId('apply-submit').click();
  await expect(page).toHaveURL(/\/status\/[A-Za-z0-9_-]+\?done=applications%2Fsubmit$/);
  await expect(page.getByTestId('status-org')).toHaveText(data.legal_name);
  // The browser logs the 422 of the document it was given; that answer is
  // the point of the visit.
  for (let i = e2e.issues.length - 1; i >= 0; i--) {
    if (/\b422\b/.test(e2e.issues[i].text)) e2e.issues.splice(i, 1);
  }
});
