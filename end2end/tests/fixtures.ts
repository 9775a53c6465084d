// Shared test fixture for the Coursegate browser tests.
//
// Every page a test opens goes through `e2e.newPage`, which
//   - records console errors, any console message that mentions hydration,
//     uncaught page errors and server answers with a 5xx status; the test
//     fails at the end if anything was recorded;
//   - marks the moment the WASM bundle has hydrated the page (see
//     HYDRATION_PROBE), so tests can wait for it instead of sleeping.
// `e2e.shot` saves a full-page screenshot to end2end/artifacts/.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';

export { expect };

export const BASE_URL = process.env.COURSEGATE_E2E_URL ?? 'http://127.0.0.1:3000';
export const SERVER_LOG = process.env.COURSEGATE_E2E_SERVER_LOG;
export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

// Runs in every page before the app's scripts. The Leptos hydration script
// calls `hydrate()` synchronously in the promise callback that follows the
// WASM instantiation, so a macrotask queued when the instantiation settles
// runs after hydration (and after the microtasks it schedules). The probe
// only observes; it changes nothing the app sees.
const HYDRATION_PROBE = `(() => {
  const mark = (p) => {
    Promise.resolve(p).then(
      () => setTimeout(() => { window.__e2eHydrated = true; }, 0),
      () => {},
    );
    return p;
  };
  const wa = WebAssembly;
  const streaming = wa.instantiateStreaming;
  if (streaming) {
    wa.instantiateStreaming = function (...args) { return mark(streaming.apply(this, args)); };
  }
  const instantiate = wa.instantiate;
  wa.instantiate = function (...args) { return mark(instantiate.apply(this, args)); };
})();`;

export type Issue = { page: string; kind: string; text: string };

export type E2E = {
  /** A fresh browser context (its own cookies) against the test server. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in `context` whose console and errors are watched. */
  newPage(context: BrowserContext, label: string): Promise<Page>;
  /** Full-page screenshot as end2end/artifacts/<test>-<nn>-<step>.png. */
  shot(page: Page, step: string): Promise<void>;
  /** Everything recorded so far. */
  issues: Issue[];
};

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Size of the server log now, so a test can show what it added. */
function logSize(): number {
  try {
    return SERVER_LOG ? fs.statSync(SERVER_LOG).size : 0;
  } catch {
    return 0;
  }
}

function logSince(offset: number): string {
  if (!SERVER_LOG) return '';
  try {
    return fs.readFileSync(SERVER_LOG).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

export const test = base.extend<{ e2e: E2E }>({
  e2e: async ({ browser }: { browser: Browser }, use, testInfo) => {
    const testSlug = slug(path.basename(testInfo.file).replace(/\.spec\.ts$/, '').replace(/^\d+-/, ''));
    const contexts: BrowserContext[] = [];
    const pages: { label: string; page: Page }[] = [];
    const issues: Issue[] = [];
    const logStart = logSize();
    let shots = 0;
    fs.mkdirSync(ARTIFACTS, { recursive: true });

    const e2e: E2E = {
      issues,
      async newContext(options = {}) {
        const context = await browser.newContext({ baseURL: BASE_URL, ...options });
        if (options.javaScriptEnabled !== false) {
          await context.addInitScript({ content: HYDRATION_PROBE });
        }
        contexts.push(context);
        return context;
      },
      async newPage(context, label) {
        const page = await context.newPage();
        pages.push({ label, page });
        page.on('console', (msg) => {
          const text = msg.text();
          const where = msg.location()?.url ? ` (${msg.location().url})` : '';
          if (msg.type() === 'error') {
            issues.push({ page: label, kind: `console.${msg.type()}`, text: `${text}${where} at ${page.url()}` });
          } else if (/hydrat/i.test(text)) {
            issues.push({ page: label, kind: `console.${msg.type()} (hydration)`, text: `${text} at ${page.url()}` });
          }
        });
        page.on('pageerror', (error) => {
          issues.push({ page: label, kind: 'pageerror', text: `${error.stack ?? error.message} at ${page.url()}` });
        });
        page.on('response', (response) => {
          if (response.status() >= 500) {
            issues.push({
              page: label,
              kind: `HTTP ${response.status()}`,
              text: `${response.request().method()} ${new URL(response.url()).pathname}`,
            });
          }
        });
        return page;
      },
      async shot(page, step) {
        shots += 1;
        const name = `${testSlug}-${String(shots).padStart(2, '0')}-${slug(step)}.png`;
        await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
      },
    };

    await use(e2e);

    const failed = testInfo.status !== testInfo.expectedStatus;
    if (failed) {
      // What each open page showed when the test failed.
      for (const { label, page } of pages) {
        if (page.isClosed()) continue;
        const name = `${testSlug}-failure-${slug(label)}.png`;
        await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true }).catch(() => {});
        console.log(`--- failure screenshot of [${label}] at ${page.url()}: end2end/artifacts/${name}`);
      }
    }
    for (const context of contexts) {
      await context.close().catch(() => {});
    }
    if (failed || issues.length > 0) {
      const added = logSince(logStart)
        .split('\n')
        .filter((line) => /\b(WARN|ERROR)\b|panic/i.test(line))
        .slice(-40)
        .join('\n');
      if (added) {
        await testInfo.attach('server-log-warnings', { body: added, contentType: 'text/plain' });
        console.log(`--- server log warnings/errors during "${testInfo.title}":\n${added}`);
      }
    }
    if (issues.length > 0) {
      const lines = issues.map((i) => `  [${i.page}] ${i.kind}: ${i.text}`).join('\n');
      throw new Error(`The browser reported ${issues.length} problem(s):\n${lines}`);
    }
  },
});

/** Waits until the page has loaded its WASM and hydrated. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __e2eHydrated?: boolean }).__e2eHydrated === true, null, {
    timeout: 20_000,
  });
}

/** Goes to `target` (a path) and waits for the page to hydrate. */
export async function open(page: Page, target: string): Promise<void> {
  await page.goto(target);
  await waitForHydration(page);
}

/** The path (and query) of an absolute link, to open against BASE_URL. */
export function pathOf(link: string): string {
  const url = new URL(link, BASE_URL);
  return `${url.pathname}${url.search}`;
}
