/**
 * The background's job per tab: check what the content script reports, remember it, paint it,
 * and drop any check that finishes after the tab has moved on. The content script sends drafts:
 * the claims (owners, record numbers) are read here, before anything is checked, compared or stored.
 */
import type { CheckResult } from '../engine/check-page';
import { completeScan } from '../engine/detect/complete';
import type { PageScan, ScanDraft } from '../engine/scan';
import { isSiteDisabled, type Settings } from './settings';
import { isInternalPage, type TabState } from './tab-state';

export interface TabCheckerDeps {
  check(scan: PageScan, fresh: boolean, tabId: number): Promise<CheckResult>;
  settings(): Promise<Settings>;
  loadState(tabId: number): Promise<TabState | undefined>;
  saveState(tabId: number, state: TabState): Promise<void>;
  paint(tabId: number, state: TabState, settings: Settings): Promise<void>;
  /** Tells the page itself (the alert on a dangerous page); after paint, for every state shown. */
  tellPage?(tabId: number, state: TabState, settings: Settings): Promise<void>;
  /** Asks the tab's content script for a fresh scan; null when there is none to ask. */
  requestScan(tabId: number): Promise<ScanDraft | null>;
  tabUrl(tabId: number): Promise<string | undefined>;
  /**
   * Applies certificate memory to a finished, still current check: remembers its certificate and
   * returns the check with any change added to its verdict. Absent: checks are shown as they are.
   */
  remember?(result: CheckResult): Promise<CheckResult>;
}

export type TabChecker = ReturnType<typeof createTabChecker>;

export function createTabChecker(deps: TabCheckerDeps) {
  // A tab's generation changes with every navigation and every new scan; a check keeps the one it started with.
  const generations = new Map<number, number>();
  const lastScans = new Map<number, string>();
  const nextGeneration = (tabId: number) => {
    const generation = (generations.get(tabId) ?? 0) + 1;
    generations.set(tabId, generation);
    return generation;
  };

  // One tab's states are shown in the order they came, each painted before it is saved: whoever
  // reads a saved state finds its indicator (or a newer one) already on the toolbar.
  const showing = new Map<number, Promise<unknown>>();
  function show(tabId: number, state: TabState): Promise<void> {
    const shown = (showing.get(tabId) ?? Promise.resolve()).then(async () => {
      const settings = await deps.settings();
      await deps.paint(tabId, state, settings);
      await deps.saveState(tabId, state);
      // A page that cannot be told (gone, no content script) changes nothing about the tab's state.
      await deps.tellPage?.(tabId, state, settings).catch(() => undefined);
    });
    showing.set(
      tabId,
      shown.catch(() => undefined),
    );
    return shown;
  }

  async function scanned(tabId: number, draft: ScanDraft, fresh = false): Promise<TabState> {
    const scan = completeScan(draft);
    const key = JSON.stringify(scan);
    const previous = await deps.loadState(tabId);
    // The content script re-reports on every change of the page; an unchanged report needs no new check.
    if (!fresh && lastScans.get(tabId) === key && previous) return previous;
    lastScans.set(tabId, key);
    const generation = nextGeneration(tabId);
    const settings = await deps.settings();
    if (isSiteDisabled(new URL(scan.url).hostname, settings.disabledSites)) {
      const state: TabState = { status: 'disabled', url: scan.url };
      await show(tabId, state);
      return state;
    }
    await show(tabId, { status: 'checking', url: scan.url });
    const checked = await deps.check(scan, fresh, tabId);
    const stale = async () => (await deps.loadState(tabId)) ?? ({ status: 'idle' } as TabState);
    if (generations.get(tabId) !== generation) return stale();
    // Memory failing (storage full, say) must not cost the tab its verdict.
    const result = deps.remember ? await deps.remember(checked).catch(() => checked) : checked;
    if (generations.get(tabId) !== generation) return stale();
    const state: TabState = { status: 'done', url: scan.url, result };
    await show(tabId, state);
    return state;
  }

  /** Asks the content script; a tab without one shows a page no extension may read (a browser page, the web store). */
  async function scanAgain(tabId: number, fresh: boolean): Promise<TabState> {
    const url = await deps.tabUrl(tabId);
    const scan = url !== undefined && isInternalPage(url) ? null : await deps.requestScan(tabId);
    return scan ? scanned(tabId, scan, fresh) : { status: 'internal', url: url ?? '' };
  }

  return {
    scanned,

    /** `url` is known only for pages the extension may see; without it, wait for the content script. */
    async navigated(tabId: number, url: string | undefined) {
      nextGeneration(tabId);
      lastScans.delete(tabId);
      await show(tabId, url !== undefined && isInternalPage(url) ? { status: 'internal', url } : { status: 'idle', url });
    },

    closed(tabId: number) {
      generations.delete(tabId);
      lastScans.delete(tabId);
      showing.delete(tabId);
    },

    /** For the popup: what is known, or a check started now if nothing is. */
    async stateOf(tabId: number): Promise<TabState> {
      const known = await deps.loadState(tabId);
      if (known && known.status !== 'idle') return known;
      return scanAgain(tabId, false);
    },

    recheck: (tabId: number) => scanAgain(tabId, true),

    /** Checks the page again from the cache: something it depends on was learnt since (a certificate read on its page). */
    reverify(tabId: number) {
      lastScans.delete(tabId);
      return scanAgain(tabId, false);
    },
  };
}
