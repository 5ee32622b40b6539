/** Fetches a site's homepage and reads its marks as static HTML (no script on it runs). */
import { detectMarks } from './detect';
import { fetchText } from './fetch-text';
import type { HomepageScan } from './homepage';

export interface HomepageScanDeps {
  /** In a browser, one that discloses redirects (see disclosingRedirects): a redirect to another host is refused. */
  fetch: typeof fetch;
  /** Static HTML to a Document (DOMParser, linkedom). Must not run scripts. */
  parseHtml(html: string): Document;
  timeoutMs?: number;
  maxBytes?: number;
}

const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml|)$/;

export async function scanHomepage(url: string, deps: HomepageScanDeps): Promise<HomepageScan> {
  const page = await fetchText(url, {
    fetch: deps.fetch,
    // A homepage on another host is another site: it cannot vouch for this one.
    redirects: 'same-host',
    timeoutMs: deps.timeoutMs ?? 8000,
    maxBytes: deps.maxBytes ?? 2 * 1024 * 1024,
  });
  if (page.status === 'unreachable') return { status: 'unavailable', detail: `${page.cause}: ${page.detail}` };
  if (!PAGE_TYPES.test(page.contentType)) return { status: 'unavailable', detail: `answered with ${page.contentType}` };
  return { status: 'ok', scan: detectMarks(deps.parseHtml(page.text), page.receipt.url, { live: false }) };
}
