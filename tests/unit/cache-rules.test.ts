// @vitest-environment node
/** The layered store of the command line (memory in front of the disk cache): reads fill memory, writes reach both. */
import { describe, expect, it } from 'vitest';
import { type KeyValueStore, layeredStore, memoryStore, ttlCache } from '../../utils/engine/cache';

/** A memory store that records every read and write, as `get key` / `set key`. */
function recordingStore(log: string[], name: string, initial: Record<string, unknown> = {}): KeyValueStore {
  const store = memoryStore();
  for (const [key, value] of Object.entries(initial)) void store.set(key, value);
  return {
    get: async (key) => {
      log.push(`${name} get ${key}`);
      return store.get(key);
    },
    set: async (key, value) => {
      log.push(`${name} set ${key}`);
      await store.set(key, value);
    },
  };
}

const ENTRY = { value: { status: 'ok' }, expiresAt: 2_000 };

describe('layeredStore', () => {
  it('answers from memory when it can, without touching the disk', async () => {
    const log: string[] = [];
    const store = layeredStore(recordingStore(log, 'memory', { 'cert:A': ENTRY }), recordingStore(log, 'disk'));
    expect(await store.get('cert:A')).toEqual(ENTRY);
    expect(log).toEqual(['memory get cert:A']);
  });

  it('falls back to the disk, and keeps what it found in memory for next time', async () => {
    const log: string[] = [];
    const memory = recordingStore(log, 'memory');
    const store = layeredStore(memory, recordingStore(log, 'disk', { 'cert:A': ENTRY }));
    expect(await store.get('cert:A')).toEqual(ENTRY);
    expect(log).toEqual(['memory get cert:A', 'disk get cert:A', 'memory set cert:A']);
    expect(await memory.get('cert:A')).toEqual(ENTRY);
  });

  it('a miss in both is a miss, and writes nothing', async () => {
    const log: string[] = [];
    const store = layeredStore(recordingStore(log, 'memory'), recordingStore(log, 'disk'));
    expect(await store.get('cert:A')).toBeUndefined();
    expect(log).toEqual(['memory get cert:A', 'disk get cert:A']);
  });

  it('writes reach memory and disk', async () => {
    const log: string[] = [];
    const memory = recordingStore(log, 'memory');
    const disk = recordingStore(log, 'disk');
    await layeredStore(memory, disk).set('cert:A', ENTRY);
    expect(log).toEqual(['memory set cert:A', 'disk set cert:A']);
    expect(await disk.get('cert:A')).toEqual(ENTRY);
  });

  it('an entry read from the disk keeps its own expiry in memory', async () => {
    let now = 1_000;
    const memory = memoryStore();
    const cache = ttlCache<unknown>(layeredStore(memory, recordingStore([], 'disk', { 'cert:A': ENTRY })), () => now);
    expect(await cache.get('cert:A')).toEqual({ status: 'ok' });
    now = 2_000;
    expect(await cache.get('cert:A')).toBeUndefined();
  });
});
