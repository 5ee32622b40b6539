/**
 * Driving the built extension in a real Chromium from outside: which tab a page is, what the
 * toolbar shows for it, and the popup describing it. Shared by `npm start` and the e2e tests.
 */
import type { Page } from 'playwright-core';
import type { Indicator, TabState } from '../utils/extension/tab-state';
import type { LaunchedBrowser } from './browser';

/** What the functions evaluated in the service worker see. */
declare const chrome: typeof import('wxt/browser').browser;

/** The parts of a launched browser the driver needs. */
export type Driven = Pick<LaunchedBrowser, 'context' | 'extensionId' | 'serviceWorker'>;

export interface Shown {
  state: TabState;
  indicator: Indicator;
  /** Read back from the browser, not from the extension's own record. */
  title: string;
  badge: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The popup has reached a verdict (or a final neutral screen). */
export const POPUP_SETTLED = 'main[data-state]:not([data-state="checking"]):not([data-state="idle"])';

/**
 * The extension has no "tabs" permission, so tabs cannot be found by address; the newest tab
 * whose state the background recorded for this address is the page's.
 */
export async function tabIdOf(browser: Driven, page: Page, timeoutMs = 10_000): Promise<number> {
  const url = page.url();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tabId = await browser.serviceWorker.evaluate(async (target) => {
      const all = await chrome.storage.session.get(null);
      const ids = Object.entries(all)
        .filter(([key, state]) => key.startsWith('tab:') && (state as { url?: string }).url === target)
        .map(([key]) => Number(key.slice(4)));
      return ids.length ? Math.max(...ids) : null;
    }, url);
    if (tabId !== null) return tabId;
    if (Date.now() > deadline) throw new Error(`the extension never reported on ${url}`);
    await sleep(100);
  }
}

/** The tab's recorded state and toolbar indicator right now (either may still be missing). */
export async function readIndicator(browser: Driven, tabId: number): Promise<Partial<Shown>> {
  return browser.serviceWorker.evaluate(async (id) => {
    const stored = await chrome.storage.session.get([`tab:${id}`, `indicator:${id}`]);
    return {
      state: stored[`tab:${id}`] as TabState | undefined,
      indicator: stored[`indicator:${id}`] as Indicator | undefined,
      title: await chrome.action.getTitle({ tabId: id }),
      badge: await chrome.action.getBadgeText({ tabId: id }),
    };
  }, tabId);
}

const isDone = (s: TabState) => s.status === 'done';

/** Waits until the tab's check has ended (or its state matches), then reads the toolbar indicator. */
export async function indicatorOf(
  browser: Driven,
  tabId: number,
  until: (s: TabState) => boolean = isDone,
  timeoutMs = 20_000,
): Promise<Shown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await readIndicator(browser, tabId);
    if (shown.state && shown.indicator && until(shown.state)) return shown as Shown;
    if (Date.now() > deadline) throw new Error(`tab ${tabId} never settled: ${JSON.stringify(shown.state)}`);
    await sleep(100);
  }
}

/** The verdict state of a finished check, or null while none has finished. */
export function verdictOf(state: TabState | undefined): string | null {
  return state?.status === 'done' ? state.result.verdict.state : null;
}

/**
 * Waits for the tab's first finished check. Pages may render their mark late and the extension
 * then checks again, so when `hoping` is given and the first verdict differs, keeps watching for
 * up to `graceMs` more before settling for the latest verdict.
 */
export async function settledVerdict(
  browser: Driven,
  tabId: number,
  opts: { hoping?: string; graceMs?: number; timeoutMs?: number } = {},
): Promise<Shown> {
  let shown = await indicatorOf(browser, tabId, isDone, opts.timeoutMs);
  if (opts.hoping === undefined || verdictOf(shown.state) === opts.hoping) return shown;
  const deadline = Date.now() + (opts.graceMs ?? 8_000);
  while (Date.now() < deadline) {
    await sleep(200);
    const now = await readIndicator(browser, tabId);
    if (now.state?.status !== 'done' || !now.indicator) continue;
    shown = now as Shown;
    if (verdictOf(shown.state) === opts.hoping) break;
  }
  return shown;
}

export interface PopupOptions {
  /** The popup's language (default zh). */
  lang?: string;
  /** Save a screenshot of the popup's viewport here once it shows a verdict. */
  screenshot?: string;
  width?: number;
  height?: number;
  timeoutMs?: number;
}

/** Opens the popup as an ordinary tab describing `tabId` and waits for a verdict. */
export async function openPopup(browser: Driven, tabId: number, opts: PopupOptions = {}): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: opts.width ?? 400, height: opts.height ?? 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}&lang=${opts.lang ?? 'zh'}`);
  await popup.waitForSelector(POPUP_SETTLED, { timeout: opts.timeoutMs ?? 20_000 });
  if (opts.screenshot) {
    // Fonts and icons may still be arriving when the verdict first renders.
    await popup.evaluate(() => document.fonts.ready.then(() => undefined));
    await popup.screenshot({ path: opts.screenshot });
  }
  return popup;
}

/** The reason codes the popup lists, in order. */
export async function reasonCodes(popup: Page): Promise<string[]> {
  return popup.locator('[data-testid="reason"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-code') ?? ''));
}

/** The certificate holder the popup names, if it shows a certificate. */
export async function popupHolder(popup: Page): Promise<string | null> {
  const holder = popup.getByTestId('holder');
  return (await holder.count()) ? ((await holder.first().textContent())?.trim() ?? null) : null;
}

/** Where marks sit in real footers: the rendered embed, a certificate link, a mark image. */
const MARK_SELECTOR = ['#_ideConac img', '._ideConac img', 'a[href*="sitename?method=show"]', 'img[src*="conac"]'].join(', ');
const FALLBACK_SELECTORS = ['#_ideConac', '._ideConac', 'footer', '.footer', '#footer'];

/** Waits until the page shows a mark (pages may render it late), for at most `timeoutMs`; false if none appeared. */
export async function waitForMark(page: Page, timeoutMs = 5_000): Promise<boolean> {
  try {
    await page.locator(MARK_SELECTOR).first().waitFor({ state: 'visible', timeout: timeoutMs });
    // …and until its image has arrived.
    await page.waitForFunction(() => [...document.images].every((img) => img.complete), undefined, { timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

/** Scrolls the page so that its mark (else its footer, else its bottom) is in view, e.g. before a screenshot. */
export async function scrollToMark(page: Page): Promise<void> {
  await page.evaluate(
    ([mark, fallbacks]) => {
      for (const selector of [mark, ...fallbacks]) {
        const element = [...document.querySelectorAll(selector)].find((e) => e.getBoundingClientRect().height > 0);
        if (element) {
          element.scrollIntoView({ block: 'center', inline: 'center' });
          return;
        }
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
    },
    [MARK_SELECTOR, FALLBACK_SELECTORS] as const,
  );
}

/** A DOM node as the debugger protocol describes it (DOM.getDocument with pierce: closed shadow roots included). */
interface CdpNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/** What GovMark's page alert shows, read through the debugger protocol: page scripts cannot see into its closed root. */
export interface AlertSeen {
  /** `<govmark-alert>` elements in the page whose shadow root is closed (ours; a page cannot make a closed root we can read). */
  closedHosts: number;
  /** All `<govmark-alert>` elements, the page's own fakes included. */
  allHosts: number;
  /** The alert's text, the stylesheet left out. */
  text: string;
  /** Its buttons' labels, with each button's node for pressAlertButton. */
  buttons: { label: string; backendNodeId: number }[];
}

export async function readPageAlert(page: Page): Promise<AlertSeen> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const hosts: CdpNode[] = [];
    const walk = (node: CdpNode, visit: (n: CdpNode) => void) => {
      visit(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, visit);
    };
    walk(root, (n) => n.nodeName === 'GOVMARK-ALERT' && hosts.push(n));
    const closed = hosts.flatMap((h) => (h.shadowRoots ?? []).filter((r) => r.shadowRootType === 'closed'));
    const texts: string[] = [];
    const buttons: AlertSeen['buttons'] = [];
    for (const shadow of closed)
      walk(shadow, (n) => {
        if (n.nodeName === 'STYLE') n.children = [];
        if (n.nodeType === 3) texts.push(n.nodeValue);
        if (n.nodeName === 'BUTTON')
          buttons.push({ label: (n.children ?? []).map((c) => c.nodeValue).join(''), backendNodeId: n.backendNodeId });
      });
    return { closedHosts: closed.length, allHosts: hosts.length, text: texts.join(''), buttons };
  } finally {
    await cdp.detach();
  }
}

/** Presses a button of the page alert the way a person would: a mouse click on it, or focus and Enter. */
export async function pressAlertButton(page: Page, label: string, how: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
  const button = (await readPageAlert(page)).buttons.find((b) => b.label === label);
  if (!button) throw new Error(`the page alert has no button "${label}"`);
  const cdp = await page.context().newCDPSession(page);
  try {
    if (how === 'keyboard') {
      await cdp.send('DOM.focus', { backendNodeId: button.backendNodeId });
      await page.keyboard.press('Enter');
      return;
    }
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** Waits until the page alert matches `until` (e.g. shown, or gone). */
export async function waitForPageAlert(page: Page, until: (seen: AlertSeen) => boolean, timeoutMs = 20_000): Promise<AlertSeen> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await readPageAlert(page);
    if (until(seen)) return seen;
    if (Date.now() > deadline) throw new Error(`the page alert never matched: ${JSON.stringify(seen)}`);
    await sleep(100);
  }
}
