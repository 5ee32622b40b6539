/**
 * The batch run in browser.storage.local, saved as each result arrives, so that closing the page
 * or restarting the browser loses nothing and a run can be resumed.
 *
 * `batch:run` holds the run itself (its addresses in input order, the input lines not taken, its
 * status); each result is its own item, `batch:result:<index of the address>`, tagged with the
 * run's id. One item per result keeps each write small (a result with its evidence is a few kB:
 * rewriting one item holding them all would cost O(n²) over a run).
 */
import { browser } from 'wxt/browser';
import type { BatchEntry, InputProblem } from '@/utils/batch/batch';

export const RUN_KEY = 'batch:run';
export const RESULT_PREFIX = 'batch:result:';

export type RunStatus = 'running' | 'paused' | 'done';

export interface RunMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Normalised addresses, in input order. */
  addresses: string[];
  /** Input lines that were not taken, with why. */
  problems: InputProblem[];
  /** 'running' as saved means the page was closed (or the browser quit) during the run. */
  status: RunStatus;
  concurrency: number;
  /** The imported file's name, if the list came from a file. */
  source: string | null;
}

export interface SavedRun {
  meta: RunMeta;
  /** Results by address. */
  entries: Map<string, BatchEntry>;
}

export interface RunStore {
  load(): Promise<SavedRun | null>;
  saveMeta(meta: RunMeta): Promise<void>;
  saveEntry(meta: RunMeta, entry: BatchEntry): Promise<void>;
  /** Removes the run and every result item, including strays of older runs. */
  clear(): Promise<void>;
}

interface StoredEntry {
  run: string;
  entry: BatchEntry;
}

/** The part of a storage area the store uses (browser.storage.local, or a fake in tests). */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export function runStore(area: StorageAreaLike = browser.storage.local): RunStore {
  return {
    async load() {
      const meta = (await area.get(RUN_KEY))[RUN_KEY] as RunMeta | undefined;
      if (!meta || !Array.isArray(meta.addresses)) return null;
      const keys = meta.addresses.map((_, i) => RESULT_PREFIX + i);
      const stored = keys.length ? await area.get(keys) : {};
      const entries = new Map<string, BatchEntry>();
      meta.addresses.forEach((address, i) => {
        const item = stored[RESULT_PREFIX + i] as StoredEntry | undefined;
        if (item?.run === meta.id && item.entry?.address === address) entries.set(address, item.entry);
      });
      return { meta, entries };
    },
    saveMeta: (meta) => area.set({ [RUN_KEY]: meta }),
    async saveEntry(meta, entry) {
      const index = meta.addresses.indexOf(entry.address);
      if (index < 0) return;
      await area.set({ [RESULT_PREFIX + index]: { run: meta.id, entry } satisfies StoredEntry });
    },
    async clear() {
      const keys = Object.keys(await area.get(null)).filter((key) => key === RUN_KEY || key.startsWith(RESULT_PREFIX));
      if (keys.length) await area.remove(keys);
    },
  };
}
