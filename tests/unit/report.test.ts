import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/scan';
import packageJson from '../../package.json';
import { type CheckResult, checkPage } from '../../utils/engine/check-page';
import { detectMarks } from '../../utils/engine/detect';
import { type Lookups, verify } from '../../utils/engine/verify';
import { applyChange, remember } from '../../utils/memory/memory';
import { type CheckRecord, RECORD_SCHEMA, renderText, toRecord } from '../../utils/report';
import { BEIJING_ID, certificate, mark, scan } from './helpers';

const RECEIPT = {
  url: `https://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}`,
  fetchedAt: '2025-03-04T05:06:06.000Z',
  sha256: 'a'.repeat(64),
  bytes: 5321,
};

function verifiedWithReceipt(): CheckResult {
  const page = scan({
    marks: [
      mark({
        html: '<span id="_ideConac"><a href="//bszs.conac.cn/sitename?method=show&amp;id=X"><img src="red.png"></a></span>',
      }),
    ],
  });
  const lookups: Lookups = {
    certificates: { [BEIJING_ID]: { status: 'ok', certificate: certificate(), receipt: RECEIPT } },
    scripts: {},
    offline: false,
  };
  return { checkedAt: '2025-03-04T05:06:07.000Z', scan: page, lookups, verdict: verify(page, lookups) };
}

/** Every path of keys in a record (array elements under "[]"), so two records' shapes can be compared. */
function paths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[]`, ...value.flatMap((v) => paths(v, `${prefix}[].`))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [prefix + k, ...paths(v, `${prefix}${k}.`)]);
}
const shape = (record: unknown) => [...new Set(paths(record))].sort();

describe('the evidence record (toRecord)', () => {
  it('has every field, typed: when, where (as given and after redirects), marks with HTML, certificate, receipts, verdict, version', () => {
    const record = toRecord(verifiedWithReceipt(), 'zh', { version: '1.2.3', requestedUrl: null });
    expect(record.schema).toBe(RECORD_SCHEMA);
    expect(record.schema).toBe('govmark.check/1');
    expect(record.version).toBe('1.2.3');
    expect(record.checkedAt).toBe('2025-03-04T05:06:07.000Z');
    expect(record.requestedUrl).toBeNull();
    expect(record.redirected).toBeNull();
    expect(record.finalUrl).toBe('https://www.beijing.gov.cn/');
    expect(record.url).toBe(record.finalUrl);
    expect(record.marks).toHaveLength(1);
    for (const m of record.marks) {
      expect(typeof m.html).toBe('string');
      expect(m.html).toContain('_ideConac');
      expect(typeof m.kind).toBe('string');
    }
    expect(record.owner).toBe('北京市人民政府');
    expect(record.claims).toEqual({ owner: '北京市人民政府', siteCode: '1100000088', icp: '京ICP备05060933号', psb: null });
    expect(record.certificate).toEqual(certificate());
    expect(record.lookups).toEqual({ [BEIJING_ID]: { status: 'ok', ...RECEIPT } });
    expect(record.lookups[BEIJING_ID].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.verdict.state).toBe('verified');
    expect(record.verdict.reasons.length).toBeGreaterThan(0);
    for (const reason of record.verdict.reasons) {
      expect(Object.keys(reason).sort()).toEqual(['code', 'evidence', 'message', 'severity']);
      expect(typeof reason.message).toBe('string');
      expect(reason.message.length).toBeGreaterThan(0);
    }
    // A plain JSON value: what is exported is what is read back.
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('has the same fields without a context (older callers), with version and requestedUrl null', () => {
    const record = toRecord(verifiedWithReceipt(), 'en');
    expect(record.version).toBeNull();
    expect(record.requestedUrl).toBeNull();
    expect(shape(record)).toEqual(
      shape(toRecord(verifiedWithReceipt(), 'en', { version: '1', requestedUrl: 'https://x.example/' })),
    );
  });

  it('says whether the page was reached by a redirect when the address as given is known', () => {
    const result = verifiedWithReceipt();
    expect(toRecord(result, 'zh', { version: '1', requestedUrl: 'http://beijing.gov.cn' }).redirected).toBe(true);
    expect(toRecord(result, 'zh', { version: '1', requestedUrl: 'https://www.beijing.gov.cn' }).redirected).toBe(false);
  });

  it('has no receipt fields for a lookup that was not fetched, and the failure instead', () => {
    const page = scan();
    const lookups: Lookups = {
      certificates: { [BEIJING_ID]: { status: 'unreachable', cause: 'timeout', detail: 'no answer in 8000 ms' } },
      scripts: {},
      offline: false,
    };
    const record = toRecord({ checkedAt: '2025-03-04T05:06:07.000Z', scan: page, lookups, verdict: verify(page, lookups) }, 'zh');
    expect(record.lookups[BEIJING_ID]).toEqual({ status: 'unreachable', detail: 'no answer in 8000 ms' });
    expect(record.certificate).toBeNull();
  });

  it('carries a certificate change like every other reason', () => {
    const genuine = verifiedWithReceipt();
    const memory = remember(undefined, genuine, Date.parse('2025-03-01T12:00:00Z')).memory;
    const otherId = 'F'.repeat(32);
    const page = scan({
      marks: [mark({ certId: otherId, linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${otherId}` })],
    });
    const lookups: Lookups = {
      certificates: { [otherId]: { status: 'ok', certificate: certificate({ id: otherId }) } },
      scripts: {},
      offline: false,
    };
    const later: CheckResult = { checkedAt: '2025-03-04T12:00:00.000Z', scan: page, lookups, verdict: verify(page, lookups) };
    const changed = applyChange(later, remember(memory, later, Date.parse('2025-03-04T12:00:00Z')).change);
    const record = toRecord(changed, 'en');
    expect(record.verdict.state).toBe('warning');
    expect(record.verdict.reasons[0]).toMatchObject({ code: 'certificate-changed', severity: 'warning' });
    expect(record.verdict.reasons[0].message).toContain('since 2025-03-04');
  });
});

describe('the extension and the command line make the same record', () => {
  it('has the same keys from the extension path and from `scan --json`, for the same page', async () => {
    const file = join(__dirname, '../fixtures/pages/live-rendered.html');
    const url = 'https://www.beijing.gov.cn/';
    // The extension: the page scanned, checked, recorded as the popup's export records it.
    const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html') as unknown as Document;
    const result = await checkPage(detectMarks(doc, url), null);
    const fromExtension = toRecord(result, 'zh', { version: packageJson.version, requestedUrl: null });
    // The command line, as a user runs it.
    const lines: string[] = [];
    await run(
      ['--json', '--offline', '--url', url, file],
      (line) => lines.push(line),
      () => undefined,
    );
    expect(lines).toHaveLength(1);
    const fromCli = JSON.parse(lines[0]) as CheckRecord;

    expect(shape(fromCli)).toEqual(shape(fromExtension));
    expect(fromCli.schema).toBe(fromExtension.schema);
    expect(fromCli.version).toBe(packageJson.version);
    expect(fromCli.requestedUrl).toBe(url);
    expect(fromCli.redirected).toBe(false);
    const { checkedAt: _a, requestedUrl: _b, redirected: _c, ...cliRest } = fromCli;
    const { checkedAt: _d, requestedUrl: _e, redirected: _f, ...extRest } = fromExtension;
    expect(cliRest).toEqual(extRest);
  });
});

describe('the readable report (renderText)', () => {
  it('is short by default: no receipts, no HTML', () => {
    const text = renderText(verifiedWithReceipt(), 'zh');
    expect(text).not.toContain(RECEIPT.sha256);
    expect(text).not.toContain('<span');
    expect(text.split('\n')[0]).toBe('https://www.beijing.gov.cn/');
  });

  it('in full, adds when and where, each mark with its HTML fragment, the receipts with SHA-256, reason codes and the version', () => {
    const result = verifiedWithReceipt();
    const text = renderText(result, 'zh', { full: true, version: '1.2.3', requestedUrl: null });
    expect(text).toContain('核验时间（UTC）：2025-03-04T05:06:07.000Z');
    expect(text).toContain('输入的地址：未知');
    expect(text).toContain('最终地址（跳转之后）：https://www.beijing.gov.cn/');
    expect(text).toContain(`HTML：${result.scan.marks[0].html}`);
    expect(text).toContain(`SHA-256：${RECEIPT.sha256} (5321 bytes)`);
    expect(text).toContain(`取自：${RECEIPT.url}`);
    expect(text).toContain('北京市人民政府');
    expect(text).toContain('(domain-match)');
    expect(text).toContain('1.2.3');
    expect(text).toContain(RECORD_SCHEMA);
    // Every reason, each on its own line.
    for (const reason of result.verdict.reasons) expect(text).toContain(`(${reason.code})`);
    const en = renderText(result, 'en', { full: true, version: '1.2.3', requestedUrl: 'http://beijing.gov.cn/' });
    expect(en).toContain('Address as given: http://beijing.gov.cn/');
    expect(en).toContain(`SHA-256: ${RECEIPT.sha256}`);
  });

  it('keeps a multi-line HTML fragment on one line', () => {
    const page = scan({ marks: [mark({ html: '<a href="x">\n  <img src="y">\n</a>' })] });
    const lookups: Lookups = { certificates: {}, scripts: {}, offline: true };
    const text = renderText(
      { checkedAt: '2025-03-04T05:06:07.000Z', scan: page, lookups, verdict: verify(page, lookups) } as CheckResult,
      'en',
      { full: true },
    );
    expect(text).toContain('HTML: <a href="x"> <img src="y"> </a>');
  });
});
