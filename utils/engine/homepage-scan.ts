/**
 * A site's homepage, read for its marks as static HTML (no script on it runs). Also runs in the
 * content script, so it drafts the scan only: the homepage judge reads the claims.
 */
import { draftScan } from './detect/marks';
import { fetchText } from './fetch-text';
import type { HomepageScan } from './homepage';

/** What was fetched for a homepage: where the answer finally came from, its type (lower case, no parameters), its text. */
export interface FetchedHomepage {
  url: string;
  contentType: string;
  text: string;
}

export type ParseHtml = (html: string) => Document;

const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml|)$/;
export const HOMEPAGE_MAX_BYTES = 2 * 1024 * 1024;

/** The marks of a fetched homepage; one that ended on another host is another site and cannot vouch for this one. */
export function homepageScanOf(requested: string, page: FetchedHomepage, parseHtml: ParseHtml): HomepageScan {
  const landed = new URL(page.url).host;
  if (landed !== new URL(requested).host) return { status: 'unavailable', detail: `redirect: ${landed}` };
  if (!PAGE_TYPES.test(page.contentType)) return { status: 'unavailable', detail: `answered with ${page.contentType}` };
  // Static HTML: draftScan's default (not live), so an embed whose script has not run counts as shown.
  return { status: 'ok', scan: draftScan(parseHtml(page.text), page.url) };
}

export interface HomepageScanDeps {
  fetch: typeof fetch;
  parseHtml: ParseHtml;
  timeoutMs?: number;
}

/** For the command line and the batch: fetched with fetchText, which refuses a redirect to another host before following it. */
export async function scanHomepage(url: string, deps: HomepageScanDeps): Promise<HomepageScan> {
  const page = await fetchText(url, {
    fetch: deps.fetch,
    redirects: 'same-host',
    timeoutMs: deps.timeoutMs, // fetchText's own default (8 s) when not given
    maxBytes: HOMEPAGE_MAX_BYTES,
  });
  if (page.status === 'unreachable') return { status: 'unavailable', detail: `${page.cause}: ${page.detail}` };
  return homepageScanOf(url, { url: page.receipt.url, contentType: page.contentType, text: page.text }, deps.parseHtml);
}
