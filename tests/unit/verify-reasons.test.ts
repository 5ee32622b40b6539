/**
 * The verifier's rules with the evidence each reason carries: which marks are checked, where a
 * mark's link may lead, and what every reason names (the popup, exports and reports show it).
 */
import { describe, expect, it } from 'vitest';
import type { CertificateLookup } from '../../utils/engine/conac-client';
import type { Mark } from '../../utils/engine/scan';
import type { Reason } from '../../utils/engine/verdict';
import { idsToLookUp, type Lookups, primaryCertificate, scriptsToResolve, verify } from '../../utils/engine/verify';
import { BEIJING_ID, certificate, EMBED_SCRIPT_CODE, found, mark, scan, unresolvedEmbed } from './helpers';

const OTHER_ID = '0123456789ABCDEF0123456789ABCDEF';
const SCRIPT_CODE = EMBED_SCRIPT_CODE;
const OTHER_SCRIPT = 'CA110000000000000000002';
const certificateUrl = (id: string) => `https://bszs.conac.cn/sitename?method=show&id=${id}`;
const nothingLooked: Lookups = { certificates: {}, scripts: {}, offline: false };

/** A mark inside `<!-- … -->` in a CMS footer template: never shown. */
const commentedOut = (overrides: Partial<Mark> = {}) => mark({ kind: 'commented-out', active: false, ...overrides });

const lookups = (certificates: Record<string, CertificateLookup>, scripts: Lookups['scripts'] = {}): Lookups => ({
  certificates,
  scripts,
  offline: false,
});

describe('which marks are checked', () => {
  it('a certificate link left in an HTML comment is not looked up', () => {
    const page = scan({ marks: [mark(), commentedOut({ certId: OTHER_ID, linkUrl: certificateUrl(OTHER_ID) })] });
    expect(idsToLookUp(page)).toEqual([BEIJING_ID]);
  });

  it('an embed script left in an HTML comment is not resolved; an official embed that did not render is', () => {
    const page = scan({
      marks: [
        unresolvedEmbed({ active: false }),
        commentedOut({ certId: null, scriptCode: OTHER_SCRIPT, linkUrl: null, linkHost: null, certificateLink: false }),
      ],
    });
    expect(scriptsToResolve(page)).toEqual([SCRIPT_CODE]);
  });

  it('a certificate id behind a host dressed up as the registry is never sent to the registry', () => {
    const fake = `https://bszs.conac.cn.gov-cn.top/sitename?method=show&id=${OTHER_ID}`;
    const page = scan({ marks: [mark({ certId: OTHER_ID, linkUrl: fake, linkHost: 'bszs.conac.cn.gov-cn.top' })] });
    expect(idsToLookUp(page)).toEqual([]);
  });
});

const danger = (found: string): Reason => ({
  code: 'link-not-conac',
  severity: 'danger',
  evidence: { expected: 'bszs.conac.cn', found },
});
const unverifiable = (found: string): Reason => ({ code: 'mark-unverifiable', severity: 'warning', evidence: { found } });

describe('where a mark may link', () => {
  it.each<[string, Partial<Mark>, Reason]>([
    [
      'a certificate link to the registry host over ftp is an imitation',
      { linkUrl: `ftp://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}`, linkHost: 'bszs.conac.cn' },
      danger('bszs.conac.cn'),
    ],
    [
      "the mark's image linked to CONAC's own site conac.cn is not a certificate, and no imitation",
      { certId: null, linkUrl: 'https://conac.cn/', linkHost: 'conac.cn', certificateLink: false },
      unverifiable('https://conac.cn/'),
    ],
    [
      'a text link to a host dressed up with "conac" is an imitation',
      {
        kind: 'text-link',
        certId: null,
        linkUrl: 'https://www.conac-gov.cn/',
        linkHost: 'www.conac-gov.cn',
        certificateLink: false,
      },
      danger('www.conac-gov.cn'),
    ],
    [
      'a text link to a data: address is an imitation, named by its address (it has no host)',
      { kind: 'text-link', certId: null, linkUrl: 'data:text/html,<h1>证书</h1>', linkHost: '', certificateLink: false },
      danger('data:text/html,<h1>证书</h1>'),
    ],
    [
      "the mark's image linked to a page of another site is a made-up certificate",
      {
        certId: null,
        linkUrl: 'https://www.zhengfu-biaozhi.com/cert.html',
        linkHost: 'www.zhengfu-biaozhi.com',
        certificateLink: false,
      },
      danger('www.zhengfu-biaozhi.com'),
    ],
    [
      "the mark's image linked to the site's own homepage is only not a certificate",
      { certId: null, linkUrl: 'https://www.beijing.gov.cn/', linkHost: 'www.beijing.gov.cn', certificateLink: false },
      unverifiable('https://www.beijing.gov.cn/'),
    ],
    [
      "the mark's image linked to another host of the same site is only not a certificate",
      { certId: null, linkUrl: 'http://zhengce.beijing.gov.cn/', linkHost: 'zhengce.beijing.gov.cn', certificateLink: false },
      unverifiable('http://zhengce.beijing.gov.cn/'),
    ],
    [
      'a text link to another site is only not a certificate (only the image imitates the mark)',
      {
        kind: 'text-link',
        certId: null,
        linkUrl: 'https://www.example.com/',
        linkHost: 'www.example.com',
        certificateLink: false,
      },
      unverifiable('https://www.example.com/'),
    ],
    [
      'a link that is no address at all is not a certificate',
      { certId: null, linkUrl: 'http://[zfxxgk', linkHost: null, certificateLink: false },
      unverifiable('http://[zfxxgk'),
    ],
  ])('%s', (_, overrides, reason) => {
    expect(verify(scan({ marks: [mark(overrides)] }), nothingLooked).reasons).toEqual([reason]);
  });

  it("on a page without an address, the mark's image linked to any site is an imitation (there is no own site)", () => {
    const linked = mark({
      certId: null,
      linkUrl: 'https://www.beijing.gov.cn/',
      linkHost: 'www.beijing.gov.cn',
      certificateLink: false,
    });
    expect(verify(scan({ url: '', marks: [linked] }), nothingLooked).reasons).toEqual([danger('www.beijing.gov.cn')]);
  });

  it('the same imitation repeated (header and footer) makes one reason; two imitations make two', () => {
    const copy = (host: string) =>
      mark({ certId: null, linkUrl: `https://${host}/cert.html`, linkHost: host, certificateLink: false });
    const twice = verify(scan({ marks: [copy('www.biaozhi-cert.com'), copy('www.biaozhi-cert.com')] }), nothingLooked);
    expect(twice.reasons).toEqual([danger('www.biaozhi-cert.com')]);
    const two = verify(scan({ marks: [copy('www.biaozhi-cert.com'), copy('gov.biaozhi-cert.net')] }), nothingLooked);
    expect(two.reasons).toEqual([danger('www.biaozhi-cert.com'), danger('gov.biaozhi-cert.net')]);
  });
});

describe('what each reason names', () => {
  it('a government domain without a mark names the host', () => {
    expect(verify(scan({ marks: [] }), nothingLooked).reasons).toEqual([
      { code: 'government-domain-without-mark', severity: 'warning', evidence: { found: 'www.beijing.gov.cn' } },
    ]);
  });

  it('marks that are not displayed are named by their kinds, each once', () => {
    const page = scan({ marks: [commentedOut(), mark({ kind: 'js-generated', active: false }), commentedOut()] });
    expect(verify(page, nothingLooked).reasons).toEqual([
      { code: 'mark-not-displayed', severity: 'warning', evidence: { detail: 'commented-out, js-generated' } },
    ]);
  });

  it("an embed that did not render while the registry's script timed out is the registry's fault, not the site's", () => {
    const page = scan({ marks: [unresolvedEmbed({ active: false }), commentedOut()] });
    const timeout = { status: 'unreachable', cause: 'timeout', detail: 'no answer in 8000 ms' } as const;
    expect(verify(page, lookups({}, { [SCRIPT_CODE]: timeout })).reasons).toEqual([
      {
        code: 'service-timeout',
        severity: 'unknown',
        evidence: { found: 'no answer in 8000 ms', detail: 'no answer in 8000 ms' },
      },
    ]);
  });

  it('an embed whose script did not say which certificate names the script and what it said', () => {
    const unresolved = { status: 'unresolved', detail: 'no certificate id in the script' } as const;
    expect(verify(scan({ marks: [unresolvedEmbed()] }), lookups({}, { [SCRIPT_CODE]: unresolved })).reasons).toEqual([
      {
        code: 'script-unresolved',
        severity: 'unknown',
        evidence: { found: SCRIPT_CODE, detail: 'no certificate id in the script' },
      },
    ]);
  });

  it('an embed whose script was never fetched says so', () => {
    expect(verify(scan({ marks: [unresolvedEmbed()] }), nothingLooked).reasons).toEqual([
      { code: 'script-unresolved', severity: 'unknown', evidence: { found: SCRIPT_CODE, detail: 'not fetched' } },
    ]);
  });

  it('a certificate the registry does not know names its id', () => {
    expect(verify(scan(), lookups({ [BEIJING_ID]: { status: 'not-found' } })).reasons).toEqual([
      { code: 'certificate-not-found', severity: 'danger', evidence: { found: BEIJING_ID } },
    ]);
  });

  it('a certificate page that could not be read names the id and why', () => {
    const unreadable = { status: 'unreadable', detail: 'answered with application/pdf' } as const;
    expect(verify(scan(), lookups({ [BEIJING_ID]: unreadable })).reasons).toEqual([
      {
        code: 'certificate-unreadable',
        severity: 'unknown',
        evidence: { found: BEIJING_ID, detail: 'answered with application/pdf' },
      },
    ]);
  });

  it('a certificate read from the rendered registry page says where it was read', () => {
    const renderedPage = { url: certificateUrl(BEIJING_ID), readAt: '2026-11-30T08:00:00.000Z' };
    const verdict = verify(scan(), lookups({ [BEIJING_ID]: { status: 'ok', certificate: certificate(), renderedPage } }));
    expect(verdict.reasons).toContainEqual({
      code: 'certificate-read-from-page',
      severity: 'info',
      evidence: { found: BEIJING_ID, detail: certificateUrl(BEIJING_ID) },
    });
    expect(verdict.state).toBe('verified');
  });

  it("a registry page read in the browser that says 'not found' is only 'not found'", () => {
    const renderedPage = { url: certificateUrl(BEIJING_ID), readAt: '2026-11-30T08:00:00.000Z' };
    const notFound = { status: 'not-found', renderedPage } as CertificateLookup;
    expect(verify(scan(), lookups({ [BEIJING_ID]: notFound })).reasons.map((r) => r.code)).toEqual(['certificate-not-found']);
  });

  it('two reasons with the same (empty) evidence are both said: no owner printed, and the error icon shown', () => {
    const verdict = verify(scan({ owner: null, marks: [mark({ errorIcon: true })] }), found(certificate()));
    expect(verdict.state).toBe('warning');
    expect(verdict.reasons.map((r) => `${r.severity}:${r.code}`)).toEqual([
      'warning:error-icon',
      'info:owner-not-printed',
      'ok:domain-match',
      'ok:color-match',
    ]);
  });

  it('a mark whose certificate was not looked up (and not offline) says nothing, and verifies nothing', () => {
    expect(verify(scan(), nothingLooked)).toEqual({ state: 'none', reasons: [] });
  });
});

describe('the certificate checked', () => {
  it("a page with a mark of its own is judged by its certificate, not its homepage's", () => {
    const homepageCert = certificate({ id: OTHER_ID, holder: '北京市人民政府办公厅' });
    const withHomepage: Lookups = {
      ...found(certificate()),
      homepage: {
        scan: scan({ marks: [mark({ certId: OTHER_ID })] }),
        lookups: found(homepageCert),
        checkedAt: '2026-11-30T08:00:00.000Z',
      },
    };
    expect(primaryCertificate(scan(), withHomepage)?.id).toBe(BEIJING_ID);
  });

  it('a subdomain of a registered site is related, naming every registered domain as printed, and is no match', () => {
    const cert = certificate({
      domains: ['www.beijing.gov.cn', 'xn--1lq90ivtl.xn--zfr164b'],
      domainsAsPrinted: ['www.beijing.gov.cn', '北京市.政务'],
    });
    const page = scan({ url: 'https://zhengce.beijing.gov.cn/zcwj/' });
    expect(verify(page, found(cert)).reasons).toEqual([
      {
        code: 'domain-related',
        severity: 'warning',
        evidence: { found: 'zhengce.beijing.gov.cn', expected: 'www.beijing.gov.cn, 北京市.政务' },
      },
      { code: 'holder-match', severity: 'ok', evidence: { found: '北京市人民政府', detail: 'same-name' } },
      { code: 'color-match', severity: 'ok', evidence: { found: 'red' } },
    ]);
  });

  // Check characters computed by hand from GB 32100-2015's weights (not by checkCreditCode).
  it.each<[string, string, Reason[]]>([
    ["an organ's valid code on an organ's certificate", '11100000000013127D', []],
    [
      'a code whose check character is wrong',
      '11100000000013127A',
      [{ code: 'credit-code-invalid', severity: 'warning', evidence: { found: '11100000000013127A' } }],
    ],
    [
      "an institution's code on an organ's certificate",
      '12100000400000624D',
      [{ code: 'credit-code-type-mismatch', severity: 'warning', evidence: { found: '12100000400000624D', expected: 'organ' } }],
    ],
  ])('credit code: %s', (_, creditCode, expected) => {
    const reasons = verify(scan(), found(certificate({ creditCode }))).reasons;
    expect(reasons.filter((r) => r.code.startsWith('credit-code'))).toEqual(expected);
  });
});
