/** A check rendered for people (text) and for machines (a record): the command line, the popup's copy and exports. */
import type { Certificate } from './certificate';
import type { CheckResult } from './engine';
import type { Mark } from './scan';
import { stateName, t, type MessageKey } from './i18n';
import { primaryCertificate } from './verify';
import { holderTypeName, reasonMessage, type Lang, type ReasonCode, type Severity, type VerdictState, type Evidence } from './verdict';

export interface CheckRecord {
  url: string;
  checkedAt: string;
  marks: Mark[];
  owner: string | null;
  claims: CheckResult['scan']['claims'];
  certificate: Certificate | null;
  /** What the registry answered for each certificate id asked about (status, and a receipt when fetched). */
  lookups: Record<string, { status: string; detail?: string; sha256?: string; fetchedAt?: string; url?: string }>;
  verdict: {
    state: VerdictState;
    reasons: Array<{ code: ReasonCode; severity: Severity; message: string; evidence: Evidence }>;
  };
}

export function toRecord(result: CheckResult, lang: Lang): CheckRecord {
  const { scan, lookups, verdict } = result;
  return {
    url: scan.url,
    checkedAt: result.checkedAt,
    marks: scan.marks,
    owner: scan.claims.owner,
    claims: scan.claims,
    certificate: primaryCertificate(scan, lookups) ?? null,
    lookups: Object.fromEntries(
      Object.entries(lookups.certificates).map(([id, lookup]) => [
        id,
        {
          status: lookup.status,
          ...('detail' in lookup ? { detail: lookup.detail } : {}),
          ...('receipt' in lookup && lookup.receipt ? lookup.receipt : {}),
        },
      ]),
    ),
    verdict: {
      state: verdict.state,
      reasons: verdict.reasons.map((r) => ({ ...r, message: reasonMessage(r, lang) })),
    },
  };
}

export const SEVERITY_SYMBOL: Record<Severity, string> = { ok: '✓', info: '·', warning: '!', danger: '✗', unknown: '?' };

/** A short plain-text summary: what the command line prints and the popup copies. */
export function renderText(result: CheckResult, lang: Lang): string {
  const record = toRecord(result, lang);
  const label = (key: MessageKey) => t(lang, key);
  const sep = lang === 'zh' ? '：' : ': ';
  const lines = [record.url, `  ${label('verdict')}${sep}${stateName(record.verdict.state, lang)}`];
  const cert = record.certificate;
  if (cert) {
    const type = holderTypeName(cert, lang);
    const fields: Array<[MessageKey, string | null]> = [
      ['holder', type ? `${cert.holder} (${type})` : cert.holder],
      ['siteName', cert.siteName],
      ['domains', cert.domainsAsPrinted.join(', ')],
      ['certNumber', cert.certNumber],
      ['issuer', cert.issuer],
      ['issueDate', cert.issueDate],
      ['creditCode', cert.creditCode],
    ];
    for (const [key, value] of fields) if (value) lines.push(`  ${label(key)}${sep}${value}`);
  }
  if (record.owner) lines.push(`  ${label('owner')}${sep}${record.owner}`);
  if (record.marks.length) {
    const marks = record.marks.map((m) => [m.kind, m.color, m.certId ?? m.scriptCode, m.active ? '' : '(inert)'].filter(Boolean).join(' '));
    lines.push(`  ${label('marks')}${sep}${marks.join('; ')}`);
  }
  for (const reason of record.verdict.reasons) lines.push(`  [${SEVERITY_SYMBOL[reason.severity]}] ${reason.message}`);
  return lines.join('\n');
}
