/**
 * Auditor mode on the command line, as real processes against the CONAC stand-in: retries through
 * a registry that answers 429 or 503 first, the rate limit as the registry sees it, the disk cache
 * shared by two processes, and a list split into 4 shards (4 processes, and an `xargs -P` recipe)
 * merged back into what a single run writes.
 *
 * Sites are served by the stand-in itself, by path: http://127.0.0.1:<port>/<host>/ is <host>'s page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordByKey } from '../../scripts/stand-in/registry';
import { type StandIn, startStandIn } from '../../scripts/stand-in/server';
import { CSV_COLUMNS, parseCsv } from '../../utils/batch/batch';
import { batchSites } from './batch-sites';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'cli/scan.ts');

let standIn: StandIn;
let dir: string;
/** Sites whose registry answers normally and at once (the misbehaving or slow ones would only slow these tests). */
const slow = recordByKey('slow').domains;
const sites = batchSites.filter((s) => s.expect !== 'unknown' && !slow.includes(s.host));

beforeAll(async () => {
  const pages = new Map(sites.map((s) => [s.host, s.html]));
  standIn = await startStandIn({ siteFor: (_host, path) => pages.get(decodeURIComponent(path.slice(1, -1))) });
  dir = await mkdtemp(join(tmpdir(), 'govmark-cli-auditor-'));
});

afterAll(async () => {
  await standIn?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function scan(args: string[], options: { shell?: string } = {}): Promise<Ran> {
  return new Promise((done) => {
    const callback = (error: (Error & { code?: unknown }) | null, stdout: string, stderr: string) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    const env = { ...process.env, NODE_OPTIONS: '', XDG_CACHE_HOME: join(dir, 'xdg') };
    if (options.shell) execFile('/bin/sh', ['-c', options.shell], { cwd: ROOT, env, timeout: 55_000 }, callback);
    else execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env, timeout: 55_000 }, callback);
  });
}

async function writeList(name: string, addresses: string[]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `${addresses.join('\n')}\n`);
  return file;
}

const address = (host: string) => `${standIn.origin}/${host}/`;

function rows(csv: string): Array<Record<string, string>> {
  const [header, ...body] = parseCsv(csv.replace(/^\ufeff/, '')).rows;
  expect(header!.cells).toEqual([...CSV_COLUMNS]);
  return body.map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r.cells[i] ?? ''])));
}

describe('retries', () => {
  const beijing = () => address('www.beijing.gov.cn');

  it.each([
    [429, 1],
    [503, undefined],
  ] as const)('asks again after HTTP %i and gets the certificate', async (status, retryAfter) => {
    const list = await writeList(`retry-${status}.txt`, [beijing()]);
    standIn.failNext(1, status, retryAfter);
    standIn.resetRegistryCounts();
    const ran = await scan(['--list', list, '--json', '--conac-origin', standIn.origin, '--no-cache']);
    const record = JSON.parse(ran.stdout) as { verdict: { reasons: Array<{ code: string }> } };
    // Served from 127.0.0.1, Beijing's genuine mark resolves and its domain does not match: the registry answered.
    expect(record.verdict.reasons.map((r) => r.code)).toContain('domain-mismatch');
    // Its embed script, its certificate, and the one retry.
    expect(standIn.registryCounts().total).toBe(3);
  });

  it('gives up after three retries with the service reason, as before', async () => {
    const list = await writeList('retry-fail.txt', [beijing()]);
    standIn.failNext(4, 503, 0);
    standIn.resetRegistryCounts();
    const ran = await scan(['--list', list, '--json', '--conac-origin', standIn.origin, '--no-cache']);
    const record = JSON.parse(ran.stdout) as { verdict: { state: string; reasons: Array<{ code: string }> } };
    expect(record.verdict.state).toBe('unknown');
    expect(record.verdict.reasons.map((r) => r.code)).toContain('service-error');
    expect(standIn.registryCounts().total).toBe(4);
    standIn.failNext(0, 503);
  });
});

describe('the registry rate and the disk cache', () => {
  let list: string;
  beforeAll(async () => {
    list = await writeList(
      'cache.txt',
      sites.map((s) => address(s.host)),
    );
  });

  it('never asks the registry more than --registry-rate times a second', async () => {
    standIn.resetRegistryCounts();
    const ran = await scan([
      '--list',
      list,
      '--conac-origin',
      standIn.origin,
      '--no-cache',
      '--registry-rate',
      '3',
      '--quiet',
      '--concurrency',
      '8',
    ]);
    expect(ran.stderr).toBe('');
    const counts = standIn.registryCounts();
    expect(counts.total).toBeGreaterThan(6);
    expect(counts.peakPerSecond).toBeLessThanOrEqual(3);
  });

  it('a second process within the TTL asks the registry nothing; --refresh asks again', async () => {
    const cacheDir = join(dir, 'shared-cache');
    const args = [
      '--list',
      list,
      '--conac-origin',
      standIn.origin,
      '--cache-dir',
      cacheDir,
      '--registry-rate',
      '1000',
      '--quiet',
    ];
    standIn.resetRegistryCounts();
    const first = await scan([...args, '--json']);
    const asked = standIn.registryCounts().total;
    expect(asked).toBeGreaterThan(0);
    standIn.resetRegistryCounts();
    const second = await scan([...args, '--json']);
    expect(standIn.registryCounts().total).toBe(0);
    const verdicts = (out: string) =>
      out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { verdict: unknown }).verdict);
    expect(verdicts(second.stdout)).toEqual(verdicts(first.stdout));
    standIn.resetRegistryCounts();
    await scan([...args, '--refresh']);
    expect(standIn.registryCounts().total).toBe(asked);
  });
});

describe('shards', () => {
  let list: string;
  let single: Array<Record<string, string>>;
  /** Every column but when it was checked and which shard checked it. */
  const comparable = (table: Array<Record<string, string>>) => table.map(({ checked_at: _, shard: __, ...rest }) => rest);

  beforeAll(async () => {
    const addresses = [
      ...sites.map((s) => address(s.host)),
      ...['a', 'b', 'c', 'd', 'e'].map((x) => address(`gone-${x}.gov.cn`)),
    ];
    list = await writeList('shards.txt', addresses);
    const out = join(dir, 'single.csv');
    const ran = await scan([
      '--list',
      list,
      '--csv',
      out,
      '--conac-origin',
      standIn.origin,
      '--registry-rate',
      '1000',
      '--quiet',
    ]);
    expect(ran.code).toBe(2);
    single = rows(await readFile(out, 'utf8'));
    expect(single).toHaveLength(addresses.length);
  }, 60_000);

  it('4 shards as 4 processes, merged, are the single run row for row', async () => {
    const parts = [0, 1, 2, 3].map((i) => join(dir, `out-${i}.csv`));
    const ran = await Promise.all(
      parts.map((csv, i) =>
        scan([
          '--list',
          list,
          '--shard',
          `${i}/4`,
          '--csv',
          csv,
          '--conac-origin',
          standIn.origin,
          '--registry-rate',
          '250',
          '--quiet',
        ]),
      ),
    );
    const sizes = await Promise.all(parts.map(async (p) => rows(await readFile(p, 'utf8')).length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(single.length);
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(1);
    for (const r of ran) expect(r.code).not.toBe(64);
    const all = join(dir, 'all.csv');
    const merged = await scan(['--merge', ...parts.reverse(), '--csv', all]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(comparable(rows(await readFile(all, 'utf8')))).toEqual(comparable(single));
  });

  it('merges JSON lines the same way, and refuses a missing shard', async () => {
    const parts = [0, 1].map((i) => join(dir, `out-${i}.jsonl`));
    await Promise.all(
      parts.map((file, i) =>
        scan([], {
          shell: `node --import tsx cli/scan.ts --list '${list}' --shard ${i}/2 --json --conac-origin ${standIn.origin} --quiet > '${file}'`,
        }),
      ),
    );
    const merged = await scan(['--merge', ...parts, '--json']);
    const addresses = merged.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { requestedUrl: string }).requestedUrl);
    expect(addresses).toEqual(single.map((r) => r.address));
    const missing = await scan(['--merge', parts[0]!, '--json']);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/split 2 ways, and 1 files were given/);
  });

  it('the README recipe: xargs -P over 2 shards, then one merge', async () => {
    const recipe = `seq 0 1 | xargs -P 2 -I{} node --import tsx cli/scan.ts --list '${list}' --shard {}/2 --registry-rate 2 --csv '${dir}/x-{}.csv' --conac-origin ${standIn.origin} --quiet; node --import tsx cli/scan.ts --merge '${dir}'/x-*.csv --csv '${dir}/x-all.csv'`;
    const ran = await scan([], { shell: recipe });
    expect(ran.stderr).toContain(`merged ${single.length} rows from 2 files`);
    expect(comparable(rows(await readFile(join(dir, 'x-all.csv'), 'utf8')))).toEqual(comparable(single));
  });
});
