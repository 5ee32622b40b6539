/** Reading the extension's batch page in e2e tests: its IndexedDB store and its windowed results table. */
import type { Page } from 'playwright-core';
import { ROW_PX } from '../../components/BatchResults';
import { RUN_DB } from '../../utils/batch/run-store';

/** The addresses of the results saved in the page's IndexedDB, and how many runs there are. */
export function savedInDb(page: Page): Promise<{ runs: number; addresses: string[] }> {
  return page.evaluate(
    (name) =>
      new Promise<{ runs: number; addresses: string[] }>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('results')) {
            db.close();
            return resolve({ runs: 0, addresses: [] });
          }
          const tx = db.transaction(['runs', 'results']);
          const runs = tx.objectStore('runs').count();
          const results = tx.objectStore('results').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ runs: runs.result, addresses: results.result.map((r: { entry: { address: string } }) => r.entry.address) });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    RUN_DB,
  );
}

export interface ShownRow {
  address: string;
  state: string;
}

/** Scrolls the table so that the row at `position` (0-based, in the order shown) is drawn, and waits for it. */
export async function scrollToRow(page: Page, position: number): Promise<void> {
  await page.getByTestId('results-scroll').evaluate((el, top) => {
    el.scrollTop = top;
  }, position * ROW_PX);
  await page.locator(`[data-testid="result-row"][aria-rowindex="${position + 2}"]`).waitFor();
}

/** Every row of the table in the order shown, read window by window (only the rows in view are in the DOM). */
export async function allRows(page: Page): Promise<ShownRow[]> {
  const total = Number(await page.getByTestId('results').getAttribute('data-rows'));
  const rows = new Map<number, ShownRow>();
  let position = 0;
  while (position < total) {
    await scrollToRow(page, position);
    const drawn = await page.getByTestId('result-row').evaluateAll((items) =>
      items.map((i) => ({
        at: Number(i.getAttribute('aria-rowindex')) - 2,
        address: i.getAttribute('data-address') ?? '',
        state: i.getAttribute('data-state') ?? '',
      })),
    );
    for (const { at, address, state } of drawn) rows.set(at, { address, state });
    position = Math.max(...drawn.map((r) => r.at)) + 1;
  }
  await scrollToRow(page, 0).catch(() => undefined);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}
