/**
 * The command line's certificate and script cache on disk, shared by every run and every process
 * on the machine: one JSON file per key, named by the key's SHA-256. Writes go to a temporary file
 * renamed into place, so a reader sees a whole entry or none, and concurrent runs never see half
 * a file. A file that cannot be read or parsed is a miss.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { KeyValueStore } from '../utils/engine/cache';

/** Bumped when the stored entries change shape: older entries are then simply not found. */
const LAYOUT = 'v1';

export function diskStore(dir: string): KeyValueStore {
  const root = join(dir, LAYOUT);
  mkdirSync(root, { recursive: true });
  const fileOf = (key: string) => join(root, `${createHash('sha256').update(key).digest('hex')}.json`);
  return {
    async get(key) {
      try {
        const stored = JSON.parse(await readFile(fileOf(key), 'utf8')) as { key?: string; entry?: unknown };
        return stored.key === key ? stored.entry : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, entry) {
      const file = fileOf(key);
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, JSON.stringify({ key, entry }));
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

/** The platform's user cache directory for GovMark: XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'govmark', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'govmark');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'govmark');
}
