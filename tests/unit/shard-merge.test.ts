// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mergeOutputs } from '../../utils/batch/merge';
import { addressHash, inShard, parseShard } from '../../utils/batch/shard';

const HEADER =
  'address,final_url,state,holder,holder_type,registered_domains,certificate_id,reasons,messages,checked_at,error,run,shard,list_index';
const row = (address: string, state: string, run: string, shard: string, index: number) =>
  `${address},${address},${state},,,,,,,2025-01-01T00:00:00.000Z,,${run},${shard},${index}`;
const csv = (...rows: string[]) => `\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`;

describe('shards', () => {
  it('reads i/n with 0 <= i < n', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    expect(parseShard('4/4')).toBeNull();
    expect(parseShard('1/0')).toBeNull();
    expect(parseShard('a/b')).toBeNull();
    expect(parseShard('-1/4')).toBeNull();
  });

  it('hashes with FNV-1a (32 bits): the published test vectors', () => {
    // From the FNV reference (isthe.com/chongo/tech/comp/fnv): "" and "a" and "foobar".
    expect(addressHash('')).toBe(0x811c9dc5);
    expect(addressHash('a')).toBe(0xe40c292c);
    expect(addressHash('foobar')).toBe(0xbf9cf968);
  });

  it('puts every address in exactly one shard, and keeps it there when the list grows', () => {
    const list = Array.from({ length: 400 }, (_, i) => `https://www.site-${i}.gov.cn/`);
    const shardOf = (address: string, n: number) => [...Array(n).keys()].filter((i) => inShard(address, { index: i, count: n }));
    for (const address of list) expect(shardOf(address, 4)).toHaveLength(1);
    const sizes = [0, 1, 2, 3].map((i) => list.filter((a) => inShard(a, { index: i, count: 4 })).length);
    for (const size of sizes) expect(size).toBeGreaterThan(60); // roughly even: 100 each
    const before = list.map((a) => shardOf(a, 4)[0]);
    const grown = [...list, 'https://new.gov.cn/'];
    expect(grown.slice(0, 400).map((a) => shardOf(a, 4)[0])).toEqual(before);
  });
});

describe('merging shard outputs', () => {
  it('merges the shards of one run in list order', () => {
    const merged = mergeOutputs(
      [
        {
          name: 'out-1.csv',
          text: csv(row('https://b.gov.cn/', 'danger', 'r1', '1/2', 1), row('https://d.gov.cn/', 'none', 'r1', '1/2', 3)),
        },
        {
          name: 'out-0.csv',
          text: csv(row('https://a.gov.cn/', 'verified', 'r1', '0/2', 0), row('https://c.gov.cn/', 'unknown', 'r1', '0/2', 2)),
        },
      ],
      'csv',
    );
    expect(merged).toEqual({
      format: 'csv',
      rows: 4,
      text: csv(
        row('https://a.gov.cn/', 'verified', 'r1', '0/2', 0),
        row('https://b.gov.cn/', 'danger', 'r1', '1/2', 1),
        row('https://c.gov.cn/', 'unknown', 'r1', '0/2', 2),
        row('https://d.gov.cn/', 'none', 'r1', '1/2', 3),
      ),
    });
  });

  it('refuses other runs, other splits, a shard twice, a missing shard, other formats and unrecorded runs', () => {
    const a = { name: 'a.csv', text: csv(row('https://a.gov.cn/', 'none', 'r1', '0/2', 0)) };
    const error = (files: { name: string; text: string }[], format: 'csv' | 'jsonl' = 'csv') =>
      (mergeOutputs(files, format) as { error: string }).error;
    expect(error([a, { name: 'b.csv', text: csv(row('https://b.gov.cn/', 'none', 'r2', '1/2', 1)) }])).toMatch(
      /run r2 .* is not run r1/,
    );
    expect(error([a, { name: 'b.csv', text: csv(row('https://b.gov.cn/', 'none', 'r1', '1/3', 1)) }])).toMatch(/split 3 ways/);
    expect(error([a, { name: 'b.csv', text: csv(row('https://b.gov.cn/', 'none', 'r1', '0/2', 1)) }])).toMatch(
      /shard 0\/2 is in both/,
    );
    expect(error([a])).toMatch(/split 2 ways, and 1 files/);
    expect(error([a, { name: 'b.jsonl', text: '{"requestedUrl":"https://b.gov.cn/"}\n' }])).toMatch(/b.jsonl is JSON lines/);
    expect(error([{ name: 'x.csv', text: csv(row('https://a.gov.cn/', 'none', '', '', 0)) }])).toMatch(/carries no run/);
    const v1 =
      'address,final_url,state,holder,holder_type,registered_domains,certificate_id,reasons,messages,checked_at,error\r\n';
    expect(error([{ name: 'old.csv', text: v1 }])).toMatch(/not a shard output of this version/);
  });

  it('merges JSON lines by their run', () => {
    const line = (address: string, shard: string, index: number) =>
      JSON.stringify({ requestedUrl: address, run: { id: 'r1', shard, index } });
    const merged = mergeOutputs(
      [
        { name: '1.jsonl', text: `${line('https://b.gov.cn/', '1/2', 1)}\n` },
        { name: '0.jsonl', text: `${line('https://a.gov.cn/', '0/2', 0)}\n${line('https://c.gov.cn/', '0/2', 2)}\n` },
      ],
      'jsonl',
    );
    expect(merged).toEqual({
      format: 'jsonl',
      rows: 3,
      text: `${line('https://a.gov.cn/', '0/2', 0)}\n${line('https://b.gov.cn/', '1/2', 1)}\n${line('https://c.gov.cn/', '0/2', 2)}\n`,
    });
  });
});
