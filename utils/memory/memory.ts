/**
 * Certificate memory: per site, the certificate last verified there, and every change since. Pure.
 * It lives in this browser only (see browser-memory.ts); nothing of it is ever sent anywhere.
 */
import type { Certificate } from '../engine/certificate';
import type { CheckResult } from '../engine/check-page';
import { domainRelation, siteKey, toAsciiHost } from '../engine/domain';
import { type Lang, type Reason, reasonMessage, type Severity, stateOf, type Verdict } from '../engine/verdict';
import { primaryCertificate } from '../engine/verify';
import type { Indicator } from '../extension/tab-state';

/** What a certificate said about who holds the site. */
export interface Snapshot {
  /** 32 upper-case hex digits. */
  certId: string;
  holder: string | null;
  /** The registered domains as printed on the certificate. */
  domains: string[];
}

export type ChangedField = 'certId' | 'holder' | 'domains';

export interface Change {
  /** When the new certificate was first seen: the change happened at the latest then. */
  at: string;
  /** When the old certificate was last verified: the change happened after that. */
  previousVerified: string;
  from: Snapshot;
  to: Snapshot;
  fields: ChangedField[];
}

export interface SiteMemory extends Snapshot {
  /** siteKey of the host: www.x and x are one site. */
  site: string;
  /** When the current certificate was first verified here. */
  firstSeen: string;
  /** When it was last verified here. */
  lastVerified: string;
  /** Newest first, at most MAX_CHANGES. */
  changes: Change[];
}

/**
 * The history page's address. Not /history.html: WXT makes an entrypoint named "history" the
 * browser's own History page (chrome_url_overrides.history).
 */
export const HISTORY_PAGE = '/certificate-history.html';

export const MAX_CHANGES = 20;
/** A change of certificate or holder is reported on every check of the site for this long after it was first seen. */
export const CHANGE_NOTICE_MS = 7 * 24 * 60 * 60 * 1000;

/** The memory's key for a page address ('' when it has no host). */
export function siteOf(url: string): string {
  try {
    const host = new URL(url).hostname;
    return host ? siteKey(host) : '';
  } catch {
    return '';
  }
}

/**
 * The certificate a check may be compared with memory on: read from the registry, and registered
 * for this very site (a borrowed or related mark says nothing about who holds this site).
 */
export function certificateOfSite(result: CheckResult): Certificate | undefined {
  const cert = primaryCertificate(result.scan, result.lookups);
  if (!cert) return undefined;
  let host = '';
  try {
    host = new URL(result.scan.url).hostname;
  } catch {
    return undefined;
  }
  return domainRelation(host, cert.domains) === 'match' ? cert : undefined;
}

function snapshotOf(cert: Certificate): Snapshot {
  return { certId: cert.id.toUpperCase(), holder: cert.holder?.trim() || null, domains: [...cert.domainsAsPrinted] };
}

const sameHolder = (a: string | null, b: string | null) => (a ?? '').replace(/\s+/g, '') === (b ?? '').replace(/\s+/g, '');
const domainSet = (domains: string[]) =>
  [...new Set(domains.map((d) => toAsciiHost(d) ?? d.trim().toLowerCase()))].sort().join(' ');

function changedFields(from: Snapshot, to: Snapshot): ChangedField[] {
  const fields: ChangedField[] = [];
  if (from.certId !== to.certId) fields.push('certId');
  if (!sameHolder(from.holder, to.holder)) fields.push('holder');
  if (domainSet(from.domains) !== domainSet(to.domains)) fields.push('domains');
  return fields;
}

/** A change worth a warning: another certificate or another holder. New domains alone are only recorded. */
export const isAlert = (change: Change) => change.fields.includes('certId') || change.fields.includes('holder');

/**
 * Applies one check to a site's memory.
 * - Only a certificate the registry returned for this very site counts; a check without one
 *   (registry down, offline, no mark, a borrowed or related mark) leaves memory as it was.
 * - A danger verdict never overwrites memory: a page that is dangerous does not get to redefine
 *   the site's genuine certificate. Its certificate is still compared, and a difference reported.
 * - Another certificate id or holder than remembered is a change (kept, newest first, at most
 *   MAX_CHANGES); so are other registered domains, which are recorded but not alerted on.
 * - `change` is what this check should report: a new change of id or holder, or the latest such
 *   change while it is under CHANGE_NOTICE_MS old and still describes the current certificate,
 *   so re-checks keep saying it.
 * - `memory` is `previous` itself (the same object) when there is nothing to write.
 */
export function remember(
  previous: SiteMemory | undefined,
  result: CheckResult,
  now: number,
): { memory: SiteMemory | undefined; change: Change | null } {
  const cert = certificateOfSite(result);
  const site = siteOf(result.scan.url);
  if (!cert || !site) return { memory: previous, change: null };
  const at = new Date(now).toISOString();
  const current = snapshotOf(cert);
  const writable = result.verdict.state !== 'danger';

  if (!previous) {
    if (!writable) return { memory: previous, change: null };
    return { memory: { site, ...current, firstSeen: at, lastVerified: at, changes: [] }, change: null };
  }

  const fields = changedFields(previous, current);
  if (fields.length > 0) {
    const from: Snapshot = { certId: previous.certId, holder: previous.holder, domains: previous.domains };
    const change: Change = { at, previousVerified: previous.lastVerified, from, to: current, fields };
    const report = isAlert(change) ? change : ongoing(previous.changes, current, now);
    if (!writable) return { memory: previous, change: report };
    const changes = [change, ...previous.changes].slice(0, MAX_CHANGES);
    const firstSeen = isAlert(change) ? at : previous.firstSeen;
    return { memory: { site, ...current, firstSeen, lastVerified: at, changes }, change: report };
  }
  const report = ongoing(previous.changes, current, now);
  if (!writable) return { memory: previous, change: report };
  // The same domains may be printed differently (full-width dots): keep them as last printed.
  return { memory: { ...previous, holder: current.holder, domains: current.domains, lastVerified: at }, change: report };
}

/** The latest change of id or holder, while it is recent and still describes the current certificate. */
function ongoing(changes: Change[], current: Snapshot, now: number): Change | null {
  const latest = changes.find(isAlert);
  if (!latest || latest.to.certId !== current.certId || !sameHolder(latest.to.holder, current.holder)) return null;
  return now - Date.parse(latest.at) < CHANGE_NOTICE_MS ? latest : null;
}

/** How a snapshot is named in evidence: the holder and the certificate id, in any language. */
export function describeSnapshot(snapshot: Snapshot): string {
  return snapshot.holder ? `${snapshot.holder} (${snapshot.certId})` : snapshot.certId;
}

/** Most serious first, as verify() orders them. */
const SEVERITY_ORDER: Severity[] = ['danger', 'warning', 'unknown', 'info', 'ok'];

/**
 * The verdict with the change added as a `certificate-changed` warning, the state recomputed by
 * the one rule (stateOf). Without a change, the verdict as it is (less any stale change reason).
 */
export function withMemory(verdict: Verdict, change: Change | null): Verdict {
  const others = verdict.reasons.filter((r) => r.code !== 'certificate-changed');
  if (!change) return others.length === verdict.reasons.length ? verdict : { state: restate(verdict, others), reasons: others };
  const reason: Reason = {
    code: 'certificate-changed',
    severity: 'warning',
    evidence: { expected: describeSnapshot(change.from), found: describeSnapshot(change.to), detail: change.at },
  };
  // First among the warnings: it is what is new about the site.
  const reasons = [...others];
  const index = reasons.findIndex((r) => SEVERITY_ORDER.indexOf(r.severity) >= SEVERITY_ORDER.indexOf('warning'));
  reasons.splice(index === -1 ? reasons.length : index, 0, reason);
  return { state: restate(verdict, reasons), reasons };
}

/** A verdict was 'verified' only with a verified certificate; adding or removing a reason keeps that fact. */
function restate(verdict: Verdict, reasons: Reason[]): Verdict['state'] {
  const hadCertificate = verdict.state === 'verified' || verdict.reasons.some((r) => r.code === 'domain-match');
  return stateOf(reasons, hadCertificate);
}

/** The check with memory applied to its verdict. */
export function applyChange(result: CheckResult, change: Change | null): CheckResult {
  const verdict = withMemory(result.verdict, change);
  return verdict === result.verdict ? result : { ...result, verdict };
}

/** The toolbar title names the change too (what it was, what it is, since when): hovering says it. */
export function indicatorWithChange(indicator: Indicator, verdict: Verdict, lang: Lang): Indicator {
  const reason = verdict.reasons.find((r) => r.code === 'certificate-changed');
  return reason ? { ...indicator, title: `${indicator.title}\n${reasonMessage(reason, lang)}` } : indicator;
}
