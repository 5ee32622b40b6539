/**
 * Trying to fool or break GovMark in the real browser: the built extension in Chromium, every
 * host routed to the loopback stand-in. Each case asserts the exact verdict and reasons; none is
 * 'verified' for a site its certificate does not name.
 *
 * Decided behaviour for marks the top document does not itself hold:
 * - Frames: the content script runs in the top frame only, and the background listens to frame 0
 *   only. A mark inside an iframe (whatever its host) belongs to that frame's page, not to this one.
 * - Shadow roots: marks inside shadow roots (open or declarative) are not read from the DOM.
 *   Finding them would mean visiting every element of every page; the official embed writes into
 *   the light DOM; and the safe side holds either way: an unread mark is never 'verified', and a
 *   read one would still have to name this site. A script that builds the mark is still read as
 *   script text, like every script-made mark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CertificateRecord, recordByKey } from '../../scripts/stand-in/registry';
import type { Reason } from '../../utils/engine/verdict';
import type { TabState } from '../../utils/extension/tab-state';
import { indicatorOf, openPopup, reasonCodes, startWorld, tabIdOf, type World } from './harness';

/** What the functions evaluated in the service worker see. */
declare const chrome: typeof import('wxt/browser').browser;

const beijing = recordByKey('beijing');
const guangdong = recordByKey('guangdong');
const hostile = recordByKey('hostile');
const slow = recordByKey('slow');

const cert = (id: string, origin = 'https://bszs.conac.cn') => `${origin}/sitename?method=show&amp;id=${id}`;
const mark = (href: string, image = 'https://dcs.conac.cn/image/red.png') =>
  `<a href="${href}" target="_blank"><img src="${image}" alt=""></a>`;

function page(title: string, footer: string, owner: string, extra = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body>
<h1>${title}</h1>
<p>政务公开 · 办事服务 · 互动交流</p>
${extra}
<div class="footer" id="footer">
  <div class="conac">${footer}</div>
  <p>主办单位：${owner}　　网站标识码：1100000088</p>
</div>
</body></html>`;
}

/** A record's own site, printing its holder: only the registry's answer can go wrong. */
const ownSite = (record: CertificateRecord) => page(record.siteName, mark(cert(record.id)), record.holder);

const LOOKALIKES = [
  ['bszs.conac.cn.evil.example', cert(beijing.id, 'https://bszs.conac.cn.evil.example')],
  ['bszs-conac.cn', cert(beijing.id, 'https://bszs-conac.cn')],
  ['evil.example', cert(beijing.id, 'https://bszs.conac.cn@evil.example')],
  ['xn--bzs-fhd.conac.cn', cert(beijing.id, 'https://bѕzs.conac.cn')],
] as const;

const SITES: Record<string, string> = {
  // The genuine Beijing portal inside a frame of a government page without a mark of its own.
  'iframe.moumou.gov.cn': page(
    '某某市人民政府',
    '',
    '某某市人民政府',
    '<iframe src="https://www.beijing.gov.cn/" width="800" height="400"></iframe>',
  ),
  // A genuine certificate link in a declarative shadow root.
  'shadow.moumou.gov.cn': page(
    '某某市人民政府',
    `<div><template shadowrootmode="open">${mark(cert(beijing.id))}</template></div>`,
    '某某市人民政府',
  ),
  // The same, attached to an open shadow root by a script.
  'shadow-js.moumou.gov.cn': page(
    '某某市人民政府',
    `<div id="shadow-host"></div>
<script>document.getElementById('shadow-host').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(mark(cert(beijing.id)).replace(/&amp;/g, '&'))};</script>`,
    '某某市人民政府',
  ),
  // Guangdong's certificate on its registered bare domain: verified until the page swaps the mark.
  'gd.gov.cn': page(guangdong.siteName, mark(cert(guangdong.id)), guangdong.holder),
  // 1,000 marks linking to lookalike hosts, injected by script once the page has loaded.
  'flood.moumou.gov.cn': page(
    '某某市人民政府',
    '',
    '某某市人民政府',
    `<script>addEventListener('DOMContentLoaded', () => {
  const footer = document.getElementById('footer');
  let html = '';
  for (let i = 0; i < 1000; i++) html += '<a href="https://bszs.conac.cn.s' + i + '.example/sitename?method=show&id=${beijing.id}"><img src="https://dcs.conac.cn/image/red.png"></a>';
  footer.insertAdjacentHTML('beforeend', html);
});</script>`,
  ),
  'lookalike.moumou.gov.cn': page('某某市人民政府', LOOKALIKES.map(([, href]) => mark(href)).join(''), '某某市人民政府'),
  [slow.domains[0]!]: ownSite(slow),
  [hostile.domains[0]!]: page(hostile.siteName, mark(cert(hostile.id)), '某某局'),
  ...Object.fromEntries(
    ['redirect', 'huge', 'octet', 'endless'].map((key) => [recordByKey(key).domains[0]!, ownSite(recordByKey(key))]),
  ),
};

let world: World;
beforeAll(async () => {
  world = await startWorld(SITES);
  // Every indicator the background sets, in order, by tab: to show what a tab ever displayed.
  await world.browser.serviceWorker.evaluate(() => {
    const scope = globalThis as unknown as { __shown?: Record<string, string[]> };
    scope.__shown = {};
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'session') return;
      for (const [key, change] of Object.entries(changes)) {
        const icon = (change.newValue as { icon?: string } | undefined)?.icon;
        if (!key.startsWith('indicator:') || !icon) continue;
        scope.__shown![key] ??= [];
        scope.__shown![key].push(icon);
      }
    });
  });
});
afterAll(async () => {
  await world?.close();
});

async function visit(host: string): Promise<{ page: Page; tabId: number }> {
  const page = await world.browser.context.newPage();
  await page.goto(`https://${host}/`);
  return { page, tabId: await tabIdOf(world, page) };
}

type Done = Extract<TabState, { status: 'done' }>;
const isDone = (s: TabState): s is Done => s.status === 'done';

/** Waits for a finished check (that `until` accepts) and reads the verdict and the toolbar. */
async function verdict(tabId: number, until: (s: Done) => boolean = () => true) {
  const shown = await indicatorOf(world, tabId, (s) => isDone(s) && until(s));
  const state = shown.state as Done;
  return { ...shown, done: state, verdict: state.result.verdict };
}

const pairs = (reasons: Reason[]) => reasons.map((r) => [r.severity, r.code]);

async function shownIcons(tabId: number): Promise<string[]> {
  return world.browser.serviceWorker.evaluate(
    (key) => (globalThis as unknown as { __shown?: Record<string, string[]> }).__shown?.[key] ?? [],
    `indicator:${tabId}`,
  );
}

// First, while no certificate is cached.
describe('the registry down, then up again', () => {
  it('says unknown while it is down, and verifies once it answers: nothing stays stuck', async () => {
    world.standIn.setDown(true);
    let page: Page | undefined;
    try {
      const visited = await visit('www.gd.gov.cn');
      page = visited.page;
      const down = await verdict(visited.tabId);
      expect(down.verdict.state).toBe('unknown');
      expect(pairs(down.verdict.reasons)).toEqual([['unknown', 'service-unreachable']]);
      expect(down.indicator.icon).toBe('unknown');
      world.standIn.setDown(false);
      await page.reload();
      const up = await verdict(visited.tabId, (s) => s.result.verdict.state !== 'unknown');
      expect(up.verdict.state).toBe('verified');
      expect(up.indicator.icon).toBe('verified-red');
    } finally {
      world.standIn.setDown(false);
      await page?.close();
    }
  });
});

describe('marks that are not the page’s own', () => {
  it("a genuine mark inside an iframe is the frame's: the page is a government domain without a mark", async () => {
    const before = world.standIn.requests.length;
    const { page, tabId } = await visit('iframe.moumou.gov.cn');
    await page.frameLocator('iframe').locator('#_ideConac a').waitFor();
    const shown = await verdict(tabId);
    expect(shown.verdict.state).toBe('warning');
    expect(shown.verdict.reasons).toEqual([
      { code: 'government-domain-without-mark', severity: 'warning', evidence: { found: 'iframe.moumou.gov.cn' } },
    ]);
    expect(shown.done.result.scan.marks).toEqual([]);
    // No page ever loads a certificate page: only the extension would, and it did not.
    expect(world.standIn.requests.slice(before).filter((r) => r.path.startsWith('/sitename'))).toEqual([]);
    await page.close();
  });

  it('a mark inside a shadow root is not read from the DOM: the page is a government domain without a mark', async () => {
    const { page, tabId } = await visit('shadow.moumou.gov.cn');
    expect(await page.evaluate(() => document.querySelector('.conac div')!.shadowRoot?.querySelectorAll('a').length)).toBe(1);
    const shown = await verdict(tabId);
    expect(shown.verdict.reasons).toEqual([
      { code: 'government-domain-without-mark', severity: 'warning', evidence: { found: 'shadow.moumou.gov.cn' } },
    ]);
    await page.close();
  });

  it('a script that puts a mark into a shadow root is read like any script-made mark: the borrowed certificate is danger', async () => {
    const { page, tabId } = await visit('shadow-js.moumou.gov.cn');
    expect(await page.evaluate(() => document.getElementById('shadow-host')!.shadowRoot!.querySelectorAll('a').length)).toBe(1);
    const shown = await verdict(tabId);
    expect(shown.done.result.scan.marks.map((m) => [m.kind, m.certId, m.active])).toEqual([['js-generated', beijing.id, true]]);
    expect(shown.verdict.reasons).toEqual([
      {
        code: 'domain-mismatch',
        severity: 'danger',
        evidence: { found: 'shadow-js.moumou.gov.cn', expected: 'www.beijing.gov.cn, 北京市人民政府.政务' },
      },
      { code: 'holder-mismatch', severity: 'warning', evidence: { found: '某某市人民政府', expected: '北京市人民政府' } },
      // The script's image is the official red one: its colour is read from script text too (issue 10).
      { code: 'color-match', severity: 'ok', evidence: { found: 'red' } },
    ]);
    await page.close();
  });
});

describe('links that only look like the registry', () => {
  it('are danger, each named, and none of the lookalike hosts is ever contacted', async () => {
    const { page, tabId } = await visit('lookalike.moumou.gov.cn');
    const shown = await verdict(tabId);
    expect(shown.verdict.state).toBe('danger');
    expect(shown.verdict.reasons).toEqual(
      LOOKALIKES.map(([host]) => ({
        code: 'link-not-conac',
        severity: 'danger',
        evidence: { expected: 'bszs.conac.cn', found: host },
      })),
    );
    expect(shown.indicator.icon).toBe('danger');
    expect(shown.badge).toBe('×');
    const hosts = new Set(world.standIn.requests.map((r) => r.host));
    for (const [host] of LOOKALIKES) expect(hosts.has(host)).toBe(false);
    await page.close();
  });
});

describe('a page that changes its mark after it was verified', () => {
  it('turns danger when the link is swapped for a spoof, and warns when the colour is swapped', async () => {
    const { page, tabId } = await visit('gd.gov.cn');
    const verified = await verdict(tabId);
    expect(verified.verdict.state).toBe('verified');
    expect(pairs(verified.verdict.reasons)).toEqual([
      ['ok', 'domain-match'],
      ['ok', 'holder-match'],
      ['ok', 'color-match'],
    ]);

    await page.evaluate((id) => {
      document
        .querySelector('.conac a')!
        .setAttribute('href', `https://bszs.conac.cn.evil.example/sitename?method=show&id=${id}`);
    }, guangdong.id);
    const spoofed = await verdict(tabId, (s) => s.result.verdict.state !== 'verified');
    expect(spoofed.verdict.reasons).toEqual([
      {
        code: 'link-not-conac',
        severity: 'danger',
        evidence: { expected: 'bszs.conac.cn', found: 'bszs.conac.cn.evil.example' },
      },
    ]);
    expect(spoofed.indicator.icon).toBe('danger');
    expect(spoofed.badge).toBe('×');

    await page.evaluate((id) => {
      document.querySelector('.conac a')!.setAttribute('href', `https://bszs.conac.cn/sitename?method=show&id=${id}`);
      document.querySelector('.conac img')!.setAttribute('src', 'https://dcs.conac.cn/image/blue.png');
    }, guangdong.id);
    const recoloured = await verdict(tabId, (s) => s.result.verdict.state === 'warning');
    expect(pairs(recoloured.verdict.reasons)).toEqual([
      ['warning', 'color-type-mismatch'],
      ['ok', 'domain-match'],
      ['ok', 'holder-match'],
    ]);
    expect(recoloured.verdict.reasons[0]!.evidence).toEqual({ found: 'blue', expected: 'organ' });
    await page.close();
  });
});

describe('a page that floods itself with fake marks', () => {
  it('1,000 spoofed marks: danger, the report capped, no request to any of them', async () => {
    const { page, tabId } = await visit('flood.moumou.gov.cn');
    expect(await page.locator('#footer a').count()).toBe(1000);
    const shown = await verdict(tabId, (s) => s.result.scan.marks.length > 0);
    expect(shown.verdict.state).toBe('danger');
    expect(shown.done.result.scan.marks).toHaveLength(20);
    expect(new Set(shown.verdict.reasons.map((r) => r.code))).toEqual(new Set(['link-not-conac']));
    expect(shown.verdict.reasons).toHaveLength(20);
    expect(world.standIn.requests.filter((r) => r.host.endsWith('.example'))).toEqual([]);
    // The page is still responsive: the content script did not hang it.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.close();
  });
});

describe('navigation while a verification is in flight', () => {
  it("the old page's verdict never reaches the new page, even when it ends later", async () => {
    const { page, tabId } = await visit(slow.domains[0]!);
    await indicatorOf(world, tabId, (s) => s.status === 'checking');
    await page.goto('https://www.example-shop.com/');
    const next = await verdict(tabId, (s) => s.url === 'https://www.example-shop.com/');
    expect(next.verdict.state).toBe('none');
    expect(next.indicator.icon).toBe('neutral');
    // The slow certificate answers 4 s after it was asked for: wait until its answer is over (sent,
    // or cut off by the extension), then ask the extension again.
    await expect.poll(() => world.standIn.over.some((r) => r.path.includes(slow.id)), { timeout: 20_000 }).toBe(true);
    const after = await verdict(tabId);
    expect(after.done.url).toBe('https://www.example-shop.com/');
    expect(after.verdict.state).toBe('none');
    expect(after.indicator.icon).toBe('neutral');
    expect(await shownIcons(tabId)).not.toContain('verified-red');
    await page.close();
  });
});

describe('certificate answers that are huge, never-ending, redirected or mistyped', () => {
  it.each([
    [
      'redirect',
      'service-redirect',
      { found: 'a redirect to an undisclosed address', detail: 'a redirect to an undisclosed address' },
    ],
    ['huge', 'service-error', { found: expect.stringMatching(/^\d+ bytes$/), detail: expect.stringMatching(/^\d+ bytes$/) }],
    ['octet', 'certificate-unreadable', { found: recordByKey('octet').id, detail: 'answered with application/octet-stream' }],
    ['endless', 'service-timeout', { found: 'no answer in 8000 ms', detail: 'no answer in 8000 ms' }],
  ])('%s: unknown (%s)', async (key, code, evidence) => {
    const { page, tabId } = await visit(recordByKey(key).domains[0]!);
    const shown = await verdict(tabId);
    expect(shown.verdict.state).toBe('unknown');
    expect(shown.verdict.reasons).toEqual([{ code, severity: 'unknown', evidence }]);
    expect(shown.indicator.icon).toBe('unknown');
    expect(world.standIn.requests.some((r) => r.host === 'evil.example')).toBe(false);
    await page.close();
  });
});

describe('a certificate whose fields carry markup and script', () => {
  it('shows them as text in the popup: nothing is injected, nothing runs', async () => {
    const { page, tabId } = await visit(hostile.domains[0]!);
    const shown = await verdict(tabId);
    expect(shown.verdict.state).toBe('warning');
    expect(pairs(shown.verdict.reasons)).toEqual([
      ['warning', 'holder-mismatch'],
      ['ok', 'domain-match'],
      ['ok', 'color-match'],
    ]);
    const popup = await openPopup(world, tabId, 'hostile-fields');
    const dialogs: string[] = [];
    popup.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    expect(await reasonCodes(popup)).toEqual(['holder-mismatch', 'domain-match', 'color-match']);
    expect(await popup.getByTestId('holder').first().textContent()).toBe('<script>alert(1)</script>某某局');
    expect(await popup.locator('main').textContent()).toContain('<script>alert(1)</script>某某局');
    expect(await popup.locator('main script, main iframe, main b[onmouseover], main img[src="x"], main [onerror]').count()).toBe(
      0,
    );
    // Anything the markup could have loaded or run has had its chance once the network is idle.
    await popup.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
    await popup.close();
    await page.close();
  });
});
