// First visit of a page in headless Chromium: time to interactive (the
// moment the WASM bundle has hydrated the page) and the largest contentful
// paint, both in milliseconds since navigation start, over several cold
// loads (a fresh browser context each: empty cache, no cookies).
//
// Usage: NODE_PATH=end2end/node_modules node bench/browser.cjs URL RUNS
// Prints one line: `runs=… tti_ms_median=… tti_ms_max=… lcp_ms_median=… lcp_ms_max=…`.

const { chromium } = require('@playwright/test');

// Set before the app's scripts run. Leptos calls hydrate() in the callback
// that follows the WASM instantiation, so a task queued when that promise
// settles runs once hydration is done; its time is the interactive moment.
const PROBE = `(() => {
  const mark = (p) => {
    Promise.resolve(p).then(
      () => setTimeout(() => { window.__benchInteractive = performance.now(); }, 0),
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
  window.__benchLcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchLcp = Math.max(window.__benchLcp, entry.startTime);
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})();`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

(async () => {
  const [url, runsArg] = process.argv.slice(2);
  if (!url || !/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) {
    console.error('usage: browser.cjs http://127.0.0.1:PORT/path RUNS');
    process.exit(2);
  }
  const runs = Number(runsArg || 5);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const tti = [];
  const lcp = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 30000 });
      await page.waitForFunction(() => window.__benchInteractive !== undefined, null, { timeout: 30000 });
      // LCP is final once the page has had input or stops painting; a short
      // pause after hydration lets the last paint be reported.
      await page.waitForTimeout(300);
      const result = await page.evaluate(() => ({
        interactive: window.__benchInteractive,
        lcp: window.__benchLcp,
      }));
      tti.push(result.interactive);
      lcp.push(result.lcp);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const f = (v) => v.toFixed(0);
  console.log(
    `runs=${runs} tti_ms_median=${f(median(tti))} tti_ms_max=${f(Math.max(...tti))} ` +
      `lcp_ms_median=${f(median(lcp))} lcp_ms_max=${f(Math.max(...lcp))}`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
