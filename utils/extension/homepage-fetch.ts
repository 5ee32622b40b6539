/**
 * The content script's side of judging inner pages: its own site's homepage, fetched same-origin.
 * Leaner than fetchText (the browser follows redirects itself; a timeout aborts the body too): the
 * content script runs on every page, and its size is watched by the benchmark.
 */

import { decode } from '../engine/fetch-text';
import type { HomepageScan } from '../engine/homepage';
import { HOMEPAGE_MAX_BYTES, homepageScanOf } from '../engine/homepage-scan';

/** Only ever `/` of the page's own origin, whoever asks; no cookies, no referrer. */
export async function scanOwnHomepage(doc: Document, timeoutMs = 8000): Promise<HomepageScan> {
  const url = new URL('/', doc.location.href).href;
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { status: 'unavailable', detail: `HTTP ${response.status}` };
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    if (Number(response.headers.get('content-length')) > HOMEPAGE_MAX_BYTES)
      return { status: 'unavailable', detail: 'too large' };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > HOMEPAGE_MAX_BYTES) return { status: 'unavailable', detail: 'too large' };
    const page = { url: response.url || url, contentType: type.split(';')[0].trim(), text: decode(bytes, type) };
    return homepageScanOf(url, page, (html) => new DOMParser().parseFromString(html, 'text/html'));
  } catch (error) {
    // A redirect to another origin fails here (CORS) or is refused by homepageScanOf.
    return { status: 'unavailable', detail: String(error) };
  }
}
