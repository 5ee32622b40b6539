/**
 * The one verdict model. The badge, popup, command line and exports all render this;
 * none of them re-derives a rule.
 */

export type VerdictState = 'verified' | 'warning' | 'danger' | 'unknown' | 'none';
export type Severity = 'ok' | 'info' | 'warning' | 'danger' | 'unknown';
export type Lang = 'zh' | 'en';

/** Stable codes: exports and scripts may depend on them. Add, never rename. */
export type ReasonCode =
  // checks that passed
  | 'domain-match'
  | 'holder-match'
  | 'color-match'
  // the link itself
  | 'link-not-conac'
  | 'certificate-not-found'
  | 'certificate-revoked'
  // domain
  | 'domain-mismatch'
  | 'domain-related'
  // holder and type
  | 'holder-mismatch'
  | 'owner-not-printed'
  | 'color-type-mismatch'
  | 'credit-code-type-mismatch'
  | 'credit-code-invalid'
  // the mark on the page
  | 'error-icon'
  | 'multiple-certificates'
  | 'mark-unverifiable'
  | 'mark-not-displayed'
  | 'government-domain-without-mark'
  // could not check
  | 'offline'
  | 'service-unreachable'
  | 'service-timeout'
  | 'service-redirect'
  | 'service-error'
  | 'certificate-unreadable'
  | 'script-unresolved'
  // a page without a mark, judged by its site's homepage
  | 'homepage-verified'
  | 'homepage-problem'
  // where the certificate was read
  | 'certificate-read-from-page'
  // what this browser remembers of the site (certificate memory)
  | 'certificate-changed';

export interface Evidence {
  expected?: string;
  found?: string;
  detail?: string;
}

export interface Reason {
  code: ReasonCode;
  severity: Severity;
  evidence: Evidence;
}

export interface Verdict {
  state: VerdictState;
  reasons: Reason[];
}

/** The worst severity decides. A known problem outranks "could not check". */
export function stateOf(reasons: Reason[], hasVerifiedCertificate: boolean): VerdictState {
  const has = (s: Severity) => reasons.some((r) => r.severity === s);
  if (has('danger')) return 'danger';
  if (has('warning')) return 'warning';
  if (has('unknown')) return 'unknown';
  return hasVerifiedCertificate ? 'verified' : 'none';
}

type Template = (e: Evidence) => string;

/** Evidence holds codes ('red', 'organ'); messages name them in the reader's language. */
const names: Record<string, Record<Lang, string>> = {
  red: { zh: '红色', en: 'red' },
  blue: { zh: '蓝色', en: 'blue' },
  organ: { zh: '党政机关', en: 'Party or government organ' },
  institution: { zh: '事业单位', en: 'public institution' },
};
const zh = (value = '') => names[value]?.zh ?? value;
/** A timestamp in evidence, as the reader's calendar day (local time); anything else as it is. */
const day = (value = '') => {
  const date = new Date(value);
  if (!/^\d{4}-\d\d-\d\dT/.test(value) || Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
const en = (value = '') => names[value]?.en ?? value;
/** Which holder rule matched (unit-name.ts holderRule); records from before it say nothing. */
const rules: Record<string, Record<Lang, string>> = {
  'same-name': { zh: '', en: '' },
  alias: { zh: '（括号内为同一单位的另一名称）', en: ' (one is the bracketed second name of the other)' },
  joint: { zh: '（持有单位是网页所列联合主办单位之一）', en: ' (the holder is one of the joint owners printed)' },
  'government-office': {
    zh: '（人民政府办公厅/办公室代表本级人民政府）',
    en: " (a people's government's 办公厅/办公室 stands for that government)",
  },
};
const rule = (value: string | undefined, lang: Lang) => (value ? (rules[value]?.[lang] ?? '') : '');

const messages: Record<ReasonCode, Record<Lang, Template>> = {
  'domain-match': {
    zh: (e) => `本站域名 ${e.found} 在标识登记的域名之中。`,
    en: (e) => `This site's domain ${e.found} is one of the registered domains.`,
  },
  'holder-match': {
    zh: (e) => `网页所写主办单位与标识持有单位一致：${e.found}${rule(e.detail, 'zh')}。`,
    en: (e) => `The owner printed on the page matches the mark's holder: ${e.found}${rule(e.detail, 'en')}.`,
  },
  'color-match': {
    zh: (e) => `标识颜色与机构类型相符（${zh(e.found)}）。`,
    en: (e) => `The mark's colour matches the holder's type (${en(e.found)}).`,
  },
  'link-not-conac': {
    zh: (e) => `标识链接没有指向 ${e.expected}，而是指向“${e.found}”：这是仿冒的标识。`,
    en: (e) => `The mark links to "${e.found}", not to ${e.expected}: the mark is fake.`,
  },
  'certificate-not-found': {
    zh: (e) => `标识管理中心说证书 ${e.found} 不存在。`,
    en: (e) => `The registry says certificate ${e.found} does not exist.`,
  },
  'certificate-revoked': {
    zh: (e) => `标识管理中心说证书 ${e.found} 已不再有效（${e.detail}）：标识不能证明本站的身份。`,
    en: (e) =>
      `The registry says certificate ${e.found} is no longer in force (${e.detail}): the mark proves nothing about this site.`,
  },
  'domain-mismatch': {
    zh: (e) => `本站域名 ${e.found} 不在标识登记的域名（${e.expected}）之中：标识是借用或冒用的。`,
    en: (e) => `This site's domain ${e.found} is not among the registered domains (${e.expected}): the mark is borrowed.`,
  },
  'domain-related': {
    zh: (e) => `本站域名 ${e.found} 与登记域名（${e.expected}）同属一个网站家族，但不是登记的那个网站。`,
    en: (e) => `This site's domain ${e.found} is related to, but not the same site as, the registered domains (${e.expected}).`,
  },
  'holder-mismatch': {
    zh: (e) => `网页写的主办单位是“${e.found}”，标识持有单位却是“${e.expected}”。`,
    en: (e) => `The page says it is run by "${e.found}", but the mark belongs to "${e.expected}".`,
  },
  'owner-not-printed': {
    zh: () => `网页上没有找到主办单位，无法与持有单位核对。`,
    en: () => `The page does not print its owner (主办单位), so the holder could not be compared.`,
  },
  'color-type-mismatch': {
    zh: (e) => `标识颜色（${zh(e.found)}）与机构类型（${zh(e.expected)}）不符：红色为党政机关，蓝色为事业单位。`,
    en: (e) =>
      `The mark's colour (${en(e.found)}) contradicts the holder's type (${en(e.expected)}): red is for Party and government organs, blue for public institutions.`,
  },
  'credit-code-type-mismatch': {
    zh: (e) => `统一社会信用代码 ${e.found} 的类别与机构类型（${zh(e.expected)}）不符。`,
    en: (e) =>
      `The unified social credit code ${e.found} names a different kind of unit than the holder's type (${en(e.expected)}).`,
  },
  'credit-code-invalid': {
    zh: (e) => `统一社会信用代码 ${e.found} 校验位不正确（早期试点代码可能如此）。`,
    en: (e) => `The unified social credit code ${e.found} fails its check character (some early pilot codes do).`,
  },
  'error-icon': {
    zh: () => `页面显示的是错误标识图片：官方脚本认为这里不是登记的网站。`,
    en: () => `The page shows the error version of the mark: the official script does not recognise this site.`,
  },
  'multiple-certificates': {
    zh: (e) => `页面上有多个不同证书的标识：${e.found}。`,
    en: (e) => `The page carries marks of different certificates: ${e.found}.`,
  },
  'mark-unverifiable': {
    zh: (e) => `标识没有链接到证书页面，无法核验${e.detail ? `（${e.detail}）` : ''}。`,
    en: (e) => `The mark does not link to a certificate page, so it cannot be verified${e.detail ? ` (${e.detail})` : ''}.`,
  },
  'mark-not-displayed': {
    zh: (e) => `标识代码在页面里，但没有显示出来（${e.detail}）。`,
    en: (e) => `The mark's code is on the page but the mark is not displayed (${e.detail}).`,
  },
  'government-domain-without-mark': {
    zh: (e) => `${e.found} 是政府或公益机构域名，但页面上没有网站标识。`,
    en: (e) => `${e.found} is a government or public-institution domain, but the page carries no mark.`,
  },
  offline: {
    zh: () => `离线模式：没有查询证书，只检查了页面本身。`,
    en: () => `Offline: the certificate was not fetched; only the page itself was checked.`,
  },
  'service-unreachable': {
    zh: (e) => `无法连接标识管理中心，暂时不能核验${e.detail ? `（${e.detail}）` : ''}。`,
    en: (e) => `The registry could not be reached, so the mark could not be verified${e.detail ? ` (${e.detail})` : ''}.`,
  },
  'service-timeout': {
    zh: () => `标识管理中心响应超时，暂时不能核验。`,
    en: () => `The registry did not answer in time, so the mark could not be verified.`,
  },
  'service-redirect': {
    zh: (e) => `证书地址被重定向到其他网站（${e.found}），没有采信。`,
    en: (e) => `The certificate address redirected to another host (${e.found}); the answer was not trusted.`,
  },
  'service-error': {
    zh: (e) => `标识管理中心返回了错误（${e.detail}），暂时不能核验。`,
    en: (e) => `The registry answered with an error (${e.detail}), so the mark could not be verified.`,
  },
  'certificate-unreadable': {
    zh: (e) => `无法读懂证书页面（${e.detail}），不能视为通过。`,
    en: (e) => `The certificate page could not be read (${e.detail}); this is not a pass.`,
  },
  'script-unresolved': {
    zh: (e) => `无法从标识脚本得到证书编号（${e.detail}）。`,
    en: (e) => `The certificate id could not be obtained from the embed script (${e.detail}).`,
  },
  'homepage-verified': {
    zh: (e) => `本页无标识；本站首页的标识已核验（${e.found}），持有单位：${e.expected}。`,
    en: (e) => `This page carries no mark; the mark on this site's homepage (${e.found}) is verified, held by ${e.expected}.`,
  },
  'homepage-problem': {
    zh: (e) => `本页无标识；本站首页（${e.found}）的标识有问题，以下各条来自首页。`,
    en: (e) => `This page carries no mark; the mark on this site's homepage (${e.found}) has problems, listed below.`,
  },
  'certificate-read-from-page': {
    zh: (e) => `证书 ${e.found} 读自你打开的证书页面（${e.detail}），标识管理中心的直接查询未能读懂。`,
    en: (e) =>
      `Certificate ${e.found} was read from the certificate page you opened (${e.detail}); the registry's answer to GovMark could not be read.`,
  },
  'certificate-changed': {
    zh: (e) => `本站的标识证书变了：之前核验时是“${e.expected}”，现在是“${e.found}”（自 ${day(e.detail)} 起）。`,
    en: (e) =>
      `This site's certificate has changed: it was "${e.expected}" when last verified, it is "${e.found}" now (since ${day(e.detail)}).`,
  },
};

/** Every reason code, for documentation checks and exports. */
export const REASON_CODES = Object.keys(messages) as ReasonCode[];

export function reasonMessage(reason: Reason, lang: Lang): string {
  return messages[reason.code][lang](reason.evidence);
}

/** The holder's type in words: the normalised type where known, else as the certificate prints it. */
export function holderTypeName(cert: { holderType: string | null; holderTypeText: string | null }, lang: Lang): string | null {
  return (cert.holderType && names[cert.holderType]?.[lang]) || cert.holderTypeText;
}
