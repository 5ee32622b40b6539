/**
 * Certificate memory and the evidence export in the real browser: a site verifies, later the same
 * host carries another genuine certificate (another holder, registered for the same domain); the
 * popup, the toolbar and the history page say what it was, what it is, since when; clearing forgets.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CertificateRecord, recordByKey } from '../../scripts/stand-in/registry';
import type { CheckRecord } from '../../utils/report';
import { ARTIFACTS, audit, indicatorOf, openPopup, reasonCodes, startWorld, tabIdOf, type World } from './harness';

/** What the functions evaluated in the service worker see. */
declare const chrome: typeof import('wxt/browser').browser;

const HOST = 'www.mmkfq.gov.cn';
const OLD = recordByKey('handover-old');
const NEW = recordByKey('handover-new');

/** The development zone's home page, its footer carrying `record`'s mark and naming its holder. */
function sitePage(record: CertificateRecord): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${record.siteName}</title></head>
<body>
<h1>${record.siteName}</h1>
<p>开发区新闻 · 招商引资 · 政务公开</p>
<div class="footer">
  <p><a href="https://bszs.conac.cn/sitename?method=show&amp;id=${record.id}" target="_blank"><img src="https://dcs.conac.cn/image/red.png" alt="党政机关"></a></p>
  <p>主办单位：${record.holder}　　冀ICP备19000001号</p>
</div>
</body></html>`;
}

let world: World;
beforeAll(async () => {
  world = await startWorld({ [HOST]: sitePage(OLD) });
});
afterAll(async () => {
  await world?.close();
});

async function visit(): Promise<{ page: Page; tabId: number }> {
  const page = await world.browser.context.newPage();
  await page.goto(`https://${HOST}/`);
  return { page, tabId: await tabIdOf(world, page) };
}

const storedMemory = () =>
  world.browser.serviceWorker.evaluate(async () =>
    Object.entries(await chrome.storage.local.get(null)).filter(([key]) => key.startsWith('memory:')),
  );

describe('certificate memory', () => {
  it('remembers a verified site, then says when the same site carries another certificate and holder', async () => {
    // First visit: verified, remembered.
    const first = await visit();
    const verified = await indicatorOf(world, first.tabId);
    expect(verified.indicator.icon).toBe('verified-red');
    expect(verified.title).toBe(`GovMark 标识核验: 已核验 — ${OLD.holder}`);
    const memory = await storedMemory();
    expect(memory).toEqual([
      [
        'memory:mmkfq.gov.cn',
        expect.objectContaining({ site: 'mmkfq.gov.cn', certId: OLD.id, holder: OLD.holder, domains: [HOST], changes: [] }),
      ],
    ]);
    await first.page.close();

    // The same host now serves a page with the new holder's genuine certificate.
    await world.browser.context.route(`https://${HOST}/`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: sitePage(NEW) }),
    );
    const before = Date.now();
    const second = await visit();
    const shown = await indicatorOf(world, second.tabId);
    expect(shown.indicator.icon).toBe('warning');
    expect(shown.badge).toBe('!');
    // The toolbar's title says what it was, what it is now and since when.
    const today = new Date(before);
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(shown.title).toContain(`GovMark 标识核验: 需注意 — ${NEW.holder}`);
    expect(shown.title).toContain(`之前核验时是“${OLD.holder} (${OLD.id})”`);
    expect(shown.title).toContain(`现在是“${NEW.holder} (${NEW.id})”`);
    expect(shown.title).toContain(`自 ${day} 起`);

    const popup = await openPopup(world, second.tabId, 'certificate-changed');
    expect(await popup.locator('main').getAttribute('data-state')).toBe('warning');
    expect(await reasonCodes(popup)).toEqual(expect.arrayContaining(['certificate-changed', 'domain-match', 'holder-match']));
    expect((await reasonCodes(popup))[0]).toBe('certificate-changed');
    const notice = popup.getByTestId('certificate-change');
    await expect(notice.isVisible()).resolves.toBe(true);
    expect(await popup.getByTestId('change-was').textContent()).toBe(`${OLD.holder} (${OLD.id})`);
    expect(await popup.getByTestId('change-now').textContent()).toBe(`${NEW.holder} (${NEW.id})`);
    const since = await popup.locator('[data-testid="change-since"] time').getAttribute('datetime');
    expect(Date.parse(since!)).toBeGreaterThanOrEqual(before - 1000);
    expect(await popup.getByTestId('holder').textContent()).toBe(NEW.holder);

    // A re-check still says so: the change is reported for a while, not just once.
    await popup.getByTestId('recheck').click();
    await popup.waitForSelector('main[data-state="warning"] [data-testid="certificate-change"]', { timeout: 20_000 });

    // The evidence record, exported from the popup, carries the change like every other reason.
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^govmark-www\.mmkfq\.gov\.cn-\d{8}T\d{6}Z\.json$/);
    const record = JSON.parse(await readFile((await download.path())!, 'utf8')) as CheckRecord;
    const version = await world.browser.serviceWorker.evaluate(() => chrome.runtime.getManifest().version);
    expect(record).toMatchObject({
      schema: 'govmark.check/1',
      version,
      requestedUrl: null,
      finalUrl: `https://${HOST}/`,
      redirected: null,
    });
    expect(record.verdict.reasons[0].code).toBe('certificate-changed');
    expect(record.marks[0].html).toContain(NEW.id);
    expect(record.lookups[NEW.id].sha256).toMatch(/^[0-9a-f]{64}$/);
    const [report] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-report').click()]);
    expect(report.suggestedFilename()).toMatch(/\.txt$/);
    const text = await readFile((await report.path())!, 'utf8');
    expect(text).toContain('SHA-256：');
    expect(text).toContain('(certificate-changed)');
    await popup.close();
    await second.page.close();
  });

  it('lists the site and its change on the history page, and forgets it all after confirmation', async () => {
    const history = await world.browser.context.newPage();
    await history.setViewportSize({ width: 900, height: 700 });
    await history.goto(`chrome-extension://${world.browser.extensionId}/certificate-history.html?lang=zh`);
    await history.waitForSelector('[data-loaded="ready"]');
    const site = history.locator('[data-testid="history-site"][data-site="mmkfq.gov.cn"]');
    expect(await site.count()).toBe(1);
    expect(await site.getByTestId('history-holder').textContent()).toBe(NEW.holder);
    expect(await site.getByTestId('history-cert').textContent()).toBe(NEW.id);
    const change = site.getByTestId('history-change');
    expect(await change.count()).toBe(1);
    expect(await change.getAttribute('data-fields')).toBe('certId holder');
    expect(await change.getByTestId('history-change-was').textContent()).toContain(OLD.holder);
    expect(await change.getByTestId('history-change-now').textContent()).toContain(NEW.holder);
    await history.evaluate(() => document.fonts.ready.then(() => undefined));
    await history.screenshot({ path: `${ARTIFACTS}/history.png`, fullPage: true });
    for (const scheme of ['light', 'dark'] as const) {
      await history.emulateMedia({ colorScheme: scheme });
      expect((await audit(history)).violations, `the history with a change, ${scheme}`).toEqual([]);
    }
    await history.emulateMedia({ colorScheme: 'light' });

    await history.getByTestId('clear-history').click();
    await history.getByTestId('confirm-clear-yes').click();
    await history.waitForSelector('[data-testid="history-empty"]');
    expect(await history.getByTestId('clear-status').textContent()).toContain('已清除');
    expect(await storedMemory()).toEqual([]);
    await history.close();
  });
});
