/** What a page shows: the marks it carries and what it claims about itself. Plain data. */

export type MarkKind =
  | 'live-script' // the official dcs.conac.cn embed (rendered or not)
  | 'static-link' // a hard-coded certificate link around an image
  | 'text-link' // a certificate link with text only, or empty
  | 'image-only' // a mark image with no certificate link
  | 'js-generated' // a mark that exists only inside script text
  | 'commented-out'; // a mark inside an HTML comment

export type MarkColor = 'red' | 'blue';

export interface Mark {
  kind: MarkKind;
  /** The 32 hex characters after `id=`, upper case. */
  certId: string | null;
  /** `CA` + 21 digits, from the embed script's file name. */
  scriptCode: string | null;
  /** The embed script's absolute address, when there is one. */
  scriptUrl: string | null;
  color: MarkColor | null;
  /** Shows `red_error` / `blue_error`. */
  errorIcon: boolean;
  /** The link's absolute address, when there is a link. */
  linkUrl: string | null;
  /** The link's host exactly as the URL standard parses it ('' for hostless URLs such as `javascript:`). */
  linkHost: string | null;
  /** The link has the shape of a certificate page (`sitename?method=show&id=<32 hex>`), whatever its host. */
  certificateLink: boolean;
  /** Displayed (or will be, for script-made marks) rather than commented out, broken or never rendered. */
  active: boolean;
  /** The HTML fragment the mark came from, capped at a few hundred characters (evidence, never rendered). */
  html: string;
}

export interface PageClaims {
  /** The unit(s) the page says run it (主办单位, 主办, 版权所有 …), as printed; joint units joined by 、. */
  owner: string | null;
  /**
   * The same units one by one (joint units, 合署办公). Absent in scans made before it existed
   * (stored verdicts, govmark.check/1 records of earlier versions): read `owner` then.
   */
  owners?: string[];
  /** 网站标识码 (State Council register), e.g. 3600000013. */
  siteCode: string | null;
  /** ICP 备案号, e.g. 京ICP备05070218号. */
  icp: string | null;
  /** 公网安备 number. */
  psb: string | null;
}

export interface PageScan {
  /** The page's address (after redirects). */
  url: string;
  marks: Mark[];
  claims: PageClaims;
}

/**
 * A scan before its claims are read: what the content script sends. The owner reader and its word
 * tables stay out of the script that runs on every page; `completeScan` (detect/complete.ts) reads
 * the claims from `claimText` where the scan is verified. Never stored: only the PageScan it completes to.
 */
export interface ScanDraft {
  url: string;
  marks: Mark[];
  /** The end of the page's text, where footers print the claims ('' when they were not read); at most CLAIM_CHARS. */
  claimText: string;
  /** 网站标识码 given by the page's scripts (the 找错 badge's sitecode): the claim when the text prints none. */
  siteCode: string | null;
}
