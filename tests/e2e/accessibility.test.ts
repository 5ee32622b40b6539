/**
 * axe-core over every screen a person sees: the popup for each kind of verdict, in the light and
 * the dark theme, the options, history and batch pages (the batch page with results: batch.test.ts),
 * and the alert drawn on dangerous pages.
 * Any violation fails, with its rule and element.
 */
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageAlertFor } from '../../utils/extension/page-alert';
import { audit, indicatorOf, openPopup, startWorld, tabIdOf, type World } from './harness';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('the popup', () => {
  const hosts = [
    'www.beijing.gov.cn',
    'www.mmcdc.cn',
    'www.beijing-gov.com.cn',
    'fgw.beijing.gov.cn',
    'yjj.moumou.gov.cn',
    'www.moumou.gov.cn',
    'www.example-shop.com',
  ];
  it.each(hosts)('on %s has no accessibility violations, light or dark', async (host) => {
    const page = await world.browser.context.newPage();
    await page.goto(`https://${host}/`);
    const tabId = await tabIdOf(world, page);
    await indicatorOf(world, tabId);
    const popup = await openPopup(world, tabId, `a11y-${host}`);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      const result = await audit(popup);
      expect(result.violations, `${host}, ${scheme}`).toEqual([]);
      expect(result.passed, 'axe ran its rules').toBeGreaterThan(10);
    }
    await popup.close();
    await page.close();
  });
});

describe('the extension pages', () => {
  it.each(['options', 'certificate-history', 'batch'])('%s has no accessibility violations, light or dark', async (name) => {
    const page = await world.browser.context.newPage();
    await page.goto(`chrome-extension://${world.browser.extensionId}/${name}.html`);
    await page.locator('main').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const result = await audit(page);
      expect(result.violations, `${name}, ${scheme}`).toEqual([]);
      expect(result.passed).toBeGreaterThan(10);
    }
    await page.close();
  });

  it('the audit does catch a violation when there is one', async () => {
    const page = await world.browser.context.newPage();
    await page.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
    await page.locator('main').waitFor();
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('button')));
    expect((await audit(page)).violations).toEqual([expect.stringMatching(/^button-name \(critical\) at /)]);
    await page.close();
  });
});

/**
 * axe cannot see into the closed shadow root the content script uses, and the extension has no
 * test hook to open it. So the alert's own code (utils/extension/alert-view.ts, bundled here)
 * draws the alert the background made for the copycat into an OPEN root on a plain page: the same
 * markup and stylesheet, only the root's mode differs.
 */
describe('the page alert', () => {
  it('has no accessibility violations, light or dark, and the audit does see inside it', async () => {
    const page = await world.browser.context.newPage();
    await page.goto('https://www.beijing-gov.com.cn/');
    const tabId = await tabIdOf(world, page);
    const { state } = await indicatorOf(world, tabId);
    if (state.status !== 'done') throw new Error('no verdict');
    expect(state.result.verdict.state).toBe('danger');
    const alert = pageAlertFor(state.result, 'zh');
    await page.close();

    const code = await build({
      entryPoints: ['utils/extension/alert-view.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'GovmarkAlertView',
    });
    const plain = await world.browser.context.newPage();
    await plain.setContent(
      '<!DOCTYPE html><html lang="zh-CN"><head><title>页面</title></head><body><main><h1>某网站</h1><p>正文</p></main></body></html>',
    );
    await plain.addScriptTag({ content: code.outputFiles[0].text });
    await plain.evaluate(
      (a) =>
        (
          globalThis as unknown as { GovmarkAlertView: typeof import('../../utils/extension/alert-view') }
        ).GovmarkAlertView.showAlert(document, a, () => undefined, 'open'),
      alert,
    );
    for (const scheme of ['light', 'dark'] as const) {
      await plain.emulateMedia({ colorScheme: scheme });
      const result = await audit(plain);
      expect(result.violations, scheme).toEqual([]);
      expect(result.passed).toBeGreaterThan(10);
    }
    await plain.evaluate(() => {
      document.querySelector('govmark-alert')!.shadowRoot!.querySelector('button')!.textContent = '';
    });
    expect((await audit(plain)).violations).toEqual([expect.stringMatching(/^button-name \(critical\) at govmark-alert/)]);
    await plain.close();
  });
});
