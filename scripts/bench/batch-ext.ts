/**
 * The extension's batch page at 10,000 addresses in real Chromium: the list imported as a file,
 * run 16 at a time against loopback sites that answer at once (tiny-sites.ts), timed from the
 * click on Start to the last result; the page's JS heap and the browser's memory sampled meanwhile.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grantInProfile, launchWithExtension } from '../browser';
import { startTinySites } from './tiny-sites';

export interface ExtBatchResult {
  addresses: number;
  seconds: number;
  /** The page's JS heap in use: highest sampled, and after the run (after a garbage collection). */
  peakHeapMb: number;
  endHeapMb: number;
  /** The RSS of every process of the browser, summed (shared pages counted in each), highest sampled. */
  peakRssMb: number;
  states: Record<string, number>;
}

/** Summed RSS of the processes whose command line names the profile (the browser and its children). */
async function browserRss(profile: string): Promise<number> {
  let kb = 0;
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    try {
      if (!(await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(profile)) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

export async function benchExtensionBatch(extensionDir: string, standInPort: number, count: number): Promise<ExtBatchResult> {
  const sites = await startTinySites();
  const profile = await mkdtemp(join(tmpdir(), 'govmark-bench-batch-'));
  const first = await launchWithExtension({ extensionDir, standInPort, userDataDir: profile });
  await first.close();
  await grantInProfile(profile, first.extensionId, ['http://*/*', 'https://*/*']);
  const browser = await launchWithExtension({
    extensionDir,
    standInPort,
    userDataDir: profile,
    extraArgs: ['--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/batch.html?lang=zh`);
    await page.waitForSelector('[data-testid="permission"][data-state="granted"]');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMb = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
    };
    await page.getByTestId('batch-file').setInputFiles({
      name: 'list.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(sites.addresses(count).join('\n')),
    });
    await page.getByTestId('batch-source').waitFor();
    await page.getByTestId('concurrency').selectOption('16');

    let peakHeapMb = 0;
    let peakRssMb = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peakHeapMb = Math.max(peakHeapMb, await heapMb().catch(() => 0));
        peakRssMb = Math.max(peakRssMb, await browserRss(profile));
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const start = Date.now();
    await page.getByTestId('start').click();
    await page.locator('[data-testid="run-status"]:not([data-status])').waitFor({ timeout: 30 * 60_000 });
    const seconds = (Date.now() - start) / 1000;
    sampling = false;
    await sampler;
    await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
    const endHeapMb = await heapMb();
    const states = await page
      .getByTestId('progress')
      .locator('[data-state]')
      .evaluateAll((items) =>
        Object.fromEntries(items.map((i) => [i.getAttribute('data-state'), Number(i.getAttribute('data-count'))])),
      );
    return { addresses: count, seconds, peakHeapMb, endHeapMb, peakRssMb, states };
  } finally {
    await browser.close();
    await sites.close();
    await rm(profile, { recursive: true, force: true });
  }
}
