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
