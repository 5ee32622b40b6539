/** Finds the CONAC marks a page carries and what the page claims about itself. */
import type { PageClaims, PageScan } from '../scan';
import { footerText } from './claims';
import { claimsOf, completeScan } from './complete';
import { type DetectOptions, draftScan } from './marks';

export { CLAIM_CHARS } from './claims';
export { completeScan } from './complete';
export { type DetectOptions, draftScan, MAX_MARKS } from './marks';

/** The page's scan with its claims read: for the fronts that verify where they read (command line, batch). */
export function detectMarks(doc: Document, pageUrl: string, options: DetectOptions = {}): PageScan {
  return completeScan(draftScan(doc, pageUrl, options));
}

/** What the page prints about itself, read from the text at its end. */
export function readClaims(doc: Document): PageClaims {
  return claimsOf(footerText(doc), null);
}
