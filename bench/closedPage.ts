/**
 * The store page with the chat closed and no conversation, in Chromium on the demo store:
 * what it downloads (from the widget's origin, and in all), whether anything talks to
 * Firestore, and what 100 page views within 10 seconds cost in Firestore reads.
 */
import type { Browser, Request } from 'playwright-core';
import { startDemoStore } from '../scripts/lib/demo-store-server.mjs';
import { clientConfig } from '../scripts/lib/client-config.mjs';
import { launchBrowser } from '../tests/support/browser';
import { HOSTING } from '../tests/support/emulators';
import { openStore } from './clients';
import { functionCounts } from './counters';
import { sleep } from './wait';

/** The bench's own demo-store port (the e2e suites use 5081–5091). */
const STORE_PORT = 5097;
const VIEWS = 100;
/** One view starts every 90 ms: 100 views in 9 s, inside the endpoint's 10 s cache. */
const VIEW_SPACING_MS = 90;
const TABS = 3;
const LAUNCHER = '#comptoir-widget button.launcher';

/** Requests that would mean the page loaded Firebase or spoke to Firestore or Auth. */
function isFirebaseTraffic(url: string) {
  const { emulators } = clientConfig();
  const firestore = `${emulators!.firestore.host}:${emulators!.firestore.port}`;
  return (
    url.includes(firestore) ||
    url.startsWith(emulators!.auth) ||
    /googleapis\.com|firebaseio\.com|gstatic\.com\/firebasejs|identitytoolkit/.test(url)
  );
}

async function firstView(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: { url: string; bytes: number; widget: boolean }[] = [];
  const sizing: Promise<void>[] = [];
  page.on('requestfinished', (request: Request) => {
    sizing.push(
      request.sizes().then((s) => {
        requests.push({
          url: request.url(),
          bytes: s.responseBodySize + s.responseHeadersSize,
          widget: request.url().startsWith(HOSTING),
        });
      }),
    );
  });
  await page.goto(url);
  await page.locator(LAUNCHER).waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await sleep(1000); // anything lazy would show up now
  await Promise.all(sizing);
  const frames = await page.locator('#comptoir-widget iframe').count();
  await context.close();
  const bytes = (list: typeof requests) => list.reduce((t, r) => t + r.bytes, 0);
  return {
    closedPageBytes: bytes(requests.filter((r) => r.widget)),
    closedPageTotalBytes: bytes(requests),
    closedPageRequests: requests.length,
    closedPageWidgetRequests: requests
      .filter((r) => r.widget)
      .map((r) => r.url.replace(HOSTING, '')),
    closedPageFirestoreRequests: requests.filter((r) => isFirebaseTraffic(r.url)).length,
    closedPageIframes: frames,
  };
}

/**
 * 100 page views within 10 seconds, one starting every 90 ms. Each view is a full
 * navigation with the browser cache disabled, so it downloads the loader and asks the
 * availability endpoint as a first-time visitor does. A few tabs take turns (a fresh
 * browser context per view costs ~400 ms of CPU here, too slow for 10 views a second).
 */
async function hundredViews(browser: Browser, url: string) {
  const tabs = await Promise.all(
    Array.from({ length: TABS }, async () => {
      // A small window: less to paint, more views per second from the same CPU.
      const context = await browser.newContext({ viewport: { width: 640, height: 480 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      return { context, page };
    }),
  );
  let availabilityAnswers = 0;
  let firebaseRequests = 0;
  for (const { page } of tabs) {
    page.on('response', (r) => {
      if (r.url().startsWith(`${HOSTING}/api/availability`) && r.ok()) availabilityAnswers++;
    });
    page.on('request', (r) => {
      if (isFirebaseTraffic(r.url())) firebaseRequests++;
    });
  }
  const before = functionCounts();
  const started = Date.now();
  let next = 0;
  let launchers = 0;
  const failures: string[] = [];
  await Promise.all(
    tabs.map(async ({ page }) => {
      while (next < VIEWS) {
        const due = started + next++ * VIEW_SPACING_MS;
        await sleep(due - Date.now());
        try {
          await page.goto(url);
          await page.locator(LAUNCHER).waitFor({ state: 'visible', timeout: 10_000 });
          launchers++;
        } catch (error) {
          failures.push((error as Error).message.split('\n')[0]!);
        }
      }
    }),
  );
  const windowMs = Date.now() - started;
  await Promise.all(tabs.map((t) => t.context.close()));
  const after = functionCounts();
  const total = (list: typeof before, key: 'reads' | 'writes' | 'invocations') =>
    list.reduce((t, w) => t + w[key], 0);
  // The Functions emulator runs one request at a time per worker and starts another
  // worker (an "instance", with its own memory cache) when a request finds them all busy.
  const instances = after
    .filter((w) => w.target === 'availability')
    .map((w) => {
      const was = before.find((b) => b.pid === w.pid);
      return {
        invocations: w.invocations - (was?.invocations ?? 0),
        reads: w.reads - (was?.reads ?? 0),
      };
    })
    .filter((w) => w.invocations > 0);
  return {
    closedPageViews: launchers,
    closedPageViewFailures: failures.length ? failures.slice(0, 3) : undefined,
    closedPageViewsWindowMs: windowMs,
    closedPageAvailabilityAnswers: availabilityAnswers,
    closedPageViewsFirebaseRequests: firebaseRequests,
    closedPageFirestoreReadsPer100Views:
      ((total(after, 'reads') - total(before, 'reads')) * 100) / VIEWS,
    closedPageFirestoreWritesPer100Views:
      ((total(after, 'writes') - total(before, 'writes')) * 100) / VIEWS,
    closedPageFunctionInvocations: total(after, 'invocations') - total(before, 'invocations'),
    availabilityInstances: instances.length,
    availabilityMaxReadsPerInstance: Math.max(0, ...instances.map((w) => w.reads)),
  };
}

export async function measureClosedPage() {
  // Two stores with an operator online (the launcher shows): one for the byte count, which
  // also warms the availability function; a fresh one for the views, so its first view
  // misses the function's memory cache as a real first visitor would.
  const sized = await openStore('page', 5);
  const viewed = await openStore('views', 5);
  const browser = await launchBrowser();
  const servers = [
    await startDemoStore({ widgetOrigin: HOSTING, storeId: sized.storeId, port: STORE_PORT }),
    await startDemoStore({ widgetOrigin: HOSTING, storeId: viewed.storeId, port: STORE_PORT + 1 }),
  ];
  try {
    const first = await firstView(browser, `${servers[0]!.url}/`);
    const views = await hundredViews(browser, `${servers[1]!.url}/`);
    return {
      ...first,
      ...views,
      readsPerPageView: views.closedPageFirestoreReadsPer100Views / 100,
      writesPerPageView: views.closedPageFirestoreWritesPer100Views / 100,
    };
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}
