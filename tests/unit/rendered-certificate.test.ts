import { describe, expect, it, vi } from 'vitest';
import { certificatePage } from '../../scripts/stand-in/pages';
import { recordByKey } from '../../scripts/stand-in/registry';
import { memoryStore, ttlCache } from '../../utils/engine/cache';
import type { CertificateLookup, ScriptLookup } from '../../utils/engine/conac-client';
import { certificatePageId, mayUseRenderedCertificate } from '../../utils/engine/rendered-certificate';
import { verify } from '../../utils/engine/verify';
import { readCertificatePage } from '../../utils/extension/companion-service';
import type { TabState } from '../../utils/extension/tab-state';
import { certificate, scan } from './helpers';

const ID = '7C3A9E15B2D84F60A1E7C5B3D9F2086E';
const ok = { status: 'ok', certificate: certificate() } as const;

describe('which sender may speak for a certificate page', () => {
  it.each([
    [`https://bszs.conac.cn/sitename?method=show&id=${ID}`, 0, ID],
    [`http://bszs.conac.cn/sitename?method=show&id=${ID.toLowerCase()}`, 0, ID],
    [`https://bszs.conac.cn/sitename?method=show&id=${ID}`, 3, null],
    [`https://bszs.conac.cn.evil.example/sitename?method=show&id=${ID}`, 0, null],
    [`https://evil.example/sitename?method=show&id=${ID}`, 0, null],
    [`https://bszs.conac.cn:8443/sitename?method=show&id=${ID}`, 0, null],
    [`https://user@bszs.conac.cn/sitename?method=show&id=${ID}`, 0, null],
    [`https://bszs.conac.cn/other?method=show&id=${ID}`, 0, null],
    [undefined, 0, null],
  ])('%s (frame %s) → %s', (url, frameId, expected) => {
    expect(certificatePageId(url, frameId)).toBe(expected);
  });
});

describe('when a rendered certificate may replace a fetched one', () => {
  it.each<[string, CertificateLookup | undefined, boolean]>([
    ['unreadable', { status: 'unreadable', detail: 'no labels' }, true],
    ['unreachable', { status: 'unreachable', cause: 'network', detail: '' }, true],
    ['timed out', { status: 'unreachable', cause: 'timeout', detail: '' }, true],
    ['an HTTP error', { status: 'unreachable', cause: 'http-status', detail: 'HTTP 500' }, true],
    ['redirected off the registry', { status: 'unreachable', cause: 'redirect', detail: 'evil.example' }, false],
    ['not found', { status: 'not-found' }, false],
    ['already read', ok, false],
    ['never fetched', undefined, false],
  ])('a fetch that ended %s → %s', (_, fetched, expected) => {
    expect(mayUseRenderedCertificate(fetched, ok)).toBe(expected);
  });

  it('never with a page that could not be read either', () => {
    expect(mayUseRenderedCertificate({ status: 'unreadable', detail: '' }, { status: 'unreadable', detail: '' })).toBe(false);
  });
});

describe('the background reading a certificate page', () => {
  const record = recordByKey('beijing');
  const html = certificatePage(record);
  const pageUrl = `https://bszs.conac.cn/sitename?method=show&id=${record.id}`;
  const site = scan({ url: 'https://www.beijing.gov.cn/', marks: [{ ...scan().marks[0], certId: record.id }] });
  const lookups = {
    certificates: { [record.id]: { status: 'unreadable', detail: 'x' } as CertificateLookup },
    scripts: {},
    offline: false,
  };
  const done: TabState = {
    status: 'done',
    url: site.url,
    result: { checkedAt: '', scan: site, lookups, verdict: verify(site, lookups) },
  };
  const deps = () => {
    const store = memoryStore();
    return {
      store,
      deps: {
        tabStates: async () => [{ tabId: 7, state: done }],
        cache: ttlCache<CertificateLookup | ScriptLookup>(store),
        reverify: vi.fn(async () => undefined),
        lang: 'zh' as const,
      },
    };
  };

  it('compares with the opener, caches the certificate as read from the page and re-verifies the opener', async () => {
    const { store, deps: d } = deps();
    const view = await readCertificatePage(html, { url: pageUrl, frameId: 0, tab: { id: 9, openerTabId: 7 } }, d);
    expect(view?.tone).toBe('match');
    expect(view?.lines[0]).toBe('你来自 www.beijing.gov.cn：✓ 是本证书登记的网站');
    const cached = (await store.get(`cert:${record.id}`)) as { value: CertificateLookup };
    expect(cached.value).toMatchObject({ status: 'ok', renderedPage: { url: pageUrl } });
    expect(d.reverify).toHaveBeenCalledWith(7);
  });

  it('ignores a lookalike host or a subframe entirely', async () => {
    for (const sender of [
      {
        url: `https://bszs.conac.cn.evil.example/sitename?method=show&id=${record.id}`,
        frameId: 0,
        tab: { id: 9, openerTabId: 7 },
      },
      { url: pageUrl, frameId: 2, tab: { id: 9, openerTabId: 7 } },
    ]) {
      const { store, deps: d } = deps();
      expect(await readCertificatePage(html, sender, d)).toBeNull();
      expect(await store.get(`cert:${record.id}`)).toBeUndefined();
      expect(d.reverify).not.toHaveBeenCalled();
    }
  });

  it('reads only the id of its own address, whatever the page holds', async () => {
    const { store, deps: d } = deps();
    const other = `https://bszs.conac.cn/sitename?method=show&id=${ID}`;
    const view = await readCertificatePage(html, { url: other, frameId: 0, tab: { id: 9 } }, d);
    expect(view?.tone).toBe('direct');
    expect(await store.get(`cert:${record.id}`)).toBeUndefined();
  });
});
