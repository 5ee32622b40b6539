/**
 * `npm run bench`: GovMark's speed, measured in real Chromium with the built extension and in
 * Node, against loopback only (the CONAC stand-in on 127.0.0.1; every host name routed to it).
 *
 * Prints a table of medians, each with its target. Numbers are reported, not asserted: the exit
 * status is non-zero only when the harness itself fails (a build that fails, a browser that does
 * not start, a measurement that cannot be taken).
 *
 * Options: --quick (fewer rounds, for trying the harness), --no-build (use .output/chrome-mv3 as it is),
 * --only=<section>[,<section>] (bundle, detect, overhead, certificate, indicator, batch, batch-ext, scale: while working on one).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BATCH_CONCURRENCY, type BatchResult, batchSites } from './bench/batch';
import { benchExtensionBatch } from './bench/batch-ext';
import { benchCertificate } from './bench/certificate';
import { benchDetect, type DetectCase, scanBundle } from './bench/detect';
import { benchIndicator, benchPopup } from './bench/extension';
import { benchColdScan, benchOverhead, benchSession, launchControl, type OverheadCase } from './bench/overhead';
import { generatedPage } from './bench/pages';
import { benchScale } from './bench/scale';
import { formatBytes, formatMs, median, type Row, table } from './bench/stats';
import { type LaunchedBrowser, launchWithExtension } from './browser';
import { type StandIn, startStandIn } from './stand-in/server';
import { sampleSiteMap } from './stand-in/sites';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts/content.js');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SECTIONS = ['bundle', 'detect', 'overhead', 'certificate', 'indicator', 'batch', 'batch-ext', 'scale'] as const;
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const unknownSection = only?.find((name) => !(SECTIONS as readonly string[]).includes(name));
const wanted = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);

const MICRO_ROUNDS = QUICK ? 11 : 31;
const RUNS = QUICK ? 3 : 7;
const BATCH_SITES = 200;
const BATCH_RUNS = QUICK ? 2 : 5;
const OVERHEAD_LOADS = QUICK ? 7 : 31;
/** Addresses in the extension's batch page run. */
const EXT_BATCH = QUICK ? 2000 : 10_000;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Build

/** Sources the built extension depends on. */
const SOURCES = [
  'entrypoints',
  'utils',
  'components',
  'modules',
  'public',
  'assets',
  'locales',
  'wxt.config.ts',
  'package.json',
  'tsconfig.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function ensureBuild(): string {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) && existsSync(CONTENT_SCRIPT) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (args.has('--no-build') && built) return 'as found (--no-build)';
  if (built && built >= sources) return 'up to date';
  log(built ? 'the build is older than the sources: npx wxt build' : 'no build: npx wxt build');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`npx wxt build failed:\n${result.stdout}\n${result.stderr}`);
  return 'built now';
}

// ---------------------------------------------------------------------------------------------
// Pages

const DETECT_CASES: (DetectCase & { elements: number; mark: boolean })[] = [
  { label: '3k elements, no mark, ordinary host', host: 'www.bench-shop.com', elements: 3000, mark: false },
  { label: '3k elements, no mark, .gov.cn host', host: 'www.bench-nomark.gov.cn', elements: 3000, mark: false },
  { label: '3k elements, with mark, .gov.cn host', host: 'www.bench-mark.gov.cn', elements: 3000, mark: true },
  { label: '50k elements, no mark, ordinary host', host: 'big.bench-shop.com', elements: 50_000, mark: false },
  { label: '50k elements, no mark, .gov.cn host', host: 'big.bench-nomark.gov.cn', elements: 50_000, mark: false },
  { label: '50k elements, with mark, .gov.cn host', host: 'big.bench-mark.gov.cn', elements: 50_000, mark: true },
];

function benchSites(): Record<string, string> {
  return {
    ...sampleSiteMap(),
    ...Object.fromEntries(DETECT_CASES.map((c) => [c.host, generatedPage(c.elements, c.mark)])),
    ...batchSites(BATCH_SITES),
  };
}

// ---------------------------------------------------------------------------------------------
// Sections

type Section = (ctx: { browser: LaunchedBrowser; standIn: StandIn }) => Promise<Row[]>;

const detection: Section = async ({ browser }) => {
  const bundle = await scanBundle(ROOT);
  const results = await benchDetect(browser.context, bundle, DETECT_CASES, MICRO_ROUNDS);
  return results.map((r) => ({
    measure: `detect: ${r.label}`,
    value: `${formatMs(r.detect)} = ${r.ratio.toFixed(2)}x`,
    target: '≤ 2x bare qSA',
    met: r.ratio <= 2,
    note: `bare querySelectorAll('*') ${formatMs(r.baseline)}; ${r.elements} elements, ${r.marks} mark(s); ${r.rounds} interleaved rounds${r.collected ? ', each after a full GC' : ''}`,
  }));
};

const OVERHEAD_CASES: (OverheadCase & { targetMs: number | null })[] = [
  { label: 'ordinary 3k-element page', host: 'www.bench-shop.com', targetMs: 1 },
  { label: '50k-element page', host: 'big.bench-shop.com', targetMs: 5 },
  { label: '.gov.cn 3k page with a mark', host: 'www.bench-mark.gov.cn', targetMs: null },
];
/** Heap growth over the simulated session that counts as none: below what one scan result weighs a few times over. */
const SESSION_GROWTH_LIMIT = 256 * 1024;

const overhead: Section = async ({ browser, standIn }) => {
  const bare = await launchControl(standIn.port, ['--js-flags=--expose-gc']);
  try {
    const results = await benchOverhead(browser.context, bare.context, OVERHEAD_CASES, OVERHEAD_LOADS);
    const rows: Row[] = results.flatMap((r, i) => {
      const targetMs = OVERHEAD_CASES[i]!.targetMs;
      return [
        {
          measure: `overhead: main thread, ${r.label}`,
          value: `+${formatMs(r.script)} script`,
          target: targetMs === null ? '-' : `≤ ${targetMs} ms added`,
          met: targetMs === null ? null : r.script <= targetMs,
          note: `CDP Performance.getMetrics ScriptDuration after load + 2 idle callbacks, GovMark − a do-nothing extension in the same browser; medians of ${r.loads} interleaved loads each (control ${formatMs(r.bareScript)}); TaskDuration ${r.task >= 0 ? '+' : ''}${formatMs(r.task)} of ${formatMs(r.bareTask)}, within the noise of page loads`,
        },
        {
          measure: `overhead: heap, ${r.label}`,
          value: `${formatBytes(r.heap)}`,
          target: '-',
          met: null,
          note: 'Runtime.getHeapUsage after a full GC, GovMark − the control: the content script in its isolated world',
        },
      ];
    });
    for (const c of OVERHEAD_CASES) {
      const cold = await benchColdScan(browser.context, await scanBundle(ROOT), c.host, QUICK ? 5 : 15);
      rows.push({
        measure: `overhead: where it goes, ${c.label}`,
        value: `${formatMs(cold.load)} load + ${formatMs(cold.first)} first scan`,
        target: '-',
        met: null,
        note: `the scan code (detector + page-watch, minified) evaluated in a fresh isolated world, then its first scan (cold) and a warm one (${formatMs(cold.warm)}); the rest of the script time is the extension's runtime, messaging and the browser's content-script injection`,
      });
    }
    const s = await benchSession(browser.context, bare.context, OVERHEAD_CASES[2]!.host);
    const growth = s.growthWith - s.growthWithout;
    rows.push({
      measure: 'overhead: heap growth, simulated 30-min SPA session',
      value: formatBytes(growth),
      target: `no growth (≤ ${formatBytes(SESSION_GROWTH_LIMIT)})`,
      met: growth <= SESSION_GROWTH_LIMIT,
      note: `${s.routes} route changes (pushState + fresh 300-element view, mark swapped every 60th) in bursts of 60 with 450 ms quiet; growth with ${formatBytes(s.growthWith)}, without ${formatBytes(s.growthWithout)}`,
    });
    return rows;
  } finally {
    await bare.close();
  }
};

const certificate: Section = async ({ browser }) => {
  const times = await benchCertificate(browser.serviceWorker, ROOT, MICRO_ROUNDS);
  return times.sizes.map((size, i) => ({
    measure: `certificate parse, ${formatBytes(size)} page`,
    value: `${formatMs(times.worker[i]!)} (SW)`,
    target: i === 1 ? '≤ 2 ms at 50 KB' : '-',
    met: i === 1 ? times.worker[i]! <= 2 && times.node[i]! <= 2 : null,
    note: `extension service worker; Node ${formatMs(times.node[i]!)}; ${times.rounds} rounds`,
  }));
};

const indicator = async ({ browser }: { browser: LaunchedBrowser }, popupRows: Row[]): Promise<Row[]> => {
  const url = 'https://www.beijing.gov.cn/';
  const times = await benchIndicator(browser, url, RUNS);
  const spread = (xs: number[]) => `min ${formatMs(Math.min(...xs))}, max ${formatMs(Math.max(...xs))}`;
  const rows: Row[] = [
    {
      measure: 'DOMContentLoaded → indicator, warm cache',
      value: formatMs(median(times.warm)),
      target: '≤ 150 ms',
      met: median(times.warm) <= 150,
      note: `${times.warm.length} visits of ${url} (certificate cached); ${spread(times.warm)}; indicator ${times.verdictIcon}`,
    },
    {
      measure: 'DOMContentLoaded → indicator, cold cache',
      value: formatMs(median(times.cold)),
      target: '≤ 500 ms',
      met: median(times.cold) <= 500,
      note: `${times.cold.length} visits, certificate cache cleared before each (fetched from the loopback stand-in); ${spread(times.cold)}`,
    },
  ];
  const popup = await benchPopup(browser, times.tabId, RUNS);
  popupRows.push({
    measure: 'popup: first render with a verdict',
    value: formatMs(median(popup.times)),
    target: '≤ 100 ms',
    met: median(popup.times) <= 100,
    note: `${popup.times.length} openings of popup.html?tabId=N (state ${popup.state}), from navigation start; ${spread(popup.times)}`,
  });
  return rows;
};

function bundleSize(): Row[] {
  const code = readFileSync(CONTENT_SCRIPT);
  const gz = gzipSync(code, { level: 9 }).length;
  const polyfill = code.includes('This script should only be loaded in a browser extension');
  return [
    {
      measure: 'content-script bundle',
      value: `${formatBytes(code.length)} min, ${formatBytes(gz)} gz`,
      target: '≤ 20 KB minified',
      met: code.length <= 20 * 1024,
      note: `.output/chrome-mv3/content-scripts/content.js; webextension-polyfill ${polyfill ? 'included' : 'not bundled (native messaging shim)'}`,
    },
  ];
}

async function batch(standIn: StandIn): Promise<Row[]> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, join(ROOT, 'scripts/bench/batch.ts'), String(standIn.port), String(BATCH_SITES), String(BATCH_RUNS)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`the batch benchmark failed (exit ${code}):\n${err}`);
  const result = JSON.parse(out.trim().split('\n').pop()!) as BatchResult;
  const rate = median(result.rates);
  const states = Object.entries(result.states)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  return [
    {
      measure: `batch spot-check, ${result.sites} loopback sites`,
      value: `${rate.toFixed(1)} sites/s`,
      target: '≥ 20 sites/s',
      met: rate >= 20,
      note: `runBatch + checkAddress (linkedom), concurrency ${BATCH_CONCURRENCY}, no certificate cache; ${result.runs} runs of ${result.seconds.map((s) => s.toFixed(1)).join('/')} s; pages ~${result.pageKb.toFixed(0)} KB; ${states}`,
    },
    {
      measure: 'batch spot-check, peak memory',
      value: `${result.peakRssMb.toFixed(0)} MB RSS`,
      target: '-',
      met: null,
      note: `the batch's own Node process; ${result.startRssMb.toFixed(0)} MB before the first site`,
    },
  ];
}

async function extensionBatch(standIn: StandIn): Promise<Row[]> {
  const r = await benchExtensionBatch(EXTENSION_DIR, standIn.port, EXT_BATCH);
  const rate = r.addresses / r.seconds;
  const states = Object.entries(r.states)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  return [
    {
      measure: `extension batch page, ${r.addresses} loopback addresses`,
      value: `${r.seconds.toFixed(0)} s (${rate.toFixed(0)}/s)`,
      target: '-',
      met: null,
      note: `Start to the last result, 16 at a time, results to IndexedDB, table windowed; ${states}`,
    },
    {
      measure: 'extension batch page, memory',
      value: `${r.peakHeapMb.toFixed(0)} MB JS heap`,
      target: '-',
      met: null,
      note: `the page's heap at its highest; ${r.endHeapMb.toFixed(0)} MB after the run (after GC); the browser's processes ${r.peakRssMb.toFixed(0)} MB RSS summed at the highest`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const started = Date.now();
  const rows: Row[] = [];
  const failures: string[] = [];
  const attempt = async (section: (typeof SECTIONS)[number], name: string, run: () => Promise<Row[]> | Row[]) => {
    if (!wanted(section)) return;
    const t = Date.now();
    log(`${name} …`);
    try {
      rows.push(...(await run()));
      log(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      log(`${name} FAILED`);
    }
  };

  if (unknownSection !== undefined) {
    process.stderr.write(`--only: no section "${unknownSection}" (there are ${SECTIONS.join(', ')})\n`);
    return 1;
  }
  let buildState = '';
  try {
    buildState = ensureBuild();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  log(`extension build: ${buildState}`);

  const standIn = await startStandIn({ sites: benchSites() });
  let browser: LaunchedBrowser | undefined;
  try {
    browser = await launchWithExtension({
      extensionDir: EXTENSION_DIR,
      standInPort: standIn.port,
      extraArgs: ['--js-flags=--expose-gc'],
    });
    const ctx = { browser, standIn };
    await attempt('bundle', 'content-script bundle size', bundleSize);
    await attempt('detect', 'detection', () => detection(ctx));
    await attempt('overhead', 'overhead of the extension on page loads', () => overhead(ctx));
    await attempt('certificate', 'certificate parse', () => certificate(ctx));
    const popupRows: Row[] = [];
    await attempt('indicator', 'DOMContentLoaded → indicator, popup', () => indicator(ctx, popupRows));
    rows.push(...popupRows);
    await browser.close();
    browser = undefined;
    await attempt('batch', 'batch spot-check', () => batch(standIn));
    await attempt('batch-ext', `the extension's batch page, ${EXT_BATCH} addresses`, () => extensionBatch(standIn));
    await attempt('scale', 'auditor mode at scale (CLI)', () => benchScale(QUICK));
  } catch (error) {
    failures.push(`setup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await standIn.close();
  }

  process.stdout.write(
    `\nGovMark benchmark — medians; Chromium with the built extension (${buildState}), Node ${process.version}; loopback only\n\n`,
  );
  process.stdout.write(`${table(rows)}\n\n`);
  const missed = rows.filter((r) => r.met === false).length;
  process.stdout.write(
    `${rows.filter((r) => r.met).length} targets met, ${missed} missed. ${((Date.now() - started) / 1000).toFixed(0)} s in all.\n`,
  );
  if (failures.length) {
    process.stderr.write(`\nThe harness failed:\n${failures.join('\n\n')}\n`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
