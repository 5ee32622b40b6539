/** The certificate cache's rules: an entry lives until its expiry and not a moment longer; anything malformed is a miss. */
import { describe, expect, it } from 'vitest';
import { type KeyValueStore, memoryStore, ttlCache } from '../../utils/engine/cache';

const storeWith = (value: unknown): KeyValueStore => ({ get: async () => value, set: async () => {} });

describe('ttlCache', () => {
  it('gives a value back until its expiry, and nothing from the expiry on', async () => {
    let clock = 1_000;
    const cache = ttlCache<string>(memoryStore(), () => clock);
    await cache.set('k', 'v', 500);
    clock = 1_499;
    expect(await cache.get('k')).toBe('v');
    clock = 1_500;
    expect(await cache.get('k')).toBeUndefined();
  });

  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'v'],
    ['a number', 42],
    ['an entry without an expiry', { value: 'v' }],
    ['an entry whose expiry is not a number', { value: 'v', expiresAt: 'later' }],
  ])('treats %s as a miss, never throws', async (_what, stored) => {
    expect(await ttlCache<string>(storeWith(stored), () => 0).get('k')).toBeUndefined();
  });

  it('reads a well-formed stored entry that has not expired', async () => {
    expect(await ttlCache<string>(storeWith({ value: 'v', expiresAt: 10 }), () => 9).get('k')).toBe('v');
  });
});
