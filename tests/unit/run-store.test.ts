import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BatchEntry } from '../../utils/batch/batch';
import { openRunStore, RUN_DB_VERSION, type RunMeta, RunStoreTooNew } from '../../utils/batch/run-store';

let name: string;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  // A database of its own for each test.
  name = `test-batch-${++n}`;
});

const urls = (count: number) => Array.from({ length: count }, (_, i) => `https://s${i}.gov.cn/`);
const none = (address: string, checkedAt = '2025-03-04T05:06:07.000Z'): BatchEntry => ({
  address,
  checkedAt,
  result: {
    checkedAt,
    scan: { url: address, marks: [], claims: { owner: null, siteCode: null, icp: null, psb: null } },
    lookups: { certificates: {}, scripts: {}, offline: false },
    verdict: { state: 'none', reasons: [] },
  },
});
const failed = (address: string): BatchEntry => ({
  address,
  checkedAt: '2025-03-04T05:06:08.000Z',
  error: { cause: 'http-status', detail: '404' },
});

const meta = (over: Partial<RunMeta> = {}): RunMeta => ({
  id: 'run-1',
  createdAt: '2025-03-04T00:00:00.000Z',
  updatedAt: '2025-03-04T00:00:00.000Z',
  addresses: urls(4),
  problems: [{ line: 5, text: 'ftp://x', reason: 'unsupported-scheme', detail: 'ftp' }],
  status: 'running',
  concurrency: 6,
  source: null,
  ...over,
});

describe('the batch run store (IndexedDB)', () => {
  it('keeps the run and each result, and gives them back in input order', async () => {
    const store = await openRunStore({ name });
    const run = meta();
    await store.saveMeta(run);
    await store.saveEntry(run.id, 2, failed(run.addresses[2]!));
    await store.saveEntry(run.id, 0, none(run.addresses[0]!));

    const again = await openRunStore({ name });
    const saved = await again.load();
    expect(saved?.meta).toEqual(run);
    expect([...saved!.rows.entries()]).toEqual([
      [
        'https://s0.gov.cn/',
        {
          state: 'none',
          finalUrl: 'https://s0.gov.cn/',
          cert: null,
          reasons: [],
          error: null,
          checkedAt: '2025-03-04T05:06:07.000Z',
        },
      ],
      [
        'https://s2.gov.cn/',
        {
          state: 'unknown',
          finalUrl: null,
          cert: null,
          reasons: [],
          error: { cause: 'http-status', detail: '404' },
          checkedAt: '2025-03-04T05:06:08.000Z',
        },
      ],
    ]);
    const seen: Array<[number, string]> = [];
    await again.eachEntry(run.id, (entry, index) => seen.push([index, entry.address]));
    expect(seen).toEqual([
      [0, 'https://s0.gov.cn/'],
      [2, 'https://s2.gov.cn/'],
    ]);
  });

  it('orders results by number, not as text (index 10 after 9)', async () => {
    const store = await openRunStore({ name });
    const run = meta({ addresses: urls(12) });
    await store.saveMeta(run);
    for (const i of [10, 2, 9, 11, 1]) await store.saveEntry(run.id, i, none(run.addresses[i]!));
    const seen: number[] = [];
    await store.eachEntry(run.id, (_, index) => seen.push(index));
    expect(seen).toEqual([1, 2, 9, 10, 11]);
  });

  it("reads every result of a long run, across the pages it reads them in, and no other run's", async () => {
    const store = await openRunStore({ name });
    const run = meta({ addresses: urls(1201) });
    await store.saveMeta(run);
    // Saved last to first, with one gap at 700.
    for (let i = 1200; i >= 0; i--) if (i !== 700) await store.saveEntry(run.id, i, none(run.addresses[i]!));
    await store.saveEntry('run-2', 0, none('https://elsewhere.gov.cn/'));
    const seen: number[] = [];
    await store.eachEntry(run.id, (_, index) => seen.push(index));
    expect(seen).toEqual([...Array.from({ length: 700 }, (_, i) => i), ...Array.from({ length: 500 }, (_, i) => 701 + i)]);
    expect((await store.load())?.rows.size).toBe(1200);
  });

  it('writes results that arrive together, and says when a write failed', async () => {
    const store = await openRunStore({ name });
    const run = meta({ addresses: urls(300) });
    await store.saveMeta(run);
    await Promise.all(run.addresses.map((address, i) => store.saveEntry(run.id, i, none(address))));
    expect((await store.load())?.rows.size).toBe(300);
    // A value IndexedDB cannot store: the caller hears of it.
    const unstorable = { ...none(run.addresses[0]!), bad: () => 1 } as BatchEntry;
    await expect(store.saveEntry(run.id, 0, unstorable)).rejects.toThrow();
    // And the store goes on writing.
    await store.saveEntry(run.id, 1, failed(run.addresses[1]!));
    expect((await store.load())?.rows.get(run.addresses[1]!)?.state).toBe('unknown');
  });

  it('loads the latest run, with only its own results, and clears everything', async () => {
    const store = await openRunStore({ name });
    const old = meta({ id: 'old', updatedAt: '2025-03-01T00:00:00.000Z' });
    const latest = meta({ id: 'new', updatedAt: '2025-03-05T00:00:00.000Z', addresses: urls(2) });
    await store.saveMeta(latest);
    await store.saveMeta(old);
    await store.saveEntry('old', 1, none(old.addresses[1]!));
    await store.saveEntry('new', 0, none(latest.addresses[0]!));
    // A result whose address is not the run's address at that index is not taken for it.
    await store.saveEntry('new', 1, none('https://other.gov.cn/'));
    const saved = await store.load();
    expect(saved?.meta.id).toBe('new');
    expect([...saved!.rows.keys()]).toEqual(['https://s0.gov.cn/']);

    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('moves a version 1 run from storage.local, then removes it there (and only it)', async () => {
    // Exactly as GovMark 0.1 saved a run interrupted after two results, beside an unrelated item.
    const v1Meta = {
      id: 'r-v1',
      createdAt: '2025-03-04T00:00:00.000Z',
      updatedAt: '2025-03-04T00:01:00.000Z',
      addresses: ['https://a.gov.cn/', 'https://b.gov.cn/', 'https://c.gov.cn/'],
      problems: [{ line: 2, text: 'not a url', reason: 'not-a-url' }],
      status: 'running',
      concurrency: 4,
      source: 'list.csv',
    };
    await fakeBrowser.storage.local.set({
      'batch:run': v1Meta,
      'batch:result:0': { run: 'r-v1', entry: none('https://a.gov.cn/') },
      'batch:result:2': { run: 'r-v1', entry: failed('https://c.gov.cn/') },
      // A stray of an older run under index 1: not this run's result.
      'batch:result:1': { run: 'r-v0', entry: none('https://b.gov.cn/') },
      'cache:cert:X': 1,
    });

    const store = await openRunStore({ name, legacy: fakeBrowser.storage.local });
    const saved = await store.load();
    expect(saved?.meta).toEqual(v1Meta);
    expect([...saved!.rows.entries()].map(([address, row]) => [address, row.state])).toEqual([
      ['https://a.gov.cn/', 'none'],
      ['https://c.gov.cn/', 'unknown'],
    ]);
    const entries: BatchEntry[] = [];
    await store.eachEntry('r-v1', (entry) => entries.push(entry));
    expect(entries).toEqual([none('https://a.gov.cn/'), failed('https://c.gov.cn/')]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'cache:cert:X': 1 });
  });

  it('keeps the version 1 run in storage.local when the copy fails', async () => {
    await fakeBrowser.storage.local.set({
      'batch:run': meta({ id: 'r-v1' }),
      'batch:result:0': { run: 'r-v1', entry: none(urls(4)[0]!) },
    });
    // A value IndexedDB cannot store (a function) makes the copy's transaction fail.
    const { 'batch:result:0': item } = await fakeBrowser.storage.local.get('batch:result:0');
    const area = {
      get: async (keys: string | string[] | null) => {
        const all = await fakeBrowser.storage.local.get(keys);
        return { ...all, 'batch:result:0': { ...(item as object), entry: { ...none(urls(4)[0]!), bad: () => 1 } } };
      },
      remove: (keys: string | string[]) => fakeBrowser.storage.local.remove(keys),
    };
    const store = await openRunStore({ name, legacy: area });
    expect(await store.load()).toBeNull();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['batch:result:0', 'batch:run']);
  });

  it('leaves unreadable version 1 items alone', async () => {
    await fakeBrowser.storage.local.set({ 'batch:run': { id: 'r', addresses: 'not a list' } });
    const store = await openRunStore({ name, legacy: fakeBrowser.storage.local });
    expect(await store.load()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'batch:run': { id: 'r', addresses: 'not a list' } });
  });

  it('refuses a database written by a newer version, and keeps its data', async () => {
    const newer = await openDB(name, RUN_DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('future');
      },
    });
    await newer.put('future', { kept: true }, 'k');
    newer.close();

    await expect(openRunStore({ name })).rejects.toBeInstanceOf(RunStoreTooNew);

    const after = await openDB(name, RUN_DB_VERSION + 1);
    expect(await after.get('future', 'k')).toEqual({ kept: true });
    after.close();
  });
});
