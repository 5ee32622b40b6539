/**
 * The alert on a dangerous page (issue 9, part 1) and "在页面上显示" (part 4), in the real browser.
 * The alert sits in a closed shadow root, so the tests read it the way the browser itself does:
 * through the debugger protocol (DOM with closed roots, the accessibility tree), never through
 * a hook in the extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressAlertButton, readPageAlert, waitForPageAlert } from '../../scripts/extension-driver';
import { sampleSites } from '../../scripts/stand-in/sites';
import { ARTIFACTS, indicatorOf, openPopup, startWorld, tabIdOf, type World } from './harness';

const COPYCAT = 'www.beijing-gov.com.cn';
const SPOOF = 'www.bjzwfw-gov.com';
const WARNING = 'fgw.beijing.gov.cn';
/** The copycat page, plus a script that fights the alert: fake hosts, CSS hiding them, and removal of every one it finds. */
const HOSTILE = 'www.beijing-gov-portal.com.cn';
/** An ordinary page framing the copycat: the frame is not the page, and gets no alert. */
const FRAMING = 'www.framing-example.com';
const framingHtml =
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>框架</title></head>' +
  `<body><h1>页面</h1><iframe src="https://${COPYCAT}/" width="900" height="500"></iframe></body></html>`;
const copycatHtml = sampleSites.find((s) => s.host === COPYCAT)!.html;
const hostileHtml = copycatHtml.replace(
  '</body>',
  `<style>govmark-alert{display:none!important;opacity:0!important}</style>
<script>
  const fake = document.createElement('govmark-alert');
  fake.id = 'fake-before';
  fake.textContent = '本站已通过核验';
  document.documentElement.append(fake);
  window.removals = 0;
  window.readable = [];
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('govmark-alert:not([id])')) {
      window.readable.push(el.shadowRoot === null && el.textContent === '' && el.childNodes.length === 0);
      if (window.removals < 3) { window.removals++; el.remove(); }
    }
  }).observe(document.documentElement, { childList: true });
</script></body>`,
);

/** What the functions evaluated in the service worker see. */
declare const chrome: typeof import('wxt/browser').browser;

const isShown = (seen: { closedHosts: number }) => seen.closedHosts === 1;
const isGone = (seen: { closedHosts: number }) => seen.closedHosts === 0;

let world: World;
beforeAll(async () => {
  world = await startWorld({ [HOSTILE]: hostileHtml, [FRAMING]: framingHtml });
});
afterAll(async () => {
  await world?.close();
});

async function visit(host: string) {
  const page = await world.browser.context.newPage();
  await page.goto(`https://${host}/`);
  return { page, tabId: await tabIdOf(world, page) };
}

describe('the alert on a dangerous page', () => {
  it('says what is wrong, whose mark it is and what to do, in a closed root the page cannot read, light and dark', async () => {
    const { page, tabId } = await visit(COPYCAT);
    const header = await page.locator('.header').boundingBox();
    const seen = await waitForPageAlert(page, isShown);
    expect((await indicatorOf(world, tabId)).indicator.icon).toBe('danger');
    expect(seen.allHosts).toBe(1);
    expect(seen.text).toBe(
      '这可能是仿冒的政府网站。' +
        '此网站使用的政府网站标识登记给了另一个网站：www.beijing.gov.cn, 北京市人民政府.政务。 ' +
        '标识登记的单位：北京市人民政府。 不要在此输入个人信息或付款。' +
        '查看详情我知道了关闭页面提醒',
    );
    expect(seen.buttons.map((b) => b.label)).toEqual(['查看详情', '我知道了', '关闭页面提醒']);

    // The page sees an empty element, fixed at the top of <html>; its own layout has not moved.
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('govmark-alert')!;
        return [
          host.parentElement === document.documentElement,
          host.shadowRoot,
          host.textContent,
          getComputedStyle(host).position,
        ];
      }),
    ).toEqual([true, null, '', 'fixed']);
    expect(await page.locator('.header').boundingBox()).toEqual(header);

    // Screen readers get an alert with the three buttons.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[];
    };
    await cdp.detach();
    const named = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value);
    expect(named('alert')).toContain('GovMark 标识核验：危险网站提醒');
    expect(named('button')).toEqual(expect.arrayContaining(['查看详情', '我知道了', '关闭页面提醒']));

    await page.screenshot({ path: `${ARTIFACTS}/alert-copycat-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ARTIFACTS}/alert-copycat-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    // Keyboard: Tab from the page's last link (the mark's) reaches the alert.
    await page.locator('a').last().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('govmark-alert');

    await page.close();
  });

  it('查看详情 (by keyboard) opens the popup for this tab', async () => {
    const { page, tabId } = await visit(COPYCAT);
    await waitForPageAlert(page, isShown);
    const opened = world.browser.context.waitForEvent('page');
    await pressAlertButton(page, '查看详情', 'keyboard');
    const popup = await opened;
    await popup.waitForSelector('main[data-state="danger"]');
    expect(new URL(popup.url()).searchParams.get('tabId')).toBe(String(tabId));
    expect(new URL(popup.url()).pathname).toBe('/popup.html');
    await popup.close();
    await page.close();
  });

  it('keeps to itself on a page that fakes, hides and removes <govmark-alert> elements', async () => {
    const { page } = await visit(HOSTILE);
    const seen = await waitForPageAlert(page, (s) => isShown(s) && s.allHosts === 2);
    expect(seen.text).toContain('此网站使用的政府网站标识登记给了另一个网站');
    expect(seen.text).not.toContain('本站已通过核验');
    // Removed three times, back each time; never readable; still displayed despite the page's CSS.
    await page.waitForFunction(() => (window as unknown as { removals: number }).removals === 3);
    await waitForPageAlert(page, isShown);
    const readable = await page.evaluate(() => (window as unknown as { readable: boolean[] }).readable);
    expect(readable.length).toBeGreaterThanOrEqual(4);
    expect(readable.every(Boolean)).toBe(true);
    const style = await page.evaluate(() => {
      const ours = document.querySelector('govmark-alert:not([id])')!;
      const s = getComputedStyle(ours);
      return [s.display, s.opacity, ours.getBoundingClientRect().height > 20];
    });
    expect(style).toEqual(['block', '1', true]);
    // The page's fake is left as it was.
    expect(await page.locator('#fake-before').textContent()).toBe('本站已通过核验');
    await page.screenshot({ path: `${ARTIFACTS}/alert-hostile-page.png` });

    // The verdict changes when the page drops its mark (a single-page app moving on): the alert goes.
    await page.evaluate(() => {
      history.pushState({}, '', '/other');
      document.getElementById('_ideConac')!.remove();
    });
    await waitForPageAlert(page, isGone);
    expect(await page.locator('#fake-before').count()).toBe(1);
    await page.close();
  });

  it('我知道了 hides it on this site for 24 hours; other dangerous sites still alert', async () => {
    const first = await visit(COPYCAT);
    await waitForPageAlert(first.page, isShown);
    await pressAlertButton(first.page, '我知道了');
    await waitForPageAlert(first.page, isGone);
    const stored = await world.browser.serviceWorker.evaluate(() => chrome.storage.local.get('alertDismissals'));
    const until = (stored.alertDismissals as { v: number; sites: Record<string, { until: number }> }).sites['beijing-gov.com.cn']
      .until;
    expect(until - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(24 * 3600_000);

    await first.page.reload();
    await indicatorOf(world, first.tabId, (s) => s.status === 'done' && s.url === first.page.url());
    // Another dangerous site alerts: the messages are flowing, the dismissed site just gets none.
    const other = await visit(SPOOF);
    await waitForPageAlert(other.page, isShown);
    expect((await readPageAlert(first.page)).allHosts).toBe(0);
    await first.page.close();
    await other.page.close();
  });

  it('never alerts on a warning', async () => {
    const warned = await visit(WARNING);
    const shown = await indicatorOf(world, warned.tabId);
    expect(shown.indicator.icon).toBe('warning');
    const danger = await visit(SPOOF);
    await waitForPageAlert(danger.page, isShown);
    expect((await readPageAlert(warned.page)).allHosts).toBe(0);
    await warned.page.close();
    await danger.page.close();
  });

  it('never appears in a frame, not even of a dangerous page', async () => {
    const framing = await visit(FRAMING);
    await framing.page.frameLocator('iframe').locator('#_ideConac img').waitFor();
    expect((await indicatorOf(world, framing.tabId)).indicator.icon).toBe('neutral');
    const danger = await visit(SPOOF);
    await waitForPageAlert(danger.page, isShown);
    // The debugger protocol's document includes the frame's: no host anywhere.
    expect((await readPageAlert(framing.page)).allHosts).toBe(0);
    await framing.page.close();
    await danger.page.close();
  });

  it('is not shown when switched off in the options, and is again once switched back on', async () => {
    const setAlerts = (on: boolean) =>
      world.browser.serviceWorker.evaluate(async (pageAlerts) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings as object), pageAlerts } });
      }, on);
    await setAlerts(false);
    try {
      const { page, tabId } = await visit(SPOOF);
      await indicatorOf(world, tabId);
      const popup = await openPopup(world, tabId, 'alerts-off');
      expect(await popup.locator('main').getAttribute('data-state')).toBe('danger');
      expect((await readPageAlert(page)).allHosts).toBe(0);
      await setAlerts(true);
      await popup.getByRole('button', { name: '重新核验' }).click();
      await waitForPageAlert(page, isShown);
      await popup.close();
      await page.close();
    } finally {
      await setAlerts(true);
    }
  });
});

describe('在页面上显示', () => {
  it('scrolls the page to the mark and outlines it in an overlay of its own', async () => {
    const { page, tabId } = await visit(WARNING);
    // Small enough that the footer's mark is out of view.
    await page.setViewportSize({ width: 800, height: 360 });
    await indicatorOf(world, tabId);
    const before = await page.evaluate(() => [window.scrollY, document.documentElement.outerHTML.length]);
    const popup = await openPopup(world, tabId, 'show-mark');
    const buttons = popup.getByTestId('show-mark');
    expect(await buttons.count()).toBeGreaterThan(0);
    await popup.locator('.marks').screenshot({ path: `${ARTIFACTS}/popup-mark-list.png` });
    const active = () => world.browser.serviceWorker.evaluate(async (id) => (await chrome.tabs.get(id)).active, tabId);
    expect(await active()).toBe(false);
    await buttons.first().click();
    await page.waitForSelector('govmark-outline', { state: 'attached' });
    // The popup was opened as a tab: the page comes forward to show the mark.
    await expect.poll(active).toBe(true);
    const after = await page.evaluate(() => {
      const img = document.querySelector('#_ideConac img')!.getBoundingClientRect();
      const host = document.querySelector('govmark-outline')!;
      return {
        scrolled: window.scrollY,
        markInView: img.top >= 0 && img.bottom <= window.innerHeight,
        closed: host.shadowRoot === null,
        onlyAddition: document.documentElement.outerHTML.replace(host.outerHTML, '').length,
      };
    });
    expect(after.scrolled).toBeGreaterThan(before[0]);
    expect(after.markInView).toBe(true);
    expect(after.closed).toBe(true);
    expect(after.onlyAddition).toBe(before[1]);
    await page.screenshot({ path: `${ARTIFACTS}/mark-outlined.png` });
    await page.waitForSelector('govmark-outline', { state: 'detached', timeout: 10_000 });
    await popup.close();
    await page.close();
  });
});
