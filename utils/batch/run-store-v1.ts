/**
 * Version 1 of the stored batch run: browser.storage.local, as GovMark 0.1 wrote it. Only read
 * now, to move a saved run into IndexedDB (run-store.ts), then removed.
 *
 * `batch:run` held the run (RunMeta, unchanged since); each result was its own item,
 * `batch:result:<index of the address>` = { run: <run id>, entry: BatchEntry }.
 */
import type { BatchEntry } from './batch';
import type { RunMeta } from './run-meta';

export const V1_RUN_KEY = 'batch:run';
export const V1_RESULT_PREFIX = 'batch:result:';

/** The part of a storage area the migration uses (browser.storage.local, or a fake in tests). */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  remove(keys: string | string[]): Promise<void>;
}

export interface V1Run {
  meta: RunMeta;
  /** This run's results with the index of their address. */
  results: Array<{ index: number; entry: BatchEntry }>;
  /** Every version 1 item found: removed once the run is safely elsewhere. */
  keys: string[];
}

/**
 * The version 1 run, if there is one that can be read. An item that cannot be read as a run is
 * not taken (and so is left where it is).
 */
export async function readV1(area: StorageAreaLike): Promise<V1Run | null> {
  const all = await area.get(null);
  const meta = all[V1_RUN_KEY] as RunMeta | undefined;
  if (!meta || typeof meta.id !== 'string' || !Array.isArray(meta.addresses)) return null;
  const keys = Object.keys(all).filter((key) => key === V1_RUN_KEY || key.startsWith(V1_RESULT_PREFIX));
  const results: V1Run['results'] = [];
  meta.addresses.forEach((address, index) => {
    const item = all[V1_RESULT_PREFIX + index] as { run?: string; entry?: BatchEntry } | undefined;
    // Results of an older run left under the same index are not this run's.
    if (item?.run === meta.id && item.entry?.address === address) results.push({ index, entry: item.entry });
  });
  return { meta, results, keys };
}
