/**
 * The extension at work in real Chromium: from a page's DOMContentLoaded to its toolbar
 * indicator showing the verdict (cold and warm certificate cache), and the popup's time to its
 * first render with a verdict.
 */
import type { LaunchedBrowser } from '../browser';
import { tabIdOf } from '../extension-driver';

/** What the functions evaluated in the service worker and pages see. */
declare const chrome: typeof import('wxt/browser').browser;

const FINAL_POPUP = 'main[data-state]:not([data-state="checking"]):not([data-state="idle"])';

/**
 * Records, in the service worker, when each tab's indicator first turns to a verdict (any icon
 * but the neutral one), by the service worker's clock. Idempotent: a restarted worker gets it again.
 */
async function recordIndicators(browser: LaunchedBrowser): Promise<void> {
  await browser.serviceWorker.evaluate(() => {
    const scope = globalThis as unknown as { __govmarkIndicatorTimes?: Record<string, number> };
    if (scope.__govmarkIndicatorTimes) return;
    const times: Record<string, number> = {};
    scope.__govmarkIndicatorTimes = times;
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'session') return;
      const now = Date.now();
      for (const [key, change] of Object.entries(changes)) {
        const icon = (change.newValue as { icon?: string } | undefined)?.icon;
        if (key.startsWith('indicator:') && icon && icon !== 'neutral' && times[key] === undefined) times[key] = now;
      }
    });
  });
}

async function indicatorTime(browser: LaunchedBrowser, tabId: number, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t = await browser.serviceWorker.evaluate(
      (key) =>
        (globalThis as unknown as { __govmarkIndicatorTimes?: Record<string, number> }).__govmarkIndicatorTimes?.[key] ?? null,
      `indicator:${tabId}`,
    );
    if (t !== null) return t;
    if (Date.now() > deadline) throw new Error(`tab ${tabId}: the indicator never showed a verdict`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function clearCertificateCache(browser: LaunchedBrowser): Promise<void> {
  await browser.serviceWorker.evaluate(async () => {
    const keys = Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('cache:'));
    await chrome.storage.local.remove(keys);
  });
}

export interface IndicatorTimes {
  cold: number[];
  warm: number[];
  /** The last tab that ended with a verdict, for the popup. */
  tabId: number;
  verdictIcon: string;
}

/** One visit: DOMContentLoaded (page clock) to the indicator turning (service-worker clock), both wall-clock ms. */
async function visit(browser: LaunchedBrowser, url: string): Promise<{ ms: number; tabId: number; close: () => Promise<void> }> {
  await recordIndicators(browser);
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(browser, page);
  const shown = await indicatorTime(browser, tabId);
  const dcl = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return performance.timeOrigin + (nav?.domContentLoadedEventEnd ?? NaN);
  });
  return { ms: shown - dcl, tabId, close: () => page.close() };
}

export async function benchIndicator(browser: LaunchedBrowser, url: string, runs: number): Promise<IndicatorTimes> {
  // A first visit wakes everything up (worker, renderer, connections); it is not counted.
  await clearCertificateCache(browser);
  await (await visit(browser, url)).close();
  const cold: number[] = [];
  const warm: number[] = [];
  let last = 0;
  for (let i = 0; i < runs; i++) {
    await clearCertificateCache(browser);
    const first = await visit(browser, url);
    cold.push(first.ms);
    await first.close();
    const second = await visit(browser, url);
    warm.push(second.ms);
    last = second.tabId;
    if (i < runs - 1) await second.close();
  }
  const icon = await browser.serviceWorker.evaluate(async (id) => {
    const stored = await chrome.storage.session.get(`indicator:${id}`);
    return (stored[`indicator:${id}`] as { icon?: string } | undefined)?.icon ?? '';
  }, last);
  return { cold, warm, tabId: last, verdictIcon: icon };
}

/** The popup opened as a tab for `tabId`: ms from its navigation start to the first render of a final verdict. */
export async function benchPopup(
  browser: LaunchedBrowser,
  tabId: number,
  runs: number,
): Promise<{ times: number[]; state: string }> {
  const times: number[] = [];
  let state = '';
  for (let i = 0; i < runs + 1; i++) {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    await popup.addInitScript(`(() => {
      const observer = new MutationObserver(() => {
        if (globalThis.__govmarkFirstVerdict === undefined && document.querySelector(${JSON.stringify(FINAL_POPUP)})) {
          globalThis.__govmarkFirstVerdict = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
    })()`);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}&lang=zh`);
    await popup.waitForSelector(FINAL_POPUP, { timeout: 20_000 });
    const t = await popup.waitForFunction(
      () => (globalThis as unknown as { __govmarkFirstVerdict?: number }).__govmarkFirstVerdict,
      undefined,
      { timeout: 5_000 },
    );
    // The first opening loads the popup's files from disk; it is not counted.
    if (i > 0) times.push((await t.jsonValue()) as number);
    state = (await popup.locator('main').getAttribute('data-state')) ?? '';
    await popup.close();
  }
  return { times, state };
}
