/** The certificate page (标识证书基本信息), read by its labels. */

/** 党政机关 (organ) or 事业单位 (institution); anything else the page prints is 'other'. */
export type HolderType = 'organ' | 'institution' | 'other';

export interface Certificate {
  id: string;
  siteName: string | null;
  /** Registered domains in ASCII (punycode), lower case, without a trailing dot. */
  domains: string[];
  /** The domains exactly as printed (may be Chinese). */
  domainsAsPrinted: string[];
  holder: string | null;
  holderType: HolderType | null;
  /** The type as printed, e.g. 党政机关 / 行政机关 / 事业单位. */
  holderTypeText: string | null;
  address: string | null;
  functions: string | null;
  issuer: string | null;
  certNumber: string | null;
  issueDate: string | null;
  creditCode: string | null;
}

export type CertificateParse =
  | { status: 'ok'; certificate: Certificate }
  | { status: 'not-found' }
  | { status: 'unreadable'; detail: string };

/** Reads a certificate page's HTML text. DOM-free: runs in a service worker. Never throws. */
export function parseCertificate(_html: string, _id: string): CertificateParse {
  return { status: 'unreadable', detail: 'not implemented' };
}
