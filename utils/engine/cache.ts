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
      // A primitive has no expiresAt: a miss like an expired entry.
      if (!entry || !(entry.expiresAt > now())) return undefined;
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

/**
 * A fast store in front of a slow one (memory before disk): reads fill the fast store, writes go
 * to both. The stored entries keep their own expiry, so the time to live holds in either.
 */
export function layeredStore(fast: KeyValueStore, slow: KeyValueStore): KeyValueStore {
  return {
    async get(key) {
      const near = await fast.get(key);
      if (near !== undefined) return near;
      const far = await slow.get(key);
      if (far !== undefined) await fast.set(key, far);
      return far;
    },
    async set(key, value) {
      await fast.set(key, value);
      await slow.set(key, value);
    },
  };
}
