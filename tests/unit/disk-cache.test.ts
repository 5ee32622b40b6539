// @vitest-environment node
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir, diskStore } from '../../cli/disk-cache';
import { ttlCache } from '../../utils/engine/cache';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govmark-disk-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the disk cache', () => {
  it('keeps entries across stores on the same directory (another process), with their expiry', async () => {
    let now = 1000;
    await ttlCache(diskStore(dir), () => now).set('cert:ABC', { status: 'ok', holder: '某某' }, 500);
    const other = ttlCache(diskStore(dir), () => now);
    expect(await other.get('cert:ABC')).toEqual({ status: 'ok', holder: '某某' });
    now = 1600;
    expect(await other.get('cert:ABC')).toBeUndefined();
  });

  it('leaves no temporary file behind, and many concurrent writers end with one whole entry', async () => {
    const sub = join(dir, 'race');
    const stores = Array.from({ length: 8 }, () => diskStore(sub));
    await Promise.all(stores.flatMap((store, i) => [store.set('k', { writer: i, pad: 'x'.repeat(50_000) }), store.get('k')]));
    const value = (await diskStore(sub).get('k')) as { writer: number; pad: string };
    expect(value.pad).toHaveLength(50_000);
    expect((await readdir(join(sub, 'v1'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes a damaged file for a miss', async () => {
    const sub = join(dir, 'damaged');
    const store = diskStore(sub);
    await store.set('k', 1);
    const [file] = await readdir(join(sub, 'v1'));
    await writeFile(join(sub, 'v1', file!), '{"key":"k","entry":');
    expect(await store.get('k')).toBeUndefined();
  });

  it('lives in the platform user cache directory', () => {
    expect(defaultCacheDir({}, 'linux', '/home/a')).toBe('/home/a/.cache/govmark');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/govmark');
    expect(defaultCacheDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Caches/govmark');
  });
});
