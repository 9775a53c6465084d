// Story: the application form works with JavaScript turned off; the server
// answers the plain form post with a redirect to the private status page.

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
  await expect(page).toHaveURL(/\/status\/[A-Za-z0-9_-]+$/);
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
