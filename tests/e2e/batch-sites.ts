/**
 * Sites for the batch spot-check tests: the stand-in's sample sites plus generated ones that cover
 * every way a registry answer can go wrong, with the verdict a static check must reach on each.
 */
import { escapeHtml } from '../../scripts/stand-in/pages';
import { recordByKey, UNKNOWN_ID } from '../../scripts/stand-in/registry';
import { type Expectation, sampleSites } from '../../scripts/stand-in/sites';

export interface BatchSite {
  host: string;
  html: string;
  expect: Expectation;
  /** A reason code the verdict must include. */
  reason?: string;
}

/** A footer with a hard-coded certificate link around a self-hosted image, as many real sites have. */
export function staticMarkPage(opts: { title: string; owner: string; certId: string; color: 'red' | 'blue' }): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(opts.title)}</title></head>
<body><h1>${e(opts.title)}</h1>
<div class="footer"><p>主办单位：${e(opts.owner)}</p>
<a href="https://bszs.conac.cn/sitename?method=show&amp;id=${opts.certId}" target="_blank"><img src="/images/${opts.color}.png" alt="党政机关"></a>
</div></body></html>`;
}

function fromRecord(key: string, expect: Expectation, reason?: string): BatchSite {
  const record = recordByKey(key);
  return {
    host: record.domains.find((d) => /^[\x00-\x7f]+$/.test(d))!,
    html: staticMarkPage({ title: record.siteName, owner: record.holder, certId: record.id, color: record.color }),
    expect,
    reason,
  };
}

/** Registry records whose certificate page misbehaves, each on its registered domain. */
export const generatedSites: BatchSite[] = [
  fromRecord('library', 'warning', 'credit-code-invalid'),
  fromRecord('slow', 'verified', 'domain-match'),
  fromRecord('endless', 'unknown', 'service-timeout'),
  fromRecord('huge', 'unknown', 'service-error'),
  fromRecord('redirect', 'unknown', 'service-redirect'),
  fromRecord('octet', 'unknown', 'certificate-unreadable'),
  fromRecord('image', 'unknown', 'certificate-unreadable'),
  // Its certificate's fields carry markup: shown as text, never run.
  fromRecord('hostile', 'verified', 'domain-match'),
  {
    host: 'www.mmzjj.gov.cn',
    html: staticMarkPage({ title: '某某市住房和城乡建设局', owner: '某某市住房和城乡建设局', certId: UNKNOWN_ID, color: 'red' }),
    expect: 'danger',
    reason: 'certificate-not-found',
  },
];

const REASONS: Record<string, string> = {
  'www.beijing-gov.com.cn': 'domain-mismatch',
  'www.bjzwfw-gov.com': 'link-not-conac',
  'scjgj.moumou.gov.cn': 'certificate-revoked',
  'fgw.beijing.gov.cn': 'holder-mismatch',
  'www.bjhd.gov.cn': 'error-icon',
  'www.moumou.gov.cn': 'government-domain-without-mark',
  'yjj.moumou.gov.cn': 'certificate-unreadable',
  'whlyj.moumou.gov.cn': 'certificate-unreadable',
};

/** Every site the stand-in serves for the batch tests. */
export const batchSites: BatchSite[] = [
  ...sampleSites.map((s) => ({ host: s.host, html: s.html, expect: s.expect, reason: REASONS[s.host] })),
  ...generatedSites,
];

export function batchSiteMap(): Record<string, string> {
  return Object.fromEntries(batchSites.map((s) => [s.host, s.html]));
}
