import { describe, expect, it } from 'vitest';
import { reasonMessage, type Verdict } from '../../utils/engine/verdict';
import { type Lookups, verify } from '../../utils/engine/verify';
import { BEIJING_ID, certificate, found, mark, scan } from './helpers';

const codes = (verdict: Verdict) => verdict.reasons.map((r) => `${r.severity}:${r.code}`);
const OTHER_ID = '0123456789ABCDEF0123456789ABCDEF';

describe('verify: the certificate link', () => {
  it('verifies a mark whose certificate, domain, holder and colour all agree', () => {
    const verdict = verify(scan(), found(certificate()));
    expect(verdict.state).toBe('verified');
    expect(codes(verdict)).toEqual(['ok:domain-match', 'ok:holder-match', 'ok:color-match']);
  });

  it.each([
    [
      'a host that merely starts with the real one',
      `http://bszs.conac.cn.example.com/sitename?method=show&id=${BEIJING_ID}`,
      true,
    ],
    ['a userinfo trick', `http://bszs.conac.cn@evil.example/sitename?method=show&id=${BEIJING_ID}`, true],
    ['a dashed lookalike', 'https://bszs-conac.cn/', false],
    ['a punycode lookalike', `https://xn--bszs-conac-xyz.cn/sitename?method=show&id=${BEIJING_ID}`, true],
    ['a javascript: URL shaped like a certificate link', `javascript:x//sitename?method=show&id=${BEIJING_ID}`, true],
    ['a data: URL', 'data:text/html,<h1>ok</h1>', false],
  ])('calls %s danger, never verified', (_name, linkUrl, certificateLink) => {
    const linkHost = URL.canParse(linkUrl) ? new URL(linkUrl).hostname : '';
    const verdict = verify(scan({ marks: [mark({ linkUrl, linkHost, certificateLink })] }), found(certificate()));
    expect(verdict.state).toBe('danger');
    expect(verdict.reasons[0]).toMatchObject({
      code: 'link-not-conac',
      severity: 'danger',
      evidence: { expected: 'bszs.conac.cn' },
    });
  });

  it('calls a bare javascript: link (its handler unread) unverifiable, a warning: not an imitation', () => {
    const verdict = verify(
      scan({ marks: [mark({ linkUrl: 'javascript:void(0)', linkHost: '', certificateLink: false })] }),
      found(),
    );
    expect(verdict.state).toBe('warning');
    expect(verdict.reasons.map((r) => [r.code, r.severity])).toContainEqual(['mark-unverifiable', 'warning']);
    expect(verdict.reasons.map((r) => r.code)).not.toContain('link-not-conac');
  });

  it('accepts http, https and protocol-relative links to the real host alike', () => {
    for (const linkUrl of [
      `http://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}`,
      `https://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}`,
    ]) {
      expect(verify(scan({ marks: [mark({ linkUrl })] }), found(certificate())).state).toBe('verified');
    }
  });

  it('cannot verify a link to the registry that is not a certificate page', () => {
    const verdict = verify(
      scan({ marks: [mark({ certId: null, linkUrl: 'https://bszs.conac.cn/', certificateLink: false })] }),
      found(),
    );
    expect(codes(verdict)).toEqual(['warning:mark-unverifiable']);
  });

  it.each([
    ["the registry's own site", 'http://biaozhi.conac.cn/'],
    ["CONAC's home page", 'https://www.conac.cn/'],
  ])('cannot verify a mark that links to %s, but does not call it an imitation', (_name, linkUrl) => {
    // Seen on real portals: the official image linked to CONAC's other hosts instead of a certificate.
    const verdict = verify(
      scan({ marks: [mark({ certId: null, linkUrl, linkHost: new URL(linkUrl).hostname, certificateLink: false })] }),
      found(),
    );
    expect(codes(verdict)).toEqual(['warning:mark-unverifiable']);
  });

  it('still calls a certificate page on another CONAC host, or a host merely containing conac, danger', () => {
    for (const linkUrl of [
      `https://szcert.conac.cn/sitename?method=show&id=${BEIJING_ID}`,
      'https://conac.cn.example.top/',
      'https://myconac.cn/',
    ]) {
      const certificateLink = linkUrl.includes('sitename');
      const verdict = verify(
        scan({
          marks: [
            mark({ linkUrl, linkHost: new URL(linkUrl).hostname, certificateLink, certId: certificateLink ? BEIJING_ID : null }),
          ],
        }),
        found(certificate()),
      );
      expect(verdict.reasons[0], linkUrl).toMatchObject({ code: 'link-not-conac', severity: 'danger' });
    }
  });

  it('cannot verify an image-only mark', () => {
    const verdict = verify(
      scan({ marks: [mark({ kind: 'image-only', certId: null, linkUrl: null, linkHost: null, certificateLink: false })] }),
      found(),
    );
    expect(verdict.state).toBe('warning');
    expect(verdict.reasons[0]).toMatchObject({ code: 'mark-unverifiable', evidence: { detail: 'image-only' } });
  });

  it('is danger when the registry says the certificate does not exist', () => {
    const lookups: Lookups = { certificates: { [BEIJING_ID]: { status: 'not-found' } }, scripts: {}, offline: false };
    expect(codes(verify(scan(), lookups))).toEqual(['danger:certificate-not-found']);
  });
});

describe('verify: domain', () => {
  it('treats www. and the bare domain as the same site', () => {
    expect(verify(scan({ url: 'https://beijing.gov.cn/' }), found(certificate())).state).toBe('verified');
  });

  it('calls a borrowed mark on another domain danger, naming the registered domains', () => {
    const verdict = verify(scan({ url: 'https://www.beijing-gov.com.cn/' }), found(certificate()));
    expect(verdict.state).toBe('danger');
    expect(verdict.reasons[0]).toMatchObject({
      code: 'domain-mismatch',
      evidence: { found: 'www.beijing-gov.com.cn', expected: 'www.beijing.gov.cn' },
    });
  });

  it('warns about a sibling site of the same family', () => {
    const verdict = verify(scan({ url: 'https://fgw.beijing.gov.cn/' }), found(certificate()));
    expect(verdict.state).toBe('warning');
    expect(codes(verdict)).toContain('warning:domain-related');
  });

  it('matches a Chinese registered domain against the punycode address', () => {
    const cert = certificate({ domains: ['xn--fiqs8sirgfmhq98a.xn--zfr164b'], domainsAsPrinted: ['中国政府网.政务'] });
    expect(verify(scan({ url: 'http://xn--fiqs8sirgfmhq98a.xn--zfr164b/' }), found(cert)).state).toBe('verified');
  });
});

describe('verify: holder, colour and credit code', () => {
  it('warns when the page prints another owner, showing both', () => {
    const verdict = verify(scan({ owner: '北京市发展和改革委员会' }), found(certificate()));
    expect(verdict.state).toBe('warning');
    expect(verdict.reasons[0]).toMatchObject({
      code: 'holder-mismatch',
      evidence: { found: '北京市发展和改革委员会', expected: '北京市人民政府' },
    });
  });

  const owned = (owners: string[]) =>
    scan({ owner: owners.join('、'), claims: { owner: owners.join('、'), owners, siteCode: null, icp: null, psb: null } });
  it.each([
    ['equal after normalisation', ['北京市 人民政府'], '北京市人民政府', 'same-name'],
    [
      'the holder printed with its bracketed second name',
      ['民政部社会组织管理局（社会组织执法监督局）'],
      '民政部社会组织管理局',
      'alias',
    ],
    [
      'the printed owner is the bracketed alias of the holder',
      ['民政部社会组织管理局'],
      '民政部社会组织管理局(社会组织执法监督局)',
      'alias',
    ],
    ['joint owners (合署办公) include the holder', ['中共温州市纪委', '温州市监察委员会'], '温州市监察委员会', 'joint'],
    ['the 办公厅 printed for the government holder', ['北京市人民政府办公厅'], '北京市人民政府', 'government-office'],
    ['the government printed for its 办公室 holder', ['桐庐县人民政府'], '桐庐县人民政府办公室', 'government-office'],
  ])('the holder matches: %s', (_case, owners, holder, rule) => {
    const verdict = verify(owned(owners), found(certificate({ holder })));
    expect(verdict.state).toBe('verified');
    const match = verdict.reasons.find((r) => r.code === 'holder-match');
    expect(match?.evidence.detail).toBe(rule);
    if (rule !== 'same-name') expect(reasonMessage(match!, 'en')).toMatch(/\(.+\)\.$/);
  });

  it.each([
    ['another bureau', ['北京市发展和改革委员会'], '北京市人民政府'],
    ['a township government office is not county level', ['某某镇人民政府办公室'], '某某镇人民政府'],
    ['the office of a bureau does not stand for it', ['北京市教育委员会办公室'], '北京市教育委员会'],
    ['a joint list without the holder', ['中共温州市纪委', '温州市监察委员会'], '温州市人民政府'],
    ['a government is not its own sub-bureau', ['北京市人民政府'], '北京市人民政府研究室'],
  ])('the holder does not match: %s', (_case, owners, holder) => {
    const verdict = verify(owned(owners), found(certificate({ holder })));
    expect(verdict.reasons[0]).toMatchObject({
      code: 'holder-mismatch',
      evidence: { found: owners.join('、'), expected: holder },
    });
  });

  it('reads the owner of a scan stored before owners were a list', () => {
    const old = scan({ owner: '北京市人民政府' });
    expect(old.claims.owners).toBeUndefined();
    expect(codes(verify(old, found(certificate())))).toContain('ok:holder-match');
  });

  it('ignores full-width forms, spaces and punctuation in names', () => {
    expect(verify(scan({ owner: '北京市 人民政府　' }), found(certificate())).state).toBe('verified');
  });

  it('says so when the page prints no owner, without failing the check', () => {
    const verdict = verify(scan({ owner: null }), found(certificate()));
    expect(verdict.state).toBe('verified');
    expect(codes(verdict)).toContain('info:owner-not-printed');
  });

  it('warns when a blue mark names a Party or government organ', () => {
    const verdict = verify(scan({ marks: [mark({ color: 'blue' })] }), found(certificate()));
    expect(verdict.reasons[0]).toMatchObject({ code: 'color-type-mismatch', evidence: { found: 'blue', expected: 'organ' } });
    expect(reasonMessage(verdict.reasons[0], 'zh')).toContain('蓝色');
  });

  it('warns when the credit code fails its check character, or names another kind of unit', () => {
    const bad = verify(scan(), found(certificate({ creditCode: '11110000000021135A' })));
    expect(codes(bad)).toContain('warning:credit-code-invalid');
    const institution = verify(scan(), found(certificate({ creditCode: '12100000400000624D' })));
    expect(codes(institution)).toContain('warning:credit-code-type-mismatch');
  });
});

describe('verify: the marks on the page', () => {
  it('warns when an error image is shown, and calls it danger with a foreign domain', () => {
    const errorMark = mark({ errorIcon: true });
    expect(codes(verify(scan({ marks: [errorMark] }), found(certificate())))).toContain('warning:error-icon');
    const copycat = verify(scan({ url: 'https://copy.example.cn/', marks: [errorMark] }), found(certificate()));
    expect(codes(copycat)).toEqual(expect.arrayContaining(['danger:domain-mismatch', 'danger:error-icon']));
  });

  it('warns about marks of different certificates, judging by the one registered for this site', () => {
    const other = certificate({ id: OTHER_ID, domains: ['www.moe.gov.cn'], holder: '中华人民共和国教育部' });
    const verdict = verify(
      scan({ marks: [mark({ certId: OTHER_ID, linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${OTHER_ID}` }), mark()] }),
      found(certificate(), other),
    );
    expect(codes(verdict)).toEqual(['warning:multiple-certificates', 'ok:domain-match', 'ok:holder-match', 'ok:color-match']);
  });

  it('reports identical marks once', () => {
    const verdict = verify(scan({ marks: [mark(), mark()] }), found(certificate()));
    expect(verdict.reasons).toHaveLength(3);
  });

  it('warns when the mark is only commented out or never rendered', () => {
    const verdict = verify(scan({ marks: [mark({ kind: 'commented-out', active: false })] }), found());
    expect(codes(verdict)).toEqual(['warning:mark-not-displayed']);
  });

  it('warns about a government domain without a mark, and says nothing of an ordinary one', () => {
    expect(codes(verify(scan({ marks: [] }), found()))).toEqual(['warning:government-domain-without-mark']);
    expect(verify(scan({ url: 'https://shop.example.com/', marks: [] }), found())).toEqual({ state: 'none', reasons: [] });
    expect(verify(scan({ url: 'http://xn--fiqs8sirgfmhq98a.xn--zfr164b/', marks: [] }), found()).state).toBe('warning');
  });
});

describe('verify: when the registry cannot be asked', () => {
  it.each([
    ['network', 'service-unreachable'],
    ['timeout', 'service-timeout'],
    ['redirect', 'service-redirect'],
    ['http-status', 'service-error'],
    ['too-large', 'service-error'],
  ] as const)('a %s failure is unknown (%s), never verified', (cause, code) => {
    const lookups: Lookups = {
      certificates: { [BEIJING_ID]: { status: 'unreachable', cause, detail: 'x' } },
      scripts: {},
      offline: false,
    };
    const verdict = verify(scan(), lookups);
    expect(verdict.state).toBe('unknown');
    expect(verdict.reasons[0].code).toBe(code);
  });

  it('an unreadable certificate page is unknown, not a pass', () => {
    const lookups: Lookups = {
      certificates: { [BEIJING_ID]: { status: 'unreadable', detail: 'no 机构名称 label' } },
      scripts: {},
      offline: false,
    };
    expect(codes(verify(scan(), lookups))).toEqual(['unknown:certificate-unreadable']);
  });

  it('offline, a mark is unknown and the page checks still run', () => {
    const lookups: Lookups = { certificates: {}, scripts: {}, offline: true };
    expect(codes(verify(scan(), lookups))).toEqual(['unknown:offline']);
    const spoofed = mark({
      linkUrl: `http://bszs.conac.cn.evil.example/sitename?method=show&id=${BEIJING_ID}`,
      linkHost: 'bszs.conac.cn.evil.example',
    });
    expect(verify(scan({ marks: [spoofed] }), lookups).state).toBe('danger');
  });

  it('uses the certificate id an embed script gave', () => {
    const live = mark({
      kind: 'live-script',
      certId: null,
      linkUrl: null,
      linkHost: null,
      certificateLink: false,
      scriptCode: 'CA010000000604299710001',
    });
    const lookups = {
      ...found(certificate()),
      scripts: { CA010000000604299710001: { status: 'ok' as const, certId: BEIJING_ID } },
    };
    expect(verify(scan({ marks: [live] }), lookups).state).toBe('verified');
    const unresolved = {
      ...found(),
      scripts: { CA010000000604299710001: { status: 'unresolved' as const, detail: 'no certificate id in the script' } },
    };
    expect(codes(verify(scan({ marks: [live] }), unresolved))).toEqual(['unknown:script-unresolved']);
  });

  it('an official embed that never rendered: the site is at fault only if the script can be had', () => {
    const inert = mark({
      kind: 'live-script',
      active: false,
      certId: null,
      linkUrl: null,
      linkHost: null,
      certificateLink: false,
      color: null,
      scriptCode: 'CA010000000604299710001',
    });
    const resolved = {
      ...found(certificate()),
      scripts: { CA010000000604299710001: { status: 'ok' as const, certId: BEIJING_ID } },
    };
    expect(codes(verify(scan({ marks: [inert] }), resolved))).toEqual([
      'warning:mark-not-displayed',
      'ok:domain-match',
      'ok:holder-match',
    ]);
    const down = {
      ...found(),
      scripts: { CA010000000604299710001: { status: 'unreachable' as const, cause: 'network' as const, detail: 'refused' } },
    };
    expect(codes(verify(scan({ marks: [inert] }), down))).toEqual(['unknown:service-unreachable']);
  });
});

describe('verify: a revoked certificate', () => {
  it('is danger, never verified, whatever else matches', () => {
    const lookups = found();
    lookups.certificates[BEIJING_ID] = { status: 'revoked', detail: '已注销', certificate: certificate() };
    const verdict = verify(scan(), lookups);
    expect(verdict.state).toBe('danger');
    expect(verdict.reasons).toEqual([
      { code: 'certificate-revoked', severity: 'danger', evidence: { found: BEIJING_ID, detail: '已注销' } },
    ]);
    expect(reasonMessage(verdict.reasons[0], 'zh')).toContain('已注销');
  });
});
