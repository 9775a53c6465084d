// Story: the operator puts a course and a service in the catalog; a Customer
// admin adds a billing account and attendees, buys the service, applies for
// the course with two attendees; the operator accepts the application and
// the customer sees the decision, the expense lines and the dashboard's
// spend chart grow with each charge.

import { expect, open, test } from './fixtures';
import { approvedCustomer, createService, publish, shotBoth, signedInAdmin } from './flows';

test('a customer buys, applies for a course with two attendees, and the operator accepts', async ({ e2e }) => {
  const admin = await signedInAdmin(e2e);
  const stamp = Date.now();
  const course = `E2E Leading hybrid teams ${stamp}`;
  const service = `E2E Coaching hours ${stamp}`;

  // The operator's catalog editor.
  await createService(admin, { kind: 'course', title: course, category: 'Leadership', price: '1250', capacity: '12', dated: true });
  await shotBoth(e2e, admin, 'admin-service-created');
  await createService(admin, { kind: 'service', title: service, category: 'Coaching', price: '180', capacity: '', dated: false });
  await publish(admin, course);
  await publish(admin, service);
  await open(admin, '/admin/catalog');
  await expect(admin.getByTestId('admin-service-row').filter({ hasText: course })).toContainText('published');
  await shotBoth(e2e, admin, 'admin-catalog');

  const { page: customer } = await approvedCustomer(e2e, admin, 'workspace');

  // A new organization's dashboard: no spend yet, so no bars.
  await expect(customer.getByTestId('key-figures')).toBeVisible();
  await expect(customer.getByTestId('spend-empty')).toBeVisible();
  await shotBoth(e2e, customer, 'dashboard-empty');

  // A billing account first: purchases need one.
  await open(customer, '/org/billing');
  await customer.getByTestId('billing-name').fill('Head office');
  await customer.getByTestId('billing-address').fill('Testikatu 1\n00100 Helsinki');
  await customer.getByTestId('billing-vat').fill('FI12345678');
  await customer.getByTestId('billing-save').click();
  await expect(customer.getByTestId('billing-row').filter({ hasText: 'Head office' })).toBeVisible();
  await shotBoth(e2e, customer, 'billing');

  // Two attendees.
  await open(customer, '/org/attendees');
  for (const [name, email] of [
    ['Ada Lovelace', `ada-${stamp}@example.com`],
    ['Bob Builder', `bob-${stamp}@example.com`],
  ]) {
    await customer.getByTestId('attendee-name').fill(name);
    await customer.getByTestId('attendee-email').fill(email);
    await customer.getByTestId('attendee-save').click();
    await expect(customer.getByTestId('attendee-row').filter({ hasText: name })).toBeVisible();
  }

  // The catalog: search finds the service; buy two units of it.
  await open(customer, '/org/catalog');
  await expect(customer.getByTestId('catalog-item').filter({ hasText: course })).toBeVisible();
  await shotBoth(e2e, customer, 'catalog');
  await customer.getByTestId('catalog-search').fill(`Coaching hours ${stamp}`);
  await customer.getByTestId('catalog-apply').click();
  await expect(customer.getByTestId('catalog-item')).toHaveCount(1);
  await customer.getByRole('link', { name: service }).click();
  await expect(customer.getByTestId('service-title')).toHaveText(service);
  await customer.getByTestId('purchase-quantity').fill('2');
  await expect(customer.getByTestId('purchase-total')).toContainText('EUR 360.00');
  await shotBoth(e2e, customer, 'service-detail');
  await customer.getByTestId('purchase-submit').click();
  await expect(customer.getByTestId('purchase-done')).toBeVisible();
  await open(customer, '/org/orders');
  await expect(customer.getByTestId('order-row').filter({ hasText: service })).toContainText('EUR 451.80');
  await shotBoth(e2e, customer, 'orders');

  // The order is an expense line, and this month's bar shows it.
  await open(customer, '/org/expenses');
  await expect(customer.getByTestId('expense-row').filter({ hasText: service })).toBeVisible();
  await expect(customer.getByTestId('expense-overall')).toContainText('451.80');
  await shotBoth(e2e, customer, 'expenses-after-order');
  await open(customer, '/org');
  const lastBar = customer.getByTestId('spend-eur-bar').last();
  await expect(lastBar).toHaveAttribute('data-value', '45180');
  await shotBoth(e2e, customer, 'dashboard-after-order');

  // Apply for the course with both attendees.
  await open(customer, '/org/catalog');
  await customer.getByRole('link', { name: course }).click();
  await customer.getByTestId('service-apply').click();
  await expect(customer).toHaveURL(/\/org\/courses\/new\?service=/);
  await expect(customer.getByTestId('course-service')).toHaveValue(/[0-9a-f-]{36}/);
  await customer.getByTestId('course-attendee').nth(0).check();
  await customer.getByTestId('course-attendee').nth(1).check();
  await shotBoth(e2e, customer, 'course-apply');
  await customer.getByTestId('course-submit').click();
  await expect(customer).toHaveURL(/\/org\/courses\/[0-9a-f-]{36}$/);
  await expect(customer.getByTestId('course-detail-status')).toHaveText('Submitted');
  await expect(customer.getByTestId('course-places')).toHaveText('2');
  await shotBoth(e2e, customer, 'course-submitted');
  const applicationPath = new URL(customer.url()).pathname;

  // The operator accepts it.
  await open(admin, '/admin/courses');
  const row = admin.getByTestId('course-row').filter({ hasText: course });
  await expect(row).toHaveCount(1);
  await shotBoth(e2e, admin, 'admin-course-queue');
  await row.getByRole('link', { name: course }).click();
  await admin.getByTestId('decision-accept').check();
  await shotBoth(e2e, admin, 'admin-course-decide');
  await admin.getByTestId('decision-submit').click();
  await expect(admin.getByTestId('course-detail-status')).toHaveText('Accepted');

  // The customer sees the decision and the course fee for both places.
  await open(customer, applicationPath);
  await expect(customer.getByTestId('course-detail-status')).toHaveText('Accepted');
  await expect(customer.getByTestId('course-fee')).toContainText('EUR 2,500.00');
  await shotBoth(e2e, customer, 'course-accepted');
  await open(customer, '/org/courses');
  await expect(customer.getByTestId('course-row').filter({ hasText: course })).toContainText('Accepted');
  await shotBoth(e2e, customer, 'courses');

  // The course fee (2 × 1,250.00 + 25.5 % VAT = 3,137.50) joins the order's
  // 451.80 in the ledger and in this month's bar.
  await open(customer, '/org/expenses');
  await expect(customer.getByTestId('expense-row')).toHaveCount(2);
  await expect(customer.getByTestId('expense-overall')).toContainText('3,589.30');
  await shotBoth(e2e, customer, 'expenses-after-acceptance');
  await open(customer, '/org');
  await expect(customer.getByTestId('spend-eur-bar').last()).toHaveAttribute('data-value', '358930');
  await expect(customer.getByTestId('figure-upcoming-courses')).toContainText('1');
  await shotBoth(e2e, customer, 'dashboard-after-acceptance');
  await open(customer, '/org/utilization');
  await shotBoth(e2e, customer, 'utilization');

  // The operator's reports and account pages.
  for (const [path, step] of [
    ['/admin/reports', 'admin-reports'],
    ['/admin/organizations', 'admin-organizations'],
    ['/admin/admins', 'admin-admins'],
    ['/admin/audit', 'admin-audit'],
  ]) {
    await open(admin, path);
    await shotBoth(e2e, admin, step);
  }
});
