/** The real browser with the built extension, the CONAC stand-in and the sample sites, for end-to-end tests. */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LaunchedBrowser } from '../../scripts/browser';
import { startStandIn, type StandIn } from '../../scripts/stand-in/server';
import { sampleSiteMap } from '../../scripts/stand-in/sites';
import type { TabState, Indicator } from '../../utils/tab-state';

/** What the functions evaluated in the service worker see. */
declare const chrome: typeof import('wxt/browser').browser;

export const ARTIFACTS = resolve('test-results/e2e');
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface World {
  browser: LaunchedBrowser;
  standIn: StandIn;
  close(): Promise<void>;
}

export async function startWorld(extraSites: Record<string, string> = {}): Promise<World> {
  await mkdir(ARTIFACTS, { recursive: true });
  const standIn = await startStandIn({ sites: { ...sampleSiteMap(), ...extraSites }, slowMs: 4000 });
  const browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, standInPort: standIn.port });
  return {
    browser,
    standIn,
    close: async () => {
      await browser.close();
      await standIn.close();
    },
  };
}

/**
 * The extension has no "tabs" permission, so tabs cannot be found by address; the newest tab
 * whose state the background recorded for this address is the page's.
 */
export async function tabIdOf(world: World, page: Page): Promise<number> {
  const url = page.url();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const tabId = await world.browser.serviceWorker.evaluate(async (target) => {
      const all = await chrome.storage.session.get(null);
      const ids = Object.entries(all)
        .filter(([key, state]) => key.startsWith('tab:') && (state as { url?: string }).url === target)
        .map(([key]) => Number(key.slice(4)));
      return ids.length ? Math.max(...ids) : null;
    }, url);
    if (tabId !== null) return tabId;
    if (Date.now() > deadline) throw new Error(`the extension never reported on ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Shown {
  state: TabState;
  indicator: Indicator;
  /** Read back from the browser, not from the extension's own record. */
  title: string;
  badge: string;
}

/** Waits until the tab's check has ended (or its state matches), then reads the toolbar indicator. */
export async function indicatorOf(world: World, tabId: number, until: (s: TabState) => boolean = (s) => s.status === 'done'): Promise<Shown> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const shown = await world.browser.serviceWorker.evaluate(async (id) => {
      const stored = await chrome.storage.session.get([`tab:${id}`, `indicator:${id}`]);
      return {
        state: stored[`tab:${id}`],
        indicator: stored[`indicator:${id}`],
        title: await chrome.action.getTitle({ tabId: id }),
        badge: await chrome.action.getBadgeText({ tabId: id }),
      };
    }, tabId);
    if (shown.state && shown.indicator && until(shown.state as TabState)) return shown as Shown;
    if (Date.now() > deadline) throw new Error(`tab ${tabId} never settled: ${JSON.stringify(shown.state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the popup as an ordinary tab describing `tabId`, waits for a verdict, and saves a screenshot. */
export async function openPopup(world: World, tabId: number, name: string, lang = 'zh'): Promise<Page> {
  const popup = await world.browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${world.browser.extensionId}/popup.html?tabId=${tabId}&lang=${lang}`);
  await popup.waitForSelector('main[data-state]:not([data-state="checking"]):not([data-state="idle"])', { timeout: 20_000 });
  await popup.screenshot({ path: `${ARTIFACTS}/popup-${name}.png` });
  return popup;
}

export async function reasonCodes(popup: Page): Promise<string[]> {
  return popup.locator('[data-testid="reason"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-code') ?? ''));
}
