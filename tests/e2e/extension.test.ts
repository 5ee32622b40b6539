import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSites } from '../../scripts/stand-in/sites';
import { ARTIFACTS, indicatorOf, openPopup, reasonCodes, startWorld, tabIdOf, type World } from './harness';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

async function visit(host: string, scheme = 'https') {
  const page = await world.browser.context.newPage();
  await page.goto(`${scheme}://${host}/`);
  return { page, tabId: await tabIdOf(world, page) };
}

const site = (host: string) => sampleSites.find((s) => s.host === host)!;

// First, before any certificate is cached.
describe('when the registry is down', () => {
  it('says it could not verify, and verifies once the registry answers again', async () => {
    world.standIn.setDown(true);
    try {
      const { tabId } = await visit('www.mmcdc.cn');
      const shown = await indicatorOf(world, tabId);
      expect(shown.indicator.icon).toBe('unknown');
      const popup = await openPopup(world, tabId, 'registry-down');
      expect(await popup.locator('main').getAttribute('data-state')).toBe('unknown');
      world.standIn.setDown(false);
      await popup.getByRole('button', { name: '重新核验' }).click();
      await popup.waitForSelector('main[data-state="verified"]', { timeout: 20_000 });
      await popup.close();
    } finally {
      world.standIn.setDown(false);
    }
  });
});

describe('the toolbar indicator and the popup on the sample sites', () => {
  it('verifies a 党政机关 site with the official live embed: red shield, no badge, holder named', async () => {
    const { tabId } = await visit('www.beijing.gov.cn');
    const shown = await indicatorOf(world, tabId);
    expect(shown.indicator.icon).toBe('verified-red');
    expect(shown.badge).toBe('');
    expect(shown.title).toBe('GovMark 标识核验: 已核验 — 北京市人民政府');
    const popup = await openPopup(world, tabId, 'beijing');
    expect(await popup.locator('main').getAttribute('data-state')).toBe('verified');
    expect(await popup.getByTestId('holder').textContent()).toBe('北京市人民政府');
    expect(await popup.locator('[data-testid="domain"][data-match="match"]').count()).toBeGreaterThan(0);
    expect(await reasonCodes(popup)).toEqual(expect.arrayContaining(['domain-match', 'holder-match', 'color-match']));
    await popup.close();
  });

  it('verifies a 事业单位 site with a static link: blue shield', async () => {
    const { tabId } = await visit('www.mmcdc.cn', 'http');
    const shown = await indicatorOf(world, tabId);
    expect(shown.indicator.icon).toBe('verified-blue');
    expect(shown.title).toContain('某某市疾病预防控制中心');
    const popup = await openPopup(world, tabId, 'cdc');
    expect(await popup.getByTestId('holder').textContent()).toBe('某某市疾病预防控制中心');
    await popup.close();
  });

  it('follows the system into its dark theme, and back', async () => {
    const { tabId } = await visit('www.mmcdc.cn');
    const popup = await openPopup(world, tabId, 'cdc-light');
    const colours = () =>
      popup.evaluate(() => [
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('.holder__name')!).color,
      ]);
    expect(await colours()).toEqual(['rgb(255, 255, 255)', 'rgb(31, 35, 40)']);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await colours()).toEqual(['rgb(18, 22, 28)', 'rgb(230, 237, 243)']);
    await popup.screenshot({ path: `${ARTIFACTS}/popup-cdc-dark.png` });
    await popup.emulateMedia({ colorScheme: 'light' });
    expect((await colours())[0]).toBe('rgb(255, 255, 255)');
    await popup.close();
  });

  it('calls a copycat carrying a borrowed mark danger, naming the registered domain', async () => {
    const { tabId } = await visit('www.beijing-gov.com.cn');
    const shown = await indicatorOf(world, tabId);
    expect(shown.indicator.icon).toBe('danger');
    expect(shown.badge).toBe('×');
    const popup = await openPopup(world, tabId, 'copycat');
    expect(await popup.locator('main').getAttribute('data-state')).toBe('danger');
    expect(await reasonCodes(popup)).toContain('domain-mismatch');
    expect(await popup.locator('[data-testid="domain"][data-match="mismatch"]').count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('calls a spoofed certificate link danger without ever fetching it', async () => {
    const { tabId } = await visit('www.bjzwfw-gov.com');
    const shown = await indicatorOf(world, tabId);
    expect(shown.indicator.icon).toBe('danger');
    const popup = await openPopup(world, tabId, 'spoof');
    expect(await reasonCodes(popup)).toEqual(['link-not-conac']);
    expect(world.standIn.requests.some((r) => r.host === 'bszs.conac.cn.verify-cert.com')).toBe(false);
    await popup.close();
  });

  it('warns when the page names another 主办单位 than the holder, showing both', async () => {
    const { tabId } = await visit('fgw.beijing.gov.cn');
    const shown = await indicatorOf(world, tabId);
    expect(shown.indicator.icon).toBe('warning');
    expect(shown.badge).toBe('!');
    const popup = await openPopup(world, tabId, 'holder-mismatch');
    expect(await reasonCodes(popup)).toContain('holder-mismatch');
    const text = await popup.locator('main').textContent();
    expect(text).toContain('北京市经济和信息化局');
    expect(text).toContain('北京市发展和改革委员会');
    await popup.close();
  });

  it('warns about an error image', async () => {
    const { tabId } = await visit('www.bjhd.gov.cn');
    expect((await indicatorOf(world, tabId)).indicator.icon).toBe('warning');
    const popup = await openPopup(world, tabId, 'error-image');
    expect(await reasonCodes(popup)).toContain('error-icon');
    await popup.close();
  });

  it('catches a mark rendered late by script', async () => {
    const { tabId } = await visit('www.moe.gov.cn');
    const shown = await indicatorOf(world, tabId, (s) => s.status === 'done' && s.result.verdict.state === 'verified');
    expect(shown.indicator.icon).toBe('verified-red');
    expect(shown.title).toContain('中华人民共和国教育部');
  });

  it('warns about a government domain without a mark', async () => {
    const { tabId } = await visit('www.moumou.gov.cn');
    expect((await indicatorOf(world, tabId)).indicator.icon).toBe('warning');
    const popup = await openPopup(world, tabId, 'no-mark-gov');
    expect(await reasonCodes(popup)).toEqual(['government-domain-without-mark']);
    await popup.close();
  });

  it('stays neutral on an ordinary site and contacts no CONAC host for it', async () => {
    for (const page of world.browser.context.pages()) await page.close();
    const before = world.standIn.requests.length;
    const { tabId } = await visit('www.example-shop.com');
    const shown = await indicatorOf(world, tabId);
    expect(shown.indicator.icon).toBe('neutral');
    expect(shown.badge).toBe('');
    const popup = await openPopup(world, tabId, 'ordinary');
    expect(await popup.locator('main').getAttribute('data-state')).toBe('none');
    const conac = world.standIn.requests.slice(before).filter((r) => r.host.endsWith('conac.cn'));
    expect(conac, 'no page here loads anything from CONAC, so any request would be the extension').toEqual([]);
    await popup.close();
  });

  it.each(sampleSites.map((s) => [s.host, s.expect] as const))('%s ends %s', async (host, expected) => {
    const { page, tabId } = await visit(host);
    const shown = await indicatorOf(
      world,
      tabId,
      (s) => s.status === 'done' && (host !== 'www.moe.gov.cn' || s.result.verdict.state !== 'none'),
    );
    expect(shown.state.status === 'done' && shown.state.result.verdict.state, site(host).note).toBe(expected);
    await page.close();
  });
});
