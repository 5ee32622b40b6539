/**
 * The command line's registry client: one rate limit and retry policy for the whole run, and the
 * lookups kept in memory for the run and on disk between runs (unless --no-cache). --refresh reads
 * nothing from disk but writes this run's answers there.
 */
import { join } from 'node:path';
import { type KeyValueStore, layeredStore, memoryStore, ttlCache } from '../utils/engine/cache';
import { type CertificateLookup, type ConacClient, createConacClient, type ScriptLookup } from '../utils/engine/conac-client';
import { politeRegistry, type RegistryPolicy } from '../utils/engine/registry-policy';
import { diskStore } from './disk-cache';
import type { Options } from './options';

export interface RunClient {
  client: ConacClient;
  policy: RegistryPolicy;
}

export function runClient(options: Options): RunClient {
  // A batch retries transient failures; a single page is answered at once (one attempt, its --timeout).
  const policy = politeRegistry(options.registryRate, { retries: options.list === undefined ? 0 : 3 });
  // A mirror's (or a test stand-in's) answers never mix with the registry's own.
  const dir =
    options.cacheDir && options.conacOrigin ? join(options.cacheDir, encodeURIComponent(options.conacOrigin)) : options.cacheDir;
  const disk = dir === null ? null : diskStore(dir);
  const behind: KeyValueStore | null = disk && options.refresh ? { get: async () => undefined, set: disk.set } : disk;
  // The memory in front shares this run's answers between its sites, --no-cache and --refresh included.
  const store = behind ? layeredStore(memoryStore(), behind) : memoryStore();
  const cache = ttlCache<CertificateLookup | ScriptLookup>(store);
  const client = createConacClient({ fetch, origin: options.conacOrigin, timeoutMs: options.timeoutMs, cache, policy });
  return { client, policy };
}
