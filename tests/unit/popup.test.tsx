import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/Popup';
import type { CheckResult } from '../../utils/engine/check-page';
import { certificateUrl } from '../../utils/engine/conac';
import type { PageScan } from '../../utils/engine/scan';
import { reasonMessage } from '../../utils/engine/verdict';
import { type Lookups, verify } from '../../utils/engine/verify';
import type { TabState } from '../../utils/extension/tab-state';
import { applyChange, remember } from '../../utils/memory/memory';
import { renderText, toRecord } from '../../utils/report';
import { BEIJING_ID, certificate, found, mark, scan } from './helpers';
import { mountPoint } from './mount';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A well-formed unified social credit code with its check character (GB 32100-2015). */
function creditCode(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + CHARSET.indexOf(c) * WEIGHTS[i], 0);
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

const INSTITUTION_ID = '0C5D2E7F8A9B4C3D2E1F0A9B8C7D6E5F';

function check(pageScan: PageScan, lookups: Lookups): CheckResult {
  return { checkedAt: '2025-03-04T05:06:07.000Z', scan: pageScan, lookups, verdict: verify(pageScan, lookups) };
}
const done = (result: CheckResult): TabState => ({ status: 'done', url: result.scan.url, result });

const verifiedOrgan = () => check(scan(), found(certificate()));

const verifiedInstitution = () => {
  const cert = certificate({
    id: INSTITUTION_ID,
    siteName: '中国科学院网站',
    domains: ['www.cas.cn', 'cas.cn'],
    domainsAsPrinted: ['www.cas.cn', 'cas.cn'],
    holder: '中国科学院',
    holderType: 'institution',
    holderTypeText: '事业单位',
    creditCode: creditCode('12100000400012345'),
  });
  const page = scan({
    url: 'https://www.cas.cn/',
    owner: '中国科学院',
    marks: [mark({ certId: INSTITUTION_ID, color: 'blue', linkUrl: certificateUrl(INSTITUTION_ID), kind: 'live-script' })],
  });
  return check(page, found(cert));
};

/** A mirror on another domain carrying the genuine mark and certificate link. */
const copycat = () => check(scan({ url: 'https://www.beijing-gov.cn.zwfw-portal.top/' }), found(certificate()));

const holderMismatch = () => check(scan({ owner: '北京市某某科技有限公司' }), found(certificate()));

const offline = () => check(scan(), { certificates: {}, scripts: {}, offline: true });

const unreachable = () =>
  check(scan(), {
    certificates: { [BEIJING_ID]: { status: 'unreachable', cause: 'timeout', detail: 'no answer in 8000 ms' } },
    scripts: {},
    offline: false,
  });

const noMark = () => check(scan({ url: 'https://www.example.com/', marks: [], owner: null }), found());

const spoofedLink = () =>
  check(
    scan({
      url: 'https://www.beijing.gov.cn.example.top/',
      marks: [
        mark({
          linkUrl: `https://bszs.conac.cn.example.top/sitename?method=show&id=${BEIJING_ID}`,
          linkHost: 'bszs.conac.cn.example.top',
        }),
      ],
    }),
    found(),
  );

const view = mountPoint();

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function show(props: Partial<PopupProps> & { state: TabState | null }) {
  act(() => render(<Popup lang="zh" {...props} />, view.container));
  return view.container;
}

const $ = (selector: string) => view.container.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...view.container.querySelectorAll<HTMLElement>(selector)];
const text = (selector: string) => $(selector)?.textContent ?? '';
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('popup: a verified site', () => {
  it('shows a verified organ: holder large and first, domain row matching, every reason with its code', () => {
    const result = verifiedOrgan();
    expect(result.verdict.state).toBe('verified');
    show({ state: done(result), onRecheck: () => undefined });

    expect($('main')?.dataset.state).toBe('verified');
    expect(text('[role="status"] h1')).toBe('已核验');
    expect($('.band img')?.getAttribute('src')).toBe('/icons/verified-red.svg');

    const holder = $('[data-testid="holder"]')!;
    expect(holder.textContent).toBe('北京市人民政府');
    expect(holder.tagName).toBe('H2');
    expect(holder.className).toContain('holder__name');
    // The holder comes before every other piece of the certificate.
    const firstDomain = $('[data-testid="domain"]')!;
    expect(holder.compareDocumentPosition(firstDomain) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(text('[data-testid="holder-type"]')).toContain('党政机关');
    expect(text('[data-testid="site-name"]')).toBe('首都之窗');

    expect(text('[data-testid="current-host"]')).toContain('www.beijing.gov.cn');
    expect(firstDomain.dataset.match).toBe('match');
    expect(firstDomain.textContent).toContain('www.beijing.gov.cn');
    expect(firstDomain.textContent).toContain('✓');
    expect(firstDomain.textContent).toContain('一致');

    expect(text('[data-testid="field-address"]')).toBe('北京市通州区运河东大街57号');
    expect(text('[data-testid="field-certNumber"]')).toBe('1100000088');
    expect(text('[data-testid="field-issuer"]')).toBe('中央机构编制委员会办公室');
    expect(text('[data-testid="field-issueDate"]')).toBe('2019-05-20');

    const reasons = $$('[data-testid="reason"]');
    expect(reasons.map((r) => r.dataset.code)).toEqual(result.verdict.reasons.map((r) => r.code));
    expect(reasons.map((r) => r.dataset.code)).toEqual(expect.arrayContaining(['domain-match', 'holder-match', 'color-match']));
    expect(reasons.every((r) => r.dataset.severity === 'ok')).toBe(true);
    expect(reasons[0].textContent).toContain(reasonMessage(result.verdict.reasons[0], 'zh'));
    // Severity by symbol and by a word for screen readers.
    expect(reasons[0].querySelector('[aria-hidden="true"]')?.textContent).toBe('✓');
    expect(reasons[0].querySelector('.sr-only')?.textContent).toContain('通过');

    const link = $('[data-testid="open-certificate"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`https://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('rel')).toContain('noreferrer');
    expect(text('[data-testid="recheck"]')).toBe('重新核验');
    expect(text('[data-testid="copy-summary"]')).toBe('复制核验摘要');
  });

  it('shows a verified institution with its blue icon, type and credit code', () => {
    const result = verifiedInstitution();
    expect(result.verdict.state).toBe('verified');
    show({ state: done(result) });
    expect($('main')?.dataset.state).toBe('verified');
    expect($('.band img')?.getAttribute('src')).toBe('/icons/verified-blue.svg');
    expect(text('[data-testid="holder"]')).toBe('中国科学院');
    expect(text('[data-testid="holder-type"]')).toContain('事业单位');
    expect(text('[data-testid="field-creditCode"]')).toMatch(/^12100000400012345.$/);
    const rows = $$('[data-testid="domain"]');
    expect(rows.map((r) => r.dataset.match)).toContain('match');
    // Another registered domain of the same site is not shown as a failure.
    expect(rows.some((r) => r.textContent?.includes('不一致'))).toBe(false);
  });
});

describe('popup: problems', () => {
  it('makes a copycat on another domain unmistakable: danger band, mismatch row, danger reason first', () => {
    const result = copycat();
    expect(result.verdict.state).toBe('danger');
    show({ state: done(result) });

    expect($('main')?.dataset.state).toBe('danger');
    expect($('header.band')?.className).toContain('band--danger');
    expect(text('[role="status"] h1')).toBe('危险');
    expect($('.band img')?.getAttribute('src')).toBe('/icons/danger.svg');
    expect(text('[data-testid="headline"]')).toContain('www.beijing-gov.cn.zwfw-portal.top');
    expect(text('[role="status"]')).toContain('不要在这里填写个人信息');

    const row = $('[data-testid="domain"]')!;
    expect(row.dataset.match).toBe('mismatch');
    expect(row.textContent).toContain('✗');
    expect(row.textContent).toContain('不一致');
    expect($('[data-testid="current-host"]')?.dataset.match).toBe('mismatch');

    const first = $('[data-testid="reason"]')!;
    expect(first.dataset.code).toBe('domain-mismatch');
    expect(first.dataset.severity).toBe('danger');
    expect(first.querySelector('.sr-only')?.textContent).toContain('危险');
    // The holder is shown as what the certificate claims, not as a verified owner.
    expect(text('.holder__label')).toContain('未通过核验');
  });

  it('warns when the page names another owner than the holder', () => {
    const result = holderMismatch();
    expect(result.verdict.state).toBe('warning');
    show({ state: done(result) });
    expect($('main')?.dataset.state).toBe('warning');
    expect($('header.band')?.className).toContain('band--warning');
    const reason = $('[data-code="holder-mismatch"]')!;
    expect(reason.dataset.severity).toBe('warning');
    expect(reason.textContent).toContain('北京市某某科技有限公司');
    expect(text('[data-testid="field-owner"]')).toBe('北京市某某科技有限公司');
    expect($('[data-testid="domain"]')?.dataset.match).toBe('match');
    // The certificate does cover this site: its holder is not called unverified, only pointed at the findings.
    expect(text('.holder__label')).toBe('标识证书所写的持有单位（有需要核对的问题）');
  });

  it('names a Chinese domain in Chinese, with the ASCII form the address bar uses beside it', () => {
    const host = 'xn--gmq25jo2kfug1mda937e.xn--zfr164b';
    const cert = certificate({
      domains: [host],
      domainsAsPrinted: ['某某县人民政府.政务'],
      holder: '某某县人民政府办公室',
      siteName: '某某县人民政府网',
    });
    const result = check(scan({ url: `https://${host}/`, owner: '某某县人民政府办公室' }), found(cert));
    expect(result.verdict.state).toBe('verified');
    show({ state: done(result) });
    expect(text('.band__host')).toBe(`某某县人民政府.政务 (${host})`);
    expect(text('[data-testid="current-host"] .current-host__value')).toBe(`某某县人民政府.政务 (${host})`);
    expect(text('[data-testid="domain"] .domain__name')).toBe(`某某县人民政府.政务 (${host})`);
    expect(text('.holder__label')).toBe('持有单位');
  });

  it('shows a spoofed certificate link as danger, with the marks found and where they link', () => {
    const result = spoofedLink();
    expect(result.verdict.state).toBe('danger');
    show({ state: done(result), onRecheck: () => undefined });
    expect($('main')?.dataset.state).toBe('danger');
    expect($('[data-testid="holder"]')).toBeNull();
    expect($('[data-testid="reason"]')?.dataset.code).toBe('link-not-conac');
    expect(text('[data-testid="mark-host"]')).toBe('bszs.conac.cn.example.top');
    expect(text('[data-testid="mark"]')).toContain('静态标识链接');
    expect($('[data-testid="open-certificate"]')).toBeNull();
  });

  it('shows a revoked certificate as danger, saying so, without a holder', () => {
    const lookups = found();
    lookups.certificates[BEIJING_ID] = { status: 'revoked', detail: '已注销', certificate: certificate() };
    const result = check(scan(), lookups);
    show({ state: done(result), onRecheck: () => undefined });
    expect($('main')?.dataset.state).toBe('danger');
    expect($('[data-testid="holder"]')).toBeNull();
    expect($('[data-testid="reason"]')?.dataset.code).toBe('certificate-revoked');
    expect(text('[data-testid="reason"]')).toContain('已注销');
  });

  it('shows joint owners and the holder rule that matched', () => {
    const owners = ['中共北京市纪委', '北京市人民政府'];
    const page = scan({ claims: { owner: owners.join('、'), owners, siteCode: null, icp: null, psb: null } });
    show({ state: done(check(page, found(certificate()))), onRecheck: () => undefined });
    expect($('main')?.dataset.state).toBe('verified');
    expect(document.body.textContent).toContain('持有单位是网页所列联合主办单位之一');
  });

  it('never renders page or certificate text as HTML', () => {
    const evil = '<script>alert(1)</script>北京市人民政府';
    const cert = certificate({ holder: evil, address: '<img src=x onerror="alert(2)">', siteName: '<b>首都之窗</b>' });
    const result = check(scan({ owner: '<iframe src="javascript:alert(3)"></iframe>' }), found(cert));
    show({ state: done(result) });
    expect(text('[data-testid="holder"]')).toBe(evil);
    expect(text('[data-testid="field-address"]')).toBe('<img src=x onerror="alert(2)">');
    expect(text('[data-testid="site-name"]')).toBe('<b>首都之窗</b>');
    expect(view.container.querySelector('script, iframe, b, img[onerror]')).toBeNull();
    expect($('[data-testid="holder"]')?.innerHTML).toContain('&lt;script&gt;');
  });
});

describe('popup: states without a certificate', () => {
  it('says plainly when a page has no mark', () => {
    const result = noMark();
    expect(result.verdict.state).toBe('none');
    show({ state: done(result) });
    expect($('main')?.dataset.state).toBe('none');
    expect(text('h1')).toBe('本页没有网站标识');
    expect(text('[role="status"]')).toContain('普通网站没有标识是正常的');
    expect($('.band img')?.getAttribute('src')).toBe('/icons/neutral.svg');
  });

  it('warns when a government domain carries no mark', () => {
    const result = check(scan({ marks: [] }), found());
    show({ state: done(result) });
    expect($('main')?.dataset.state).toBe('warning');
    expect($('[data-testid="reason"]')?.dataset.code).toBe('government-domain-without-mark');
  });

  it('shows "could not verify" when offline, with the reason and a re-check', () => {
    const onRecheck = vi.fn();
    show({ state: done(offline()), onRecheck });
    expect($('main')?.dataset.state).toBe('unknown');
    expect(text('h1')).toBe('暂时无法核验');
    expect($$('[data-testid="reason"]').map((r) => r.dataset.code)).toEqual(['offline']);
    expect($('[data-testid="reason"]')?.dataset.severity).toBe('unknown');
    act(() => $('[data-testid="recheck"]')!.click());
    expect(onRecheck).toHaveBeenCalledOnce();
  });

  it('names a registry timeout', () => {
    show({ state: done(unreachable()) });
    expect($('main')?.dataset.state).toBe('unknown');
    expect($('[data-testid="reason"]')?.dataset.code).toBe('service-timeout');
    expect(text('[data-testid="reason"]')).toContain('超时');
  });

  it('renders the internal, disabled, idle and checking screens', () => {
    show({ state: { status: 'internal', url: 'chrome://extensions/' } });
    expect($('main')?.dataset.state).toBe('internal');
    expect(text('h1')).toBe('浏览器内部页面，不作核验');

    const onOpenOptions = vi.fn();
    show({ state: { status: 'disabled', url: 'https://www.example.cn/a' }, onOpenOptions });
    expect($('main')?.dataset.state).toBe('disabled');
    expect(text('h1')).toBe('已对本站关闭核验');
    expect(text('.band__host')).toBe('www.example.cn');
    act(() => $('.actions button')!.click());
    expect(onOpenOptions).toHaveBeenCalledOnce();

    const onRecheck = vi.fn();
    show({ state: { status: 'idle' }, onRecheck });
    expect($('main')?.dataset.state).toBe('idle');
    expect(text('h1')).toBe('尚未检查本页');
    act(() => $('[data-testid="recheck"]')!.click());
    expect(onRecheck).toHaveBeenCalledOnce();

    show({ state: null });
    expect($('main')?.dataset.state).toBe('checking');
    expect(text('h1')).toBe('正在核验…');
    expect($('[role="status"]')?.getAttribute('aria-busy')).toBe('true');

    show({ state: { status: 'checking', url: 'https://www.beijing.gov.cn/' } });
    expect($('main')?.dataset.state).toBe('checking');
  });

  it('disables re-check while one runs', () => {
    show({ state: done(offline()), onRecheck: () => undefined, rechecking: true });
    const button = $('[data-testid="recheck"]') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('正在核验…');
  });
});

describe('popup: actions and language', () => {
  it('copies the plain-text summary to the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const result = copycat();
    show({ state: done(result) });
    act(() => $('[data-testid="copy-summary"]')!.click());
    await flush();
    expect(writeText).toHaveBeenCalledWith(renderText(result, 'zh'));
    expect(text('[data-testid="copy-summary"]')).toContain('已复制');
  });

  it('says so when copying fails', async () => {
    show({ state: done(verifiedOrgan()), copyText: () => Promise.reject(new Error('denied')) });
    act(() => $('[data-testid="copy-summary"]')!.click());
    await flush();
    expect(text('[data-testid="copy-summary"]')).toBe('复制失败');
  });

  it('calls back to open the options page', () => {
    const onOpenOptions = vi.fn();
    show({ state: done(verifiedOrgan()), onOpenOptions });
    act(() => $('[data-testid="open-options"]')!.click());
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('renders English labels in English', () => {
    const result = copycat();
    act(() => render(<Popup state={done(result)} lang="en" onRecheck={() => undefined} />, view.container));
    expect($('main')?.getAttribute('lang')).toBe('en');
    expect(text('h1')).toBe('Danger');
    expect(text('.holder__label')).toContain('not verified');
    expect(text('[data-testid="domain"]')).toContain('differs');
    expect(text('#reasons-heading')).toBe('Findings');
    expect(text('[data-testid="reason"]')).toContain(reasonMessage(result.verdict.reasons[0], 'en'));
    expect(text('[data-testid="open-certificate"]')).toBe('Open the official certificate');
    expect(text('[data-testid="recheck"]')).toBe('Check again');
    expect(text('[data-testid="copy-summary"]')).toBe('Copy summary');
    expect(view.container.textContent).not.toMatch(/核验结果|重新核验|危险/);

    act(() => render(<Popup state={done(verifiedOrgan())} lang="en" />, view.container));
    expect(text('h1')).toBe('Verified');
    expect(text('.holder__label')).toBe('Holder');
    expect(text('[data-testid="domain"]')).toContain('matches');
  });
});

describe('popup: exports and certificate memory', () => {
  const receiptResult = (): CheckResult => {
    const page = scan();
    const lookups: Lookups = {
      certificates: {
        [BEIJING_ID]: {
          status: 'ok',
          certificate: certificate(),
          receipt: { url: certificateUrl(BEIJING_ID), fetchedAt: '2025-03-04T05:06:06.000Z', sha256: 'b'.repeat(64), bytes: 999 },
        },
      },
      scripts: {},
      offline: false,
    };
    return check(page, lookups);
  };

  it('exports the record as JSON, named after the host and the time of the check, with the version', () => {
    const saveFile = vi.fn();
    const result = receiptResult();
    show({ state: done(result), version: '9.8.7', saveFile });
    act(() => $('[data-testid="export-json"]')!.click());
    expect(saveFile).toHaveBeenCalledOnce();
    const [name, body, type] = saveFile.mock.calls[0] as [string, string, string];
    expect(name).toBe('govmark-www.beijing.gov.cn-20250304T050607Z.json');
    expect(type).toBe('application/json');
    const record = JSON.parse(body);
    expect(record).toEqual(JSON.parse(JSON.stringify(toRecord(result, 'zh', { version: '9.8.7', requestedUrl: null }))));
    expect(record.version).toBe('9.8.7');
    expect(record.requestedUrl).toBeNull();
    expect(record.lookups[BEIJING_ID].sha256).toBe('b'.repeat(64));
    expect(record.marks[0].html).toBe(result.scan.marks[0].html);
  });

  it('exports the readable report, the full renderText', () => {
    const saveFile = vi.fn();
    const result = receiptResult();
    show({ state: done(result), version: '9.8.7', saveFile });
    act(() => $('[data-testid="export-report"]')!.click());
    const [name, body, type] = saveFile.mock.calls[0] as [string, string, string];
    expect(name).toBe('govmark-www.beijing.gov.cn-20250304T050607Z.txt');
    expect(type).toBe('text/plain;charset=utf-8');
    expect(body).toBe(`${renderText(result, 'zh', { full: true, version: '9.8.7', requestedUrl: null })}\n`);
    expect(body).toContain('b'.repeat(64));
  });

  it('downloads through a Blob URL and an <a download> by default', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:govmark/1';
    });
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const result = receiptResult();
    show({ state: done(result), version: '9.8.7' });
    act(() => $('[data-testid="export-json"]')!.click());
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('govmark-www.beijing.gov.cn-20250304T050607Z.json');
    expect(clicked[0].getAttribute('href')).toBe('blob:govmark/1');
    expect(clicked[0].isConnected).toBe(false);
    expect(blobs[0].type).toBe('application/json');
    expect(JSON.parse(await blobs[0].text()).schema).toBe('govmark.check/1');
  });

  it('offers no export before there is a check', () => {
    show({ state: { status: 'checking', url: 'https://www.beijing.gov.cn/' } });
    expect($('[data-testid="export-json"]')).toBeNull();
  });

  it('shows a certificate change: what it was, what it is now, since when, as a warning', () => {
    const genuine = verifiedOrgan();
    const memory = remember(undefined, genuine, Date.parse('2025-03-01T12:00:00Z')).memory;
    const otherId = 'F'.repeat(32);
    const page = scan({ owner: '北京市人民政府办公厅', marks: [mark({ certId: otherId, linkUrl: certificateUrl(otherId) })] });
    const later = check(page, found(certificate({ id: otherId, holder: '北京市人民政府办公厅' })));
    const since = '2025-03-04T12:00:00.000Z';
    const result = applyChange(later, remember(memory, later, Date.parse(since)).change);
    show({ state: done(result) });

    expect($('main')?.dataset.state).toBe('warning');
    const notice = $('[data-testid="certificate-change"]')!;
    expect(notice.textContent).toContain('本站的标识证书变了');
    expect(text('[data-testid="change-was"]')).toBe(`北京市人民政府 (${BEIJING_ID})`);
    expect(text('[data-testid="change-now"]')).toBe(`北京市人民政府办公厅 (${otherId})`);
    expect($('[data-testid="change-since"] time')?.getAttribute('datetime')).toBe(since);
    // Before the certificate, and in the findings like every other reason.
    expect(notice.compareDocumentPosition($('[data-testid="holder"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect($$('[data-testid="reason"]')[0].dataset.code).toBe('certificate-changed');
    expect($('[data-testid="headline"]')).toBeNull();

    show({ state: done(verifiedOrgan()) });
    expect($('[data-testid="certificate-change"]')).toBeNull();
  });

  it('links to the history and batch pages', () => {
    show({ state: done(verifiedOrgan()) });
    expect($('[data-testid="open-history"]')?.getAttribute('href')).toBe('/certificate-history.html');
    expect($('[data-testid="open-batch"]')?.getAttribute('href')).toBe('/batch.html');
    expect(text('[data-testid="open-history"]')).toBe('证书记录');
  });
});

describe('ui text', () => {
  const localeDir = join(__dirname, '../../public/_locales');
  const table = (lang: string) =>
    JSON.parse(readFileSync(join(localeDir, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

  it('has every key in both languages, none empty', () => {
    const zh = table('zh_CN');
    const en = table('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const entry of [...Object.values(zh), ...Object.values(en)]) expect(entry.message.trim()).not.toBe('');
  });

  it('puts no HTML strings into the DOM anywhere in the components', () => {
    const dir = join(__dirname, '../../components');
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
      expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
    }
  });
});

describe('popup: "在页面上显示" for each mark', () => {
  const marks = [
    mark(),
    mark({ kind: 'commented-out', active: false }),
    mark({ kind: 'js-generated' }),
    mark({ kind: 'live-script', active: false, linkUrl: null, linkHost: null, certId: null }),
  ];
  const result = () => check(scan({ url: 'https://www.beijing-gov.com.cn/', marks }), found(certificate()));

  it('offers it for the mark on the page, says why for the others, and lists marks beside a certificate too', async () => {
    expect(result().verdict.state).toBe('danger');
    const onShowMark = vi.fn(async () => true);
    show({ state: done(result()), onShowMark });
    expect($('[data-testid="holder"]')).not.toBeNull();
    const items = $$('[data-testid="mark"]');
    expect(items.map((li) => li.querySelector('[data-testid="show-mark"]')?.textContent ?? null)).toEqual([
      '在页面上显示',
      null,
      null,
      null,
    ]);
    expect(items.map((li) => li.querySelector('[data-testid="mark-hidden"]')?.textContent ?? null)).toEqual([
      null,
      '无法显示：它在 HTML 注释里，页面上看不到。',
      '无法显示：它只在脚本文字里，页面上没有画出来。',
      '无法显示：标识代码失效或从未渲染，页面上看不到。',
    ]);
    act(() => $('[data-testid="show-mark"]')!.click());
    await flush();
    expect(onShowMark).toHaveBeenCalledWith({ attribute: 'href', url: marks[0].linkUrl, nth: 0 });
    expect($('[data-testid="mark-missing"]')).toBeNull();
  });

  it('says so when the page no longer has the mark', async () => {
    show({ state: done(result()), onShowMark: async () => false });
    act(() => $('[data-testid="show-mark"]')!.click());
    await flush();
    expect(text('[data-testid="mark-missing"]')).toBe('页面上已找不到这个标识（页面可能已改变）。');
  });

  it('has no button without a page to ask', () => {
    show({ state: done(result()) });
    expect($('[data-testid="show-mark"]')).toBeNull();
  });
});
