/**
 * Finds the CONAC marks a page carries and what the page claims about itself.
 *
 * Runs in the content script on every page a person opens, and on static HTML in the command
 * line (linkedom, scripts never run). Pure: reads only the Document it is given, never runs or
 * renders page content, never throws. The jobs live in files of their own: dom-marks (elements),
 * text-marks (script and comment text), settle (pairing and de-duplication), claims (what the
 * page says about itself); the rules they apply are tables beside them (image-names, handlers,
 * comment-syntaxes, image-sources). The scan is a draft: its claims are read by completeScan
 * (complete.ts), which the content script does not ship.
 */
import { GOVERNMENT_SUFFIXES } from '../domain';
import type { Mark, ScanDraft } from '../scan';
import { footerText } from './claims';
import { parse, startScan } from './context';
import { scanElements } from './dom-marks';
import { settle } from './settle';
import { scanComments } from './text-marks';

export { MAX_MARKS } from './context';

export interface DetectOptions {
  /** Scripts on the page have run (content script). Default false: static HTML. */
  live?: boolean;
  /**
   * 'always' (default): read what the page claims about itself on every page.
   * 'relevant': only when the page carries a mark or is on a government domain. The verdict
   * uses the claims only then, and reading a footer is most of the cost of scanning a page
   * with no mark (the content script runs on every page a person opens).
   */
  claims?: 'always' | 'relevant';
}

export function draftScan(doc: Document, pageUrl: string, options: DetectOptions = {}): ScanDraft {
  const scan = startScan(parse(pageUrl)?.href, options.live ?? false, () => inlineScriptText(doc));
  let marks: Mark[] = [];
  let claimText = '';
  // Each stage guards itself, so that a DOM quirk in one still leaves the others' findings.
  const stage = (run: () => void) => {
    try {
      run();
    } catch {
      /* keep what was found */
    }
  };
  stage(() => (scan.base = baseOf(doc, scan.base)));
  stage(() => scanElements(doc, scan));
  stage(() => doc.documentElement && scanComments(doc.documentElement, scan));
  stage(() => (marks = settle(scan)));
  stage(() => {
    if (options.claims !== 'relevant' || marks.length > 0 || onGovernmentDomain(pageUrl)) claimText = footerText(doc);
  });
  return { url: pageUrl, marks, claimText, siteCode: scan.siteCode };
}

/** isGovernmentDomain for an address the browser gave: its host is already lower-case ASCII (punycode). */
function onGovernmentDomain(pageUrl: string): boolean {
  // Stryker disable next-line OptionalChaining,StringLiteral: an address that does not parse is on no domain, whatever stands in for its host (a throw ends the stage with the claims unread, the same answer)
  const hostname = parse(pageUrl)?.hostname ?? '';
  const host = hostname.replace(/\.$/, '');
  return GOVERNMENT_SUFFIXES.some((suffix) => host.endsWith(`.${suffix}`));
}

/** Relative addresses resolve as the browser would: against `<base href>` when there is one. */
function baseOf(doc: Document, page: string | undefined): string | undefined {
  // Only the head: a document-wide query for an element that is almost never there costs a full walk.
  // Stryker disable next-line OptionalChaining: without a head or a <base>, a throw ends the stage with the page's own address kept, the same base
  const href = doc.head?.querySelector('base[href]')?.getAttribute('href');
  // Stryker disable next-line OptionalChaining: a <base href> that does not parse throws, and the stage keeps the page's own address, the same base
  return (href != null && parse(href, page)?.href) || page;
}

/** Inline script text, bounded: handler functions and bound properties are looked up in it. */
function inlineScriptText(doc: Document): string {
  let text = '';
  for (const script of doc.getElementsByTagName('script')) {
    // An element's textContent is never null (only a document's is).
    if (!script.hasAttribute('src')) text += `${script.textContent}\n`;
    if (text.length > 2_000_000) break;
  }
  return text;
}
