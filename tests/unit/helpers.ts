/** Builders for hand-made scans, certificates and lookups, shared by the unit tests. */
import type { Certificate } from '../../utils/engine/certificate';
import type { Mark, PageScan, ScanDraft } from '../../utils/engine/scan';
import type { Lookups } from '../../utils/engine/verify';

export const BEIJING_ID = '7A1C1D4C0D1E4F0B8E2F3A4B5C6D7E8F';

export function mark(overrides: Partial<Mark> = {}): Mark {
  return {
    kind: 'static-link',
    certId: BEIJING_ID,
    scriptCode: null,
    scriptUrl: null,
    color: 'red',
    errorIcon: false,
    linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}`,
    linkHost: 'bszs.conac.cn',
    certificateLink: true,
    active: true,
    html: '<a href="…"><img src="…"></a>',
    ...overrides,
  };
}

export function scan(overrides: Partial<PageScan> & { owner?: string | null } = {}): PageScan {
  const { owner = '北京市人民政府', ...rest } = overrides;
  return {
    url: 'https://www.beijing.gov.cn/',
    marks: [mark()],
    claims: { owner, siteCode: '1100000088', icp: '京ICP备05060933号', psb: null },
    ...rest,
  };
}

/** What the content script sends for the page `scan(overrides)` describes: its footer as printed, its claims not yet read. */
export function draft(overrides: Partial<PageScan> & { owner?: string | null } = {}): ScanDraft {
  const { url, marks, claims } = scan(overrides);
  const printed = [claims.owner && `网站主办单位：${claims.owner}`, claims.icp, claims.psb].filter(Boolean);
  return { url, marks, claimText: printed.map((line) => `${line}\n`).join(''), siteCode: claims.siteCode };
}

export function certificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    id: BEIJING_ID,
    siteName: '首都之窗',
    domains: ['www.beijing.gov.cn'],
    domainsAsPrinted: ['www.beijing.gov.cn'],
    holder: '北京市人民政府',
    holderType: 'organ',
    holderTypeText: '党政机关',
    address: '北京市通州区运河东大街57号',
    functions: '负责本市行政事务',
    issuer: '中央机构编制委员会办公室',
    certNumber: '1100000088',
    issueDate: '2019-05-20',
    creditCode: null,
    ...overrides,
  };
}

export function found(...certificates: Certificate[]): Lookups {
  return {
    certificates: Object.fromEntries(certificates.map((c) => [c.id, { status: 'ok', certificate: c }])),
    scripts: {},
    offline: false,
  };
}

export const EMBED_SCRIPT_CODE = 'CA010000000604299710001';

/** The official embed (dcs.conac.cn) before its script has told which certificate it stands for. */
export function unresolvedEmbed(overrides: Partial<Mark> = {}): Mark {
  return mark({
    kind: 'live-script',
    certId: null,
    scriptCode: EMBED_SCRIPT_CODE,
    scriptUrl: `https://dcs.conac.cn/js/01/000/0000/60429971/${EMBED_SCRIPT_CODE}.js`,
    color: null,
    linkUrl: null,
    linkHost: null,
    certificateLink: false,
    ...overrides,
  });
}
