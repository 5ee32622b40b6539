/**
 * The batch spot-check page in real Chromium with the built extension: 27 addresses of mixed
 * states on loopback (the stand-in's sample sites, generated sites on misbehaving certificate
 * records, and a small local server for a redirect, slow pages and a PDF), a reload in the middle
 * of the run, resume, the exports, and a browser restart.
 *
 * The optional host permission: a click (a real user gesture through Playwright) makes Chromium
 * show its permission prompt, which headless Chromium cannot answer and no API can accept. So:
 * - refusal: a click dispatched after the page's user activation has expired makes Chromium refuse
 *   the request, and the page must say so and check nothing;
 * - granting: the test accepts on the user's behalf by writing the permission into the profile
 *   (as Chromium records an accepted prompt: the origins in the extension's granted and active
 *   permissions in Preferences) while the browser is closed, and relaunches. The page's real
 *   click handler then calls permissions.request, which Chromium answers at once with true.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantInProfile, type LaunchedBrowser, launchWithExtension } from '../../scripts/browser';
import { type StandIn, startStandIn } from '../../scripts/stand-in/server';
import { type BatchRecord, CSV_COLUMNS, parseCsv } from '../../utils/batch/batch';
import { allRows, savedInDb, scrollToRow } from './batch-page';
import { batchSiteMap, batchSites } from './batch-sites';
import { ARTIFACTS, audit, EXTENSION_DIR } from './harness';

/** What the functions evaluated in the page see. */
declare const chrome: typeof import('wxt/browser').browser;

const ALL_SITES = ['http://*/*', 'https://*/*'];
/** The README's picture of the page; refreshed only on request (GOVMARK_README=1), so a test run leaves the tree clean. */
const README_SCREENSHOT = resolve('.github/readme/batch.png');

let standIn: StandIn;
let local: Server;
let localOrigin: string;
const localRequests: string[] = [];
let profile: string;
let browser: LaunchedBrowser | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  standIn = await startStandIn({ sites: batchSiteMap(), slowMs: 3000 });
  local = createServer(async (req, res) => {
    const path = req.url ?? '/';
    localRequests.push(path);
    if (path === '/go-beijing') {
      res.writeHead(302, { location: 'https://www.beijing.gov.cn/' });
      return void res.end();
    }
    if (path === '/report.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return void res.end('%PDF-1.4');
    }
    if (/^\/slow\/\d$/.test(path)) {
      await sleep(1200);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><title>慢</title><p>一个很慢、没有标识的网页。</p>');
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((done) => local.listen(0, '127.0.0.1', done));
  localOrigin = `http://127.0.0.1:${(local.address() as { port: number }).port}`;
  profile = await mkdtemp(join(tmpdir(), 'govmark-batch-profile-'));
});

afterAll(async () => {
  await browser?.close();
  await standIn?.close();
  await new Promise((done) => local?.close(done));
  if (profile) await rm(profile, { recursive: true, force: true });
});

const launch = async () =>
  (browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, standInPort: standIn.port, userDataDir: profile }));

async function openBatch(b: LaunchedBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1100, height: 750 });
  page.on('dialog', (dialog) => {
    throw new Error(`a page dialog opened: ${dialog.message()}`);
  });
  await page.goto(`chrome-extension://${b.extensionId}/batch.html?lang=zh`);
  await page.waitForSelector('[data-testid="permission"]:not([data-state="unknown"])');
  return page;
}

/** What the page logs once it has clicked Start itself. */
const CLICKED = 'govmark-test: start clicked';
/** Fills the list and clicks Start from inside the page, where no user input ever arrived. */
const REFUSED_CLICK = `addEventListener('DOMContentLoaded', function go() {
  const list = document.querySelector('textarea');
  const start = document.querySelector('[data-testid="start"]');
  if (!list || !start) return void setTimeout(go, 50);
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(list, 'https://www.beijing.gov.cn/');
  list.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => {
    start.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    console.log('${CLICKED}');
  }, 200);
});`;

// ---------------------------------------------------------------------------------------------
// The list

interface Expected {
  input: string;
  address: string;
  state: string;
  reason?: string;
  /** Where the page ended, when not the address itself ('' when nothing was received). */
  finalUrl?: string;
  /** The page could not be had. */
  error?: RegExp;
}

function expectations(): Expected[] {
  const fromSites = batchSites.map((site, i): Expected => {
    const host = site.host;
    // A mix of ways of writing an address: https, http, bare (taken as https), the Chinese name.
    const input = host.startsWith('xn--')
      ? '某某县人民政府.政务'
      : i % 3 === 0
        ? host
        : i % 3 === 1
          ? `http://${host}`
          : `https://${host}/`;
    const address = input.startsWith('http://') ? `http://${host}/` : `https://${host}/`;
    return { input, address, state: site.expect, reason: site.reason };
  });
  const slow = [1, 2, 3].map(
    (n): Expected => ({ input: `${localOrigin}/slow/${n}`, address: `${localOrigin}/slow/${n}`, state: 'none' }),
  );
  // Slow ones first: the run must still be going when the page is reloaded.
  const endless = fromSites.findIndex((e) => e.address.includes('jtj.'));
  const first = [fromSites[endless]!, ...slow, ...fromSites.filter((e) => e.address.includes('sjj.'))];
  return [
    ...first,
    ...fromSites.filter((e) => !first.includes(e)),
    {
      input: `${localOrigin}/go-beijing`,
      address: `${localOrigin}/go-beijing`,
      state: 'verified',
      reason: 'domain-match',
      finalUrl: 'https://www.beijing.gov.cn/',
    },
    {
      input: `${localOrigin}/report.pdf`,
      address: `${localOrigin}/report.pdf`,
      state: 'unknown',
      error: /^不是网页（application\/pdf）$/,
    },
    {
      input: 'https://www.gone.gov.cn/',
      address: 'https://www.gone.gov.cn/',
      state: 'unknown',
      error: /^网站返回了错误（HTTP 404）$/,
      finalUrl: '',
    },
  ];
}

function listText(expected: Expected[]): { text: string; bad: Array<{ line: number; reason: string }> } {
  const lines = [
    '# 2025 年第一季度抽查',
    ...expected.slice(0, 5).map((e) => e.input),
    'ftp://ftp.moumou.gov.cn/',
    ...expected.slice(5, 12).map((e) => e.input),
    '',
    '首都之窗',
    'https://www.beijing.gov.cn',
    ...expected.slice(12).map((e) => e.input),
  ];
  const line = (text: string) => lines.indexOf(text) + 1;
  return {
    text: lines.join('\n'),
    bad: [
      { line: line('ftp://ftp.moumou.gov.cn/'), reason: 'unsupported-scheme' },
      { line: line('首都之窗'), reason: 'not-a-url' },
      // Written another way, the same address as a line above.
      { line: line('https://www.beijing.gov.cn'), reason: 'duplicate' },
    ],
  };
}

// ---------------------------------------------------------------------------------------------

describe('the batch page', () => {
  let expected: Expected[];
  beforeAll(() => {
    expected = expectations();
  });

  it('explains why it needs access to all sites, and checks nothing when Chromium refuses it', async () => {
    const b = await launch();
    try {
      const page = await b.context.newPage();
      // Start clicked without any user activation (no input from Playwright reaches this page):
      // Chromium refuses the request outright, as it would a user's "no".
      await page.addInitScript({ content: REFUSED_CLICK });
      // Hands off until the click has happened: Playwright's own queries count as user activation,
      // so the wait is for the page's console message, which needs no query.
      const clicked = page.waitForEvent('console', { predicate: (m) => m.text() === CLICKED, timeout: 15_000 });
      await page.goto(`chrome-extension://${b.extensionId}/batch.html?lang=zh`);
      await clicked;
      await page.getByTestId('permission-denied').waitFor({ timeout: 15_000 });
      const card = page.getByTestId('permission');
      expect(await card.textContent()).toContain('读取和更改您在所有网站上的数据');
      expect(await page.getByTestId('permission-denied').textContent()).toContain('没有得到访问网站的权限');
      expect(await card.getAttribute('data-state')).toBe('denied');
      expect(await page.getByTestId('progress').count()).toBe(0);
      expect(await savedInDb(page)).toEqual({ runs: 0, addresses: [] });
      expect(await page.evaluate((origins) => chrome.permissions.contains({ origins }), ALL_SITES)).toBe(false);
      await page.setViewportSize({ width: 1100, height: 750 });
      await page.screenshot({ path: `${ARTIFACTS}/batch-permission-denied.png`, fullPage: true });
    } finally {
      await b.close();
      browser = undefined;
      await grantInProfile(profile, b.extensionId, ALL_SITES);
    }
  }, 60_000);

  it('checks the list, survives a reload mid-run, resumes with only the unchecked addresses, and exports', async () => {
    const b = await launch();
    const page = await openBatch(b);
    expect(await page.getByTestId('permission').getAttribute('data-state')).toBe('granted');

    // The list, with the lines that will not be checked listed with their reasons.
    const { text, bad } = listText(expected);
    await page.getByTestId('batch-list').fill(text);
    expect(await page.getByTestId('batch-summary').getAttribute('data-count')).toBe(String(expected.length));
    const problems = await page
      .getByTestId('batch-problem')
      .evaluateAll((items) =>
        items.map((i) => ({ line: Number(i.getAttribute('data-line')), reason: i.getAttribute('data-reason') })),
      );
    expect(problems).toEqual(bad);
    expect(await page.getByTestId('batch-problems').textContent()).toContain('只支持 http 和 https（这里是 ftp）');

    // Two at a time, so that the run is still going when the page is reloaded.
    await page.getByTestId('concurrency').selectOption('2');
    await page.getByTestId('start').click();
    const progress = page.getByTestId('progress');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="progress"]')?.getAttribute('data-done')) >= 8,
      null,
      { timeout: 30_000 },
    );
    expect(await page.getByTestId('progress-current').textContent()).toMatch(/正在核验.*https?:\/\//);
    await page.screenshot({ path: `${ARTIFACTS}/batch-mid-run.png` });

    // What is saved right now, then the reload.
    const saved = (await savedInDb(page)).addresses;
    expect(saved.length).toBeGreaterThanOrEqual(8);
    expect(saved.length).toBeLessThan(expected.length);
    await page.reload();

    // The saved run is shown again, interrupted, with a resume button.
    await progress.waitFor();
    expect(Number(await progress.getAttribute('data-done'))).toBeGreaterThanOrEqual(saved.length);
    expect(await progress.getAttribute('data-running')).toBe('false');
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('running');
    expect(await page.getByTestId('run-status').textContent()).toContain('点击“继续”只核验这些地址');
    const afterReload = await allRows(page);
    for (const address of saved) expect(afterReload.find((r) => r.address === address)?.state).not.toMatch(/pending|checking/);
    await page.getByTestId('concurrency').selectOption('6');
    await page.getByTestId('resume').click();
    await page.locator('[data-testid="run-status"]:not([data-status])').waitFor({ timeout: 45_000 });
    expect(await progress.getAttribute('data-done')).toBe(String(expected.length));
    expect(await page.getByTestId('progress-count').textContent()).toBe(`已完成 ${expected.length} / ${expected.length}`);

    // Nothing that was saved before the reload was fetched again.
    const pageRequests = (address: string) => {
      const url = new URL(address);
      if (url.hostname === '127.0.0.1') return localRequests.filter((p) => p === url.pathname).length;
      return standIn.requests.filter((r) => r.host === url.hostname && r.path === '/').length;
    };
    for (const address of saved) {
      if (address === 'https://www.beijing.gov.cn/') continue; // also the redirect's destination
      expect({ address, requests: pageRequests(address) }).toEqual({ address, requests: 1 });
    }

    // Every row has the expected state.
    const rows = await allRows(page);
    expect(rows).toEqual(expected.map((e) => ({ address: e.address, state: e.state })));
    // The page showed every state a verdict can have.
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['verified', 'warning', 'danger', 'unknown', 'none']));
    // The hostile certificate's markup is text.
    const hostile = expected.find((e) => e.address.includes('//mmj.'))!.address;
    await scrollToRow(
      page,
      expected.findIndex((e) => e.address === hostile),
    );
    expect(await page.locator(`[data-address="${hostile}"] .holder`).textContent()).toBe('<script>alert(1)</script>某某局');

    // Filter by state, sort by state.
    const count = (state: string) => expected.filter((e) => e.state === state).length;
    await page.getByTestId('filter-danger').click();
    expect((await allRows(page)).map((r) => r.state)).toEqual(new Array(count('danger')).fill('danger'));
    await page.getByTestId('filter-all').click();
    await page.getByTestId('sort-state').click();
    const sorted = (await allRows(page)).map((r) => r.state);
    const order = ['danger', 'warning', 'unknown', 'none', 'verified'];
    expect(sorted).toEqual([...sorted].sort((a, b) => order.indexOf(a!) - order.indexOf(b!)));

    // The README's picture: the finished run, most serious first.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: `${ARTIFACTS}/batch-done.png` });
    if (process.env.GOVMARK_README === '1') {
      await mkdir(resolve('.github/readme'), { recursive: true });
      await page.screenshot({ path: README_SCREENSHOT });
    }
    await page.screenshot({ path: `${ARTIFACTS}/batch-done-full.png`, fullPage: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect((await audit(page)).violations, `the results table, ${scheme}`).toEqual([]);
    }
    await page.getByTestId('sort-index').click();

    // CSV export: the same columns as the command line, one row per address, in list order.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^govmark-batch-\d{8}-\d{4}\.csv$/);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    expect(
      csv.startsWith(
        '\ufeffaddress,final_url,state,holder,holder_type,registered_domains,certificate_id,reasons,messages,checked_at,error,run,shard,list_index\r\n',
      ),
    ).toBe(true);
    const table = parseCsv(csv.slice(1))
      .rows.slice(1)
      .filter((r) => r.cells.some(Boolean))
      .map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r.cells[i] ?? ''])));
    expect(table.map((r) => r.address)).toEqual(expected.map((e) => e.address));
    for (const e of expected) {
      const row = table.find((r) => r.address === e.address)!;
      expect({ address: e.address, state: row.state }).toEqual({ address: e.address, state: e.state });
      if (e.reason) expect(row.reasons.split(';'), e.address).toContain(e.reason);
      if (e.error) expect(row.error).toMatch(e.error);
      else expect(row.error, e.address).toBe('');
      expect(row.final_url, e.address).toBe(e.finalUrl ?? e.address);
      expect(Number.isNaN(Date.parse(row.checked_at))).toBe(false);
      // The run columns are the command line's (its shards); the extension leaves them empty.
      expect([row.run, row.shard, row.list_index]).toEqual(['', '', '']);
    }

    // 导出报告: the report to hand up, one self-contained HTML file.
    const [reportDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    expect(reportDownload.suggestedFilename()).toMatch(/^govmark-batch-\d{8}-\d{4}\.html$/);
    const report = await readFile((await reportDownload.path())!, 'utf8');
    expect(report).toContain('<meta http-equiv="Content-Security-Policy"');
    for (const e of expected) expect(report).toContain(e.address);
    expect(table.find((r) => r.address === 'https://www.beijing.gov.cn/')).toMatchObject({
      holder: '北京市人民政府',
      holder_type: '党政机关',
      certificate_id: '2100248D951EAB04708D314CFF95473E',
      reasons: 'domain-match;holder-match',
    });
    expect(table.find((r) => r.address === 'https://www.beijing-gov.com.cn/')!.messages).toContain('标识是借用或冒用的');
    await writeFile(`${ARTIFACTS}/batch-export.csv`, csv);

    // JSON export: the records, the address asked for and where the page ended.
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const records = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as BatchRecord[];
    expect(records.map((r) => r.requestedUrl)).toEqual(expected.map((e) => e.address));
    expect(records.find((r) => r.requestedUrl?.endsWith('/go-beijing'))).toMatchObject({
      finalUrl: 'https://www.beijing.gov.cn/',
      redirected: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      page: { url: 'https://www.beijing.gov.cn/', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  }, 120_000);

  it('keeps the finished run over a browser restart, and takes its own CSV export as a new list', async () => {
    await browser!.close();
    const b = await launch();
    const page = await openBatch(b);
    await page.getByTestId('progress').waitFor();
    expect(await page.getByTestId('progress').getAttribute('data-done')).toBe(String(expected.length));
    expect(await page.getByTestId('results').getAttribute('data-rows')).toBe(String(expected.length));
    expect(await page.getByTestId('resume').count()).toBe(0);

    await page.getByTestId('new-run').click();
    await page.getByTestId('batch-list').waitFor();
    // The last list comes back into the text box.
    expect(await page.getByTestId('batch-summary').getAttribute('data-count')).toBe(String(expected.length));
    await page.getByTestId('batch-list').fill('');
    await page.getByTestId('batch-file').setInputFiles(`${ARTIFACTS}/batch-export.csv`);
    await page.getByTestId('batch-source').waitFor();
    expect(await page.getByTestId('batch-summary').getAttribute('data-count')).toBe(String(expected.length));
    expect(await page.getByTestId('batch-problem').count()).toBe(0);
    expect(await savedInDb(page)).toEqual({ runs: 0, addresses: [] });
  }, 60_000);
});
