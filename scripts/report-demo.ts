/**
 * The run report (`--report`, 导出报告) over the bundled sample sites, as an auditor would get it:
 * every sample site checked against the stand-in (real host names, through a loopback fetch), the
 * records turned into the report by the same function the command line and the batch page use.
 *
 *   tsx scripts/report-demo.ts <out.html> [--lang en] [--png <file>]   (--png: an A4-wide screenshot)
 *
 * `npm run report:readme` refreshes the README's screenshot (.github/readme/report.png).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DOMParser } from 'linkedom';
import { chromium } from 'playwright-core';
import packageJson from '../package.json';
import { type BatchEntry, csvCells, runBatch, toBatchRecord } from '../utils/batch/batch';
import { checkAddress } from '../utils/batch/batch-check';
import { runReport } from '../utils/batch/run-report';
import { createConacClient } from '../utils/engine/conac-client';
import { politeRegistry } from '../utils/engine/registry-policy';
import type { Lang } from '../utils/engine/verdict';
import { loopbackFetch } from './bench/loopback-fetch';
import { findChromium } from './browser';
import { startStandIn } from './stand-in/server';
import { sampleSiteMap, sampleSites } from './stand-in/sites';

export async function demoReport(lang: Lang): Promise<string> {
  const standIn = await startStandIn({ sites: sampleSiteMap(), slowMs: 1000 });
  try {
    const fetch = loopbackFetch(standIn.port);
    const policy = politeRegistry(50);
    const client = createConacClient({ fetch, origin: standIn.origin, timeoutMs: 3000, policy });
    const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const addresses = sampleSites.map((site) => `http://${site.host}/`);
    const entries = new Map<string, BatchEntry>();
    const startedAt = new Date().toISOString();
    await runBatch(addresses, (address) => checkAddress(address, { fetch, parseHtml, client, timeoutMs: 3000 }), {
      concurrency: 6,
      onResult: (entry) => void entries.set(entry.address, entry),
    });
    const rows = addresses.map((address) => csvCells(toBatchRecord(entries.get(address)!, lang, packageJson.version), lang));
    const run = {
      list: 'sample-sites.txt',
      startedAt,
      finishedAt: new Date().toISOString(),
      version: packageJson.version,
      registry: { ...policy.stats, ratePerSecond: 50 },
    };
    return runReport(rows, run, lang);
  } finally {
    await standIn.close();
  }
}

/** The report as Chromium shows it, 794 px wide (A4 at 96 dpi), the first screenful and a half. */
export async function screenshot(file: string, png: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: png });
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { lang: { type: 'string', default: 'zh' }, png: { type: 'string' } },
  });
  const out = resolve(positionals[0] ?? 'report.html');
  const lang: Lang = values.lang === 'en' ? 'en' : 'zh';
  await writeFile(out, await demoReport(lang));
  if (values.png) await screenshot(out, resolve(values.png));
  process.stdout.write(`${out}${values.png ? ` ${values.png}` : ''}\n`);
}
