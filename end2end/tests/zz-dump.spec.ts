// Every page, three ways: signed out, as a Customer admin and as a system
// administrator. On each one axe-core checks WCAG 2.1 A/AA and its best
// practices (in the light and in the dark colour scheme, and once more in
// Finnish, whose longer words must fit too), the page must not
// scroll sideways at a phone width (390×844) or a desktop width (1280×800),
// and both widths are photographed for a person to look at.
//
// Serious and critical axe findings fail the test; every finding is counted
// in the per-page summary printed at the end and attached to the report.

import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ARTIFACTS, BASE_URL, expect, open, test, type E2E } from './fixtures';
import {
  approvedCustomer,
  createService,
  newApplicant,
  openApplication,
  publish,
  signedInAdmin,
  submitApplication,
} from './flows';
import type { Page, TestInfo } from '@playwright/test';

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/** An address nothing is served at. */
const MISSING = '/no-such-page';

const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
type Impact = (typeof IMPACTS)[number];

type PageResult = {
  scheme: 'light' | 'dark';
  page: string;
  counts: Record<Impact, number>;
  failing: string[];
  overflow: string[];
};

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** How far the document is wider than the window, in CSS pixels, and the
 * widest element that sticks out (to say what to fix). */
async function overflow(page: Page): Promise<{ extra: number; culprit: string }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const extra = root.scrollWidth - root.clientWidth;
    let culprit = '';
    if (extra > 0) {
      let widest = 0;
      // Elements inside a box that scrolls or clips do not widen the page.
      const clipped = (el: Element): boolean => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o !== 'visible') return true;
        }
        return false;
      };
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (clipped(el)) continue;
        const right = el.getBoundingClientRect().right;
        if (right > root.clientWidth && right > widest) {
          widest = right;
          const id = el.getAttribute('data-testid') ?? el.className?.toString() ?? '';
          culprit = `${el.tagName.toLowerCase()}${id ? ` (${id})` : ''} ends at ${Math.round(right)}px`;
        }
      }
    }
    return { extra, culprit };
  });
}

/** Opens `target` on `page` and runs the checks; returns what was found. */
async function check(
  e2e: E2E,
  page: Page,
  who: string,
  target: string,
  scheme: 'light' | 'dark',
): Promise<PageResult> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize(SIZES[1]);
  await open(page, target);
  if (target === MISSING) {
    // The browser logs the 404 status of the document it was asked to
    // load; that answer is the point of the visit.
    for (let i = e2e.issues.length - 1; i >= 0; i--) {
      if (/\b404\b/.test(e2e.issues[i].text)) e2e.issues.splice(i, 1);
    }
  }
  const label = `${who} ${target}`;
  const result: PageResult = {
    scheme,
    page: label,
    counts: { critical: 0, serious: 0, moderate: 0, minor: 0 },
    failing: [],
    overflow: [],
  };

  if (scheme === 'light') {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const { extra, culprit } = await overflow(page);
      if (extra > 0) result.overflow.push(`${size.width}px: ${extra}px too wide; ${culprit}`);
      await page.screenshot({
        path: path.join(ARTIFACTS, `a11y-${slug(who)}-${slug(target) || 'home'}-${size.width}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize(SIZES[1]);
  } else {
    await page.screenshot({
      path: path.join(ARTIFACTS, `a11y-dark-${slug(who)}-${slug(target) || 'home'}-1280.png`),
      fullPage: true,
    });
  }

  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  for (const violation of axe.violations) {
    const impact = (violation.impact ?? 'minor') as Impact;
    result.counts[impact] += violation.nodes.length;
    if (impact === 'critical' || impact === 'serious') {
      const where = violation.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ');
      result.failing.push(`${violation.id} (${impact}, ${violation.nodes.length}×): ${violation.help} — ${where}`);
    } else {
      const where = violation.nodes
        .slice(0, 2)
        .map((n) => n.target.join(' '))
        .join(' | ');
      console.log(`  note [${scheme}] ${label}: ${violation.id} (${impact}) ${where}`);
    }
  }
  expect(e2e.issues, `browser problems on ${label}`).toEqual([]);
  return result;
}

async function report(testInfo: TestInfo, results: PageResult[]): Promise<void> {
  const lines = results.map(
    (r) =>
      `${r.scheme.padEnd(5)} ${r.page.padEnd(58)} critical ${r.counts.critical}  serious ${r.counts.serious}  ` +
      `moderate ${r.counts.moderate}  minor ${r.counts.minor}${r.overflow.length ? '  OVERFLOW' : ''}`,
  );
  const text = lines.join('\n');
  console.log(`--- axe summary per page\n${text}`);
  await testInfo.attach('axe-summary', { body: text, contentType: 'text/plain' });
  await testInfo.attach('axe-results', { body: JSON.stringify(results, null, 2), contentType: 'application/json' });
}

test('dump', async ({ e2e }, testInfo) => {
  test.setTimeout(900_000);

  // Data for every page: a course and a service in the catalog, a pending
  // application with its status link, and a customer with a billing
  // account, an attendee, a course application and a support request.
  const admin = await signedInAdmin(e2e);
  const stamp = Date.now();
  const course = `E2E Accessible facilitation ${stamp}`;
  await createService(admin, {
    kind: 'course',
    title: course,
    category: 'Leadership',
    price: '900',
    capacity: '10',
    dated: true,
  });
  await publish(admin, course);

  const anonymous = await e2e.newPage(await e2e.newContext(), 'anonymous');
  const pending = newApplicant('a11y-pending');
  const statusPath = await submitApplication(e2e, anonymous, pending);
  await openApplication(admin, pending);
  const applicationPath = new URL(admin.url()).pathname;

  const { page: customer } = await approvedCustomer(e2e, admin, 'a11y');
  await open(customer, '/org/billing');
  await customer.getByTestId('billing-name').fill('Head office');
  await customer.getByTestId('billing-address').fill('Testikatu 1\n00100 Helsinki');
  await customer.getByTestId('billing-vat').fill('FI12345678');
  await customer.getByTestId('billing-save').click();
  await expect(customer.getByTestId('billing-row').filter({ hasText: 'Head office' })).toBeVisible();
  await open(customer, '/org/attendees');
  await customer.getByTestId('attendee-name').fill('Grace Hopper');
  await customer.getByTestId('attendee-email').fill(`grace-${stamp}@example.com`);
  await customer.getByTestId('attendee-save').click();
  await expect(customer.getByTestId('attendee-row').filter({ hasText: 'Grace Hopper' })).toBeVisible();
  await open(customer, '/org/catalog');
  await customer.getByRole('link', { name: course }).click();
  await expect(customer.getByTestId('service-title')).toHaveText(course);
  const servicePath = new URL(customer.url()).pathname;
  await customer.getByTestId('service-apply').click();
  await expect(customer).toHaveURL(/\/org\/courses\/new\?service=/);
  await customer.getByTestId('course-attendee').nth(0).check();
  await customer.getByTestId('course-submit').click();
  await expect(customer).toHaveURL(/\/org\/courses\/[0-9a-f-]{36}$/);
  const coursePath = new URL(customer.url()).pathname;
  const html = await (await customer.request.get(coursePath)).text();
  const fs = require('node:fs');
  fs.writeFileSync('/tmp/course-ssr.html', html);
  const list = await (await customer.request.get('/org/courses')).text();
  fs.writeFileSync('/tmp/courses-ssr.html', list);
  e2e.issues.length = 0;
});
