/**
 * The command line as a real process (`node --import tsx cli/scan.ts …`) against the CONAC
 * stand-in: saved sample sites, the official embed resolved over http and https, URL inputs,
 * offline mode, every misbehaving certificate record, the human report and usage errors.
 *
 * Every child runs with a small preload (written to the temp dir) that logs each `fetch` the CLI
 * makes and refuses any address off 127.0.0.1: the log is the evidence for "nothing was fetched"
 * and "the redirect was not followed", and no test can reach the real CONAC hosts.
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CertificateRecord, recordByKey, scriptPath, UNKNOWN_ID } from '../../scripts/stand-in/registry';
import { REDIRECT_TARGET, type StandIn, startStandIn } from '../../scripts/stand-in/server';
import { type SampleSite, sampleSites } from '../../scripts/stand-in/sites';
import { selfSignedCertificate } from '../../scripts/stand-in/tls';
import type { ReasonCode } from '../../utils/engine/verdict';
import type { CheckRecord } from '../../utils/report';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'cli/scan.ts');
const SAVED = join(ROOT, 'tests/fixtures/saved');
/** The slow certificate answers long after every timeout used here; the test never waits for it. */
const SLOW_MS = 30_000;
/** A child that is still running after this is hung: killed, and its test fails. */
const CHILD_LIMIT_MS = 25_000;

let standIn: StandIn;
let dir: string;
let spyUrl: string;
let caFile: string;
let runs = 0;

beforeAll(async () => {
  standIn = await startStandIn({ slowMs: SLOW_MS });
  dir = await mkdtemp(join(tmpdir(), 'govmark-cli-'));
  const spy = join(dir, 'fetch-spy.mjs');
  await writeFile(
    spy,
    `import { appendFileSync } from 'node:fs';
const log = process.env.GOVMARK_TEST_FETCH_LOG;
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (log) appendFileSync(log, JSON.stringify({ at: Date.now(), url }) + '\\n');
  if (new URL(url).hostname !== '127.0.0.1') throw new TypeError('fetch refused by the test: ' + url);
  return realFetch(input, init);
};
`,
  );
  spyUrl = pathToFileURL(spy).href;
  caFile = join(dir, 'stand-in-cert.pem');
  await writeFile(caFile, (await selfSignedCertificate()).cert);
});

afterAll(async () => {
  await standIn?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Running the CLI

interface Fetched {
  at: number;
  url: string;
}

interface Ran {
  /** Exit status; null when the child was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** When the child ended (Date.now()). */
  endedAt: number;
  /** Every fetch the CLI made, in order. */
  fetched: Fetched[];
}

/** At most this many CLI children at once: each one spends half a second of CPU loading TypeScript. */
const MAX_CHILDREN = Math.max(4, availableParallelism());
let active = 0;
const waiting: Array<() => void> = [];

async function scan(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  if (active >= MAX_CHILDREN) await new Promise<void>((go) => waiting.push(go));
  active++;
  try {
    return await spawnScan(args, env);
  } finally {
    active--;
    waiting.shift()?.();
  }
}

async function spawnScan(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const log = join(dir, `fetch-${++runs}.log`);
  await writeFile(log, '');
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--import', spyUrl, CLI, ...args],
      {
        cwd: ROOT,
        // A disk cache of its own for every run: each test sees the registry's answers afresh.
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          NODE_EXTRA_CA_CERTS: '',
          XDG_CACHE_HOME: `${log}.cache`,
          ...env,
          GOVMARK_TEST_FETCH_LOG: log,
        },
        timeout: CHILD_LIMIT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
  const endedAt = Date.now();
  const fetched = (await readFile(log, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Fetched);
  return { code, stdout, stderr, endedAt, fetched };
}

/** The one --json record of a run of one input. */
function recordOf(ran: Ran): CheckRecord {
  const lines = ran.stdout.trim().split('\n');
  expect(lines, `${ran.stdout}\n${ran.stderr}`).toHaveLength(1);
  return JSON.parse(lines[0]!) as CheckRecord;
}

const codes = (record: CheckRecord): ReasonCode[] => record.verdict.reasons.map((r) => r.code);
const reason = (record: CheckRecord, code: ReasonCode) => record.verdict.reasons.find((r) => r.code === code);
const certPath = (id: string) => `/sitename?method=show&id=${id}`;

async function saveTemp(name: string, html: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, html);
  return file;
}

const siteHtml = (host: string) => sampleSites.find((s) => s.host === host)!.html;

/** A sample site saved as a browser saves it: the "saved from url" comment first, so it needs no --url. */
function savedFrom(host: string): Promise<string> {
  const url = `https://${host}/`;
  return saveTemp(
    `saved-${++runs}-${host}.html`,
    `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${siteHtml(host)}`,
  );
}

/**
 * A saved page whose only mark is a hard-coded certificate link to `id` (no embed script), and
 * whose footer names `owner`: only the certificate's own behaviour decides the verdict.
 */
function staticMarkPage(id: string, owner: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${owner}</title></head>
<body>
  <div class="footer">
    <a href="https://bszs.conac.cn/sitename?method=show&amp;id=${id}" target="_blank"><img src="/images/conac_red.png" alt="党政机关" width="65" height="80"></a>
    <p>主办单位：${owner}</p>
  </div>
</body></html>
`;
}

/** Saves `record`'s static-link page and scans it as if served from the record's first domain. */
async function scanRecord(record: CertificateRecord, extra: string[] = ['--json'], owner = record.holder): Promise<Ran> {
  const file = await saveTemp(`record-${record.key}-${++runs}.html`, staticMarkPage(record.id, owner));
  return scan(['--url', `https://${record.domains[0]}/`, '--conac-origin', standIn.origin, ...extra, file]);
}

const EXIT = { verified: 0, none: 0, warning: 1, unknown: 1, danger: 2 } as const;

beforeEach(() => {
  standIn.requests.length = 0;
  standIn.setDown(false);
});

// ---------------------------------------------------------------------------------------------

describe('sample sites, saved and scanned with --url and --conac-origin', () => {
  /**
   * Every reason each site must get, in the order the report gives them (most serious first).
   * moe.html injects its mark with setTimeout 1.5 s after load, so a browser must wait for it; the
   * CLI never runs scripts, but the detector reads the mark out of the script text ('js-generated',
   * counted as displayed) and checks its certificate: the saved file verifies like the live page.
   */
  const expected: Record<string, ReasonCode[]> = {
    'www.beijing.gov.cn': ['domain-match', 'holder-match'],
    'www.mmcdc.cn': ['domain-match', 'holder-match', 'color-match'],
    'www.gd.gov.cn': ['domain-match', 'holder-match'],
    'xn--gmq25jo2kfug1mda937e.xn--zfr164b': ['domain-match', 'holder-match'],
    'www.moe.gov.cn': ['domain-match', 'holder-match', 'color-match'],
    'www.beijing-gov.com.cn': ['domain-mismatch', 'holder-match', 'color-match'],
    'www.bjzwfw-gov.com': ['link-not-conac'],
    'scjgj.moumou.gov.cn': ['certificate-revoked'],
    'fgw.beijing.gov.cn': ['holder-mismatch', 'domain-match'],
    'www.bjhd.gov.cn': ['error-icon', 'domain-match', 'holder-match', 'color-match'],
    'www.moumou.gov.cn': ['government-domain-without-mark'],
    'yjj.moumou.gov.cn': ['certificate-unreadable'],
    'whlyj.moumou.gov.cn': ['certificate-unreadable'],
    'www.example-shop.com': [],
  };
  const ran = new Map<string, Promise<Ran>>();

  beforeAll(() => {
    // Started together, awaited one test at a time.
    sampleSites.forEach((site, i) => {
      const run = saveTemp(`site-${i}.html`, site.html).then((file) =>
        scan(['--url', `https://${site.host}/`, '--conac-origin', standIn.origin, '--json', file]),
      );
      ran.set(site.host, run);
    });
  });

  it('covers every sample site', () => {
    expect(Object.keys(expected).sort()).toEqual(sampleSites.map((s) => s.host).sort());
  });

  it.each(sampleSites.map((site) => [site.host, site] as [string, SampleSite]))('%s', async (host, site) => {
    const result = await ran.get(host)!;
    const record = recordOf(result);
    expect(record.url).toBe(`https://${host}/`);
    expect(record.verdict.state).toBe(site.expect);
    expect(codes(record)).toEqual(expected[host]);
    expect(result.code).toBe(EXIT[site.expect]);
    expect(result.stderr).toBe('');
    // Only the stand-in was asked; the spy refuses anything else.
    for (const f of result.fetched) expect(f.url.startsWith(`${standIn.origin}/`)).toBe(true);

    switch (host) {
      case 'www.moe.gov.cn':
        expect(record.marks.map((m) => m.kind)).toEqual(['js-generated']);
        expect(record.certificate?.holder).toBe('中华人民共和国教育部');
        break;
      case 'www.beijing-gov.com.cn':
        // The copycat carries the genuine certificate: the domain is what gives it away.
        expect(record.certificate?.holder).toBe('北京市人民政府');
        expect(reason(record, 'domain-mismatch')).toMatchObject({
          severity: 'danger',
          evidence: { found: 'www.beijing-gov.com.cn' },
        });
        break;
      case 'www.bjzwfw-gov.com':
        expect(reason(record, 'link-not-conac')).toMatchObject({
          severity: 'danger',
          evidence: { found: 'bszs.conac.cn.verify-cert.com' },
        });
        // The imitation certificate is never asked about, at the stand-in or anywhere else.
        expect(result.fetched).toEqual([]);
        expect(record.lookups).toEqual({});
        break;
      case 'fgw.beijing.gov.cn':
        expect(reason(record, 'holder-mismatch')).toMatchObject({
          severity: 'warning',
          evidence: { found: '北京市经济和信息化局', expected: '北京市发展和改革委员会' },
        });
        break;
      case 'www.bjhd.gov.cn':
        expect(reason(record, 'error-icon')?.severity).toBe('warning');
        break;
      case 'www.moumou.gov.cn':
        expect(reason(record, 'government-domain-without-mark')).toMatchObject({
          severity: 'warning',
          evidence: { found: 'www.moumou.gov.cn' },
        });
        expect(result.fetched).toEqual([]);
        break;
      case 'yjj.moumou.gov.cn':
        expect(reason(record, 'certificate-unreadable')?.severity).toBe('unknown');
        expect(record.certificate).toBeNull();
        break;
      case 'www.example-shop.com':
        expect(record.marks).toEqual([]);
        expect(result.fetched).toEqual([]);
        break;
    }
  });
});

describe('the official live embed in a saved page', () => {
  it('is resolved by fetching the embed script, then the certificate it names', async () => {
    const beijing = recordByKey('beijing');
    const file = await saveTemp('live-beijing.html', siteHtml('www.beijing.gov.cn'));
    const result = await scan(['--url', 'https://www.beijing.gov.cn/', '--conac-origin', standIn.origin, '--json', file]);
    const record = recordOf(result);
    expect(standIn.requests).toEqual([
      { host: '127.0.0.1', path: scriptPath(beijing.scriptCode), scheme: 'http' },
      { host: '127.0.0.1', path: certPath(beijing.id), scheme: 'http' },
    ]);
    expect(record.marks).toMatchObject([{ kind: 'live-script', scriptCode: beijing.scriptCode, certId: null }]);
    expect(record.certificate).toMatchObject({ id: beijing.id, holder: '北京市人民政府' });
    expect(record.lookups[beijing.id]).toMatchObject({ status: 'ok', url: `${standIn.origin}${certPath(beijing.id)}` });
    expect(record.lookups[beijing.id]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.verdict.state).toBe('verified');
    expect(result.code).toBe(0);
  });

  it('verifies over https when the stand-in certificate is trusted (NODE_EXTRA_CA_CERTS), and not otherwise', async () => {
    const { cert } = await selfSignedCertificate();
    expect(new X509Certificate(cert).subjectAltName?.split(', ')).toContain('IP Address:127.0.0.1');
    const beijing = recordByKey('beijing');
    const file = await saveTemp('https-beijing.html', siteHtml('www.beijing.gov.cn'));
    const origin = `https://127.0.0.1:${standIn.port}`;
    const args = ['--url', 'https://www.beijing.gov.cn/', '--conac-origin', origin, '--json', file];
    const [trusted, untrusted] = await Promise.all([scan(args, { NODE_EXTRA_CA_CERTS: caFile }), scan(args)]);

    const ok = recordOf(trusted);
    expect(ok.verdict.state).toBe('verified');
    expect(codes(ok)).toEqual(['domain-match', 'holder-match']);
    expect(ok.lookups[beijing.id]?.url).toBe(`${origin}${certPath(beijing.id)}`);
    expect(trusted.code).toBe(0);
    expect(trusted.fetched.map((f) => f.url)).toEqual([
      `${origin}${scriptPath(beijing.scriptCode)}`,
      `${origin}${certPath(beijing.id)}`,
    ]);
    expect(standIn.requests.filter((r) => r.path === certPath(beijing.id))).toEqual([
      { host: '127.0.0.1', path: certPath(beijing.id), scheme: 'https' },
    ]);

    // Without the CA the TLS handshake fails: the registry is unreachable, never "verified".
    const refused = recordOf(untrusted);
    expect(refused.verdict.state).toBe('unknown');
    expect(codes(refused)).toEqual(['service-unreachable']);
    expect(untrusted.code).toBe(1);
  });
});

describe('addresses as inputs', () => {
  let site: Server;
  let siteOrigin: string;
  const served: string[] = [];

  beforeAll(async () => {
    const cdc = sampleSites.find((s) => s.host === 'www.mmcdc.cn')!;
    site = createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(cdc.html);
      if (req.url === '/old') return void res.writeHead(302, { location: '/' }).end();
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    });
    await new Promise<void>((ready) => site.listen(0, '127.0.0.1', ready));
    siteOrigin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  });

  afterAll(() => new Promise<void>((done) => (site ? site.close(() => done()) : done())));

  it('fetches the page itself and judges the host it really came from', async () => {
    const cdc = recordByKey('cdc');
    const result = await scan([
      '--conac-origin',
      standIn.origin,
      '--json',
      `${siteOrigin}/`,
      `${siteOrigin}/old`,
      `${siteOrigin}/missing`,
    ]);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CheckRecord & { input?: string; error?: string });
    expect(lines).toHaveLength(3);

    // The genuine page, served from 127.0.0.1: the certificate is real, the host is not the registered one.
    const [direct, redirected, missing] = lines;
    expect(direct).toMatchObject({ requestedUrl: `${siteOrigin}/`, finalUrl: `${siteOrigin}/`, redirected: false });
    expect(redirected).toMatchObject({ requestedUrl: `${siteOrigin}/old`, finalUrl: `${siteOrigin}/`, redirected: true });
    for (const record of [direct!, redirected!]) {
      expect(record.url).toBe(`${siteOrigin}/`);
      expect(record.certificate?.holder).toBe('某某市疾病预防控制中心');
      expect(record.verdict.state).toBe('danger');
      expect(reason(record, 'domain-mismatch')).toMatchObject({
        severity: 'danger',
        evidence: { found: '127.0.0.1', expected: cdc.domains.join(', ') },
      });
    }
    expect(missing).toEqual({
      input: `${siteOrigin}/missing`,
      error: `could not fetch ${siteOrigin}/missing: HTTP 404`,
      verdict: { state: 'unknown', reasons: [] },
    });
    expect(served).toEqual(['/', '/old', '/', '/missing']);
    // The certificate was read once for both pages (the process cache).
    expect(standIn.requests.map((r) => r.path)).toEqual([certPath(cdc.id)]);
    expect(result.code).toBe(2);
  });
});

describe('--offline', () => {
  it('fetches nothing, reports "offline" for marks it could not check, and still judges the page itself', async () => {
    const page = (host: string) => sampleSites.find((s) => s.host === host)!;
    const cases: Array<{ host: string; state: CheckRecord['verdict']['state']; codes: ReasonCode[] }> = [
      { host: 'www.mmcdc.cn', state: 'unknown', codes: ['offline'] },
      { host: 'www.beijing.gov.cn', state: 'unknown', codes: ['offline'] },
      { host: 'www.bjzwfw-gov.com', state: 'danger', codes: ['link-not-conac'] },
      { host: 'www.bjhd.gov.cn', state: 'warning', codes: ['error-icon', 'offline'] },
      { host: 'www.moumou.gov.cn', state: 'warning', codes: ['government-domain-without-mark'] },
      { host: 'www.example-shop.com', state: 'none', codes: [] },
    ];
    const results = await Promise.all(
      cases.map(async ({ host }, i) => {
        const file = await saveTemp(`offline-${i}.html`, page(host).html);
        return scan(['--offline', '--url', `https://${host}/`, '--json', file]);
      }),
    );
    cases.forEach(({ host, state, codes: want }, i) => {
      const result = results[i]!;
      const record = recordOf(result);
      expect({ host, state: record.verdict.state, codes: codes(record), exit: result.code, fetched: result.fetched }).toEqual({
        host,
        state,
        codes: want,
        exit: EXIT[state],
        fetched: [],
      });
      expect(record.certificate).toBeNull();
      expect(record.lookups).toEqual({});
    });
    expect(standIn.requests).toEqual([]);
  });
});

describe('certificate records that misbehave', () => {
  it('a slow or endless certificate page times out (--timeout 500) and the process ends at once', async () => {
    const [slow, endless] = await Promise.all([
      scanRecord(recordByKey('slow'), ['--json', '--timeout', '500']),
      scanRecord(recordByKey('endless'), ['--json', '--timeout', '500']),
    ]);
    for (const [result, record] of [
      [slow, recordByKey('slow')],
      [endless, recordByKey('endless')],
    ] as const) {
      const out = recordOf(result);
      expect(out.verdict.state).toBe('unknown');
      expect(codes(out)).toEqual(['service-timeout']);
      expect(out.lookups[record.id]).toMatchObject({ status: 'unreachable', detail: 'no answer in 500 ms' });
      expect(result.code).toBe(1);
      // From the certificate request to the end of the process: the timeout, not the stand-in, decides.
      expect(result.fetched.map((f) => f.url)).toEqual([`${standIn.origin}${certPath(record.id)}`]);
      expect(result.endedAt - result.fetched[0]!.at).toBeLessThan(3_000);
    }
  });

  it('huge, redirecting, non-HTML, unlabelled and unknown certificates each get their own reason', async () => {
    const runs = {
      huge: scanRecord(recordByKey('huge')),
      redirect: scanRecord(recordByKey('redirect')),
      octet: scanRecord(recordByKey('octet')),
      image: scanRecord(recordByKey('image')),
      unlabelled: scanRecord(recordByKey('unlabelled')),
      unknown: saveTemp('record-unknown.html', staticMarkPage(UNKNOWN_ID, '某某市人民政府')).then((file) =>
        scan(['--url', 'https://www.moumou.gov.cn/', '--conac-origin', standIn.origin, '--json', file]),
      ),
    };
    const done = Object.fromEntries(await Promise.all(Object.entries(runs).map(async ([key, run]) => [key, await run] as const)));
    const record = (key: keyof typeof runs) => recordOf(done[key]!);

    expect(codes(record('huge'))).toEqual(['service-error']);
    expect(reason(record('huge'), 'service-error')?.evidence.detail).toMatch(/^\d+ bytes$/);

    expect(codes(record('redirect'))).toEqual(['service-redirect']);
    expect(reason(record('redirect'), 'service-redirect')?.evidence.found).toBe(new URL(REDIRECT_TARGET).host);
    // The 302 was refused, not followed: one fetch, to the stand-in.
    expect(done.redirect!.fetched.map((f) => f.url)).toEqual([`${standIn.origin}${certPath(recordByKey('redirect').id)}`]);
    expect(standIn.requests.some((r) => r.host === 'evil.example')).toBe(false);

    expect(reason(record('octet'), 'certificate-unreadable')?.evidence.detail).toBe('answered with application/octet-stream');
    expect(reason(record('image'), 'certificate-unreadable')?.evidence.detail).toBe('answered with image/png');
    for (const key of ['octet', 'image', 'unlabelled'] as const) expect(codes(record(key))).toEqual(['certificate-unreadable']);

    for (const key of ['huge', 'redirect', 'octet', 'image', 'unlabelled'] as const) {
      expect({ key, state: record(key).verdict.state, exit: done[key]!.code, certificate: record(key).certificate }).toEqual({
        key,
        state: 'unknown',
        exit: 1,
        certificate: null,
      });
    }

    expect(record('unknown').verdict.state).toBe('danger');
    expect(codes(record('unknown'))).toEqual(['certificate-not-found']);
    expect(reason(record('unknown'), 'certificate-not-found')?.evidence.found).toBe(UNKNOWN_ID);
    expect(done.unknown!.code).toBe(2);
  });

  it('an error page, a WAF page and a soft 404 are never "does not exist"; a revoked certificate is danger', async () => {
    const keys = ['server-error', 'waf', 'soft-404', 'revoked'] as const;
    const done = await Promise.all(keys.map((key) => scanRecord(recordByKey(key))));
    const [error, waf, soft404, revoked] = done.map(recordOf);
    expect(codes(error!)).toEqual(['service-error']);
    expect(reason(error!, 'service-error')?.evidence.detail).toBe('HTTP 500');
    for (const page of [waf!, soft404!]) {
      expect(codes(page)).toEqual(['certificate-unreadable']);
      expect(page.verdict.state).toBe('unknown');
    }
    expect(done.slice(0, 3).map((r) => r.code)).toEqual([1, 1, 1]);

    expect(revoked!.verdict.state).toBe('danger');
    expect(codes(revoked!)).toEqual(['certificate-revoked']);
    expect(reason(revoked!, 'certificate-revoked')?.evidence).toEqual({ found: recordByKey('revoked').id, detail: '已注销' });
    expect(revoked!.certificate).toBeNull();
    expect(done[3]!.code).toBe(2);
  });

  it('"does not exist" is asked twice, afresh, before it is shown as danger', async () => {
    const file = await saveTemp('record-unknown-twice.html', staticMarkPage(UNKNOWN_ID, '某某市人民政府'));
    const result = await scan(['--url', 'https://www.moumou.gov.cn/', '--conac-origin', standIn.origin, '--json', file]);
    expect(codes(recordOf(result))).toEqual(['certificate-not-found']);
    expect(result.fetched.map((f) => f.url)).toEqual([
      `${standIn.origin}${certPath(UNKNOWN_ID)}`,
      `${standIn.origin}${certPath(UNKNOWN_ID)}`,
    ]);
  });

  it('a registry that drops every connection is unreachable, for certificates and embed scripts alike', async () => {
    standIn.setDown(true);
    const beijingFile = await saveTemp('down-beijing.html', siteHtml('www.beijing.gov.cn'));
    const [staticLink, liveEmbed] = await Promise.all([
      scanRecord(recordByKey('cdc')),
      scan(['--url', 'https://www.beijing.gov.cn/', '--conac-origin', standIn.origin, '--json', beijingFile]),
    ]);
    for (const result of [staticLink, liveEmbed]) {
      const record = recordOf(result);
      expect(record.verdict.state).toBe('unknown');
      // Not "mark-not-displayed": an embed that could not be fetched is the registry's outage, not the site's fault.
      expect(codes(record)).toEqual(['service-unreachable']);
      expect(result.code).toBe(1);
    }
    expect(standIn.requests.map((r) => r.path).sort()).toEqual(
      [certPath(recordByKey('cdc').id), scriptPath(recordByKey('beijing').scriptCode)].sort(),
    );
  });

  it('a hostile certificate is data: its markup is kept as text in --json and printed as plain text', async () => {
    const hostile = recordByKey('hostile');
    const [json, text] = await Promise.all([
      scanRecord(hostile, ['--json'], '某某局'),
      scanRecord(hostile, ['--lang', 'en'], '某某局'),
    ]);
    const record = recordOf(json);
    expect(record.certificate?.holder).toBe('<script>alert(1)</script>某某局');
    expect(record.certificate?.siteName).toBe('<img src=x onerror="alert(2)">某某局网站');
    // The page prints 某某局 as its owner: the holder differs by its markup, and the evidence keeps that markup as text.
    expect(record.verdict.state).toBe('warning');
    expect(codes(record)).toEqual(['holder-mismatch', 'domain-match', 'color-match']);
    expect(reason(record, 'holder-mismatch')?.evidence).toEqual({ found: '某某局', expected: '<script>alert(1)</script>某某局' });
    expect(json.code).toBe(1);

    const lines = text.stdout.split('\n');
    expect(lines).toContain('  Holder: <script>alert(1)</script>某某局 (Party or government organ)');
    expect(lines).toContain('  Site name: <img src=x onerror="alert(2)">某某局网站');
    expect(lines).toContain(
      '  [!] The page says it is run by "某某局", but the mark belongs to "<script>alert(1)</script>某某局".',
    );
    expect(text.stdout).not.toMatch(/&lt;|&gt;|&quot;|&amp;/);
    expect(text.code).toBe(1);
  });
});

describe('the human report', () => {
  it('names the verdict, the holder and each reason with its symbol, in Chinese by default and in English', async () => {
    // Several saved pages per run: each names its own address in its "saved from url" comment.
    const [zh, en] = await Promise.all([
      Promise.all(['www.mmcdc.cn', 'www.beijing-gov.com.cn', 'yjj.moumou.gov.cn'].map(savedFrom)).then((files) =>
        scan(['--conac-origin', standIn.origin, ...files]),
      ),
      Promise.all(['www.mmcdc.cn', 'fgw.beijing.gov.cn'].map(savedFrom)).then((files) =>
        scan(['--conac-origin', standIn.origin, '--lang', 'en', ...files]),
      ),
    ]);
    const reports = (ran: Ran) => ran.stdout.split('\n\n').filter((r) => r.trim());
    expect(zh.stderr).toBe('');
    expect(en.stderr).toBe('');

    const [cdcZh, copycatZh, yjjZh] = reports(zh);
    expect(reports(zh)).toHaveLength(3);
    expect(cdcZh!.split('\n').slice(0, 4)).toEqual([
      'https://www.mmcdc.cn/',
      '  地址来源：文件开头浏览器写下的“saved from url”注释',
      '  结论：已核验',
      '  持有单位：某某市疾病预防控制中心 (事业单位)',
    ]);
    expect(cdcZh).toContain('\n  [✓] 本站域名 www.mmcdc.cn 在标识登记的域名之中。');
    expect(cdcZh).toContain('\n  [✓] 网页所写主办单位与标识持有单位一致：某某市疾病预防控制中心。');
    expect(cdcZh).toContain('\n  [✓] 标识颜色与机构类型相符（蓝色）。');
    expect(copycatZh!.split('\n').slice(0, 4)).toEqual([
      'https://www.beijing-gov.com.cn/',
      '  地址来源：文件开头浏览器写下的“saved from url”注释',
      '  结论：危险',
      '  持有单位：北京市人民政府 (党政机关)',
    ]);
    expect(copycatZh).toContain(
      '\n  [✗] 本站域名 www.beijing-gov.com.cn 不在标识登记的域名（www.beijing.gov.cn, 北京市人民政府.政务）之中：标识是借用或冒用的。',
    );
    expect(yjjZh).toContain('\n  [?] 无法读懂证书页面（');
    expect(zh.code).toBe(2);

    const [cdcEn, fgwEn] = reports(en);
    expect(reports(en)).toHaveLength(2);
    expect(cdcEn!.split('\n').slice(0, 4)).toEqual([
      'https://www.mmcdc.cn/',
      '  Address from: the "saved from url" comment a browser wrote at the top of the file',
      '  Verdict: Verified',
      '  Holder: 某某市疾病预防控制中心 (public institution)',
    ]);
    expect(cdcEn).toContain("\n  [✓] This site's domain www.mmcdc.cn is one of the registered domains.");
    expect(cdcEn).toContain("\n  [✓] The mark's colour matches the holder's type (blue).");
    expect(fgwEn!.split('\n').slice(0, 3)).toEqual([
      'https://fgw.beijing.gov.cn/',
      '  Address from: the "saved from url" comment a browser wrote at the top of the file',
      '  Verdict: Warning',
    ]);
    expect(fgwEn).toContain(
      '\n  [!] The page says it is run by "北京市经济和信息化局", but the mark belongs to "北京市发展和改革委员会".',
    );
    expect(en.code).toBe(1);
  });
});

describe('usage errors', () => {
  const cases: Array<[string, string[], string]> = [
    ['no input', [], 'no input: give one or more saved pages or http(s) addresses'],
    ['an unknown option', ['--frobnicate', 'page.html'], "Unknown option '--frobnicate'"],
    ['--lang fr', ['--lang', 'fr', 'page.html'], '--lang must be zh or en, not "fr"'],
    [
      '--url with two files',
      ['--url', 'https://www.beijing.gov.cn/', 'a.html', 'b.html'],
      '--url goes with exactly one saved file',
    ],
    [
      '--url with an address',
      ['--url', 'https://www.beijing.gov.cn/', 'https://www.beijing.gov.cn/'],
      '--url goes with exactly one saved file',
    ],
    [
      '--url not an address',
      ['--url', 'www.beijing.gov.cn', 'a.html'],
      '--url must be an http(s) address, not "www.beijing.gov.cn"',
    ],
    [
      '--offline with an address',
      ['--offline', 'http://127.0.0.1:9/'],
      '--offline cannot fetch http://127.0.0.1:9/: save the page and pass the file with --url',
    ],
    [
      '--offline with --conac-origin',
      ['--offline', '--conac-origin', 'http://127.0.0.1:9', 'a.html'],
      '--offline and --conac-origin contradict each other',
    ],
    [
      '--conac-origin not an origin',
      ['--conac-origin', 'not-an-origin', 'a.html'],
      '--conac-origin must be an origin such as http://127.0.0.1:8080, not "not-an-origin"',
    ],
    [
      '--conac-origin with a path',
      ['--conac-origin', 'http://127.0.0.1:9/cert', 'a.html'],
      '--conac-origin must be an origin such as http://127.0.0.1:8080, not "http://127.0.0.1:9/cert"',
    ],
    ['--timeout 0', ['--timeout', '0', 'a.html'], '--timeout must be a positive number of milliseconds, not "0"'],
  ];
  const ran = new Map<string, Promise<Ran>>();
  beforeAll(() => {
    for (const [name, args] of cases) ran.set(name, scan(args));
  });

  it.each(cases)('%s → exit 64', async (name, _, message) => {
    const result = await ran.get(name)!;
    expect(result.code).toBe(64);
    // The message opens stderr; the usage follows it.
    expect(result.stderr.split('\n')[0]!.slice(0, message.length)).toBe(message);
    expect(result.stderr).toContain('usage: npm run scan -- [options] <file.html | http(s)://address> ...');
    expect(result.stdout).toBe('');
    expect(result.fetched).toEqual([]);
  });
});

describe('inputs that are saved files', () => {
  const saved = join(SAVED, 'beijing-saved-from.html');

  it('a missing file is reported on stderr, counted as unknown, and the other inputs are still scanned', async () => {
    const missing = join(dir, 'no-such-page.html');
    const [text, json] = await Promise.all([
      scan(['--conac-origin', standIn.origin, missing, saved]),
      scan(['--conac-origin', standIn.origin, '--json', missing, saved]),
    ]);
    expect(text.stderr).toBe(`${missing}: could not read ${missing}: no such file\n`);
    expect(text.stdout.split('\n').slice(0, 3)).toEqual([
      'https://www.beijing.gov.cn/',
      '  地址来源：文件开头浏览器写下的“saved from url”注释',
      '  结论：已核验',
    ]);
    expect(text.code).toBe(1);

    // With --json the failure is a record of its own, in input order.
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      input: missing,
      error: `could not read ${missing}: no such file`,
      verdict: { state: 'unknown', reasons: [] },
    });
    expect(lines[1]).toMatchObject({ url: 'https://www.beijing.gov.cn/', verdict: { state: 'verified' } });
    expect(json.code).toBe(1);
  });

  it('a saved page with no address is not judged against an empty domain: it asks for --url', async () => {
    const file = await saveTemp('no-address.html', siteHtml('www.mmcdc.cn'));
    const result = await scan(['--conac-origin', standIn.origin, '--json', file]);
    const record = JSON.parse(result.stdout.trim().split('\n')[0]!);
    expect(record).toMatchObject({ input: file, verdict: { state: 'unknown' } });
    expect(record.error).toContain('give its address with --url');
    expect(result.code).toBe(1);
  });

  it('a page saved with a "saved from url" comment needs no --url; --url overrides it', async () => {
    expect((await readFile(saved, 'utf8')).startsWith('<!-- saved from url=(0027)https://www.beijing.gov.cn/ -->')).toBe(true);
    const id = recordByKey('beijing').id;
    const [own, overridden] = await Promise.all([
      scan(['--conac-origin', standIn.origin, '--json', saved]),
      scan(['--url', 'https://www.beijing-gov.com.cn/', '--conac-origin', standIn.origin, '--json', saved]),
    ]);
    const record = recordOf(own);
    expect(record.url).toBe('https://www.beijing.gov.cn/');
    expect(record.verdict.state).toBe('verified');
    expect(codes(record)).toEqual(['domain-match', 'holder-match', 'color-match']);
    expect(own.code).toBe(0);
    // The rendered mark carries the certificate id: no embed script to fetch.
    expect(own.fetched.map((f) => f.url)).toEqual([`${standIn.origin}${certPath(id)}`]);

    const copy = recordOf(overridden);
    expect(copy.url).toBe('https://www.beijing-gov.com.cn/');
    expect(copy.verdict.state).toBe('danger');
    expect(codes(copy)[0]).toBe('domain-mismatch');
    expect(overridden.code).toBe(2);
  });

  it('the text output says which address was used and where it came from', async () => {
    const [own, overridden] = await Promise.all([
      scan(['--conac-origin', standIn.origin, '--lang', 'en', saved]),
      scan(['--url', 'https://www.beijing-gov.com.cn/', '--conac-origin', standIn.origin, '--lang', 'en', saved]),
    ]);
    expect(own.stdout.split('\n').slice(0, 2)).toEqual([
      'https://www.beijing.gov.cn/',
      '  Address from: the "saved from url" comment a browser wrote at the top of the file',
    ]);
    expect(overridden.stdout.split('\n').slice(0, 2)).toEqual([
      'https://www.beijing-gov.com.cn/',
      '  Address from: the --url option',
    ]);
  });

  it.each([
    ['planted inside a script', (c: string, page: string) => page.replace('</head>', `<script>/*\n${c}\n*/</script></head>`)],
    ['later in the page', (c: string, page: string) => page.replace('</body>', `${c}\n</body>`)],
    ['after other content', (c: string, page: string) => `<p>hello</p>\n${c}\n${page}`],
    [
      'with a length prefix that does not match',
      (_c: string, page: string) => `<!-- saved from url=(0099)https://www.mmcdc.cn/ -->\n${page}`,
    ],
  ])('a "saved from url" comment %s is ignored: the file needs --url', async (_case, plant) => {
    const comment = '<!-- saved from url=(0021)https://www.mmcdc.cn/ -->';
    const file = await saveTemp(`planted-${Math.random().toString(36).slice(2)}.html`, plant(comment, siteHtml('www.mmcdc.cn')));
    const result = await scan(['--offline', '--json', file]);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ input: file, verdict: { state: 'unknown' } });
    expect(result.stdout).toContain('give its address with --url');
  });

  it('a "saved from url" comment after the doctype, as browsers write it, is the address', async () => {
    const page = siteHtml('www.mmcdc.cn').replace(/^<!DOCTYPE html>\s*/i, '');
    const file = await saveTemp(
      'after-doctype.html',
      `<!DOCTYPE html>\n<!-- saved from url=(0021)https://www.mmcdc.cn/ -->\n${page}`,
    );
    const record = recordOf(await scan(['--offline', '--json', file]));
    expect(record.url).toBe('https://www.mmcdc.cn/');
  });
});
