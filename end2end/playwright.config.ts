import { defineConfig, devices } from '@playwright/test';

// Browser tests run against an already running Coursegate server; `make test`
// (scripts/e2e) starts a release build on a fresh SQLite database and passes
// its address in COURSEGATE_E2E_URL and the database path in COURSEGATE_E2E_DB.
//
// The browser is Debian's /usr/bin/chromium; `npx playwright install` is never
// used. Playwright gives every launch its own fresh user-data-dir.
const baseURL = process.env.COURSEGATE_E2E_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  testDir: './tests',
  // Tests save their screenshots themselves, under end2end/artifacts/.
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  // One retry, reported as "flaky" in the output, so a story must fail
  // twice in a row to fail the run. The suite is meant to pass without it:
  // a story that needed it is a bug to chase, and the output says which.
  retries: 1,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL,
    screenshot: 'off',
    trace: 'off',
    video: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          // Without the networking switches Chromium keeps trying to reach
          // update, sync and component servers, which this network refuses.
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
