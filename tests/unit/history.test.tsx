import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { History } from '../../components/History';
import type { CheckResult } from '../../utils/engine/check-page';
import type { PageScan } from '../../utils/engine/scan';
import type { Lang } from '../../utils/engine/verdict';
import { type Lookups, verify } from '../../utils/engine/verify';
import { memoryStore } from '../../utils/memory/browser-memory';
import { remember, type SiteMemory } from '../../utils/memory/memory';
import { BEIJING_ID, certificate, found, mark, scan } from './helpers';
import { mountPoint } from './mount';

const OTHER_ID = '11112222333344445555666677778888';
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2025-03-01T12:00:00.000Z');

function check(page: PageScan, lookups: Lookups): CheckResult {
  return { checkedAt: '2025-03-01T12:00:00.000Z', scan: page, lookups, verdict: verify(page, lookups) };
}
const genuine = () => check(scan(), found(certificate()));
const reissued = (holder: string, id = OTHER_ID) =>
  check(
    scan({ owner: holder, marks: [mark({ certId: id, linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${id}` })] }),
    found(certificate({ id, holder })),
  );

/** Beijing: verified, then reissued to another holder, then renamed; the CDC site: verified once, earlier. */
function memories(): SiteMemory[] {
  let beijing = remember(undefined, genuine(), T0).memory;
  beijing = remember(beijing, reissued('北京市人民政府办公厅'), T0 + DAY).memory;
  beijing = remember(beijing, reissued('北京市政务服务和数据管理局'), T0 + 2 * DAY).memory;
  const cdc: SiteMemory = {
    site: 'mmcdc.cn',
    certId: 'F4D869ED8385D9CD977F88A99DDA38A9',
    holder: '某某市疾病预防控制中心',
    domains: ['www.mmcdc.cn'],
    firstSeen: '2025-02-01T12:00:00.000Z',
    lastVerified: '2025-02-01T12:00:00.000Z',
    changes: [],
  };
  return [cdc, beijing!];
}

const view = mountPoint();
beforeEach(() => fakeBrowser.reset());

const $ = (selector: string) => view.container.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...view.container.querySelectorAll<HTMLElement>(selector)];
const text = (selector: string) => $(selector)?.textContent ?? '';
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/** Wired exactly as entrypoints/certificate-history/main.tsx wires it. */
async function open(lang: Lang = 'zh') {
  act(() => render(<History lang={lang} load={() => memoryStore.list()} clear={() => memoryStore.clear()} />, view.container));
  await flush();
}

describe('history page', () => {
  it('lists remembered sites with holder, certificate id, domains and times; sites with changes first, changes newest first', async () => {
    for (const memory of memories()) await memoryStore.set(memory);
    await open();
    const sites = $$('[data-testid="history-site"]');
    expect(sites.map((s) => s.dataset.site)).toEqual(['beijing.gov.cn', 'mmcdc.cn']);
    const beijing = sites[0];
    expect(beijing.querySelector('[data-testid="history-holder"]')?.textContent).toBe('北京市政务服务和数据管理局');
    expect(beijing.querySelector('[data-testid="history-cert"]')?.textContent).toBe(OTHER_ID);
    expect(beijing.textContent).toContain('www.beijing.gov.cn');
    expect(beijing.querySelectorAll('time').length).toBeGreaterThanOrEqual(2);

    const changes = [...beijing.querySelectorAll<HTMLElement>('[data-testid="history-change"]')];
    expect(changes).toHaveLength(2);
    expect(changes.map((c) => c.dataset.fields)).toEqual(['holder', 'certId holder']);
    expect(changes[0].querySelector('[data-testid="history-change-was"]')?.textContent).toContain('北京市人民政府办公厅');
    expect(changes[0].querySelector('[data-testid="history-change-now"]')?.textContent).toContain('北京市政务服务和数据管理局');
    expect(changes[1].querySelector('[data-testid="history-change-was"]')?.textContent).toContain(BEIJING_ID);
    expect(changes[1].textContent).toContain('持有单位');
    expect(sites[1].querySelector('[data-testid="history-change"]')).toBeNull();
    expect(text('h2')).toBe('已记住的网站（2）');
  });

  it('says when nothing is remembered, and offers nothing to clear', async () => {
    await open();
    expect(text('[data-testid="history-empty"]')).toContain('还没有记录');
    expect(($('[data-testid="clear-history"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('clears only after confirmation, and only the memory', async () => {
    for (const memory of memories()) await memoryStore.set(memory);
    await browser.storage.local.set({ 'cache:cert:X': { kept: true }, settings: { showBadge: true } });
    await open();

    act(() => $('[data-testid="clear-history"]')!.click());
    expect(text('[data-testid="confirm-clear"]')).toContain('2 个网站');
    act(() => $('[data-testid="confirm-clear-no"]')!.click());
    expect($('[data-testid="confirm-clear"]')).toBeNull();
    expect(await memoryStore.list()).toHaveLength(2);

    act(() => $('[data-testid="clear-history"]')!.click());
    act(() => $('[data-testid="confirm-clear-yes"]')!.click());
    await flush();
    await flush();
    expect(await memoryStore.list()).toEqual([]);
    expect(text('[data-testid="clear-status"]')).toContain('已清除 2 个网站的记录');
    expect($('[data-testid="history-empty"]')).not.toBeNull();
    expect($$('[data-testid="history-site"]')).toHaveLength(0);
    expect(await browser.storage.local.get(['cache:cert:X', 'settings'])).toEqual({
      'cache:cert:X': { kept: true },
      settings: { showBadge: true },
    });
  });

  it('says so when the history cannot be read', async () => {
    act(() => render(<History lang="en" load={() => Promise.reject(new Error('no'))} clear={vi.fn()} />, view.container));
    await flush();
    expect(view.container.textContent).toContain('Could not read or clear the history');
  });

  it('speaks English', async () => {
    for (const memory of memories()) await memoryStore.set(memory);
    await open('en');
    expect(text('h1')).toContain('Certificate history');
    expect(text('[data-testid="clear-history"]')).toBe('Clear history');
    expect(view.container.textContent).toContain('Changed: Holder');
    expect(view.container.textContent).not.toMatch(/清除记录|持有单位/);
  });
});
