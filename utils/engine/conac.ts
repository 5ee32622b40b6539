/** The CONAC hosts and the shapes of their addresses. */

/** Serves certificate pages. The only host a certificate link may point to. */
export const CERTIFICATE_HOST = 'bszs.conac.cn';
/** Serves the embed scripts and mark images. */
export const SCRIPT_HOST = 'dcs.conac.cn';

export const CERT_ID_PATTERN = /^[0-9A-F]{32}$/;
/** `CA` + 21 digits: province (2), prefecture (3), county (4), institution (8), site (4). */
export const SCRIPT_CODE_PATTERN = /CA\d{21}/;

export function certificateUrl(certId: string, origin = `https://${CERTIFICATE_HOST}`): string {
  return `${origin}/sitename?method=show&id=${certId}`;
}

/**
 * The certificate id (upper case) when `url` has the certificate page's shape,
 * `/sitename?method=show&id=<32 hex>`, whatever its host (judging the host is the verifier's job).
 */
export function certificateIdOf(url: URL): string | null {
  if (!/\/sitename$/i.test(url.pathname)) return null;
  if (url.searchParams.get('method')?.toLowerCase() !== 'show') return null;
  const id = String(url.searchParams.get('id')); // no id: 'null', which is no id either
  return /^[0-9a-f]{32}$/i.test(id) ? id.toUpperCase() : null;
}

/** One of the mark images the registry serves (`/image/red.png`, `blue_error.png` …). */
export function isOfficialImageUrl(url: URL): boolean {
  return url.hostname === SCRIPT_HOST && url.pathname.startsWith('/image/');
}

/** The official embed script: on the registry's host, or copied elsewhere under its `CA….js` name. */
export function isEmbedScriptUrl(url: URL): boolean {
  return /CA\d{21}\.js$/.test(url.pathname) || (url.hostname === SCRIPT_HOST && url.pathname.startsWith('/js/'));
}
