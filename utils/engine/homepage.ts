/**
 * Inner pages are judged by their site. The current manual puts the mark at the bottom of the
 * homepage only, so an article or a search page of a government site often carries none: such a
 * page takes the verdict of its site's homepage (`/` of the same origin) instead of a warning.
 */
import type { Cache } from './cache';
import type { CheckResult } from './check-page';
import { completeScan } from './detect/complete';
import { isGovernmentDomain } from './domain';
import type { PageScan, ScanDraft } from './scan';
import { type Reason, type Severity, stateOf, type Verdict } from './verdict';
import { primaryCertificate } from './verify';

/**
 * The homepage as static HTML (nothing on it run), or why there is none. A draft, as the content
 * script and the homepage fetch give it: the judge reads its claims.
 */
export type HomepageScan = { status: 'ok'; scan: ScanDraft } | { status: 'unavailable'; detail: string };

/**
 * The homepage whose verdict a page takes, or null. Only a page without any mark, on a government
 * domain or on a site verified before (`remembered`), and not the homepage itself: an ordinary
 * site is never asked for its homepage.
 */
export function homepageToAsk(scan: PageScan, remembered: boolean): string | null {
  if (scan.marks.length > 0) return null;
  let url: URL;
  try {
    url = new URL(scan.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.pathname === '/' && url.search === '') return null;
  if (!isGovernmentDomain(url.hostname) && !remembered) return null;
  return `${url.origin}/`;
}

const SEVERITY_ORDER: Severity[] = ['danger', 'warning', 'unknown', 'info', 'ok'];

/**
 * The page's verdict, given its homepage's check. A homepage without a mark (or none at all)
 * changes nothing: the page keeps its own verdict (`government-domain-without-mark`).
 */
export function judgeByHomepage(page: CheckResult, homepage: CheckResult | null): CheckResult {
  if (!homepage || homepage.scan.marks.length === 0 || page.scan.marks.length > 0) return page;
  const pageHost = new URL(page.scan.url).hostname;
  // The homepage speaks for this page only from this very host (its fetch refuses other hosts too).
  if (new URL(homepage.scan.url).hostname !== pageHost) return page;
  const { state, reasons: homeReasons } = homepage.verdict;
  if (state === 'none') return page;
  const found = homepage.scan.url;
  let verdict: Verdict;
  if (state === 'verified') {
    const holder = primaryCertificate(homepage.scan, homepage.lookups)?.holder ?? '';
    const reasons: Reason[] = [
      { code: 'homepage-verified', severity: 'ok', evidence: { found, expected: holder } },
      ...homeReasons.filter((r) => r.code === 'domain-match'),
    ];
    verdict = { state: 'verified', reasons };
  } else {
    const problems = homeReasons.filter((r) => r.severity !== 'ok' && r.severity !== 'info');
    const worst = SEVERITY_ORDER.find((s) => problems.some((r) => r.severity === s)) ?? 'unknown';
    const reasons: Reason[] = [
      { code: 'homepage-problem', severity: worst, evidence: { found, detail: problems.map((r) => r.code).join(', ') } },
      ...problems,
    ];
    // Stryker disable next-line BooleanLiteral: the reasons hold a danger, warning or unknown one (worst), which decides before the flag
    verdict = { state: stateOf(reasons, false), reasons };
  }
  const { scan, lookups, checkedAt } = homepage;
  return { ...page, lookups: { ...page.lookups, homepage: { scan, lookups, checkedAt } }, verdict };
}

/** How a homepage's check is kept: a format of its own, versioned (an entry of another version is fetched again). */
export interface StoredHomepage {
  version: 1;
  result: CheckResult;
}

const HOMEPAGE_TTL = 24 * 60 * 60 * 1000;
export const homepageCacheKey = (url: string) => `homepage:${url}`;

export interface JudgeOptions {
  remembered: boolean;
  /** Ask afresh (a re-check): the cached homepage is not read, only refreshed. */
  fresh?: boolean;
  scanHomepage(url: string): Promise<HomepageScan>;
  check(scan: PageScan): Promise<CheckResult>;
}

/**
 * Judges pages by their homepage, keeping each homepage's check for a day and asking for one
 * homepage at most once at a time (several inner pages of a site opening together share one request).
 */
export type HomepageJudge = ReturnType<typeof createHomepageJudge>;

export function createHomepageJudge(cache?: Cache<StoredHomepage>) {
  const pending = new Map<string, Promise<CheckResult | null>>();

  async function load(url: string, options: JudgeOptions): Promise<CheckResult | null> {
    // A homepage that could not be had (its fetch threw, it was not HTML, it was on another host) changes nothing.
    let homepage: HomepageScan;
    try {
      homepage = await options.scanHomepage(url);
    } catch {
      return null;
    }
    if (homepage.status !== 'ok') return null;
    const result = await options.check(completeScan(homepage.scan));
    // A homepage the registry could not be asked about is asked again next time, as certificates are.
    if (result.verdict.state !== 'unknown') {
      await cache?.set(homepageCacheKey(url), { version: 1, result }, HOMEPAGE_TTL).catch(() => undefined);
    }
    return result;
  }

  async function homepageResult(url: string, options: JudgeOptions): Promise<CheckResult | null> {
    if (!options.fresh) {
      const hit = await cache?.get(homepageCacheKey(url)).catch(() => undefined);
      if (hit?.version === 1) return hit.result;
    }
    let running = pending.get(url);
    if (!running) {
      running = load(url, options).finally(() => pending.delete(url));
      pending.set(url, running);
    }
    return running;
  }

  return {
    async judge(page: CheckResult, options: JudgeOptions): Promise<CheckResult> {
      const url = homepageToAsk(page.scan, options.remembered);
      return url ? judgeByHomepage(page, await homepageResult(url, options)) : page;
    },
  };
}
