/**
 * `--report` from the command line, opened in Chromium: the file is whole (no request leaves it),
 * its Content-Security-Policy is in force (markup slipped in later cannot load anything), and it
 * holds the run's sites.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/scan';
import { findChromium } from '../../scripts/browser';
import { type StandIn, startStandIn } from '../../scripts/stand-in/server';
import { REPORT_CSP } from '../../utils/batch/run-report';
import { batchSites } from './batch-sites';

let standIn: StandIn;
let dir: string;
let browser: Browser;
const sites = batchSites.filter((s) => s.expect !== 'unknown').slice(0, 6);

beforeAll(async () => {
  const pages = new Map(sites.map((s) => [s.host, s.html]));
  standIn = await startStandIn({ siteFor: (_host, path) => pages.get(decodeURIComponent(path.slice(1, -1))) });
  dir = await mkdtemp(join(tmpdir(), 'govmark-cli-report-'));
  browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await standIn?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('--report', () => {
  it('writes one self-contained HTML file that loads nothing and whose CSP is in force', async () => {
    const list = join(dir, 'list.txt');
    const report = join(dir, 'report.html');
    const addresses = [...sites.map((s) => `${standIn.origin}/${s.host}/`), `${standIn.origin}/gone.gov.cn/`];
    await writeFile(list, addresses.join('\n'));
    const err: string[] = [];
    const code = await run(
      [
        '--list',
        list,
        '--report',
        report,
        '--conac-origin',
        standIn.origin,
        '--no-cache',
        '--registry-rate',
        '1000',
        '--lang',
        'en',
      ],
      () => undefined,
      (line) => err.push(line),
    );
    expect(code, err.join('\n')).toBe(2);
    const html = await readFile(report, 'utf8');
    for (const address of addresses) expect(html).toContain(address);

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(report).href;
    await page.goto(url);
    expect(requests).toEqual([url]);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(REPORT_CSP);
    expect(await page.locator('h1').textContent()).toBe('Website identity mark audit report');
    expect(await page.locator('svg rect').count()).toBe(5);

    // Markup added after load (what an escaping bug would let in) may not load anything.
    const violation = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
          document.body.insertAdjacentHTML('beforeend', '<img src="http://127.0.0.1:9/x.png">');
        }),
    );
    // Without the policy no violation would be reported, and this would wait out the test's time.
    expect(await violation).toMatch(/img-src|default-src/);
    await page.close();
  });
});
