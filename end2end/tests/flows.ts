// Steps several stories share: applicant data, filling the apply form,
// setting a password through a link, signing in, the first administrator.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, open, pathOf, SERVER_LOG, type E2E } from './fixtures';
import type { Page } from '@playwright/test';

export const ADMIN_EMAIL = 'admin@example.com';

export type Applicant = {
  legal_name: string;
  registration_id: string;
  country: string;
  street_address: string;
  postal_code: string;
  city: string;
  website: string;
  contact_name: string;
  contact_email: string;
  phone: string;
  org_type: string;
  org_size: string;
  intended_use: string;
};

/** Values that pass validation and are unique to this call. */
export function newApplicant(tag: string): Applicant {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  return {
    legal_name: `E2E ${tag} ${stamp} Learning`,
    registration_id: `E2E-${stamp}`,
    country: 'FI',
    street_address: 'Testikatu 1 A 2',
    postal_code: '00100',
    city: 'Helsinki',
    website: 'https://example.com',
    contact_name: 'Erja Esimerkki',
    contact_email: `e2e-${tag}-${stamp}@example.com`,
    phone: '+358 40 123 4567',
    org_type: 'company',
    org_size: '10-49',
    intended_use: 'Leadership training for about forty team leads during the autumn term.',
  };
}

const TEXT_FIELDS = [
  'legal_name',
  'registration_id',
  'street_address',
  'postal_code',
  'city',
  'website',
  'contact_name',
  'contact_email',
  'phone',
  'intended_use',
] as const;
const SELECT_FIELDS = ['country', 'org_type', 'org_size'] as const;

/** Fills every field of the apply form and ticks the terms box. */
export async function fillApplication(page: Page, data: Applicant): Promise<void> {
  for (const name of TEXT_FIELDS) {
    await page.getByTestId(`field-${name}`).fill(data[name]);
  }
  for (const name of SELECT_FIELDS) {
    await page.getByTestId(`field-${name}`).selectOption(data[name]);
  }
  await page.getByTestId('field-accept_terms').check();
}

/** On a /set-password/<token> page: sets `password`, lands on sign-in. */
export async function setPassword(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByTestId('link-email')).toHaveText(email);
  await page.getByTestId('new-password').fill(password);
  await page.getByTestId('confirm-password').fill(password);
  await page.getByTestId('set-password-submit').click();
  await expect(page).toHaveURL(/\/sign-in\?password=set$/);
  await expect(page.getByTestId('password-set-banner')).toBeVisible();
}

/** On the sign-in page: signs in and waits for `home`. */
export async function signIn(page: Page, email: string, password: string, home: string): Promise<void> {
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page).toHaveURL(new RegExp(`${home.replace(/\//g, '\\/')}$`));
  await expect(page.getByTestId('who')).toHaveText(email);
}

/** The first administrator's one-time link, as a path, from the server log. */
export function firstAdminLinkPath(): string {
  if (!SERVER_LOG) throw new Error('COURSEGATE_E2E_SERVER_LOG is not set (run the suite through scripts/e2e)');
  const log = fs.readFileSync(SERVER_LOG, 'utf8');
  const link = log.match(/https?:\/\/\S+?\/set-password\/[A-Za-z0-9_-]+/);
  if (!link) throw new Error(`no set-password link in ${SERVER_LOG}`);
  return pathOf(link[0]);
}

// The first administrator's link works once; the password chosen for it is
// kept next to the test database so every story in this run can sign in.
function adminPasswordFile(): string {
  const db = process.env.COURSEGATE_E2E_DB;
  if (!db) throw new Error('COURSEGATE_E2E_DB is not set (run the suite through scripts/e2e)');
  return path.join(path.dirname(db), 'e2e-admin-password');
}

export function knownAdminPassword(): string | undefined {
  const file = adminPasswordFile();
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

/** Uses the first-admin link on `page` to set a password; returns it. */
export async function setFirstAdminPassword(e2e: E2E, page: Page): Promise<string> {
  const password = `admin-e2e-${Date.now()}-pass`;
  await open(page, firstAdminLinkPath());
  await e2e.shot(page, 'admin-set-password');
  await setPassword(page, ADMIN_EMAIL, password);
  fs.writeFileSync(adminPasswordFile(), password);
  await e2e.shot(page, 'admin-password-set');
  return password;
}

/** A new context with the system administrator signed in, on the queue. */
export async function signedInAdmin(e2e: E2E): Promise<Page> {
  const context = await e2e.newContext();
  const page = await e2e.newPage(context, 'admin');
  const password = knownAdminPassword() ?? (await setFirstAdminPassword(e2e, page));
  await open(page, '/sign-in');
  await signIn(page, ADMIN_EMAIL, password, '/admin/applications');
  await expect(page.getByRole('heading', { name: 'Applications', level: 1 })).toBeVisible();
  return page;
}

/** Submits the apply form (JavaScript on) and returns the status path. */
export async function submitApplication(e2e: E2E, page: Page, data: Applicant): Promise<string> {
  await open(page, '/apply');
  await fillApplication(page, data);
  await page.getByTestId('apply-submit').click();
  await expect(page).toHaveURL(/\/status\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('status-org')).toHaveText(data.legal_name);
  await expect(page.getByTestId('status-badge')).toHaveText('Submitted');
  await e2e.shot(page, 'status-submitted');
  return new URL(page.url()).pathname;
}

/** From the queue, opens the application whose registration ID is given. */
export async function openApplication(page: Page, data: Applicant): Promise<void> {
  await open(page, `/admin/applications?q=${encodeURIComponent(data.registration_id)}`);
  const row = page.getByTestId('queue-row').filter({ hasText: data.legal_name });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: data.legal_name }).click();
  await expect(page).toHaveURL(/\/admin\/applications\/[^/?]+$/);
  await expect(page.getByTestId('detail-org')).toHaveText(data.legal_name);
}

/** On an application's page: claims it and waits for the decisions. */
export async function claim(page: Page): Promise<void> {
  await page.getByTestId('claim-button').click();
  await expect(page.getByTestId('decisions')).toBeVisible();
  await expect(page.getByTestId('status-badge')).toHaveText('In review');
}

/** Full-page screenshots at the desktop size (1280×800) and a phone size
 * (390×844). */
export async function shotBoth(e2e: E2E, page: Page, step: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await e2e.shot(page, `${step}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await e2e.shot(page, `${step}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

export type Customer = { page: Page; data: Applicant; password: string };

/** An organization applies through the form, the signed-in administrator on
 * `admin` approves it, and its contact person sets a password and signs in
 * in a browser context of their own. */
export async function approvedCustomer(e2e: E2E, admin: Page, tag: string): Promise<Customer> {
  const data = newApplicant(tag);
  const context = await e2e.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await e2e.newPage(context, `customer-${tag}`);
  await open(page, '/apply');
  await fillApplication(page, data);
  await page.getByTestId('apply-submit').click();
  await expect(page).toHaveURL(/\/status\/[A-Za-z0-9_-]+$/);

  await openApplication(admin, data);
  await claim(admin);
  await admin.getByTestId('approve-button').click();
  await expect(admin.getByTestId('status-badge')).toHaveText('Approved');
  await open(admin, '/admin/outbox');
  const mail = admin.locator(`[data-testid="mail"][data-kind="invitation"][data-to="${data.contact_email}"]`);
  await expect(mail).toHaveCount(1);
  await mail.getByText('Show message').click();
  const link = mail.getByTestId('mail-link').filter({ hasText: '/set-password/' });
  const invitationPath = pathOf((await link.getAttribute('href')) ?? '');

  const password = `customer-e2e-${Date.now()}`;
  await open(page, invitationPath);
  await setPassword(page, data.contact_email, password);
  await signIn(page, data.contact_email, password, '/org');
  return { page, data, password };
}

/** A `datetime-local` value `days` from now (the browser's zone is UTC,
 * the operator's Helsinki: the exact hour does not matter here). */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
}

/** On the catalog editor: creates a draft service or course. */
export async function createService(
  admin: Page,
  fields: { kind: string; title: string; category: string; price: string; capacity: string; dated: boolean },
): Promise<void> {
  await open(admin, '/admin/catalog/new');
  await admin.getByTestId('service-kind').selectOption(fields.kind);
  await admin.getByTestId('service-title-input').fill(fields.title);
  await admin.getByTestId('service-category').fill(fields.category);
  await admin
    .getByTestId('service-description')
    .fill('Practical sessions with real cases from the participants’ own teams.');
  if (fields.dated) {
    await admin.getByTestId('service-starts').fill(inDays(40));
    await admin.getByTestId('service-ends').fill(inDays(41));
    await admin.getByTestId('service-deadline').fill(inDays(30));
  }
  await admin.getByTestId('service-capacity').fill(fields.capacity);
  await admin.getByTestId('service-price-input').fill(fields.price);
  await admin.getByTestId('service-save').click();
  await expect(admin).toHaveURL(/\/admin\/catalog\/[0-9a-f-]{36}$/);
  await expect(admin.getByTestId('service-edit-status')).toContainText('draft');
}

/** Publishes the draft service called `title`. */
export async function publish(admin: Page, title: string): Promise<void> {
  await open(admin, '/admin/catalog?status=draft');
  const row = admin.getByTestId('admin-service-row').filter({ hasText: title });
  await row.getByTestId('service-published').click();
  await expect(admin.getByTestId('admin-service-row').filter({ hasText: title })).toHaveCount(0);
}
