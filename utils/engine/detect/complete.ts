/**
 * Completes a drafted scan: reads the owners from the footer text the draft carries. Runs where a
 * scan is verified (the service worker, the command line, the batch), so the owner reader and its
 * word tables are not shipped to every page the content script runs on.
 */
import type { PageClaims, PageScan, ScanDraft } from '../scan';
import { CLAIM_CHARS } from './claims';
import { ownersOf } from './owner';

/** The owners printed in a page's claim text; at most its last CLAIM_CHARS are read, whoever sent it. */
export function ownerClaims(text: unknown): Pick<PageClaims, 'owner' | 'owners'> {
  // A draft comes from a content script, which runs inside the page: its text is bounded here too.
  const bounded = typeof text === 'string' ? text.slice(-CLAIM_CHARS) : '';
  let owners: string[] = [];
  try {
    owners = ownersOf(bounded);
  } catch {
    /* the detector never throws; neither does the reading it hands on */
  }
  return { owner: owners.length ? owners.join('、') : null, owners };
}

/** The scan the verifier and every stored record see: the draft's marks and claims with the owners read, and no claim text. */
export function completeScan(draft: ScanDraft): PageScan {
  const { siteCode, icp, psb } = draft.claims;
  return { url: draft.url, marks: draft.marks, claims: { ...ownerClaims(draft.claimText), siteCode, icp, psb } };
}
