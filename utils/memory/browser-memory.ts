/**
 * Certificate memory in browser storage (storage.local, this browser only), one entry per site
 * under the 'memory:' prefix so it can be listed and cleared alone. Never synced, never sent.
 */
import { localArea } from '../extension/local-area';
import { decode, encode, type StorageArea, type StoredFormat } from '../stored-format';
import type { SiteMemory } from './memory';

export const MEMORY_PREFIX = 'memory:';

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

/** One site's memory as stored; today's shape is version 1 (entries saved before versions existed have no `v`). */
export const MEMORY_FORMAT: StoredFormat<SiteMemory> = {
  name: 'certificate memory',
  version: 1,
  migrations: {},
  isValid: (value): value is SiteMemory =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SiteMemory).site === 'string' &&
    Array.isArray((value as SiteMemory).changes),
};

export function createMemoryStore(area: StorageArea): MemoryStore {
  const queues = new Map<string, Promise<unknown>>();

  const read = async (site: string) => decode(MEMORY_FORMAT, (await area.get(MEMORY_PREFIX + site))[MEMORY_PREFIX + site]);
  const get = async (site: string) => {
    const stored = await read(site);
    return stored.status === 'ok' ? stored.value : undefined;
  };
  const set = (memory: SiteMemory) => area.set({ [MEMORY_PREFIX + memory.site]: encode(MEMORY_FORMAT, memory) });

  return {
    get,
    set,
    async list() {
      const all = await area.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith(MEMORY_PREFIX))
        .map(([, value]) => decode(MEMORY_FORMAT, value))
        .flatMap((stored) => (stored.status === 'ok' ? [stored.value] : []))
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
          const stored = await read(site);
          const previous = stored.status === 'ok' ? stored.value : undefined;
          const { memory, value } = next(previous);
          // A site remembered by a newer GovMark keeps that memory: this build cannot read it, so it must not replace it.
          if (memory && memory !== previous && stored.status !== 'future') await set(memory);
          return value;
        });
      queues.set(site, run);
      void run.finally(() => queues.get(site) === run && queues.delete(site)).catch(() => undefined);
      return run;
    },
  };
}

/** The extension's own store. */
export const memoryStore: MemoryStore = createMemoryStore(localArea);
