/** The rules: from what the page shows and what the certificates say, to one verdict. Pure. */
import type { Certificate } from './certificate';
import { CERTIFICATE_HOST } from './conac';
import type { CertificateLookup, ScriptLookup } from './conac-client';
import { checkCreditCode, creditCodeMatchesType } from './credit-code';
import { domainRelation, hostOf, isGovernmentDomain } from './domain';
import type { Mark, PageScan } from './scan';
import { holderRule } from './unit-name';
import { type Reason, type Severity, stateOf, type Verdict } from './verdict';

export interface Lookups {
  /** Certificate lookups by certificate id; absent when offline. */
  certificates: Record<string, CertificateLookup>;
  /** Embed-script lookups by script code. */
  scripts: Record<string, ScriptLookup>;
  offline: boolean;
  /** A page without a mark judged by its site's homepage (see homepage.ts): the homepage's check. */
  homepage?: { scan: PageScan; lookups: Lookups; checkedAt: string };
}

/** The certificate id a mark stands for: its own, or the one its embed script gave. */
export function markCertId(mark: Mark, scripts: Lookups['scripts']): string | null {
  if (mark.certId) return mark.certId;
  const script = mark.scriptCode ? scripts[mark.scriptCode] : undefined;
  return script?.status === 'ok' ? script.certId : null;
}

/**
 * Marks that can be checked: displayed ones, and official embeds that did not render — the
 * script can still be asked which certificate it stands for.
 */
function checkable(scan: PageScan): Mark[] {
  return scan.marks.filter((m) => m.active || (m.kind === 'live-script' && m.scriptCode));
}

/** Ids worth asking the registry about: checkable marks whose link (if any) really goes to CONAC. */
export function idsToLookUp(scan: PageScan, scripts: Lookups['scripts'] = {}): string[] {
  const ids = checkable(scan)
    .filter((m) => linkVerdict(m, hostOf(scan.url)) === 'conac')
    .map((m) => markCertId(m, scripts))
    .filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

/** Embed scripts to resolve: official embeds that did not render a link. */
export function scriptsToResolve(scan: PageScan): string[] {
  const codes = checkable(scan)
    .filter((m) => !m.certId && m.scriptCode)
    .map((m) => m.scriptCode!);
  return [...new Set(codes)];
}

type LinkVerdict = 'conac' | 'imitation' | 'not-a-certificate' | 'none';

/** Marks shown as the mark's image (the official one or a copy), as opposed to text links. */
const IMAGE_KINDS: ReadonlySet<Mark['kind']> = new Set(['static-link', 'live-script']);

function linkVerdict(mark: Mark, pageHost: string): LinkVerdict {
  if (mark.linkUrl === null) return mark.kind === 'image-only' ? 'none' : 'conac';
  let url: URL;
  try {
    url = new URL(mark.linkUrl);
  } catch {
    return 'not-a-certificate';
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (web && url.hostname === CERTIFICATE_HOST) return mark.certificateLink ? 'conac' : 'not-a-certificate';
  // A script or data URL, a certificate-shaped path elsewhere, or a host dressed up as CONAC's.
  // CONAC's own other hosts (biaozhi.conac.cn, www.conac.cn) are real sites, just not certificates.
  const conacOwned = url.hostname === 'conac.cn' || url.hostname.endsWith('.conac.cn');
  if (mark.certificateLink || (/conac/i.test(url.hostname) && !conacOwned)) return 'imitation';
  // A script link (`javascript:void(0)`, its handler unread) leads nowhere by itself: not a certificate, not an imitation.
  if (url.protocol === 'javascript:') return 'not-a-certificate';
  if (!web) return 'imitation';
  // The mark's image linked to a web page of some other site: a made-up certificate. A link to the
  // page's own site (#, its home page) or to CONAC's other hosts is only not a certificate. A page
  // without an address has no own site: domainRelation finds nothing related to ''.
  const ownSite = domainRelation(url.hostname, [pageHost]) !== 'mismatch';
  if (IMAGE_KINDS.has(mark.kind) && !conacOwned && !ownSite) return 'imitation';
  return 'not-a-certificate';
}

export function verify(scan: PageScan, lookups: Lookups): Verdict {
  const reasons: Reason[] = [];
  const add = (code: Reason['code'], severity: Severity, evidence: Reason['evidence'] = {}) =>
    reasons.push({ code, severity, evidence });
  const pageHost = hostOf(scan.url);
  const active = scan.marks.filter((m) => m.active);

  if (scan.marks.length === 0) {
    if (isGovernmentDomain(pageHost)) add('government-domain-without-mark', 'warning', { found: pageHost });
    return { state: stateOf(reasons, false), reasons };
  }
  // An embed that did not render is the site's fault only if the registry's script can be had.
  const outage = scan.marks.some((m) => m.scriptCode && lookups.scripts[m.scriptCode]?.status === 'unreachable');
  if (active.length === 0 && !outage) {
    add('mark-not-displayed', 'warning', { detail: [...new Set(scan.marks.map((m) => m.kind))].join(', ') });
  }

  for (const mark of checkable(scan)) {
    const link = linkVerdict(mark, pageHost);
    if (link === 'imitation') {
      add('link-not-conac', 'danger', {
        expected: CERTIFICATE_HOST,
        // Stryker disable next-line StringLiteral: an imitation always has a link address (linkVerdict parsed it), so '' is never reached
        found: mark.linkHost || mark.linkUrl || '',
      });
    }
    if (link === 'not-a-certificate') {
      add('mark-unverifiable', 'warning', {
        // Stryker disable next-line StringLiteral: a link judged not a certificate always has an address (a null link is 'conac' or 'none')
        found: mark.linkUrl ?? '',
      });
    }
    if (link === 'none') add('mark-unverifiable', 'warning', { detail: 'image-only' });
    if (mark.scriptCode && !markCertId(mark, lookups.scripts) && !lookups.offline) {
      const script = lookups.scripts[mark.scriptCode];
      if (script?.status === 'unreachable') addUnreachable(add, script);
      else
        add('script-unresolved', 'unknown', {
          found: mark.scriptCode,
          detail: script?.status === 'unresolved' ? script.detail : 'not fetched',
        });
    }
  }

  const ids = idsToLookUp(scan, lookups.scripts);
  if (ids.length > 1) add('multiple-certificates', 'warning', { found: ids.join(', ') });
  if (lookups.offline && (ids.length > 0 || scriptsToResolve(scan).length > 0)) add('offline', 'unknown');

  const found = ids.map((id) => [id, lookups.certificates[id]] as const).filter(([, lookup]) => lookup);
  for (const [id, lookup] of found) {
    if (lookup.status === 'not-found') add('certificate-not-found', 'danger', { found: id });
    if (lookup.status === 'revoked') add('certificate-revoked', 'danger', { found: id, detail: lookup.detail });
    if (lookup.status === 'ok' && lookup.renderedPage)
      add('certificate-read-from-page', 'info', { found: id, detail: lookup.renderedPage.url });
    if (lookup.status === 'unreadable') add('certificate-unreadable', 'unknown', { found: id, detail: lookup.detail });
    if (lookup.status === 'unreachable') addUnreachable(add, lookup);
  }
  const primary = primaryCertificate(scan, lookups);
  if (primary) checkCertificate(primary, scan, active, pageHost, add);

  if (active.some((m) => m.errorIcon)) {
    add('error-icon', reasons.some((r) => r.code === 'domain-mismatch') ? 'danger' : 'warning');
  }
  const distinct = reasons.filter((r, i) => reasons.findIndex((o) => sameReason(o, r)) === i);
  distinct.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return { state: stateOf(distinct, primary !== undefined), reasons: distinct };
}

/** The certificate the verdict is about: with several, the one registered for this site, if any. */
export function primaryCertificate(scan: PageScan, lookups: Lookups): Certificate | undefined {
  // A page without a mark judged by its homepage shows the homepage's certificate.
  if (scan.marks.length === 0 && lookups.homepage) return primaryCertificate(lookups.homepage.scan, lookups.homepage.lookups);
  const certificates = idsToLookUp(scan, lookups.scripts).flatMap((id) => {
    const lookup = lookups.certificates[id];
    return lookup?.status === 'ok' ? [lookup.certificate] : [];
  });
  const pageHost = hostOf(scan.url);
  return certificates.find((c) => domainRelation(pageHost, c.domains) === 'match') ?? certificates[0];
}

function checkCertificate(cert: Certificate, scan: PageScan, active: Mark[], pageHost: string, add: AddReason) {
  const registered = cert.domainsAsPrinted.join(', ');
  const relation = domainRelation(pageHost, cert.domains);
  if (relation === 'match') add('domain-match', 'ok', { found: pageHost, expected: registered });
  if (relation === 'related') add('domain-related', 'warning', { found: pageHost, expected: registered });
  if (relation === 'mismatch') add('domain-mismatch', 'danger', { found: pageHost, expected: registered });

  const owners = printedOwners(scan);
  const rule = cert.holder ? holderRule(owners, cert.holder) : null;
  if (!owners.length || !cert.holder) add('owner-not-printed', 'info');
  else if (rule) add('holder-match', 'ok', { found: cert.holder, detail: rule });
  else add('holder-mismatch', 'warning', { found: owners.join('、'), expected: cert.holder });

  const expectedColor = cert.holderType === 'organ' ? 'red' : cert.holderType === 'institution' ? 'blue' : null;
  const color = active.find((m) => m.certId === cert.id && m.color)?.color ?? active.find((m) => m.color)?.color;
  if (expectedColor && color) {
    if (color === expectedColor) add('color-match', 'ok', { found: color });
    else add('color-type-mismatch', 'warning', { found: color, expected: cert.holderType! });
  }

  if (cert.creditCode) {
    const code = checkCreditCode(cert.creditCode);
    if (!code.valid || !code.checkOk) add('credit-code-invalid', 'warning', { found: cert.creditCode });
    if (cert.holderType && creditCodeMatchesType(code.category, cert.holderType) === false) {
      add('credit-code-type-mismatch', 'warning', { found: cert.creditCode, expected: cert.holderType });
    }
  }
}

/** The owners the page prints; scans from before the list existed carry only `owner`. */
export function printedOwners(scan: PageScan): string[] {
  const { owner, owners } = scan.claims;
  return owners ?? (owner ? [owner] : []);
}

type AddReason = (code: Reason['code'], severity: Severity, evidence?: Reason['evidence']) => void;

function addUnreachable(add: AddReason, failure: { cause: string; detail: string }) {
  const code =
    failure.cause === 'timeout'
      ? 'service-timeout'
      : failure.cause === 'redirect'
        ? 'service-redirect'
        : failure.cause === 'network'
          ? 'service-unreachable'
          : 'service-error';
  add(code, 'unknown', { found: failure.detail, detail: failure.detail });
}

/** Most serious first, so every front shows what matters at the top. */
const SEVERITY_ORDER: Severity[] = ['danger', 'warning', 'unknown', 'info', 'ok'];

/** Several identical marks make one reason, not several. */
function sameReason(a: Reason, b: Reason): boolean {
  return a.code === b.code && JSON.stringify(a.evidence) === JSON.stringify(b.evidence);
}
