/**
 * Certificate addresses read the way the registry's server would read them: percent-encoded path
 * characters (`/%73itename`), path parameters (`;jsessionid=…`), encoded query values; and a
 * certificate address carried inside another link's query or fragment (a redirector, which stands
 * for that certificate but does not itself go to the registry).
 */
import { CERT_ID_PATTERN } from '../conac';
import type { Href } from './context';

/** The certificate id (upper case) when `url` is the certificate page's address, whatever its host. */
export function certificateIdIn(url: URL): string | null {
  if (!/\/sitename$/i.test(plainPath(url.pathname))) return null;
  if (url.searchParams.get('method')?.toLowerCase() !== 'show') return null;
  const id = url.searchParams.get('id')?.toUpperCase();
  return id && CERT_ID_PATTERN.test(id) ? id : null;
}

/** The path with percent-escapes decoded and `;parameters` dropped from each segment. */
function plainPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    /* a broken escape: the server reads it as written */
  }
  return decoded.replace(/;[^/]*/g, '');
}

/** A certificate address inside a redirector's query or fragment, encoded or not. */
const CARRIED = /(?:https?:)?\/\/[^\s"'<>/?#]+\/[^\s"'<>?#]*sitename[^\s"'<>]*/i;
/** Characters read on each side of the carried `sitename`: room for a host, a path and the query. */
const CARRIED_REACH = 400;

function carriedId(url: URL): string | null {
  // Decoded before looking for the word: a redirector decodes its query, so `s%69tename` is `sitename` to it.
  let text = url.search + url.hash;
  try {
    text = decodeURIComponent(text);
  } catch {
    /* read it as written */
  }
  // Read only near the word: an address reaching it is short, and a pattern run over a long query
  // full of `//` is quadratic (a hostile link once took seconds). Without the word (at = -1) the
  // slice is the text's start, where CARRIED, which needs the word, finds nothing.
  const at = text.search(/sitename/i);
  const inner = CARRIED.exec(text.slice(Math.max(0, at - CARRIED_REACH), at + CARRIED_REACH));
  try {
    return inner && certificateIdIn(new URL(inner[0], 'https://carried.invalid/'));
  } catch {
    return null;
  }
}

export function hrefOf(url: URL): Href {
  const own = certificateIdIn(url);
  const certId = own ?? carriedId(url);
  // A /sitename link with a mangled id is still meant as a mark, and is reported as unverifiable.
  const mangled =
    /\/sitename$/i.test(plainPath(url.pathname)) &&
    (url.searchParams.get('method')?.toLowerCase() === 'show' || /conac/i.test(url.hostname));
  return {
    // A carried certificate makes the link certificate-shaped: it stands for the certificate, from another host.
    link: { certId, linkUrl: url.href, linkHost: url.hostname, certificateLink: certId != null },
    meant: certId != null || mangled,
  };
}
