// Story: an organization applies, a system administrator reviews and
// approves, and the new Customer admin sets a password and signs in.

import { expect, open, pathOf, test } from './fixtures';
import {
  ADMIN_EMAIL,
  claim,
  fillApplication,
  knownAdminPassword,
  newApplicant,
  setFirstAdminPassword,
  setPassword,
  signIn,
} from './flows';

test('apply, review, approve, and the new customer admin signs in', async ({ e2e }) => {
  const data = newApplicant('flow');

  // The first administrator sets a password through the link the server
  // printed on its first start, then signs in.
  const adminContext = await e2e.newContext();
  const admin = await e2e.newPage(adminContext, 'admin');
  const adminPassword = knownAdminPassword() ?? (await setFirstAdminPassword(e2e, admin));
  await open(admin, '/sign-in');
  await signIn(admin, ADMIN_EMAIL, adminPassword, '/admin/applications');
  await expect(admin.getByRole('heading', { name: 'Applications', level: 1 })).toBeVisible();
  // The counts come from the console's polling: a number means it runs.
  await expect(admin.getByTestId('count-all')).toHaveText(/^\d+$/);
  await e2e.shot(admin, 'admin-queue-before');

  // The applicant, in a browser of their own.
  const applicantContext = await e2e.newContext();
  const applicant = await e2e.newPage(applicantContext, 'applicant');
  await open(applicant, '/apply');
  await e2e.shot(applicant, 'apply-empty');

  // Instant validation: a bad email earns a message on blur, and fixing it
  // clears the message while typing.
  const email = applicant.getByTestId('field-contact_email');
  const emailError = applicant.getByTestId('error-contact_email');
  await email.fill('not-an-email');
  await email.blur();
  await expect(emailError).toHaveText(/email address/i);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await e2e.shot(applicant, 'apply-email-invalid');
  await email.fill(data.contact_email);
  await expect(emailError).toHaveText('');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');

  await fillApplication(applicant, data);
  await e2e.shot(applicant, 'apply-filled');
  await applicant.getByTestId('apply-submit').click();
  await expect(applicant).toHaveURL(/\/status\/[A-Za-z0-9_-]+$/);
  await expect(applicant.getByTestId('status-org')).toHaveText(data.legal_name);
  await expect(applicant.getByTestId('status-badge')).toHaveText('Submitted');
  await e2e.shot(applicant, 'status-submitted');

  // The administrator's open queue shows the new application without a
  // reload (the console polls every 2 s).
  const row = admin.getByTestId('queue-row').filter({ hasText: data.legal_name });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row.getByTestId('status-badge')).toHaveText('Submitted');
  await e2e.shot(admin, 'admin-queue-new-row');

  await row.getByRole('link', { name: data.legal_name }).click();
  await expect(admin).toHaveURL(/\/admin\/applications\/[^/?]+$/);
  await expect(admin.getByTestId('detail-org')).toHaveText(data.legal_name);
  await e2e.shot(admin, 'admin-detail');
  await claim(admin);
  await e2e.shot(admin, 'admin-claimed');

  await admin.getByTestId('approve-button').click();
  const account = admin.getByTestId('account');
  await expect(account).toBeVisible();
  await expect(admin.getByTestId('status-badge')).toHaveText('Approved');
  await expect(account.getByTestId('account-email')).toHaveText(data.contact_email);
  await expect(account.getByTestId('account-state')).toContainText('Invited');
  await e2e.shot(admin, 'admin-approved');

  // The invitation waits in the outbox.
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(admin).toHaveURL(/\/admin\/outbox$/);
  const mail = admin.locator(`[data-testid="mail"][data-kind="invitation"][data-to="${data.contact_email}"]`);
  await expect(mail).toHaveCount(1);
  await mail.getByText('Show message').click();
  const link = mail.getByTestId('mail-link').filter({ hasText: '/set-password/' });
  await expect(link).toBeVisible();
  await e2e.shot(admin, 'admin-outbox');
  const invitationPath = pathOf((await link.getAttribute('href')) ?? '');
  expect(invitationPath).toMatch(/^\/set-password\/[A-Za-z0-9_-]+$/);

  // The contact person follows the link, sets a password and signs in.
  const password = `customer-e2e-${Date.now()}`;
  await open(applicant, invitationPath);
  await e2e.shot(applicant, 'customer-set-password');
  await setPassword(applicant, data.contact_email, password);
  await e2e.shot(applicant, 'customer-sign-in');
  await signIn(applicant, data.contact_email, password, '/org');
  await expect(applicant.getByTestId('org-name')).toHaveText(data.legal_name);
  await expect(applicant.getByTestId('org-admin-email')).toHaveText(data.contact_email);
  await e2e.shot(applicant, 'customer-org-home');
});
