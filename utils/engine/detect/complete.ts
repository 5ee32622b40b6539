/**
 * Completes a drafted scan: reads what the page claims about itself — its owners, 网站标识码, ICP
 * and 公网安备 numbers — from the footer text the draft carries. Runs where a scan is verified (the
 * service worker, the command line, the batch), so the owner reader and its word tables are not
 * shipped to every page the content script runs on.
 */
import type { PageClaims, PageScan, ScanDraft } from '../scan';
import { CLAIM_CHARS } from './claims';
import { ownersOf } from './owner';

/**
 * What a page's claim text says; `siteCode` is the one its scripts gave (the 找错 badge), used when
 * the text prints none. At most the text's last CLAIM_CHARS are read, whoever sent it: a draft
 * comes from a content script, which runs inside the page.
 */
export function claimsOf(text: unknown, siteCode: string | null): PageClaims {
  const bounded = typeof text === 'string' ? text.slice(-CLAIM_CHARS) : '';
  let owners: string[] = [];
  try {
    owners = ownersOf(bounded);
  } catch {
    /* the detector never throws; neither does the reading it hands on */
  }
  // The last one printed, as for the owner: an article above the footer may quote others.
  const last = (pattern: RegExp) => [...bounded.matchAll(pattern)].at(-1) ?? null;
  const printedCode = last(/网站标识码\s*[：:]?\s*([A-Za-z0-9]{10})(?![A-Za-z0-9])/g)?.[1];
  const icp = last(/([\u4e00-\u9fff])\s*ICP\s*([备证])\s*[：:]?\s*(\d+)\s*号(?:\s*-\s*(\d+))?/gi);
  const psb = last(/([\u4e00-\u9fff])\s*公网安备\s*[：:]?\s*(\d+)\s*号?/g);
  return {
    owner: owners.length ? owners.join('、') : null,
    owners,
    siteCode: printedCode ?? siteCode,
    icp: icp ? `${icp[1]}ICP${icp[2]}${icp[3]}号${icp[4] ? `-${icp[4]}` : ''}` : null,
    psb: psb ? `${psb[1]}公网安备${psb[2]}号` : null,
  };
}

/** The scan the verifier and every stored record see: the draft's marks and the claims read from its text, which is not kept. */
export function completeScan(draft: ScanDraft): PageScan {
  return { url: draft.url, marks: draft.marks, claims: claimsOf(draft.claimText, draft.siteCode) };
}
