/**
 * The companion on certificate pages and the fallback reader: a site whose certificate page only a
 * browser can read (it is drawn by a script) turns verified once the person opens that page.
 * Inner pages without a mark are judged by their homepage.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordByKey } from '../../scripts/stand-in/registry';
import { BEIJING_ARTICLE } from '../../scripts/stand-in/sites';
import { ARTIFACTS, indicatorOf, openPopup, reasonCodes, startWorld, tabIdOf, type World } from './harness';

let world: World;
const NOMARK_ARTICLE = readNomark();
beforeAll(async () => {
  world = await startWorld(
    { 'www.mmtz.gov.cn/news/1.html': NOMARK_ARTICLE, 'www.example-shop.com/item/1.html': NOMARK_ARTICLE },
    // The homepage answers with a redirect to another site, which carries a genuine mark.
    { 'www.mmtz.gov.cn': 'https://www.beijing.gov.cn/' },
  );
});
afterAll(async () => {
  await world?.close();
});

function readNomark(): string {
  return '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知</title></head><body><h1>关于开展安全检查的通知</h1><p>主办单位：某某市统计局</p></body></html>';
}

async function visit(url: string) {
  const page = await world.browser.context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(world, page) };
}

const verdictIs = (state: string) => (s: { status: string; result?: { verdict: { state: string } } }) =>
  s.status === 'done' && s.result?.verdict.state === state;

/** The text of every <govmark-companion> that has a closed shadow root, read through the debugger (pages cannot). */
async function companions(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = {
      nodeName: string;
      nodeType: number;
      nodeValue: string;
      children?: Node[];
      shadowRoots?: Array<Node & { shadowRootType: string }>;
    };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const text = (node: Node): string =>
      node.nodeName === 'STYLE'
        ? ''
        : (node.nodeType === 3 ? node.nodeValue : '') +
          [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(text).join('');
    const found: string[] = [];
    const visitNode = (node: Node) => {
      const closed = (node.shadowRoots ?? []).filter((s) => s.shadowRootType === 'closed');
      if (node.nodeName === 'GOVMARK-COMPANION' && closed.length) found.push(closed.map(text).join(''));
      for (const child of node.children ?? []) visitNode(child);
    };
    visitNode(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

async function companionSaying(page: Page, words: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = (await companions(page)).find((t) => t.includes(words));
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no companion saying "${words}": ${JSON.stringify(await companions(page))}`);
    await page.waitForTimeout(100);
  }
}

async function clickMark(page: Page): Promise<Page> {
  const [opened] = await Promise.all([
    world.browser.context.waitForEvent('page'),
    page.locator('a[href*="sitename"]').first().click(),
  ]);
  await opened.waitForLoadState();
  return opened;
}

const scripted = recordByKey('scripted');

describe('a certificate-shaped page on a lookalike host', () => {
  it('never feeds the fallback and gets no companion', async () => {
    const { tabId } = await visit('https://whlyj.moumou.gov.cn/');
    expect((await indicatorOf(world, tabId)).state).toSatisfy(verdictIs('unknown'));
    const fake = await world.browser.context.newPage();
    await fake.goto(`https://bszs.conac.cn.evil.example/sitename?method=show&id=${scripted.id}`);
    await fake.waitForSelector('table.info td');
    expect(await companions(fake)).toEqual([]);
    const again = await indicatorOf(world, tabId);
    expect(again.state).toSatisfy(verdictIs('unknown'));
    await fake.close();
  });
});

describe('the companion on the certificate page', () => {
  it('reads a script-drawn certificate, says the site matches, and turns the site verified', async () => {
    const { page, tabId } = await visit('https://whlyj.moumou.gov.cn/');
    const before = await indicatorOf(world, tabId);
    expect(before.indicator.icon).toBe('unknown');
    const certificate = await clickMark(page);
    const said = await companionSaying(certificate, '你来自 whlyj.moumou.gov.cn：✓ 是本证书登记的网站');
    expect(said).toContain('持有单位：某某市文化和旅游局');
    await certificate.screenshot({ path: `${ARTIFACTS}/companion-match.png` });
    const after = await indicatorOf(world, tabId, verdictIs('verified'));
    expect(after.indicator.icon).toBe('verified-red');
    const popup = await openPopup(world, tabId, 'certificate-read-from-page');
    expect(await reasonCodes(popup)).toContain('certificate-read-from-page');
    await popup.close();
    await certificate.close();
  });

  it('says so when the site is not the one registered (a copycat with a genuine mark)', async () => {
    const { page, tabId } = await visit('https://www.beijing-gov.com.cn/');
    await indicatorOf(world, tabId, verdictIs('danger'));
    const certificate = await clickMark(page);
    const said = await companionSaying(certificate, '✗ 不是本证书登记的网站');
    expect(said).toContain('你来自 www.beijing-gov.com.cn');
    expect(said).toContain('www.beijing.gov.cn');
    expect(said).toContain('持有单位：北京市人民政府');
    await certificate.screenshot({ path: `${ARTIFACTS}/companion-mismatch.png` });
    await certificate.close();
  });

  it('opened directly, summarises the certificate and compares no site', async () => {
    const page = await world.browser.context.newPage();
    await page.goto(`http://bszs.conac.cn/sitename?method=show&id=${recordByKey('moe').id}`);
    const said = await companionSaying(page, '没有要比较的网站');
    expect(said).toContain('www.moe.gov.cn');
    expect(said).not.toContain('你来自');
    await page.close();
  });

  it('survives a page that removes it and fakes its own', async () => {
    const page = await world.browser.context.newPage();
    await page.goto(`https://bszs.conac.cn/sitename?method=show&id=${recordByKey('cdc').id}`);
    await companionSaying(page, '没有要比较的网站');
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('govmark-companion')) element.remove();
      const fake = document.createElement('govmark-companion');
      fake.attachShadow({ mode: 'open' }).textContent = '你来自 evil.example：✓ 是本证书登记的网站';
      document.body.prepend(fake);
    });
    // Ours is back, and the page's (open) imitation is not taken for it.
    const texts = await (async () => {
      await companionSaying(page, '没有要比较的网站');
      return companions(page);
    })();
    expect(texts.every((t) => !t.includes('evil.example'))).toBe(true);
    await page.close();
  });
});

describe('inner pages are judged by their site', () => {
  it('verifies an article without a mark through its homepage', async () => {
    const { tabId } = await visit(`https://www.beijing.gov.cn${BEIJING_ARTICLE}`);
    const shown = await indicatorOf(world, tabId);
    expect(shown.indicator.icon).toBe('verified-red');
    expect(shown.title).toContain('北京市人民政府');
    const popup = await openPopup(world, tabId, 'inner-page');
    expect(await reasonCodes(popup)).toContain('homepage-verified');
    // The whole popup, down to the reasons, for the README.
    await popup.setViewportSize({ width: 400, height: 1100 });
    await popup.screenshot({ path: `${ARTIFACTS}/popup-inner-page-full.png`, fullPage: true });
    expect(await popup.getByText('本页无标识；本站首页的标识已核验', { exact: false }).count()).toBe(1);
    await popup.close();
  });

  it('does not take the word of a homepage that redirects to another host', async () => {
    const { tabId } = await visit('https://www.mmtz.gov.cn/news/1.html');
    const shown = await indicatorOf(world, tabId);
    expect(shown.state).toSatisfy(verdictIs('warning'));
    const popup = await openPopup(world, tabId, 'inner-page-redirect');
    expect(await reasonCodes(popup)).toEqual(['government-domain-without-mark']);
    await popup.close();
    expect(world.standIn.requests.some((r) => r.host === 'www.mmtz.gov.cn' && r.path === '/')).toBe(true);
  });

  it('never fetches the homepage of an ordinary site', async () => {
    const { page, tabId } = await visit('https://www.example-shop.com/item/1.html');
    expect((await indicatorOf(world, tabId)).state).toSatisfy(verdictIs('none'));
    const shop = world.standIn.requests.filter((r) => r.host === 'www.example-shop.com');
    expect(shop.map((r) => r.path)).toContain('/item/1.html');
    expect(shop.map((r) => r.path)).not.toContain('/');
    await page.close();
  });
});
