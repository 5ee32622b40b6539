import { describe, expect, it, vi } from 'vitest';
import { withHomepage } from '../../utils/batch/batch-check';
import { memoryStore, ttlCache } from '../../utils/engine/cache';
import type { CheckResult } from '../../utils/engine/check-page';
import type { ConacClient } from '../../utils/engine/conac-client';
import {
  createHomepageJudge,
  type HomepageScan,
  homepageToAsk,
  judgeByHomepage,
  type StoredHomepage,
} from '../../utils/engine/homepage';
import { homepageScanOf, scanHomepage } from '../../utils/engine/homepage-scan';
import type { PageScan } from '../../utils/engine/scan';
import { primaryCertificate, verify } from '../../utils/engine/verify';
import { certificate, draft, found, scan } from './helpers';

const INNER = 'https://www.beijing.gov.cn/zhengce/1.html';
const inner = (url = INNER): PageScan => scan({ url, marks: [] });
const result = (page: PageScan, lookups = found(certificate())): CheckResult => ({
  checkedAt: '2026-11-30T00:00:00.000Z',
  scan: page,
  lookups,
  verdict: verify(page, lookups),
});

describe('when a page asks its homepage', () => {
  it.each([
    ['an inner page without a mark on .gov.cn', INNER, false, 'https://www.beijing.gov.cn/'],
    [
      'on .政务 (punycode)',
      'https://xn--fiqs8sirgfmhq98a.xn--zfr164b/a/b.html',
      false,
      'https://xn--fiqs8sirgfmhq98a.xn--zfr164b/',
    ],
    ['on http, keeping the scheme and port', 'http://www.moumou.gov.cn:8080/x?y=1', false, 'http://www.moumou.gov.cn:8080/'],
    ['an ordinary site remembered as verified', 'https://www.mmcdc.cn/news/1.html', true, 'https://www.mmcdc.cn/'],
    ['the homepage itself with a query', 'https://www.moumou.gov.cn/?page=2', false, 'https://www.moumou.gov.cn/'],
  ])('%s', (_, url, remembered, expected) => {
    expect(homepageToAsk(inner(url), remembered)).toBe(expected);
  });

  it.each([
    ['an ordinary site never verified', 'https://www.example-shop.com/item/1.html', false],
    ['the homepage itself', 'https://www.moumou.gov.cn/', false],
    ['a page that is not on the web', 'file:///tmp/x.gov.cn/a.html', true],
  ])('not for %s', (_, url, remembered) => {
    expect(homepageToAsk(inner(url), remembered)).toBeNull();
  });

  it('not for a page with a mark of its own', () => {
    expect(homepageToAsk(scan({ url: INNER }), false)).toBeNull();
  });
});

describe('judging a page by its homepage', () => {
  const alone = result(inner(), found());
  const homepage = result(scan());

  it('a verified homepage verifies the page, naming its holder', () => {
    const judged = judgeByHomepage(alone, homepage);
    expect(judged.verdict.state).toBe('verified');
    expect(judged.verdict.reasons[0]).toEqual({
      code: 'homepage-verified',
      severity: 'ok',
      evidence: { found: 'https://www.beijing.gov.cn/', expected: '北京市人民政府' },
    });
    expect(primaryCertificate(judged.scan, judged.lookups)?.holder).toBe('北京市人民政府');
    expect(judged.scan.url).toBe(INNER);
  });

  it('a homepage with a problem passes the problem on, said to come from the homepage', () => {
    const borrowed = result(
      scan(),
      found(certificate({ domains: ['www.other.gov.cn'], domainsAsPrinted: ['www.other.gov.cn'] })),
    );
    const judged = judgeByHomepage(alone, borrowed);
    expect(judged.verdict.state).toBe('danger');
    expect(judged.verdict.reasons.map((r) => r.code)).toEqual(['homepage-problem', 'domain-mismatch']);
    expect(judged.verdict.reasons[0]).toMatchObject({ severity: 'danger', evidence: { detail: 'domain-mismatch' } });
  });

  it('a homepage without a mark, or none, leaves the page its own verdict', () => {
    expect(alone.verdict.reasons.map((r) => r.code)).toEqual(['government-domain-without-mark']);
    expect(judgeByHomepage(alone, result(scan({ marks: [] }), found()))).toBe(alone);
    expect(judgeByHomepage(alone, null)).toBe(alone);
  });

  it('a homepage on another host cannot vouch for the page', () => {
    expect(judgeByHomepage(alone, result(scan({ url: 'https://beijing.gov.cn/' })))).toBe(alone);
  });
});

describe('the homepage judge', () => {
  const options = (scanHomepage: (url: string) => Promise<HomepageScan>) => ({
    remembered: false,
    scanHomepage,
    check: async (page: PageScan) => result(page),
  });

  it('asks for a homepage once at a time and keeps it for a day, in a versioned shape', async () => {
    const store = memoryStore();
    let now = 0;
    const judge = createHomepageJudge(ttlCache<StoredHomepage>(store, () => now));
    const fetchHomepage = vi.fn(async (): Promise<HomepageScan> => ({ status: 'ok', scan: draft() }));
    const page = result(inner(), found());
    const [a, b] = await Promise.all([judge.judge(page, options(fetchHomepage)), judge.judge(page, options(fetchHomepage))]);
    expect([a.verdict.state, b.verdict.state]).toEqual(['verified', 'verified']);
    expect(fetchHomepage).toHaveBeenCalledTimes(1);
    expect(await store.get('homepage:https://www.beijing.gov.cn/')).toMatchObject({ value: { version: 1 } });
    await judge.judge(page, options(fetchHomepage));
    expect(fetchHomepage).toHaveBeenCalledTimes(1);
    now = 24 * 60 * 60 * 1000 + 1;
    await judge.judge(page, options(fetchHomepage));
    expect(fetchHomepage).toHaveBeenCalledTimes(2);
  });

  it("reads the owners of the homepage's draft (sent by the content script) before checking it", async () => {
    const check = vi.fn(async (page: PageScan) => result(page));
    const homepage = { ...draft({ owner: null }), claimText: '网站地图\n主办：北京市人民政府 京ICP备05060933号\n' };
    await createHomepageJudge().judge(result(inner(), found()), {
      remembered: false,
      scanHomepage: async () => ({ status: 'ok', scan: homepage }),
      check,
    });
    expect(check.mock.calls[0][0]).toEqual({
      url: 'https://www.beijing.gov.cn/',
      marks: homepage.marks,
      claims: {
        owner: '北京市人民政府',
        owners: ['北京市人民政府'],
        siteCode: '1100000088',
        icp: '京ICP备05060933号',
        psb: null,
      },
    });
  });

  it('reads an entry of another version as no entry', async () => {
    const store = memoryStore();
    await store.set('homepage:https://www.beijing.gov.cn/', { value: { version: 0, result: null }, expiresAt: Infinity });
    const judge = createHomepageJudge(ttlCache<StoredHomepage>(store));
    const judged = await judge.judge(
      result(inner(), found()),
      options(async () => ({ status: 'ok', scan: draft() })),
    );
    expect(judged.verdict.state).toBe('verified');
  });

  it('an unreachable homepage is not kept and leaves the warning', async () => {
    const store = memoryStore();
    const judge = createHomepageJudge(ttlCache<StoredHomepage>(store));
    const judged = await judge.judge(
      result(inner(), found()),
      options(async () => ({ status: 'unavailable', detail: 'network' })),
    );
    expect(judged.verdict.reasons.map((r) => r.code)).toEqual(['government-domain-without-mark']);
    expect(await store.get('homepage:https://www.beijing.gov.cn/')).toBeUndefined();
  });
});

describe('fetching the homepage', () => {
  const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const MARKED = `<a href="https://bszs.conac.cn/sitename?method=show&id=${certificate().id}"><img src="https://dcs.conac.cn/image/red.png"></a>`;

  it('refuses a homepage that redirects to another host', async () => {
    const fetch = vi.fn(async (url: string | URL | Request) =>
      String(url) === 'https://www.moumou.gov.cn/'
        ? new Response(null, { status: 302, headers: { location: 'https://www.beijing.gov.cn/' } })
        : new Response(MARKED, { headers: { 'content-type': 'text/html' } }),
    ) as unknown as typeof globalThis.fetch;
    const got = await scanHomepage('https://www.moumou.gov.cn/', { fetch, parseHtml });
    expect(got).toEqual({ status: 'unavailable', detail: 'redirect: www.beijing.gov.cn' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refuses a homepage the browser followed to another host (the content script path)', () => {
    const page = { url: 'https://www.beijing.gov.cn/', contentType: 'text/html', text: MARKED };
    expect(homepageScanOf('https://www.moumou.gov.cn/', page, parseHtml)).toEqual({
      status: 'unavailable',
      detail: 'redirect: www.beijing.gov.cn',
    });
    const same = homepageScanOf(
      'https://www.moumou.gov.cn/',
      { ...page, url: 'https://www.moumou.gov.cn/index.html' },
      parseHtml,
    );
    expect(same.status === 'ok' && same.scan.url).toBe('https://www.moumou.gov.cn/index.html');
  });

  it('refuses what is not HTML, and reads the marks of what is', async () => {
    const answer = (body: string, type: string) =>
      (async () => new Response(body, { headers: { 'content-type': type } })) as unknown as typeof fetch;
    expect(
      (await scanHomepage('https://www.moumou.gov.cn/', { fetch: answer('%PDF', 'application/pdf'), parseHtml })).status,
    ).toBe('unavailable');
    const ok = await scanHomepage('https://www.moumou.gov.cn/', { fetch: answer(MARKED, 'text/html'), parseHtml });
    expect(ok.status === 'ok' && ok.scan.marks.map((m) => m.certId)).toEqual([certificate().id]);
  });
});

describe('the command line and the batch (withHomepage)', () => {
  const client: ConacClient = {
    certificate: async () => ({ status: 'ok', certificate: certificate() }),
    scriptCertId: async () => ({ status: 'unresolved', detail: '' }),
  };
  const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const site = (async () =>
    new Response(
      `<a href="https://bszs.conac.cn/sitename?method=show&id=${certificate().id}"><img src="x.png"></a>主办单位：北京市人民政府`,
      {
        headers: { 'content-type': 'text/html' },
      },
    )) as unknown as typeof fetch;

  it('judge an inner page by its homepage by default', async () => {
    const judged = await withHomepage(result(inner(), found()), { fetch: site, parseHtml, client });
    expect(judged.verdict.state).toBe('verified');
  });

  it('judge it alone with --no-homepage, and offline', async () => {
    const fetch = vi.fn(site);
    expect((await withHomepage(result(inner(), found()), { fetch, parseHtml, client, homepage: false })).verdict.state).toBe(
      'warning',
    );
    expect((await withHomepage(result(inner(), found()), { fetch, parseHtml, client: null })).verdict.state).toBe('warning');
    expect(fetch).not.toHaveBeenCalled();
  });
});
