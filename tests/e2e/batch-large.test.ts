/**
 * The batch page at 20,000 addresses in real Chromium: the run in IndexedDB across a browser
 * restart in the middle, resumed; the windowed table filtered, sorted and scrolled to its end;
 * the CSV export of every result. The sites are loopback pages that answer at once
 * (scripts/bench/tiny-sites.ts), each address's verdict known from its number.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinySites, type TinySites, tinyState } from '../../scripts/bench/tiny-sites';
import { grantInProfile, type LaunchedBrowser, launchWithExtension } from '../../scripts/browser';
import { type StandIn, startStandIn } from '../../scripts/stand-in/server';
import { RUN_DB, RUN_DB_VERSION } from '../../utils/batch/run-store';
import { savedInDb, scrollToRow } from './batch-page';
import { EXTENSION_DIR } from './harness';

const COUNT = 20_000;
const done = (page: Page) => page.getByTestId('progress').getAttribute('data-done').then(Number);

let standIn: StandIn;
let sites: TinySites;
let profile: string;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  standIn = await startStandIn({});
  sites = await startTinySites();
  profile = await mkdtemp(join(tmpdir(), 'govmark-batch-large-'));
  // The host permission, as a user who accepted the prompt has it (see batch.test.ts).
  const first = await launchWithExtension({ extensionDir: EXTENSION_DIR, standInPort: standIn.port, userDataDir: profile });
  await first.close();
  await grantInProfile(profile, first.extensionId, ['http://*/*', 'https://*/*']);
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
  await standIn?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function openBatch(): Promise<Page> {
  browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, standInPort: standIn.port, userDataDir: profile });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`chrome-extension://${browser.extensionId}/batch.html?lang=zh`);
  await page.waitForSelector('[data-testid="permission"][data-state="granted"]');
  return page;
}

describe('the batch page at 20,000 addresses', () => {
  const addresses = () => sites.addresses(COUNT);
  const expectedCount = (state: string) => addresses().filter((_, n) => tinyState(n) === state).length;

  it('runs them, survives a browser restart mid-run, resumes, filters, sorts, scrolls and exports', async () => {
    // By hand from tiny-sites.ts: 400 addresses n % 50 = 7, 2,000 n % 10 = 3, the rest.
    expect([expectedCount('unknown'), expectedCount('danger'), expectedCount('none')]).toEqual([400, 2000, 17_600]);

    let page = await openBatch();
    // An auditor's list of this size comes as a file.
    await page.getByTestId('batch-file').setInputFiles({
      name: 'list.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(addresses().join('\n')),
    });
    await page.getByTestId('batch-source').waitFor();
    expect(await page.getByTestId('batch-summary').getAttribute('data-count')).toBe(String(COUNT));
    await page.getByTestId('concurrency').selectOption('16');
    await page.getByTestId('start').click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="progress"]')?.getAttribute('data-done')) >= 5000,
      null,
      {
        timeout: 120_000,
      },
    );

    // Results shown but not yet committed are checked again after a crash: quit once 5,000 are in the store.
    await expect
      .poll(async () => (await savedInDb(page)).addresses.length, { timeout: 60_000, interval: 500 })
      .toBeGreaterThanOrEqual(5000);

    // The browser quits in the middle of the run.
    await browser!.close();
    browser = undefined;
    page = await openBatch();
    const progress = page.getByTestId('progress');
    await progress.waitFor();
    const before = await done(page);
    expect(before).toBeGreaterThanOrEqual(5000);
    expect(before).toBeLessThan(COUNT);
    const saved = (await savedInDb(page)).addresses;
    expect(saved).toHaveLength(before);
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('running');

    await page.getByTestId('concurrency').selectOption('16');
    await page.getByTestId('resume').click();
    await page.locator('[data-testid="run-status"]:not([data-status])').waitFor({ timeout: 450_000 });
    expect(await done(page)).toBe(COUNT);

    // Every page fetched; none saved before the quit fetched again. (Those checked but not yet
    // written when the browser quit are checked again: at most the 16 under way and a write's batch.)
    expect(sites.requests.size).toBe(COUNT);
    const n = (address: string) => Number(address.slice(address.lastIndexOf('/') + 1));
    expect(saved.filter((address) => sites.requests.get(n(address)) !== 1)).toEqual([]);
    expect([...sites.requests.values()].every((count) => count <= 2)).toBe(true);

    for (const state of ['unknown', 'danger', 'none', 'verified', 'warning'])
      expect({ state, count: Number(await progress.locator(`[data-state="${state}"]`).getAttribute('data-count')) }).toEqual({
        state,
        count: expectedCount(state),
      });

    // The table knows every row and draws only a window of them.
    const table = page.getByTestId('results');
    expect(await table.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    expect(await page.getByTestId('result-row').count()).toBeLessThan(60);

    // Filtered to danger, scrolled to its end: the last danger address, in list order.
    await page.getByTestId('filter-danger').click();
    expect(await table.getAttribute('data-rows')).toBe('2000');
    await scrollToRow(page, 1999);
    const last = page.locator('[data-testid="result-row"][aria-rowindex="2001"]');
    expect(await last.getAttribute('data-address')).toBe(`${sites.origin}/s/19993`);
    expect(await last.getAttribute('data-state')).toBe('danger');
    expect(await page.getByTestId('result-row').count()).toBeLessThan(60);

    // All, sorted by state: most serious first, then in list order.
    await page.getByTestId('filter-all').click();
    await page.getByTestId('sort-state').click();
    await scrollToRow(page, 0);
    const first = page.locator('[data-testid="result-row"][aria-rowindex="2"]');
    expect(await first.getAttribute('data-address')).toBe(`${sites.origin}/s/3`);
    await scrollToRow(page, 2000);
    expect(await page.locator('[data-testid="result-row"][aria-rowindex="2002"]').getAttribute('data-address')).toBe(
      `${sites.origin}/s/7`,
    );

    // The CSV export: every address once, in list order, each with its state.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
    expect(lines).toHaveLength(COUNT + 1);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((cells) => cells[0])).toEqual(addresses());
    expect(rows.every((cells, n) => cells[2] === tinyState(n))).toBe(true);
  }, 900_000);

  it('refuses a store written by a newer GovMark, says so, and keeps every result', async () => {
    const page = (await browser!.context.pages()).find((p) => p.url().includes('batch.html'))!;
    // A newer version upgrades the database in place (as the next GovMark would).
    const newer = RUN_DB_VERSION + 1;
    await page.evaluate(
      ([name, version]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name as string, version as number);
          open.onupgradeneeded = () => open.result.createObjectStore('future');
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
      [RUN_DB, newer],
    );
    await page.reload();
    const problem = page.getByTestId('store-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('too-new');
    expect(await problem.textContent()).toContain('数据原样保留、不会删除');
    expect((await savedInDb(page)).addresses).toHaveLength(COUNT);
  }, 60_000);
});
