/**
 * One address of a batch spot-check, the same in the extension's batch page and the command line:
 * fetch the page's HTML (following redirects), read it as static HTML (no script runs), resolve
 * embed scripts and certificates, verify. Never throws: a page that cannot be had is an entry
 * with an error (state unknown).
 */

import { type CheckResult, checkPage } from '../engine/check-page';
import type { ConacClient } from '../engine/conac-client';
import { detectMarks } from '../engine/detect';
import { fetchText } from '../engine/fetch-text';
import { createHomepageJudge, type HomepageJudge } from '../engine/homepage';
import { scanHomepage } from '../engine/homepage-scan';
import type { BatchEntry, CheckFailure } from './batch';

export interface BatchCheckDeps {
  fetch: typeof fetch;
  /** Static HTML to a Document: DOMParser in the extension page, linkedom on the command line. Must not run scripts. */
  parseHtml(html: string): Document;
  /** null: offline (the page is still fetched, the registry is not asked). */
  client: ConacClient | null;
  /** Per page request (default 10000 ms). */
  timeoutMs?: number;
  /** Page size cap (default 8 MB, as the command line). */
  maxBytes?: number;
  now?: () => number;
  /**
   * Judge pages without a mark by their homepage (default true), through this judge when given (one
   * shared by a run asks each homepage once); false: as the page alone (`--no-homepage`).
   */
  homepage?: boolean | HomepageJudge;
}

/** Types a government page may be served as; anything else (PDF, images, downloads) is not checked. */
const PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain|)$/;

export async function checkAddress(address: string, deps: BatchCheckDeps): Promise<BatchEntry> {
  const now = deps.now ?? Date.now;
  const failed = (error: CheckFailure): BatchEntry => ({ address, checkedAt: new Date(now()).toISOString(), error });
  try {
    const page = await fetchText(address, {
      fetch: deps.fetch,
      redirects: 'follow',
      timeoutMs: deps.timeoutMs ?? 10_000,
      maxBytes: deps.maxBytes ?? 8 * 1024 * 1024,
      now,
    });
    if (page.status === 'unreachable') return failed({ cause: page.cause, detail: page.detail });
    if (!PAGE_TYPES.test(page.contentType))
      return { ...failed({ cause: 'not-html', detail: page.contentType }), page: page.receipt };
    const scan = detectMarks(deps.parseHtml(page.text), page.receipt.url, { live: false });
    const result = await withHomepage(await checkPage(scan, deps.client, now), deps);
    return { address, checkedAt: result.checkedAt, result, page: page.receipt };
  } catch (error) {
    return failed({ cause: 'internal', detail: error instanceof Error ? error.message : String(error) });
  }
}

/** The batch and the command line judge inner pages as the extension does (no certificate memory here). */
export function withHomepage(checked: CheckResult, deps: BatchCheckDeps): Promise<CheckResult> {
  const { client, homepage = true } = deps;
  // Offline, the registry cannot vouch for a homepage either.
  if (homepage === false || client === null) return Promise.resolve(checked);
  const judge = homepage === true ? createHomepageJudge() : homepage;
  return judge.judge(checked, {
    remembered: false,
    check: (scan) => checkPage(scan, client, deps.now),
    scanHomepage: (url) => scanHomepage(url, { fetch: deps.fetch, parseHtml: deps.parseHtml, timeoutMs: deps.timeoutMs }),
  });
}

/**
 * A browser's fetch for `fetchText(…, { redirects: 'follow' })`. Browsers hide where a manual
 * redirect leads (an opaque answer), which fetchText refuses; so the browser follows redirects
 * itself, and when it did, the final address is disclosed to fetchText as one redirect, whose
 * request is then answered with the response already received. fetchText so records the final
 * address, and the page is checked against the host it really came from.
 * One per address: the held responses are not shared.
 */
export function disclosingRedirects(base: typeof fetch): typeof fetch {
  const held = new Map<string, Response>();
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const ready = held.get(url);
    if (ready) {
      held.delete(url);
      return ready;
    }
    const response = await base(input, { ...init, redirect: 'follow' });
    if (response.redirected && response.url && response.url !== url) {
      held.set(response.url, response);
      return new Response(null, { status: 302, headers: { location: response.url } });
    }
    return response;
  };
}
