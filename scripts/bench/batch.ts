/**
 * Batch spot-check throughput and peak memory: the command line's `--list` engine (runBatch +
 * checkAddress, linkedom, a CONAC client without cache so every site's certificate is fetched
 * and parsed) over generated sites served by the stand-in, 8 at a time.
 *
 * Run in a child process of its own (`tsx scripts/bench/batch.ts <port> <sites> <runs>`), so that
 * its peak RSS is the batch's, not the browser driver's or the stand-in's. Prints one JSON line.
 */
import { pathToFileURL } from 'node:url';
import { DOMParser } from 'linkedom';
import { type BatchEntry, runBatch } from '../../utils/batch/batch';
import { checkAddress } from '../../utils/batch/batch-check';
import { createConacClient } from '../../utils/engine/conac-client';
import { seededRandom } from '../seeded-random';
import { registry } from '../stand-in/registry';
import { loopbackFetch } from './loopback-fetch';
import { generatedPage, markHtml } from './pages';

export const BATCH_CONCURRENCY = 8;

/** Certificates that answer normally (the behaviour records would time out or fail on purpose). */
const GOOD = registry.filter((r) => r.behaviour === undefined);

export const batchHost = (i: number) => `www.bench-${String(i).padStart(3, '0')}.gov.cn`;

/**
 * `count` government-portal-like sites of 1,000 to 3,000 elements (about 35 to 110 KB), each with
 * the rendered official embed of a registered certificate in its footer.
 */
export function batchSites(count: number): Record<string, string> {
  const rand = seededRandom(42);
  const sites: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const record = GOOD[i % GOOD.length]!;
    const elements = 1000 + Math.floor(rand() * 2000);
    sites[batchHost(i)] = generatedPage(elements, false, i + 1).replace(
      '<div class="conac"></div>',
      `<div class="conac">${markHtml(record.id, record.scriptCode)}</div>`,
    );
  }
  return sites;
}

export interface BatchResult {
  sites: number;
  runs: number;
  /** Sites per second of each run. */
  rates: number[];
  seconds: number[];
  /** RSS before the first run, and the highest seen (sampled every 20 ms, and the kernel's maxRSS). */
  startRssMb: number;
  peakRssMb: number;
  states: Record<string, number>;
  pageKb: number;
}

async function main(port: number, count: number, runs: number): Promise<BatchResult> {
  const fetch = loopbackFetch(port);
  const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const client = createConacClient({ fetch, origin: `http://127.0.0.1:${port}`, timeoutMs: 10_000 });
  const addresses = Array.from({ length: count }, (_, i) => `http://${batchHost(i)}/`);
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const rates: number[] = [];
  const seconds: number[] = [];
  const states: Record<string, number> = {};
  let bytes = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const entries: BatchEntry[] = [];
      const start = performance.now();
      await runBatch(addresses, (address) => checkAddress(address, { fetch, parseHtml, client }), {
        concurrency: BATCH_CONCURRENCY,
        onResult: (entry) => void entries.push(entry),
      });
      const s = (performance.now() - start) / 1000;
      seconds.push(s);
      rates.push(count / s);
      if (run === 0) {
        for (const entry of entries) {
          const state = entry.error ? `error:${entry.error.cause}` : (entry.result?.verdict.state ?? 'none');
          states[state] = (states[state] ?? 0) + 1;
          bytes += entry.page?.bytes ?? 0;
        }
      }
    }
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return {
    sites: count,
    runs,
    rates,
    seconds,
    startRssMb: startRss / 2 ** 20,
    peakRssMb: peak / 2 ** 20,
    states,
    pageKb: bytes / count / 1024,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [port, count, runs] = process.argv.slice(2).map(Number);
  main(port!, count ?? 200, runs ?? 5).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
