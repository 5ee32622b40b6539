/**
 * The certificate page a person opened, read after its scripts ran: when GovMark's own fetch of
 * the certificate could not be read, what the real registry page shows the person may stand in.
 */
import type { CertificateParse } from './certificate';
import { CERTIFICATE_HOST, certificateIdOf } from './conac';
import type { CertificateLookup } from './conac-client';

/**
 * The certificate id a sender may speak for: a top frame (frameId 0) whose address, as the browser
 * reports it, is a certificate page exactly on bszs.conac.cn; null for anything else. What the
 * message itself says about its origin is never asked.
 */
export function certificatePageId(senderUrl: string | undefined, frameId: number | undefined): string | null {
  if (frameId !== 0 || !senderUrl) return null;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname !== CERTIFICATE_HOST) return null;
  if (url.username || url.password || url.port) return null;
  return certificateIdOf(url);
}

/**
 * Whether the rendered page may replace GovMark's own lookup: only a certificate the page could be
 * read as, in place of a fetch that ended unreadable, unreachable, timed out or in an error. A
 * redirect off the registry, a "not found" and a certificate already read are never replaced.
 */
export function mayUseRenderedCertificate(fetched: CertificateLookup | undefined, rendered: CertificateParse): boolean {
  if (rendered.status !== 'ok' || !fetched) return false;
  if (fetched.status === 'unreadable') return true;
  return fetched.status === 'unreachable' && fetched.cause !== 'redirect';
}

/** The lookup the rendered page gives, saying where it was read. */
export function renderedLookup(rendered: CertificateParse, pageUrl: string, now: number): CertificateLookup {
  return { ...rendered, renderedPage: { url: pageUrl, readAt: new Date(now).toISOString() } };
}
