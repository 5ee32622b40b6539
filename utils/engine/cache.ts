/** A small key-value cache with a time-to-live, over any async store (memory, browser storage). */

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface Cache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs: number): Promise<void>;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export function ttlCache<T>(store: KeyValueStore, now: () => number = Date.now): Cache<T> {
  return {
    async get(key) {
      const entry = (await store.get(key)) as Entry<T> | undefined | null;
      if (!entry || typeof entry !== 'object' || !(entry.expiresAt > now())) return undefined;
      return entry.value;
    },
    async set(key, value, ttlMs) {
      await store.set(key, { value, expiresAt: now() + ttlMs } satisfies Entry<T>);
    },
  };
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  return {
    async get(key) {
      return map.get(key);
    },
    async set(key, value) {
      map.set(key, value);
    },
  };
}

/** Reads nothing, writes through: for a re-check that must ask afresh yet refresh the cache. */
export function writeOnly<T>(cache: Cache<T>): Cache<T> {
  return { get: async () => undefined, set: (key, value, ttlMs) => cache.set(key, value, ttlMs) };
}
