/**
 * Certificate memory in browser storage (storage.local, this browser only), one entry per site
 * under the 'memory:' prefix so it can be listed and cleared alone. Never synced, never sent.
 */
import { browser } from 'wxt/browser';
import type { SiteMemory } from './memory';

export const MEMORY_PREFIX = 'memory:';

/** The part of storage.local the store needs; the real one in the extension, a map in tests. */
export interface LocalArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface MemoryStore {
  get(site: string): Promise<SiteMemory | undefined>;
  set(memory: SiteMemory): Promise<void>;
  /** Most recently verified first. */
  list(): Promise<SiteMemory[]>;
  /** Resolves to the number of sites forgotten. */
  clear(): Promise<number>;
  /**
   * Reads, transforms and writes one site's memory, one update per site at a time, so two tabs of
   * the same site finishing together do not lose a change. `next` returning the same object writes nothing.
   */
  update<T>(site: string, next: (previous: SiteMemory | undefined) => { memory: SiteMemory | undefined; value: T }): Promise<T>;
}

const isMemory = (value: unknown): value is SiteMemory =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SiteMemory).site === 'string' &&
  Array.isArray((value as SiteMemory).changes);

export function createMemoryStore(area: LocalArea): MemoryStore {
  const queues = new Map<string, Promise<unknown>>();

  const get = async (site: string) => {
    const value = (await area.get(MEMORY_PREFIX + site))[MEMORY_PREFIX + site];
    return isMemory(value) ? value : undefined;
  };
  const set = (memory: SiteMemory) => area.set({ [MEMORY_PREFIX + memory.site]: memory });

  return {
    get,
    set,
    async list() {
      const all = await area.get(null);
      return Object.entries(all)
        .filter(([key, value]) => key.startsWith(MEMORY_PREFIX) && isMemory(value))
        .map(([, value]) => value as SiteMemory)
        .sort((a, b) => b.lastVerified.localeCompare(a.lastVerified) || a.site.localeCompare(b.site));
    },
    async clear() {
      const keys = Object.keys(await area.get(null)).filter((key) => key.startsWith(MEMORY_PREFIX));
      if (keys.length) await area.remove(keys);
      return keys.length;
    },
    update(site, next) {
      const run = (queues.get(site) ?? Promise.resolve())
        .catch(() => undefined)
        .then(async () => {
          const previous = await get(site);
          const { memory, value } = next(previous);
          if (memory && memory !== previous) await set(memory);
          return value;
        });
      queues.set(site, run);
      void run.finally(() => queues.get(site) === run && queues.delete(site)).catch(() => undefined);
      return run;
    },
  };
}

/** The extension's own store. */
export const memoryStore: MemoryStore = createMemoryStore({
  get: (keys) => browser.storage.local.get(keys),
  set: (items) => browser.storage.local.set(items),
  remove: (keys) => browser.storage.local.remove(keys),
});
