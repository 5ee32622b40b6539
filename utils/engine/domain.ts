/** Host names: printed domains to ASCII, and how a page's host relates to a certificate's domains. */

/** Registry-only suffixes (punycode): .gov.cn, .政务, .公益, .政务.cn, .公益.cn. */
export const GOVERNMENT_SUFFIXES: readonly string[] = [
  'gov.cn',
  'xn--zfr164b',
  'xn--55qw42g',
  'xn--zfr164b.cn',
  'xn--55qw42g.cn',
];

/**
 * Suffixes under which anyone (or any unit) registers, so they never name one site.
 * Every single-label host (cn, com, 政务 …) counts as well; see isPublicSuffix.
 * The two-letter entries are the provincial second-level domains under .cn.
 */
const PUBLIC_SUFFIXES = new Set<string>([
  ...GOVERNMENT_SUFFIXES,
  ...['com', 'net', 'org', 'edu', 'ac', 'mil'].map((s) => `${s}.cn`),
  ...'bj sh tj cq he sx nm ln jl hl js zj ah fj jx sd ha hb hn gd gx hi sc gz yn xz sn gs qh nx xj tw hk mo'
    .split(' ')
    .map((s) => `${s}.cn`),
]);

const HOST_PATTERN = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/;

/**
 * A printed domain or host as the ASCII (punycode) host the address bar shows, or null.
 * Accepts Chinese labels, full-width dots and letters, a scheme, a path, a port and a trailing dot.
 */
export function toAsciiHost(input: string): string | null {
  if (typeof input !== 'string' || input.length > 2000) return null;
  // NFKC first so that full-width scheme, colon and slashes are recognised; 。 and ｡ survive NFKC.
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/[。｡]/g, '.')
    .replace(/^(?:[a-z][a-z0-9+.-]*:)?\/\//i, '');
  let host: string;
  // Nothing left (an empty input) makes `http://`, which new URL refuses: null below.
  try {
    host = new URL(`http://${s}`).hostname;
  } catch {
    return null;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  return HOST_PATTERN.test(host) ? host : null;
}

/** A bare suffix (any single label, or a listed registry suffix) is not a site. */
export function isPublicSuffix(host: string): boolean {
  return !host.includes('.') || PUBLIC_SUFFIXES.has(host);
}

/**
 * The site a host belongs to: www.x and x are the same site. The www. stays when stripping it
 * would leave a bare suffix, so www.gov.cn does not become gov.cn (every .gov.cn site would relate).
 */
export function siteKey(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h.startsWith('www.') && !isPublicSuffix(h.slice(4))) return h.slice(4);
  return h;
}

function isUnder(child: string, parent: string): boolean {
  return !isPublicSuffix(parent) && child.endsWith(`.${parent}`);
}

export type DomainRelation = 'match' | 'related' | 'mismatch';

/**
 * 'match': the page is a registered site (www. ignored). 'related': the page is a subdomain or a
 * parent of one, on label boundaries. A bare public suffix never matches nor relates.
 */
export function domainRelation(pageHost: string, registered: readonly string[]): DomainRelation {
  const page = toAsciiHost(pageHost);
  if (!page) return 'mismatch';
  const pk = siteKey(page);
  if (isPublicSuffix(pk)) return 'mismatch';
  let related = false;
  for (const r of registered) {
    const ascii = toAsciiHost(r);
    if (!ascii) continue;
    const rk = siteKey(ascii);
    if (rk === pk) return 'match';
    if (isUnder(pk, rk) || isUnder(rk, pk)) related = true;
  }
  return related ? 'related' : 'mismatch';
}

/** Under a suffix only the registry hands out (a name under it, not the suffix itself). */
export function isGovernmentDomain(host: string): boolean {
  const ascii = toAsciiHost(host);
  return ascii !== null && GOVERNMENT_SUFFIXES.some((s) => ascii.endsWith(`.${s}`));
}

/** The host of an address ('' for none, or for text that is no address). */
export function hostOf(url: string | undefined): string {
  try {
    // '' and undefined ('undefined') are no address: new URL throws on both.
    return new URL(String(url)).hostname;
  } catch {
    return '';
  }
}
