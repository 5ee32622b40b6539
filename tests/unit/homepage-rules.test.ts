/**
 * When an inner page takes its homepage's verdict, what it says, and when the homepage's check
 * is kept or asked again.
 */
import { describe, expect, it, vi } from 'vitest';
import { memoryStore, ttlCache } from '../../utils/engine/cache';
import type { CheckResult } from '../../utils/engine/check-page';
import {
  createHomepageJudge,
  type HomepageScan,
  homepageToAsk,
  judgeByHomepage,
  type StoredHomepage,
} from '../../utils/engine/homepage';
import { homepageScanOf, scanHomepage } from '../../utils/engine/homepage-scan';
import type { PageScan } from '../../utils/engine/scan';
import type { Verdict } from '../../utils/engine/verdict';
import { type Lookups, verify } from '../../utils/engine/verify';
import { BEIJING_ID, certificate, draft, found, scan } from './helpers';

const HOME = 'https://www.beijing.gov.cn/';
const INNER = 'https://www.beijing.gov.cn/zhengce/zhengcefagui/202611/t20261130_1.html';
const inner: PageScan = scan({ url: INNER, marks: [] });
const result = (page: PageScan, lookups: Lookups, verdict: Verdict = verify(page, lookups)): CheckResult => ({
  checkedAt: '2026-11-30T08:00:00.000Z',
  scan: page,
  lookups,
  verdict,
});
const alone = result(inner, found());

describe('when a page asks its homepage', () => {
  it('not when its address cannot be read', () => {
    expect(homepageToAsk(scan({ url: 'http://[www.beijing.gov.cn/x.html', marks: [] }), true)).toBeNull();
  });
});

describe('the verdict a page takes from its homepage', () => {
  it('a page with a mark of its own keeps its own verdict', () => {
    const own = result(scan({ url: INNER }), found(certificate()));
    expect(judgeByHomepage(own, result(scan(), found(certificate())))).toBe(own);
  });

  it('a homepage whose mark could not be looked up (verdict none) changes nothing', () => {
    const unlooked = result(scan(), found());
    expect(unlooked.verdict.state).toBe('none');
    expect(judgeByHomepage(alone, unlooked)).toBe(alone);
  });

  it('a verified homepage passes on only its domain match, beside naming its holder', () => {
    const judged = judgeByHomepage(alone, result(scan(), found(certificate())));
    expect(judged.verdict).toEqual({
      state: 'verified',
      reasons: [
        { code: 'homepage-verified', severity: 'ok', evidence: { found: HOME, expected: '北京市人民政府' } },
        { code: 'domain-match', severity: 'ok', evidence: { found: 'www.beijing.gov.cn', expected: 'www.beijing.gov.cn' } },
      ],
    });
  });

  it('a verified homepage whose certificate names no holder names none', () => {
    const judged = judgeByHomepage(alone, result(scan(), found(certificate({ holder: null }))));
    expect(judged.verdict.reasons[0]).toEqual({
      code: 'homepage-verified',
      severity: 'ok',
      evidence: { found: HOME, expected: '' },
    });
  });

  it('a stored homepage check that says verified but kept no certificate still verifies, naming no holder', () => {
    const stored = result(scan(), found(), { state: 'verified', reasons: [] });
    expect(judgeByHomepage(alone, stored).verdict).toEqual({
      state: 'verified',
      reasons: [{ code: 'homepage-verified', severity: 'ok', evidence: { found: HOME, expected: '' } }],
    });
  });

  it('a homepage with problems passes on the problems, not what was fine or only said for information', () => {
    // Registered for a subdomain (related), another unit printed, the registry page read in the browser (info).
    const cert = certificate({ domains: ['gov.beijing.gov.cn'], domainsAsPrinted: ['gov.beijing.gov.cn'] });
    const renderedPage = {
      url: `https://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}`,
      readAt: '2026-11-30T08:00:00.000Z',
    };
    const lookups: Lookups = {
      certificates: { [BEIJING_ID]: { status: 'ok', certificate: cert, renderedPage } },
      scripts: {},
      offline: false,
    };
    const home = result(scan({ owner: '北京市发展和改革委员会' }), lookups);
    expect(home.verdict.reasons.map((r) => `${r.severity}:${r.code}`)).toEqual([
      'warning:domain-related',
      'warning:holder-mismatch',
      'info:certificate-read-from-page',
      'ok:color-match',
    ]);
    const judged = judgeByHomepage(alone, home);
    expect(judged.verdict.state).toBe('warning');
    expect(judged.verdict.reasons.map((r) => r.code)).toEqual(['homepage-problem', 'domain-related', 'holder-mismatch']);
    expect(judged.verdict.reasons[0]).toEqual({
      code: 'homepage-problem',
      severity: 'warning',
      evidence: { found: HOME, detail: 'domain-related, holder-mismatch' },
    });
  });

  it('the worst of the problems names the homepage problem: a warning outranks could-not-check', () => {
    const home = result(scan(), found(), {
      state: 'warning',
      reasons: [
        { code: 'service-timeout', severity: 'unknown', evidence: { found: 'no answer in 8000 ms' } },
        { code: 'mark-unverifiable', severity: 'warning', evidence: { found: 'javascript:void(0)' } },
      ],
    });
    const judged = judgeByHomepage(alone, home);
    expect(judged.verdict.state).toBe('warning');
    expect(judged.verdict.reasons[0]).toMatchObject({ code: 'homepage-problem', severity: 'warning' });
  });

  it('a stored homepage check that says warning but gives no reason leaves the page unverified (could not check)', () => {
    const judged = judgeByHomepage(alone, result(scan(), found(), { state: 'warning', reasons: [] }));
    expect(judged.verdict).toEqual({
      state: 'unknown',
      reasons: [{ code: 'homepage-problem', severity: 'unknown', evidence: { found: HOME, detail: '' } }],
    });
  });
});

describe('keeping the homepage check', () => {
  const homepageScan = async (): Promise<HomepageScan> => ({ status: 'ok', scan: draft() });
  const options = (scanHomepage: () => Promise<HomepageScan>, lookups: Lookups, fresh?: boolean) => ({
    remembered: false,
    fresh,
    scanHomepage,
    check: async (page: PageScan) => result(page, lookups),
  });

  it('a homepage whose certificate the registry could not be asked about is not kept, and is asked again', async () => {
    const store = memoryStore();
    const judge = createHomepageJudge(ttlCache<StoredHomepage>(store));
    const scanIt = vi.fn(homepageScan);
    const timeout = { status: 'unreachable', cause: 'timeout', detail: 'no answer in 8000 ms' } as const;
    const unreachable: Lookups = { certificates: { [BEIJING_ID]: timeout }, scripts: {}, offline: false };
    const judged = await judge.judge(alone, options(scanIt, unreachable));
    expect(judged.verdict.state).toBe('unknown');
    expect(await store.get(`homepage:${HOME}`)).toBeUndefined();
    await judge.judge(alone, options(scanIt, unreachable));
    expect(scanIt).toHaveBeenCalledTimes(2);
  });

  it('a re-check asks the homepage afresh though a check is kept', async () => {
    const store = memoryStore();
    const judge = createHomepageJudge(ttlCache<StoredHomepage>(store));
    const scanIt = vi.fn(homepageScan);
    await judge.judge(alone, options(scanIt, found(certificate())));
    expect(await store.get(`homepage:${HOME}`)).toMatchObject({ value: { version: 1 } });
    await judge.judge(alone, options(scanIt, found(certificate()), true));
    expect(scanIt).toHaveBeenCalledTimes(2);
  });

  it('a homepage whose fetch throws leaves the page its own verdict', async () => {
    const judge = createHomepageJudge();
    const failing = async (): Promise<HomepageScan> => {
      throw new TypeError('Failed to fetch');
    };
    expect(await judge.judge(alone, options(failing, found(certificate())))).toBe(alone);
  });
});

describe('reading the homepage', () => {
  const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const SCRIPT_CODE = 'CA110000000000000000001';
  // The official embed as a JSP footer carries it, before its script has run.
  const EMBED_FOOTER = `<div class="footer"><p>主办单位：北京市人民政府办公厅</p>
    <span id="_ideConac"></span><script type="text/javascript" src="https://dcs.conac.cn/js/01/000/0000/60429971/${SCRIPT_CODE}.js"></script></div>`;

  it('a homepage answered as a PDF is refused, naming its type', () => {
    const page = { url: HOME, contentType: 'application/pdf', text: '%PDF-1.7' };
    expect(homepageScanOf(HOME, page, parseHtml)).toEqual({ status: 'unavailable', detail: 'answered with application/pdf' });
  });

  it('the homepage is read as static HTML: the official embed counts as shown (its script would render it)', () => {
    const got = homepageScanOf(HOME, { url: HOME, contentType: 'text/html', text: EMBED_FOOTER }, parseHtml);
    expect(got.status === 'ok' && got.scan.marks.map((m) => [m.kind, m.scriptCode, m.active])).toEqual([
      ['live-script', SCRIPT_CODE, true],
    ]);
  });

  it('a homepage that does not answer in the time given is unavailable, saying so', async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof fetch;
    expect(await scanHomepage(HOME, { fetch: hanging, parseHtml, timeoutMs: 30 })).toEqual({
      status: 'unavailable',
      detail: 'timeout: no answer in 30 ms',
    });
  });
});
