/**
 * Detection time in real Chromium: the content script's own scan (utils/extension/page-watch.ts scanPage,
 * bundled and minified by esbuild as the build does) run in an isolated world, as content
 * scripts run, next to a bare `document.querySelectorAll('*')` over the same page, interleaved
 * round by round so that both see the same machine load.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';

export interface DetectCase {
  label: string;
  /** Served by the stand-in at https://<host>/ */
  host: string;
}

export interface DetectResult {
  label: string;
  elements: number;
  marks: number;
  /** Medians in ms. */
  detect: number;
  baseline: number;
  /** Median of the per-round ratios detect / baseline. */
  ratio: number;
  rounds: number;
  /** Each window started after a full garbage collection. */
  collected: boolean;
}

export async function scanBundle(root: string): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { scanPage } from './utils/extension/page-watch'; globalThis.__govmarkBench = { scanPage };`,
      resolveDir: resolve(root),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/**
 * Each round times scanPage and the bare query; a timing is the mean over a window of at least
 * `windowMs`, because timers in pages are coarsened to 0.1 ms.
 */
const MEASURE = (rounds: number, windowMs: number) => `(() => {
  const doc = document;
  const scan = () => __govmarkBench.scanPage(doc);
  const bare = () => doc.querySelectorAll('*').length;
  // A full garbage collection before each window (the browser runs with --expose-gc): a window
  // then never pays for garbage the previous one left, and querySelectorAll('*') leaves plenty.
  const collect = typeof gc === 'function' ? gc : () => {};
  const timeOf = (f) => { collect(); let n = 0; const t = performance.now(); let e; do { f(); n++; e = performance.now() - t; } while (e < ${windowMs}); return e / n; };
  for (let i = 0; i < 3; i++) { timeOf(scan); timeOf(bare); }
  const d = [], b = [], r = [];
  for (let i = 0; i < ${rounds}; i++) {
    // Alternate the order, so neither always runs on caches the other warmed.
    let x, y;
    if (i % 2) { y = timeOf(bare); x = timeOf(scan); } else { x = timeOf(scan); y = timeOf(bare); }
    d.push(x); b.push(y); r.push(x / y);
  }
  const med = (xs) => { const s = [...xs].sort((p, q) => p - q); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  return { elements: doc.getElementsByTagName('*').length, marks: scan().marks.length, detect: med(d), baseline: med(b), ratio: med(r), collected: typeof gc === 'function' };
})()`;

export async function benchDetect(
  context: BrowserContext,
  bundle: string,
  cases: DetectCase[],
  rounds = 31,
  windowMs = 5,
): Promise<DetectResult[]> {
  const results: DetectResult[] = [];
  for (const c of cases) {
    const page = await context.newPage();
    try {
      await page.goto(`https://${c.host}/`, { waitUntil: 'load', timeout: 60_000 });
      // Let the extension's own first scan and report pass before measuring.
      await page.waitForTimeout(500);
      const cdp = await context.newCDPSession(page);
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'govmark-bench',
      });
      const load = await cdp.send('Runtime.evaluate', { expression: bundle, contextId: executionContextId });
      if (load.exceptionDetails) throw new Error(`bundle failed: ${load.exceptionDetails.exception?.description}`);
      const run = await cdp.send('Runtime.evaluate', {
        expression: MEASURE(rounds, windowMs),
        contextId: executionContextId,
        returnByValue: true,
      });
      if (run.exceptionDetails) throw new Error(`measurement failed: ${run.exceptionDetails.exception?.description}`);
      const value = run.result.value as Omit<DetectResult, 'label' | 'rounds'>;
      results.push({ label: c.label, rounds, ...value });
      await cdp.detach();
    } finally {
      await page.close();
    }
  }
  return results;
}
