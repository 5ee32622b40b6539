/**
 * axe-core over every screen a person sees: the popup for each kind of verdict, in the light and
 * the dark theme, and the options, history and batch pages (the batch page with results: batch.test.ts).
 * Any violation fails, with its rule and element.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
