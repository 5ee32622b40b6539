/**
 * The command line batch (`--list`, `--csv`, `--json`, `--concurrency`) as a real process against
 * the CONAC stand-in (`--conac-origin`).
 *
 * Node fetches the listed pages itself, so the sites are served on 127.0.0.1 by a small server in
 * this test, by path: http://127.0.0.1:<port>/<host>/ serves <host>'s page. Every page is then a
 * copy of its site on another host, which is exactly what a mirror is: a genuine mark whose
 * certificate resolves must end "danger" (domain-mismatch), a spoofed link still "danger"
 * (link-not-conac), an unregistered certificate "danger", a page without a mark "none" (127.0.0.1 is
 * not a government domain), and every registry failure "unknown" with its reason. Pages that cannot
 * be had (404, a PDF, a closed port) are rows with state unknown and an error.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/scan';
import { type StandIn, startStandIn } from '../../scripts/stand-in/server';
import { type BatchRecord, CSV_COLUMNS, parseCsv, parseInput } from '../../utils/batch/batch';
import { batchSites } from './batch-sites';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'cli/scan.ts');
const HEADER =
  'address,final_url,state,holder,holder_type,registered_domains,certificate_id,reasons,messages,checked_at,error,run,shard,list_index';

let standIn: StandIn;
let server: Server;
let origin: string;
let dir: string;
/** Page requests under way, and the most there ever were at once. */
let inFlight = 0;
let peak = 0;
const pageRequests: string[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  standIn = await startStandIn({ slowMs: 1500 });
  const pages = new Map(batchSites.map((s) => [s.host, s.html]));
  server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    pageRequests.push(path);
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.on('close', () => inFlight--);
    // Every page takes a moment, so that checks overlap and the concurrency limit shows.
    await sleep(40);
    if (path === '/file.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return void res.end('%PDF-1.4');
    }
    const go = /^\/go\/([^/]+)\/$/.exec(path);
    if (go) {
      res.writeHead(302, { location: `/${go[1]}/` });
      return void res.end();
    }
    const page = /^\/([^/]+)\/$/.exec(path);
    const html = page && pages.get(decodeURIComponent(page[1]!));
    if (html === undefined || html === null) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('Not Found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  dir = await mkdtemp(join(tmpdir(), 'govmark-cli-batch-'));
  // The disk cache of every run here (children inherit it): never the user's own.
  process.env.XDG_CACHE_HOME = join(dir, 'cache');
});

afterAll(async () => {
  await standIn?.close();
  await new Promise((done) => server?.close(done));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What a static check of each site must reach when its page is served from 127.0.0.1. */
function expectedOnLoopback(site: (typeof batchSites)[number]): { state: string; reason?: string } {
  if (site.host === 'www.bjzwfw-gov.com') return { state: 'danger', reason: 'link-not-conac' };
  if (site.expect === 'unknown') return { state: 'unknown', reason: site.reason };
  // The registry's answer decides before the domain: no such certificate, or one no longer in force.
  if (site.reason === 'certificate-not-found' || site.reason === 'certificate-revoked')
    return { state: 'danger', reason: site.reason };
  if (site.reason === 'government-domain-without-mark' || site.expect === 'none') return { state: 'none' };
  return { state: 'danger', reason: 'domain-mismatch' };
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function scan(args: string[]): Promise<Ran> {
  const started = Date.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '' },
        timeout: 50_000,
        killSignal: 'SIGKILL',
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        done({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
          ms: Date.now() - started,
        }),
    );
  });
}

function table(csv: string): Array<Record<string, string>> {
  expect(csv.startsWith('\ufeff')).toBe(true);
  const { rows, errors } = parseCsv(csv.slice(1));
  expect(errors).toEqual([]);
  expect(rows[0]!.cells.join(',')).toBe(HEADER);
  return rows
    .slice(1)
    .filter((r) => r.cells.some(Boolean))
    .map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r.cells[i] ?? ''])));
}

describe('npm run scan -- --list', () => {
  let sites: Array<{ site: (typeof batchSites)[number]; address: string }>;
  let listFile: string;
  let csvFile: string;
  let ran: Ran;
  const extra = () => ({
    missing: `${origin}/gone.gov.cn/`,
    pdf: `${origin}/file.pdf`,
    redirect: `${origin}/go/www.beijing.gov.cn/`,
    closed: 'http://127.0.0.1:9/',
  });

  beforeAll(async () => {
    sites = batchSites.map((site) => ({ site, address: `${origin}/${site.host}/` }));
    const lines = [
      '# 抽查名单',
      ...sites.map((s) => s.address),
      '',
      extra().missing,
      'ftp://files.example.gov.cn/',
      extra().pdf,
      '不是网址',
      sites[0]!.address, // a duplicate
      extra().redirect,
      `  ${extra().closed}  `,
    ];
    listFile = join(dir, 'list.txt');
    csvFile = join(dir, 'out.csv');
    await writeFile(listFile, lines.join('\n'));
    peak = 0;
    ran = await scan([
      '--list',
      listFile,
      '--csv',
      csvFile,
      '--json',
      '--conac-origin',
      standIn.origin,
      '--concurrency',
      '3',
      '--timeout',
      '2000',
    ]);
  }, 60_000);

  it('checks every valid address once, at most --concurrency at a time, and exits 2 (a danger was found)', () => {
    expect(ran.code, ran.stderr).toBe(2);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThanOrEqual(2);
    // Beijing's page is asked for a second time by the redirecting address, which ends there.
    for (const { site } of sites)
      expect(pageRequests.filter((p) => p === `/${site.host}/`)).toHaveLength(site.host === 'www.beijing.gov.cn' ? 2 : 1);
  });

  it('lists the bad lines on stderr with their line numbers and reasons', () => {
    const total = sites.length + 4;
    expect(ran.stderr).toContain(`list.txt:${sites.length + 4}: 只支持 http 和 https（这里是 ftp）: ftp://files.example.gov.cn/`);
    expect(ran.stderr).toContain(`list.txt:${sites.length + 6}: 不是网址: 不是网址`);
    expect(ran.stderr).toContain(`list.txt:${sites.length + 7}: 跳过: 与第 2 行重复，只核验一次: ${sites[0]!.address}`);
    // Progress: one line per address, counting up to the total.
    const progress = ran.stderr.split('\n').filter((l) => /^\[\s*\d+\/\d+\] /.test(l));
    expect(progress).toHaveLength(total);
    expect(progress.at(-1)).toMatch(new RegExp(`^\\[${total}/${total}\\] `));
    expect(progress.some((l) => l.includes('danger') && l.includes('/www.beijing-gov.com.cn/'))).toBe(true);
  });

  it('prints one JSON record per line on stdout, in list order, and nothing else', () => {
    const lines = ran.stdout.trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as BatchRecord);
    const e = extra();
    expect(records.map((r) => r.requestedUrl)).toEqual([...sites.map((s) => s.address), e.missing, e.pdf, e.redirect, e.closed]);
    expect(records[0]).toMatchObject({ schema: 'govmark.check/1', error: null });
  });

  it('writes the CSV with the extension export columns, one row per address in list order, states as expected', async () => {
    const rows = table(await readFile(csvFile, 'utf8'));
    const e = extra();
    expect(rows.map((r) => r.address)).toEqual([...sites.map((s) => s.address), e.missing, e.pdf, e.redirect, e.closed]);
    for (const { site, address } of sites) {
      const row = rows.find((r) => r.address === address)!;
      const expected = expectedOnLoopback(site);
      expect({ host: site.host, state: row.state }).toEqual({ host: site.host, state: expected.state });
      if (expected.reason) expect(row.reasons.split(';'), site.host).toContain(expected.reason);
      expect(row.error, site.host).toBe('');
      expect(row.final_url).toBe(address);
    }
    const beijing = rows.find((r) => r.address.endsWith('/www.beijing.gov.cn/'))!;
    expect(beijing).toMatchObject({
      holder: '北京市人民政府',
      holder_type: '党政机关',
      certificate_id: '2100248D951EAB04708D314CFF95473E',
    });
    expect(beijing.registered_domains.split(';')).toContain('www.beijing.gov.cn');
    expect(beijing.messages).toContain('127.0.0.1');

    expect(rows.find((r) => r.address === e.missing)).toMatchObject({
      state: 'unknown',
      final_url: '',
      error: '网站返回了错误（HTTP 404）',
    });
    expect(rows.find((r) => r.address === e.pdf)).toMatchObject({ state: 'unknown', error: '不是网页（application/pdf）' });
    expect(rows.find((r) => r.address === e.closed)!.error).toMatch(/^无法连接这个网站/);
    // The redirect was followed and the page checked where it ended.
    expect(rows.find((r) => r.address === e.redirect)).toMatchObject({
      state: 'danger',
      final_url: `${origin}/www.beijing.gov.cn/`,
    });
  });

  it('takes its own export back as a list (a CSV with an address column)', async () => {
    const again = parseInput(await readFile(csvFile, 'utf8'));
    expect(again).toMatchObject({ format: 'csv', column: 'address', errors: [] });
    expect(again.urls).toHaveLength(sites.length + 4);
  });
});

/** The command line in this process: quicker than a child process, same code. */
async function runIn(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe('--list edge cases (in process)', () => {
  it('reads a CSV with the address column anywhere, writes text reports in list order, --quiet drops progress', async () => {
    const file = join(dir, 'units.csv');
    await writeFile(
      file,
      `\ufeff单位,网址,备注\r\n"某某市, 购物",${origin}/www.example-shop.com/,无标识\r\n某某市人民政府,${origin}/www.moumou.gov.cn/,"多行\r\n备注"\r\n`,
    );
    const { code, out, err } = await runIn(['--list', file, '--conac-origin', standIn.origin, '--quiet', '--lang', 'en']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^${origin}/www.example-shop.com/\\n  Verdict: `));
    expect(out[1]).toContain('/www.moumou.gov.cn/');
  });

  it('exits 64 when the list has no valid address, naming each bad line', async () => {
    const file = join(dir, 'bad.txt');
    await writeFile(file, 'javascript:alert(1)\n\nmailto:x@y.gov.cn\n');
    const { code, out, err } = await runIn(['--list', file, '--conac-origin', standIn.origin]);
    expect(code).toBe(64);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'bad.txt:1: 只支持 http 和 https（这里是 javascript）: javascript:alert(1)'.replace('bad.txt', file),
      `${file}:3: 只支持 http 和 https（这里是 mailto）: mailto:x@y.gov.cn`,
      `${file}: 没有可核验的地址`,
    ]);
  });

  it('refuses contradictory or malformed options with 64', async () => {
    for (const args of [
      ['--list', 'a.txt', 'https://www.gov.cn/'],
      ['--list', 'a.txt', '--offline'],
      ['--csv', 'out.csv', 'https://www.gov.cn/'],
      ['--list', 'a.txt', '--concurrency', '0'],
      ['--list', 'a.txt', '--concurrency', '17'],
      ['--list', 'a.txt', '--concurrency', 'many'],
      ['--list', 'a.txt', '--resume'],
    ]) {
      const { code, err } = await runIn(args);
      expect({ args, code }).toEqual({ args, code: 64 });
      expect(err.join('\n')).toContain('usage:');
    }
    expect((await runIn(['--list', join(dir, 'nope.txt')])).code).toBe(64);
  });
});

describe('--resume', () => {
  const address = (host: string) => `${origin}/${host}/`;
  const hosts = ['www.beijing.gov.cn', 'www.example-shop.com', 'www.moumou.gov.cn', 'www.bjzwfw-gov.com', 'www.mmcdc.cn'];

  it('keeps the rows an interrupted run wrote, checks only the rest, and exits for all of them', async () => {
    const csvFile = join(dir, 'resume.csv');
    const first = join(dir, 'first.txt');
    await writeFile(first, hosts.slice(0, 3).map(address).join('\n'));
    expect((await runIn(['--list', first, '--csv', csvFile, '--conac-origin', standIn.origin, '--quiet'])).code).toBe(2);
    // The run was cut off while writing its third row.
    const written = await readFile(csvFile, 'utf8');
    await writeFile(csvFile, written.slice(0, written.lastIndexOf(address(hosts[2]!)) + 20));

    const all = join(dir, 'all.txt');
    await writeFile(all, hosts.map(address).join('\n'));
    const asked = pageRequests.length;
    const { code, err } = await runIn(['--list', all, '--csv', csvFile, '--resume', '--conac-origin', standIn.origin]);
    expect(err[0]).toBe(`继续上次核验：${csvFile} 已有 2 个地址，还剩 3 个`);
    expect(err.filter((line) => /^\[\d\/3\] /.test(line))).toHaveLength(3);
    expect(pageRequests.slice(asked).sort()).toEqual(
      hosts
        .slice(2)
        .map((h) => `/${h}/`)
        .sort(),
    );
    const rows = table(await readFile(csvFile, 'utf8'));
    expect(rows.map((r) => r.address)).toEqual(hosts.map(address));
    expect(rows.map((r) => r.state)).toEqual(['danger', 'none', 'none', 'danger', 'danger']);
    // The beijing row kept from the first run still counts: a danger.
    expect(code).toBe(2);

    // Nothing left: the rows stay, nothing is fetched.
    const again = await runIn(['--list', all, '--csv', csvFile, '--resume', '--conac-origin', standIn.origin, '--quiet']);
    expect(again.err).toEqual([`继续上次核验：${csvFile} 已有 5 个地址，还剩 0 个`]);
    expect(again.code).toBe(2);
    expect(table(await readFile(csvFile, 'utf8'))).toEqual(rows);
  });

  it('starts afresh when the CSV does not exist yet, and refuses a file that is not an export', async () => {
    const list = join(dir, 'one.txt');
    await writeFile(list, address('www.example-shop.com'));
    const fresh = join(dir, 'fresh.csv');
    const started = await runIn(['--list', list, '--csv', fresh, '--resume', '--conac-origin', standIn.origin, '--quiet']);
    expect(started).toMatchObject({ code: 0, err: [`继续上次核验：${fresh} 已有 0 个地址，还剩 1 个`] });
    expect(table(await readFile(fresh, 'utf8'))).toHaveLength(1);

    const notExport = join(dir, 'units.csv');
    await writeFile(notExport, '单位,网址\r\n某某市人民政府,https://www.moumou.gov.cn/\r\n');
    const refused = await runIn(['--list', list, '--csv', notExport, '--resume']);
    expect(refused.code).toBe(64);
    expect(refused.err).toEqual([`--resume: ${notExport} is not a GovMark CSV export: its first line is not the export columns`]);
    expect(await readFile(notExport, 'utf8')).toContain('某某市人民政府');
  });
});
