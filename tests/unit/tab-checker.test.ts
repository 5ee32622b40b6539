import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../utils/engine/check-page';
import type { PageScan } from '../../utils/engine/scan';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/extension/settings';
import { createTabChecker, type TabCheckerDeps } from '../../utils/extension/tab-checker';
import type { TabState } from '../../utils/extension/tab-state';
import { draft, scan } from './helpers';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const resultFor = (page: PageScan): CheckResult => ({
  checkedAt: '2026-11-22T00:00:00.000Z',
  scan: page,
  lookups: { certificates: {}, scripts: {}, offline: false },
  verdict: { state: 'none', reasons: [] },
});

function setup(overrides: Partial<TabCheckerDeps> = {}, settings: Settings = DEFAULT_SETTINGS) {
  const states = new Map<number, TabState>();
  const painted: Array<[number, TabState['status']]> = [];
  const deps: TabCheckerDeps = {
    check: vi.fn(async (page: PageScan) => resultFor(page)),
    settings: async () => settings,
    loadState: async (tabId) => states.get(tabId),
    saveState: async (tabId, state) => void states.set(tabId, state),
    paint: async (tabId, state) => void painted.push([tabId, state.status]),
    requestScan: async () => draft(),
    tabUrl: async () => 'https://www.beijing.gov.cn/',
    ...overrides,
  };
  return { checker: createTabChecker(deps), deps, states, painted };
}

describe('tab checker', () => {
  it('shows checking, then the result', async () => {
    const { checker, painted, states } = setup();
    await checker.scanned(1, draft());
    expect(painted).toEqual([
      [1, 'checking'],
      [1, 'done'],
    ]);
    expect(states.get(1)).toMatchObject({ status: 'done', url: 'https://www.beijing.gov.cn/' });
  });

  it('tells the page each state after it is painted and saved, the stale check never', async () => {
    const slow = deferred<CheckResult>();
    const told: Array<[number, TabState['status'], boolean]> = [];
    const { checker, states } = setup({
      check: () => slow.promise,
      tellPage: async (tabId, state, settings) => {
        told.push([tabId, state.status, states.get(tabId) === state && settings === DEFAULT_SETTINGS]);
      },
    });
    const first = checker.scanned(1, draft());
    await vi.waitFor(() => expect(told).toEqual([[1, 'checking', true]]));
    await checker.navigated(1, 'https://shop.example.com/');
    slow.resolve(resultFor(scan()));
    await first;
    await checker.scanned(1, draft({ url: 'https://shop.example.com/' }));
    expect(told.map(([, status]) => status)).toEqual(['checking', 'idle', 'checking', 'done']);
    expect(told.every(([tabId, , saved]) => tabId === 1 && saved)).toBe(true);
  });

  it('keeps its states when the page cannot be told', async () => {
    const { checker, states } = setup({ tellPage: async () => Promise.reject(new Error('no content script')) });
    expect(await checker.scanned(1, draft())).toMatchObject({ status: 'done' });
    expect(states.get(1)).toMatchObject({ status: 'done' });
  });

  it('drops a check that ends after the tab navigated away, never painting it on the new page', async () => {
    const slow = deferred<CheckResult>();
    const { checker, painted, states } = setup({ check: () => slow.promise });
    const first = checker.scanned(1, draft());
    await vi.waitFor(() => expect(painted).toEqual([[1, 'checking']]));
    await checker.navigated(1, 'https://shop.example.com/');
    slow.resolve(resultFor(scan()));
    await first;
    expect(painted).toEqual([
      [1, 'checking'],
      [1, 'idle'],
    ]);
    expect(states.get(1)).toEqual({ status: 'idle', url: 'https://shop.example.com/' });
  });

  it('lets only the newest scan of a tab paint', async () => {
    const checks = [deferred<CheckResult>(), deferred<CheckResult>()];
    let call = 0;
    const { checker, states } = setup({ check: () => checks[call++].promise });
    const older = checker.scanned(1, draft());
    const newer = checker.scanned(1, draft({ url: 'https://www.beijing.gov.cn/news' }));
    await vi.waitFor(() => expect(call).toBe(2));
    checks[1].resolve(resultFor(scan({ url: 'https://www.beijing.gov.cn/news' })));
    await newer;
    checks[0].resolve(resultFor(scan()));
    await older;
    expect(states.get(1)).toMatchObject({ status: 'done', url: 'https://www.beijing.gov.cn/news' });
  });

  it('paints each state before saving it, one state at a time per tab, so a saved state never has a stale indicator', async () => {
    const log: string[] = [];
    const firstPaint = deferred<void>();
    const states = new Map<number, TabState>();
    const { checker } = setup({
      loadState: async (tabId) => states.get(tabId),
      saveState: async (tabId, state) => {
        log.push(`save ${state.status}`);
        states.set(tabId, state);
      },
      paint: async (_tabId, state) => {
        log.push(`paint ${state.status}`);
        if (log.length === 1) await firstPaint.promise;
      },
    });
    const navigated = checker.navigated(1, 'https://www.beijing.gov.cn/');
    const scanned = checker.scanned(1, draft());
    await vi.waitFor(() => expect(log).toEqual(['paint idle']));
    firstPaint.resolve();
    await Promise.all([navigated, scanned]);
    expect(log).toEqual(['paint idle', 'save idle', 'paint checking', 'save checking', 'paint done', 'save done']);
  });

  it('does not check an unchanged report twice, but a re-check asks afresh', async () => {
    const { checker, deps } = setup();
    await checker.scanned(1, draft());
    await checker.scanned(1, draft());
    expect(deps.check).toHaveBeenCalledTimes(1);
    await checker.recheck(1);
    expect(deps.check).toHaveBeenLastCalledWith(expect.anything(), true, 1);
  });

  it('re-verifies an unchanged page from the cache when asked (a certificate was read on its page)', async () => {
    const { checker, deps } = setup();
    await checker.scanned(1, draft());
    await checker.reverify(1);
    expect(deps.check).toHaveBeenCalledTimes(2);
    expect(deps.check).toHaveBeenLastCalledWith(expect.anything(), false, 1);
  });

  it('skips sites the user switched off, without checking', async () => {
    const { checker, deps } = setup({}, { ...DEFAULT_SETTINGS, disabledSites: ['beijing.gov.cn'] });
    expect(await checker.scanned(1, draft())).toEqual({ status: 'disabled', url: 'https://www.beijing.gov.cn/' });
    expect(deps.check).not.toHaveBeenCalled();
  });

  it('answers the popup for a tab it has not heard from by asking for a scan, and calls browser pages internal', async () => {
    const { checker, deps } = setup();
    expect(await checker.stateOf(7)).toMatchObject({ status: 'done' });
    expect(deps.check).toHaveBeenCalledTimes(1);
    const internal = setup({ tabUrl: async () => 'chrome://settings/' });
    expect(await internal.checker.stateOf(7)).toEqual({ status: 'internal', url: 'chrome://settings/' });
    // Without the "tabs" permission the address is unknown; a tab whose content script does not answer is a browser page.
    const silent = setup({ tabUrl: async () => undefined, requestScan: async () => null });
    expect(await silent.checker.stateOf(7)).toEqual({ status: 'internal', url: '' });
  });

  it('applies certificate memory to a finished check before saving and painting it', async () => {
    const remembered: CheckResult[] = [];
    const remember = vi.fn(async (result: CheckResult): Promise<CheckResult> => {
      remembered.push(result);
      return {
        ...result,
        verdict: { state: 'warning', reasons: [{ code: 'certificate-changed', severity: 'warning', evidence: {} }] },
      };
    });
    const painted: TabState[] = [];
    const { checker, states } = setup({ remember, paint: async (_tabId, state) => void painted.push(state) });
    await checker.scanned(1, draft());
    expect(remember).toHaveBeenCalledOnce();
    expect(remembered[0].verdict.state).toBe('none');
    const state = states.get(1);
    expect(state?.status === 'done' && state.result.verdict.reasons[0].code).toBe('certificate-changed');
    expect(painted.at(-1)).toEqual(state);
  });

  it('does not remember a check that ended after the tab moved on', async () => {
    const slow = deferred<CheckResult>();
    const remember = vi.fn(async (result: CheckResult) => result);
    const { checker, painted } = setup({ check: () => slow.promise, remember });
    const first = checker.scanned(1, draft());
    await vi.waitFor(() => expect(painted).toEqual([[1, 'checking']]));
    await checker.navigated(1, 'https://shop.example.com/');
    slow.resolve(resultFor(scan()));
    await first;
    expect(remember).not.toHaveBeenCalled();
  });

  it('drops a check whose tab moved on while memory was being applied', async () => {
    const gate = deferred<void>();
    const { checker, painted, states } = setup({
      remember: async (result) => {
        await gate.promise;
        return result;
      },
    });
    const first = checker.scanned(1, draft());
    await vi.waitFor(() => expect(painted).toEqual([[1, 'checking']]));
    await checker.navigated(1, 'https://shop.example.com/');
    gate.resolve();
    await first;
    expect(states.get(1)).toEqual({ status: 'idle', url: 'https://shop.example.com/' });
  });

  it('still shows the verdict when memory fails', async () => {
    const { checker, states } = setup({ remember: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
    await checker.scanned(1, draft());
    expect(states.get(1)).toMatchObject({ status: 'done', result: { verdict: { state: 'none' } } });
  });

  describe('the claims, read here from the text the content script sent', () => {
    const FOOTER = '关于我们 | 网站地图\n主办单位：北京市人民政府办公厅 承办：北京市大数据中心\n京ICP备05060933号\n';

    it('fills owner and owners before checking, and keeps the text out of what is checked and saved', async () => {
      const { checker, deps, states } = setup();
      await checker.scanned(1, { ...draft(), claimText: FOOTER });
      const checked = vi.mocked(deps.check).mock.calls[0][0];
      expect(checked).toEqual({
        url: 'https://www.beijing.gov.cn/',
        marks: draft().marks,
        claims: {
          owner: '北京市人民政府办公厅',
          owners: ['北京市人民政府办公厅'],
          siteCode: '1100000088',
          icp: '京ICP备05060933号',
          psb: null,
        },
      });
      const state = states.get(1);
      expect(state?.status === 'done' && state.result.scan).toEqual(checked);
      expect(JSON.stringify(state)).not.toContain('关于我们');
    });

    it('reads the owners of a scan it asked for, and of none when no text was sent', async () => {
      const asked = setup({ requestScan: async () => ({ ...draft(), claimText: FOOTER }) });
      await asked.checker.stateOf(3);
      expect(vi.mocked(asked.deps.check).mock.calls[0][0].claims.owners).toEqual(['北京市人民政府办公厅']);
      const silent = setup();
      await silent.checker.scanned(1, { ...draft(), claimText: '' });
      expect(vi.mocked(silent.deps.check).mock.calls[0][0].claims).toMatchObject({ owner: null, owners: [] });
    });

    it('checks once when only text that says nothing new changed (a clock in the footer)', async () => {
      const { checker, deps } = setup();
      await checker.scanned(1, { ...draft(), claimText: `10:41:07\n${FOOTER}` });
      await checker.scanned(1, { ...draft(), claimText: `10:41:08\n${FOOTER}` });
      expect(deps.check).toHaveBeenCalledTimes(1);
      await checker.scanned(1, { ...draft(), claimText: FOOTER.replace('办公厅', '') });
      expect(deps.check).toHaveBeenCalledTimes(2);
    });

    it('reads no more than the last 6,000 characters, however much a page sends', async () => {
      const filler = '新闻'.repeat(500_000);
      const { checker, deps } = setup();
      await checker.scanned(1, { ...draft(), claimText: `主办单位：假冒市人民政府\n${filler}` });
      await checker.scanned(2, { ...draft(), claimText: `${filler}\n主办单位：北京市人民政府\n` });
      const [far, near] = vi.mocked(deps.check).mock.calls.map(([checked]) => checked.claims.owner);
      expect(far).toBeNull();
      expect(near).toBe('北京市人民政府');
    });

    it('reads nothing from text that is not text (a message from a tampered page)', async () => {
      const { checker, deps } = setup();
      await checker.scanned(1, { ...draft(), claimText: { length: 1 } as unknown as string });
      expect(vi.mocked(deps.check).mock.calls[0][0].claims).toMatchObject({ owner: null, owners: [] });
    });
  });
});
