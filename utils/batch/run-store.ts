/**
 * The batch run in IndexedDB, saved as each result arrives, so that closing the page or
 * restarting the browser loses nothing and a run of tens of thousands of addresses can be resumed.
 *
 * Stored format (the database's version is the format's version):
 * - version 1: browser.storage.local (run-store-v1.ts), moved here on first open, then removed;
 * - version 2: `runs` (RunMeta by id) and `results` ({ run, index, entry } by [run, index]): one
 *   record per result keeps each write small, and [run, index] keys give the input order for free.
 * A database of a newer version than this code knows is never opened for writing, upgraded down
 * or deleted: opening fails with RunStoreTooNew and the data stays for the newer GovMark.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { BatchEntry } from './batch';
import { type RowSummary, summarise } from './row-summary';
import type { RunMeta } from './run-meta';
import { readV1, type StorageAreaLike } from './run-store-v1';

export type { RunMeta, RunStatus } from './run-meta';

export const RUN_DB = 'govmark-batch';
export const RUN_DB_VERSION = 2;

export interface StoredResult {
  run: string;
  /** The index of the address in the run's list. */
  index: number;
  entry: BatchEntry;
}

interface RunDb extends DBSchema {
  runs: { key: string; value: RunMeta };
  results: { key: [string, number]; value: StoredResult };
}

type Upgrade = (db: IDBPDatabase<RunDb>, tx: IDBPTransaction<RunDb, ('runs' | 'results')[], 'versionchange'>) => void;

/** One step per version: the step to version N runs for a database older than N. Version 1 lived in storage.local. */
const UPGRADES: Record<number, Upgrade> = {
  2: (db) => {
    db.createObjectStore('runs', { keyPath: 'id' });
    db.createObjectStore('results', { keyPath: ['run', 'index'] });
  },
};

/** The stored run was written by a newer GovMark: it is kept as it is. */
export class RunStoreTooNew extends Error {
  constructor() {
    super('the saved batch run was written by a newer version of GovMark');
    this.name = 'RunStoreTooNew';
  }
}

export interface SavedRun {
  meta: RunMeta;
  /** What the table shows of each result, by address. */
  rows: Map<string, RowSummary>;
}

export interface RunStore {
  /** The latest run with a summary of each result (read a page at a time: the results are never all held at once). */
  load(): Promise<SavedRun | null>;
  saveMeta(meta: RunMeta): Promise<void>;
  saveEntry(runId: string, index: number, entry: BatchEntry): Promise<void>;
  /** Each saved result of the run, in input order, one at a time. */
  eachEntry(runId: string, visit: (entry: BatchEntry, index: number) => void): Promise<void>;
  /** Removes every run and result. */
  clear(): Promise<void>;
}

export interface OpenOptions {
  /** Where version 1 kept the run (browser.storage.local); omitted, there is nothing to move. */
  legacy?: StorageAreaLike;
  name?: string;
}

/** Results read at a time: a page of them is in memory, never the run's all. */
const PAGE = 500;

/** Each result of the run in input order, read a page at a time (one request per page, not per result as with a cursor). */
async function eachPage(db: IDBPDatabase<RunDb>, runId: string, visit: (result: StoredResult) => void): Promise<void> {
  let from = 0;
  for (;;) {
    const page = await db.getAll('results', IDBKeyRange.bound([runId, from], [runId, Number.POSITIVE_INFINITY]), PAGE);
    for (const result of page) visit(result);
    if (page.length < PAGE) return;
    from = page[page.length - 1]!.index + 1;
  }
}

export async function openRunStore(options: OpenOptions = {}): Promise<RunStore> {
  let db: IDBPDatabase<RunDb>;
  try {
    db = await openDB<RunDb>(options.name ?? RUN_DB, RUN_DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        for (let version = oldVersion + 1; version <= (newVersion ?? RUN_DB_VERSION); version++)
          UPGRADES[version]?.(database, tx);
      },
      // A newer GovMark (updated while this page is open) wants to upgrade: let it.
      blocking: () => db.close(),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') throw new RunStoreTooNew();
    throw error;
  }
  // Not moved now (storage.local unreadable): it stays where it is and is tried again next time.
  if (options.legacy) await moveV1(db, options.legacy).catch(() => undefined);

  const writer = batchedWriter(db);
  return {
    async load() {
      const runs = await db.getAll('runs');
      const meta = runs.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).pop();
      if (!meta) return null;
      const rows = new Map<string, RowSummary>();
      await eachPage(db, meta.id, ({ index, entry }) => {
        if (meta.addresses[index] === entry.address) rows.set(entry.address, summarise(entry));
      });
      return { meta, rows };
    },
    async saveMeta(meta) {
      await db.put('runs', meta);
    },
    saveEntry: (run, index, entry) => writer.add({ run, index, entry }),
    eachEntry: (runId, visit) => eachPage(db, runId, ({ index, entry }) => visit(entry, index)),
    async clear() {
      const tx = db.transaction(['runs', 'results'], 'readwrite');
      await Promise.all([tx.objectStore('runs').clear(), tx.objectStore('results').clear(), tx.done]);
    },
  };
}

type WriteTx = IDBPTransaction<RunDb, ('runs' | 'results')[], 'readwrite'> | IDBPTransaction<RunDb, ['results'], 'readwrite'>;

/**
 * Runs `puts` in `tx` and waits for the commit. All or nothing: a put that throws at once (a value
 * that cannot be stored) aborts the transaction, which would otherwise commit the puts before it.
 */
async function writeAll<T extends WriteTx>(tx: T, puts: (tx: T, track: (put: Promise<unknown>) => void) => void): Promise<void> {
  try {
    // Each put's own failure is the transaction's, reported once by tx.done.
    puts(tx, (put) => void put.catch(() => undefined));
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
}

/**
 * Results written many to a transaction: those that arrive while one transaction commits go
 * together in the next. A transaction per result would cost a commit each (the page gets hundreds
 * a second); `relaxed` durability lets a commit not wait for the disk (a result lost in a crash
 * is only checked again on resume). Each add resolves when its own transaction has committed.
 */
function batchedWriter(db: IDBPDatabase<RunDb>) {
  let queue: Array<{ result: StoredResult; done: () => void; failed: (error: unknown) => void }> = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    while (queue.length) {
      const batch = queue;
      queue = [];
      try {
        await writeAll(db.transaction('results', 'readwrite', { durability: 'relaxed' }), (tx, track) => {
          for (const { result } of batch) track(tx.objectStore('results').put(result));
        });
        for (const item of batch) item.done();
      } catch (error) {
        for (const item of batch) item.failed(error);
      }
    }
    writing = false;
  };
  return {
    add(result: StoredResult): Promise<void> {
      return new Promise((done, failed) => {
        queue.push({ result, done, failed });
        if (!writing) void flush();
      });
    },
  };
}

/**
 * Moves a version 1 run into the database, and removes it from storage.local only once the copy
 * is committed. Copying is idempotent (keys are the run's id and the indexes), so a removal that
 * failed is simply done again next time.
 */
async function moveV1(db: IDBPDatabase<RunDb>, legacy: StorageAreaLike): Promise<void> {
  const v1 = await readV1(legacy);
  if (!v1) return;
  await writeAll(db.transaction(['runs', 'results'], 'readwrite'), (tx, track) => {
    track(tx.objectStore('runs').put(v1.meta));
    for (const { index, entry } of v1.results) track(tx.objectStore('results').put({ run: v1.meta.id, index, entry }));
  });
  await legacy.remove(v1.keys);
}
