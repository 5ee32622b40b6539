/** The content script's side of judging inner pages: its own site's homepage, fetched same-origin. */
import { disclosingRedirects } from '../batch/batch-check';
import type { HomepageScan } from '../engine/homepage';
import { scanHomepage } from '../engine/homepage-scan';

/** Only ever `/` of the page's own origin, whoever asks; no cookies, no referrer. */
export function scanOwnHomepage(doc: Document): Promise<HomepageScan> {
  return scanHomepage(new URL('/', doc.location.href).href, {
    fetch: disclosingRedirects((input, init) => fetch(input, init)),
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
  });
}
