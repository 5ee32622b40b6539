/** A check rendered for people (text) and for machines (a record): the command line, the popup's copy and exports. */
import type { Certificate } from './engine/certificate';
import type { CheckResult } from './engine/check-page';
import type { Mark } from './engine/scan';
import {
  type Evidence,
  holderTypeName,
  type Lang,
  type ReasonCode,
  reasonMessage,
  type Severity,
  type VerdictState,
} from './engine/verdict';
import { primaryCertificate, printedOwners } from './engine/verify';
import { type MessageKey, stateName, t } from './i18n';

/** Names the record's shape; bumped only if a field changes meaning or goes away (fields may be added). */
export const RECORD_SCHEMA = 'govmark.check/1';

/** What the caller knows beyond the check itself. */
export interface RecordContext {
  /** The extension's or the command line's version. */
  version: string;
  /** The address as typed or given, before redirects; null (or absent) when unknown. */
  requestedUrl?: string | null;
}

export interface CheckRecord {
  schema: typeof RECORD_SCHEMA;
  /** The version of GovMark that made the check; null when the caller did not say. */
  version: string | null;
  checkedAt: string;
  /** The address as typed or given (command line); null in the extension, which cannot see it. */
  requestedUrl: string | null;
  /** The page's address after redirects: what was checked. */
  finalUrl: string;
  /** requestedUrl and finalUrl differ; null when requestedUrl is unknown. */
  redirected: boolean | null;
  /** The same as finalUrl (the field of the first records). */
  url: string;
  /** Every mark found, each with the HTML fragment it came from. */
  marks: Mark[];
  /** The printed owner(s) joined by 、 (the field of the first records). */
  owner: string | null;
  /** The printed owners one by one (joint units); added compatibly to govmark.check/1. */
  owners: string[];
  claims: CheckResult['scan']['claims'];
  /** The certificate the verdict is about, its fields as read from the registry's page. */
  certificate: Certificate | null;
  /** What the registry answered for each certificate id asked about (status, and a receipt when fetched). */
  lookups: Record<string, LookupRecord>;
  verdict: {
    state: VerdictState;
    reasons: Array<{ code: ReasonCode; severity: Severity; message: string; evidence: Evidence }>;
  };
}

/** A lookup; url, fetchedAt, sha256 (of the certificate page's bytes as received) and bytes form its receipt. */
export interface LookupRecord {
  status: string;
  detail?: string;
  url?: string;
  fetchedAt?: string;
  sha256?: string;
  bytes?: number;
}

export function toRecord(result: CheckResult, lang: Lang, context?: RecordContext): CheckRecord {
  const { scan, lookups, verdict } = result;
  const requestedUrl = context?.requestedUrl ?? null;
  return {
    schema: RECORD_SCHEMA,
    version: context?.version ?? null,
    checkedAt: result.checkedAt,
    requestedUrl,
    finalUrl: scan.url,
    redirected: requestedUrl === null ? null : normalised(requestedUrl) !== normalised(scan.url),
    url: scan.url,
    marks: scan.marks,
    owner: scan.claims.owner,
    owners: printedOwners(scan),
    claims: scan.claims,
    certificate: primaryCertificate(scan, lookups) ?? null,
    lookups: Object.fromEntries(
      Object.entries(lookups.certificates).map(([id, lookup]): [string, LookupRecord] => [
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

function normalised(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export const SEVERITY_SYMBOL: Record<Severity, string> = { ok: '✓', info: '·', warning: '!', danger: '✗', unknown: '?' };

export interface TextOptions extends Partial<RecordContext> {
  /**
   * The whole record for a readable export: when and where, every mark with its HTML fragment,
   * the page's claims, each certificate lookup with its receipt (SHA-256), reason codes and the version.
   */
  full?: boolean;
  /** Where the page's address came from (the command line says so for a saved file). */
  addressSource?: MessageKey;
}

/** A plain-text rendering: short, what the command line prints and the popup copies; or full, the exported report. */
export function renderText(result: CheckResult, lang: Lang, options: TextOptions = {}): string {
  const record = toRecord(result, lang, { version: options.version ?? '', requestedUrl: options.requestedUrl });
  const label = (key: MessageKey) => t(lang, key);
  const sep = lang === 'zh' ? '：' : ': ';
  const full = options.full === true;
  const lines = [record.url];
  if (options.addressSource) lines.push(`  ${label('addressSource')}${sep}${label(options.addressSource)}`);
  lines.push(`  ${label('verdict')}${sep}${stateName(record.verdict.state, lang)}`);
  if (full) {
    lines.push(`  ${label('reportCheckedAt')}${sep}${record.checkedAt}`);
    lines.push(`  ${label('reportRequestedUrl')}${sep}${record.requestedUrl ?? label('reportUnknown')}`);
    lines.push(`  ${label('reportFinalUrl')}${sep}${record.finalUrl}`);
  }
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
    if (full) fields.push(['reportCertId', cert.id], ['address', cert.address], ['functions', cert.functions]);
    for (const [key, value] of fields) if (value) lines.push(`  ${label(key)}${sep}${value}`);
  }
  if (record.owner) lines.push(`  ${label('owner')}${sep}${record.owner}`);
  if (full) {
    const claims: Array<[MessageKey, string | null]> = [
      ['reportSiteCode', record.claims.siteCode],
      ['reportIcp', record.claims.icp],
      ['reportPsb', record.claims.psb],
    ];
    for (const [key, value] of claims) if (value) lines.push(`  ${label(key)}${sep}${value}`);
  }
  const markLine = (m: Mark) => [m.kind, m.color, m.certId ?? m.scriptCode, m.active ? '' : '(inert)'].filter(Boolean).join(' ');
  if (record.marks.length && !full) lines.push(`  ${label('marks')}${sep}${record.marks.map(markLine).join('; ')}`);
  if (record.marks.length && full) {
    lines.push(`  ${label('marks')}${sep}${record.marks.length}`);
    record.marks.forEach((m, i) => {
      lines.push(`    ${i + 1}. ${markLine(m)}`);
      if (m.linkUrl) lines.push(`       ${label('markLink')}${sep}${m.linkUrl}`);
      if (m.scriptUrl) lines.push(`       ${label('reportScript')}${sep}${m.scriptUrl}`);
      lines.push(`       HTML${sep}${m.html.replace(/\s*\n\s*/g, ' ')}`);
    });
  }
  if (full) {
    for (const [id, lookup] of Object.entries(record.lookups)) {
      lines.push(`  ${label('reportLookup')} ${id}${sep}${lookup.status}${lookup.detail ? ` (${lookup.detail})` : ''}`);
      if (lookup.url) lines.push(`    ${label('reportReceivedFrom')}${sep}${lookup.url}`);
      if (lookup.fetchedAt) lines.push(`    ${label('reportFetchedAt')}${sep}${lookup.fetchedAt}`);
      if (lookup.sha256)
        lines.push(`    SHA-256${sep}${lookup.sha256}${lookup.bytes === undefined ? '' : ` (${lookup.bytes} bytes)`}`);
    }
  }
  for (const reason of record.verdict.reasons) {
    lines.push(`  [${SEVERITY_SYMBOL[reason.severity]}] ${reason.message}${full ? ` (${reason.code})` : ''}`);
  }
  if (full) lines.push(`  ${label('extName')} ${record.version || '?'} · ${record.schema}`);
  return lines.join('\n');
}
