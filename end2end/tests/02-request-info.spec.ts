// Story: the reviewer asks for information, the applicant answers through
// the private status page and may change only the field asked about.

import { expect, open, test } from './fixtures';
import { claim, newApplicant, openApplication, signedInAdmin, submitApplication } from './flows';

test('request information and the applicant answers', async ({ e2e }) => {
  const data = newApplicant('info');
  const newPhone = '+358 50 765 4321';
  const question = `Please confirm a direct phone number (${Date.now()}).`;

  const applicantContext = await e2e.newContext();
  const applicant = await e2e.newPage(applicantContext, 'applicant');
  const statusPath = await submitApplication(e2e, applicant, data);

  const admin = await signedInAdmin(e2e);
  await openApplication(admin, data);
  await claim(admin);

  await admin.getByTestId('request-info-toggle').click();
  await admin.getByTestId('request-field-phone').check();
  await admin.getByTestId('request-message').fill(question);
  await e2e.shot(admin, 'admin-request-form');
  await admin.getByTestId('request-info-button').click();
  await expect(admin.getByTestId('status-badge')).toHaveText('Information requested');
  await expect(admin.getByText('Editable fields: Phone', { exact: true })).toBeVisible();
  await e2e.shot(admin, 'admin-info-requested');

  // The applicant opens the private link again.
  await open(applicant, statusPath);
  await expect(applicant.getByTestId('status-badge')).toHaveText('Information requested');
  const request = applicant.getByTestId('info-request');
  await expect(request).toBeVisible();
  await expect(request.getByTestId('info-request-message')).toHaveText(question);
  // Only the phone (and the answer itself) can be edited.
  const form = request.getByTestId('respond-form');
  const editable = form.locator('input:not([type="hidden"]), select, textarea');
  await expect(editable).toHaveCount(2);
  await expect(form.getByTestId('field-phone')).toHaveValue(data.phone);
  await expect(form.getByTestId('field-answer')).toBeVisible();
  await e2e.shot(applicant, 'status-info-request');

  await form.getByTestId('field-phone').fill(newPhone);
  await form.getByTestId('field-answer').fill('The number above reaches me directly.');
  await form.getByTestId('respond-submit').click();
  await expect(applicant.getByTestId('status-badge')).toHaveText('Resubmitted');
  await expect(applicant.getByTestId('info-request')).toHaveCount(0);
  await expect(applicant.getByTestId('timeline')).toContainText('Answer sent');
  await e2e.shot(applicant, 'status-resubmitted');

  // The reviewer sees the answer and the new phone number.
  await open(admin, new URL(admin.url()).pathname);
  await expect(admin.getByTestId('status-badge')).toHaveText('Resubmitted');
  await expect(admin.getByTestId('detail-fields')).toContainText(newPhone);
  await expect(admin.getByTestId('decisions')).toBeVisible();
  await e2e.shot(admin, 'admin-resubmitted');
});
