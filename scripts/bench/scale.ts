/**
 * Auditor mode at scale: the command line over 10,000 sites on loopback, a realistic mix of
 * verdicts, with the registry stand-in counting requests per second.
 *
 * - limit lifted (--registry-rate 1000), fresh cache: sites/s, peak RSS, registry requests;
 * - the same list again with the same cache: registry requests (must be 0);
 * - the default limit (4/s) over 1,000 of the sites, fresh cache: the highest requests/second the
 *   registry saw (must not exceed 4).
 * Each run is a child process of its own (scale-child.ts), so its peak RSS is the run's.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registry, UNKNOWN_ID } from '../stand-in/registry';
import { startStandIn } from '../stand-in/server';
import { generatedPage, markHtml } from './pages';
import type { Row } from './stats';

export const SCALE_SITES = 10_000;
const DEFAULT_LIMIT_SITES = 1_000;
const GOOD = registry.filter((r) => r.behaviour === undefined && r.id !== UNKNOWN_ID);
/** About 12 KB each: a smaller homepage than the batch section's, so 10,000 fit a couple of minutes. */
const BASES = Array.from({ length: 16 }, (_, i) => generatedPage(400, false, 1000 + i));

/** Site i of the list: its address and what it serves (undefined: 404). Mix per 100 sites in the comments. */
function site(i: number): { address: string; html?: string } {
  const slot = i % 100;
  const record = GOOD[i % GOOD.length]!;
  const page = (mark: string) =>
    BASES[i % BASES.length]!.replace('<div class="conac"></div>', `<div class="conac">${mark}</div>`);
  // 80: the certificate's own domain (verified or, where the page names another 主办单位, warning).
  if (slot < 80) {
    const host = record.domains.find((d) => /^[\x00-\x7f]+$/.test(d)) ?? 'www.beijing.gov.cn';
    return { address: `http://${host}/?site=${i}`, html: page(markHtml(record.id, record.scriptCode)) };
  }
  // 10: a copy of a genuine mark on another host (danger, domain-mismatch).
  if (slot < 90) return { address: `http://www.copy-${i}.gov.cn/`, html: page(markHtml(record.id, record.scriptCode)) };
  // 5: no mark on a non-government host (none).
  if (slot < 95) return { address: `http://www.shop-${i}.com/`, html: BASES[i % BASES.length] };
  // 3: the page is gone (unknown, HTTP 404).
  if (slot < 98) return { address: `http://www.gone-${i}.gov.cn/` };
  // 2: a link to a certificate id of its own that the registry does not know (danger, certificate-not-found).
  const id = (i.toString(16).toUpperCase() + UNKNOWN_ID).slice(0, 32);
  return {
    address: `http://www.fake-${i}.gov.cn/`,
    html: page(`<a href="https://bszs.conac.cn/sitename?method=show&amp;id=${id}">标识</a>`),
  };
}

interface ChildResult {
  code: number;
  seconds: number;
  peakRssMb: number;
  errors: string[];
}

function child(port: number, args: string[]): Promise<ChildResult> {
  const proc = spawn(
    process.execPath,
    [...process.execArgv, join(import.meta.dirname, 'scale-child.ts'), String(port), ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) =>
    proc.on('exit', (code) => {
      const last = out.trim().split('\n').pop();
      if (!last) return reject(new Error(`scale child exited ${code}: ${err}`));
      resolve(JSON.parse(last) as ChildResult);
    }),
  );
}

export async function benchScale(quick: boolean): Promise<Row[]> {
  const count = quick ? 2_000 : SCALE_SITES;
  const byAddress = new Map<string, string | undefined>();
  const addresses: string[] = [];
  for (let i = 0; i < count; i++) {
    const { address, html } = site(i);
    addresses.push(address);
    byAddress.set(new URL(address).host + new URL(address).pathname + new URL(address).search, html);
  }
  const standIn = await startStandIn({ siteFor: (host, path) => byAddress.get(host + path) });
  const dir = await mkdtemp(join(tmpdir(), 'govmark-bench-scale-'));
  try {
    const list = join(dir, 'list.txt');
    await writeFile(list, `${addresses.join('\n')}\n`);
    const small = join(dir, 'small.txt');
    await writeFile(small, `${addresses.slice(0, DEFAULT_LIMIT_SITES).join('\n')}\n`);
    const common = ['--conac-origin', standIn.origin, '--quiet', '--concurrency', '16', '--timeout', '10000'];

    const lifted = await child(standIn.port, [
      '--list',
      list,
      '--csv',
      join(dir, 'a.csv'),
      '--cache-dir',
      join(dir, 'cache'),
      '--registry-rate',
      '1000',
      ...common,
    ]);
    const first = standIn.registryCounts();
    standIn.resetRegistryCounts();
    const again = await child(standIn.port, [
      '--list',
      list,
      '--csv',
      join(dir, 'b.csv'),
      '--cache-dir',
      join(dir, 'cache'),
      '--registry-rate',
      '1000',
      ...common,
    ]);
    const second = standIn.registryCounts();
    standIn.resetRegistryCounts();
    const polite = await child(standIn.port, [
      '--list',
      small,
      '--csv',
      join(dir, 'c.csv'),
      '--cache-dir',
      join(dir, 'cache-polite'),
      ...common,
    ]);
    const limited = standIn.registryCounts();
    for (const r of [lifted, again, polite]) if (r.code === 64) throw new Error(`a scale run failed: ${r.errors.join('\n')}`);

    const rate = count / lifted.seconds;
    return [
      {
        measure: `CLI --list, ${count} loopback sites, --registry-rate 1000`,
        value: `${rate.toFixed(0)} sites/s`,
        target: '≥ 100 sites/s',
        met: rate >= 100,
        note: `${lifted.seconds.toFixed(1)} s, concurrency 16, fresh disk cache; pages ~12 KB; mix per 100: 80 registered host, 10 copied mark, 5 no mark, 3 gone, 2 unknown certificate; ${first.total} registry requests`,
      },
      {
        measure: `CLI --list, ${count} sites, peak memory`,
        value: `${lifted.peakRssMb.toFixed(0)} MB RSS`,
        target: '≤ 300 MB',
        met: lifted.peakRssMb <= 300,
        note: `the run's own process (kernel maxRSS); the second run over the same list: ${again.peakRssMb.toFixed(0)} MB, ${(count / again.seconds).toFixed(0)} sites/s`,
      },
      {
        measure: 'CLI second run, same list and cache: registry requests',
        value: String(second.total),
        target: '0',
        met: second.total === 0,
        note: 'certificates and embed scripts from the disk cache (TTL 24 h found, 1 h not found)',
      },
      {
        measure: `CLI default limit (4/s), ${DEFAULT_LIMIT_SITES} sites: highest registry requests/s`,
        value: `${limited.peakPerSecond} req/s`,
        target: '≤ 4 req/s',
        met: limited.peakPerSecond <= 4 && limited.total > 4,
        note: `${limited.total} registry requests in ${polite.seconds.toFixed(1)} s, counted by the stand-in per calendar second`,
      },
    ];
  } finally {
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  }
}
