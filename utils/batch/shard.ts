/**
 * Splitting one list across machines without a coordinator: each address belongs to one shard,
 * chosen by a hash of its normalised form (FNV-1a, 32 bits), so an address stays in its shard
 * however the list is reordered or grown, and every machine computes the same split alone.
 */

export interface Shard {
  /** 0-based, as Kubernetes' JOB_COMPLETION_INDEX. */
  index: number;
  count: number;
}

/** `i/n` with 0 ≤ i < n; null when it is not that. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && count <= 10_000 && index < count ? { index, count } : null;
}

/** FNV-1a over the address's UTF-8 bytes. */
export function addressHash(address: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(address)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function inShard(address: string, shard: Shard): boolean {
  return addressHash(address) % shard.count === shard.index;
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
