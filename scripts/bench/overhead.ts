/**
 * What GovMark adds to an ordinary page load: the same pages loaded, interleaved, in Chromium with
 * the built extension and in the same Chromium with a do-nothing extension instead, in one run.
 *
 * - Main-thread time: CDP Performance.getMetrics ScriptDuration and TaskDuration of the page's
 *   renderer after `load` and two idle callbacks (the content script runs at document_idle: its
 *   parse, compile, first scan and observer set-up all fall before that), with minus without.
 * - Heap: Runtime.getHeapUsage after a full collection, with minus without: the content script's
 *   isolated world and everything it keeps.
 * - A single-page-app session, in compressed time: 1,800 route changes (one a second for 30
 *   minutes), each a pushState and a fresh 300-element main view, every 60th also swapping the
 *   footer's mark, in 30 bursts of 60 separated by 450 ms of quiet (longer than the watcher's
 *   400 ms settle, so each burst is scanned). Heap growth from the first burst to the last, with
 *   minus without.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { type LaunchedBrowser, launchWithExtension } from '../browser';
import { median } from './stats';

export interface OverheadCase {
  label: string;
  host: string;
}

export interface OverheadResult {
  label: string;
  loads: number;
  /** Medians of with − without, ms. */
  script: number;
  task: number;
  /** Median heap with − without, bytes. */
  heap: number;
  /** Medians without the extension, for scale. */
  bareScript: number;
  bareTask: number;
}

export interface SessionResult {
  routes: number;
  /** Heap growth over the session, with and without the extension, bytes. */
  growthWith: number;
  growthWithout: number;
}

/**
 * The control: the same browser, launched the same way, with an extension that does nothing (a
 * manifest and an empty service worker) in place of GovMark. What differs is GovMark's content
 * script and what it sends to its service worker.
 */
export async function launchControl(standInPort: number, extraArgs: string[]): Promise<LaunchedBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'govmark-control-'));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'control', version: '1.0', background: { service_worker: 'sw.js' } }),
  );
  await writeFile(join(dir, 'sw.js'), '');
  const browser = await launchWithExtension({ extensionDir: dir, standInPort, extraArgs });
  return { ...browser, close: () => browser.close().finally(() => rm(dir, { recursive: true, force: true })) };
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestIdleCallback(() => requestIdleCallback(() => done(), { timeout: 1000 }), { timeout: 1000 }),
      ),
  );
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

interface Load {
  script: number;
  task: number;
  heap: number;
}

async function load(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await settled(page);
    const m = await metrics(cdp);
    const heap = await heapAfterGc(cdp);
    await cdp.detach();
    return { script: m.ScriptDuration! * 1000, task: m.TaskDuration! * 1000, heap };
  } finally {
    await page.close();
  }
}

export async function benchOverhead(
  withExtension: BrowserContext,
  without: BrowserContext,
  cases: OverheadCase[],
  loads: number,
): Promise<OverheadResult[]> {
  const results: OverheadResult[] = [];
  for (const c of cases) {
    const url = `https://${c.host}/`;
    // Warm both (connections, caches, the extension's worker), uncounted.
    await load(withExtension, url);
    await load(without, url);
    const a: Load[] = [];
    const b: Load[] = [];
    for (let i = 0; i < loads; i++) {
      // Alternate the order, so that neither always runs second.
      if (i % 2) {
        b.push(await load(without, url));
        a.push(await load(withExtension, url));
      } else {
        a.push(await load(withExtension, url));
        b.push(await load(without, url));
      }
    }
    const of = (xs: Load[], k: keyof Load) => median(xs.map((x) => x[k]));
    results.push({
      label: c.label,
      loads,
      script: of(a, 'script') - of(b, 'script'),
      task: of(a, 'task') - of(b, 'task'),
      heap: of(a, 'heap') - of(b, 'heap'),
      bareScript: of(b, 'script'),
      bareTask: of(b, 'task'),
    });
  }
  return results;
}

const ROUTES = 1800;
const BURST = 60;

/** Runs in the page: the route changes of one burst. */
function burst(args: { from: number; count: number }): void {
  const main = document.querySelector('.block') ?? document.body;
  for (let r = args.from; r < args.from + args.count; r++) {
    history.pushState({ r }, '', `/route/${r}`);
    const view = document.createElement('div');
    let html = '';
    for (let i = 0; i < 100; i++) html += `<p><a href="/art/${r}/${i}.html">第${i}条</a><span>${r}</span></p>`;
    view.innerHTML = html;
    main.replaceChildren(view);
    if (r % 60 === 59) {
      const conac = document.querySelector('.conac');
      if (conac) {
        const id = (r * 2654435761).toString(16).toUpperCase().padStart(32, '0').slice(-32);
        conac.innerHTML = `<a href="https://bszs.conac.cn/sitename?method=show&id=${id}"><img src="/images/dzjg.png"></a>`;
      }
    }
  }
}

async function session(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await settled(page);
    let first = 0;
    for (let from = 0; from < ROUTES; from += BURST) {
      await page.evaluate(burst, { from, count: BURST });
      // Quiet longer than the watcher's settle time, so that it scans this burst.
      await page.evaluate(() => new Promise((done) => setTimeout(done, 450)));
      if (from === 0) first = await heapAfterGc(cdp);
    }
    const last = await heapAfterGc(cdp);
    await cdp.detach();
    return last - first;
  } finally {
    await page.close();
  }
}

export async function benchSession(withExtension: BrowserContext, without: BrowserContext, host: string): Promise<SessionResult> {
  const url = `https://${host}/`;
  return { routes: ROUTES, growthWith: await session(withExtension, url), growthWithout: await session(without, url) };
}

export interface ColdScan {
  /** Evaluating the content script's scan code in a fresh isolated world: parse, compile, top level. */
  load: number;
  /** Its first scan (cold: no JIT, no caches) and a later one (warm), ms. */
  first: number;
  warm: number;
}

/** Where a first scan's time goes, in a fresh isolated world on a loaded page (medians over `runs` pages). */
export async function benchColdScan(context: BrowserContext, bundle: string, host: string, runs: number): Promise<ColdScan> {
  const samples: ColdScan[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    try {
      await page.goto(`https://${host}/`, { waitUntil: 'load', timeout: 60_000 });
      await settled(page);
      const cdp = await context.newCDPSession(page);
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: `cold-${i}`,
      });
      const expression = `(() => { const t0 = performance.now(); ${bundle}; const t1 = performance.now(); __govmarkBench.scanPage(document); const t2 = performance.now(); for (let k = 0; k < 20; k++) __govmarkBench.scanPage(document); const t3 = performance.now(); return { load: t1 - t0, first: t2 - t1, warm: (t3 - t2) / 20 }; })()`;
      const run = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
      if (run.exceptionDetails) throw new Error(`cold scan failed: ${run.exceptionDetails.exception?.description}`);
      samples.push(run.result.value as ColdScan);
      await cdp.detach();
    } finally {
      await page.close();
    }
  }
  const of = (k: keyof ColdScan) => median(samples.map((x) => x[k]));
  return { load: of('load'), first: of('first'), warm: of('warm') };
}
