/**
 * The certificate cache's store in browser storage, under one prefix so it can be cleared alone.
 * Entries are a versioned format; expired ones are swept when the background starts.
 */
import type { KeyValueStore } from '../engine/cache';
import { decode, encode, type StorageArea, type StoredFormat } from '../stored-format';
import { localArea } from './local-area';

const PREFIX = 'cache:';
/** Entries examined per sweep: a start-up must stay quick whatever the cache holds. */
export const SWEEP_LIMIT = 2_000;

interface CacheEntry {
  value: unknown;
  expiresAt: number;
}

/** An entry of the TTL cache (utils/engine/cache.ts) as stored; today's shape is version 1. */
export const CACHE_ENTRY_FORMAT: StoredFormat<CacheEntry> = {
  name: 'certificate cache entry',
  version: 1,
  migrations: {},
  isValid: (value): value is CacheEntry =>
    typeof value === 'object' && value !== null && 'value' in value && typeof (value as CacheEntry).expiresAt === 'number',
};

export function createCertificateStore(area: StorageArea): KeyValueStore & {
  sweep(now: number): Promise<number>;
  clear(): Promise<number>;
} {
  const read = async (key: string) => decode(CACHE_ENTRY_FORMAT, (await area.get(PREFIX + key))[PREFIX + key]);
  const cacheKeys = async () => Object.keys(await area.get(null)).filter((key) => key.startsWith(PREFIX));
  return {
    async get(key) {
      const stored = await read(key);
      return stored.status === 'ok' ? stored.value : undefined;
    },
    async set(key, value) {
      // An entry a newer GovMark wrote stays until it expires for that version.
      if ((await read(key)).status === 'future') return;
      await area.set({ [PREFIX + key]: encode(CACHE_ENTRY_FORMAT, value as CacheEntry) });
    },
    /** Deletes expired and unreadable entries (never a newer version's), at most SWEEP_LIMIT examined; resolves to the number deleted. */
    async sweep(now) {
      const all = await area.get(null);
      const stale = Object.entries(all)
        .filter(([key]) => key.startsWith(PREFIX))
        .slice(0, SWEEP_LIMIT)
        .filter(([, value]) => {
          const stored = decode(CACHE_ENTRY_FORMAT, value);
          return stored.status === 'invalid' || (stored.status === 'ok' && !(stored.value.expiresAt > now));
        })
        .map(([key]) => key);
      if (stale.length) await area.remove(stale);
      return stale.length;
    },
    async clear() {
      const keys = await cacheKeys();
      if (keys.length) await area.remove(keys);
      return keys.length;
    },
  };
}

export const certificateStore = createCertificateStore(localArea);

export const clearCertificateCache = (): Promise<number> => certificateStore.clear();
