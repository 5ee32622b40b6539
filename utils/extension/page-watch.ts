/**
 * Scans a live page now and again whenever it changes, for a bounded time, reporting only
 * when what it finds changes. Marks rendered late (single-page apps, lazy footers) are caught;
 * an ordinary page costs one scan and an idle observer that stops by itself.
 */
// The draft only: the owner reader (detect/complete.ts) stays out of the content script (tests/unit/architecture.test.ts).
import { draftScan } from '../engine/detect/marks';
import type { ScanDraft } from '../engine/scan';

export interface WatchOptions {
  /** Wait for the page to be quiet this long after a change before scanning again. */
  settleMs?: number;
  /** Stop watching after this long. */
  watchMs?: number;
}

/**
 * The content script's scan: the claim text is taken only where a verdict can use it (a mark, a
 * government domain); the service worker reads the claims from it.
 */
export function scanPage(doc: Document): ScanDraft {
  return draftScan(doc, doc.location.href, { live: true, claims: 'relevant' });
}

export function watchPage(doc: Document, report: (scan: ScanDraft) => void, options: WatchOptions = {}): () => void {
  const { settleMs = 400, watchMs = 30_000 } = options;
  const view = doc.defaultView!;
  let last = '';
  let pending: ReturnType<typeof setTimeout> | undefined;

  const scan = () => {
    pending = undefined;
    const result = scanPage(doc);
    const key = JSON.stringify(result);
    if (key === last) return;
    last = key;
    report(result);
  };
  const schedule = () => {
    if (pending === undefined) pending = setTimeout(scan, settleMs);
  };

  const observer = new view.MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'src'] });
  view.addEventListener('popstate', schedule);
  view.addEventListener('hashchange', schedule);
  const stop = () => {
    observer.disconnect();
    clearTimeout(pending);
    clearTimeout(deadline);
    view.removeEventListener('popstate', schedule);
    view.removeEventListener('hashchange', schedule);
  };
  const deadline = setTimeout(stop, watchMs);
  scan();
  return stop;
}
