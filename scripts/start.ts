/**
 * `npm start`: builds the extension, starts the CONAC stand-in with the sample government sites on
 * 127.0.0.1, and opens Chromium with the extension, every real host name routed to the stand-in.
 *
 * With a display: a visible browser on a start page listing the sample sites, until Ctrl-C.
 * Without one (or with --headless): a tour of every sample site that saves a screenshot of the
 * page and of the popup for each, prints a summary and exits 0 only if every verdict was the
 * expected one.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { domainToUnicode, fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { primaryCertificate } from '../utils/engine/verify';
import type { TabState } from '../utils/extension/tab-state';
import { findChromium, hostResolverRules, type LaunchedBrowser, launchWithExtension } from './browser';
import {
  openPopup,
  popupHolder,
  readPageAlert,
  reasonCodes,
  scrollToMark,
  settledVerdict,
  tabIdOf,
  verdictOf,
  waitForMark,
  waitForPageAlert,
} from './extension-driver';
import { demoReport } from './report-demo';
import { type StandIn, startStandIn } from './stand-in/server';
import { sampleSiteMap, sampleSites, type TourSite, tourSites } from './stand-in/sites';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const DEFAULT_OUT = join(ROOT, '.demo');
export const README_DIR = join(ROOT, '.github', 'readme');
/** The start page's host (.test is reserved for testing: it can never be a real site). */
export const START_HOST = 'govmark.test';

const PAGE_VIEWPORT = { width: 1000, height: 700 };
/** The popup's body is 380 px wide: screenshots show it as the toolbar does, without side margins. */
const POPUP_VIEWPORT = { width: 380, height: 600 };

// ---------------------------------------------------------------------------------------------
// Output

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const green = paint('32');
const red = paint('31');

const say = (line = '') => console.log(line);

/** Terminal columns a string takes: CJK and full-width characters take two. */
function columns(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    width +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columns(text)));

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(columns(h), ...rows.map((r) => columns(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

const shortPath = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/** `xn--…` hosts as people read them. */
const displayHost = (host: string) => domainToUnicode(host) || host;

// ---------------------------------------------------------------------------------------------
// Build

class StartError extends Error {}

/** Runs `wxt build` (output shown only when it fails) and returns the extension's name and version. */
export async function buildExtension(): Promise<{ name: string; version: string; ms: number }> {
  const bin = join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  if (!existsSync(bin)) throw new StartError('wxt is not installed: run npm install first');
  const started = Date.now();
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [bin, 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: colour ? '1' : '0' },
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', fail);
    child.on('exit', done);
  });
  if (code !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new StartError(`Build failed: wxt build exited with ${code} (its output is above)`);
  }
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    name: string;
    version: string;
    default_locale?: string;
  };
  return { name: await localised(manifest.name, manifest.default_locale), version: manifest.version, ms: Date.now() - started };
}

/** Resolves a manifest `__MSG_key__` string from the build's default locale. */
async function localised(text: string, locale: string | undefined): Promise<string> {
  const key = /^__MSG_(\w+)__$/.exec(text)?.[1];
  if (!key || !locale) return text;
  try {
    const messages = JSON.parse(await readFile(join(EXTENSION_DIR, '_locales', locale, 'messages.json'), 'utf8')) as Record<
      string,
      { message?: string }
    >;
    const entry = Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
    return entry?.message ?? text;
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// The headless tour

export interface TourRow {
  /** As in `location.hostname` (punycode for IDN hosts). */
  host: string;
  /** The host as people read it. */
  name: string;
  title: string;
  expected: string;
  /** The extension's verdict, or 'error' when the site could not be toured. */
  got: string;
  holder: string | null;
  reasons: string[];
  /** The toolbar badge text. */
  badge: string;
  /** GovMark's alert was on the page (it belongs on danger pages only). */
  alert: boolean;
  page: string;
  popup: string;
  ok: boolean;
  error?: string;
}

export interface TourResult {
  ok: boolean;
  rows: TourRow[];
  outDir: string;
  /** `summary.json` in outDir. */
  summary: string;
}

export interface TourOptions {
  /** Where screenshots and summary.json go (created if missing). */
  outDir: string;
  /** Built extension (default .output/chrome-mv3). */
  extensionDir?: string;
  /** Also write the README's screenshots here (popup-verified.png, popup-danger.png, page-verified.png, page-danger.png). */
  readmeDir?: string;
  /** A running stand-in serving the sample sites; default: one started (and stopped) by the tour. */
  standIn?: StandIn;
  sites?: TourSite[];
  /** Called once the browser runs with what closes it, e.g. on Ctrl-C. */
  onBrowser?: (close: () => Promise<void>) => void;
  /** Called after each site. */
  onRow?: (row: TourRow, index: number, total: number) => void;
}

const SCREENSHOT_FILE = /^\d{2}-.+-(page|popup)\.png$/;

function holderOf(state: TabState | undefined): string | null {
  if (state?.status !== 'done') return null;
  return primaryCertificate(state.result.scan, state.result.lookups)?.holder ?? null;
}

async function visitSite(browser: LaunchedBrowser, site: TourSite, index: number, outDir: string): Promise<TourRow> {
  const stem = `${String(index + 1).padStart(2, '0')}-${site.host}`;
  const row: TourRow = {
    host: site.host,
    name: displayHost(site.host) + (site.path ?? ''),
    title: site.title,
    expected: site.expect,
    got: 'error',
    holder: null,
    reasons: [],
    badge: '',
    alert: false,
    page: join(outDir, `${stem}-page.png`),
    popup: join(outDir, `${stem}-popup.png`),
    ok: false,
  };
  const page = await browser.context.newPage();
  let popup: Page | undefined;
  try {
    await page.setViewportSize(PAGE_VIEWPORT);
    await page.goto(`https://${site.host}${site.path ?? '/'}`);
    const tabId = await tabIdOf(browser, page);
    const shown = await settledVerdict(browser, tabId, { hoping: site.expect });
    row.got = verdictOf(shown.state) ?? 'error';
    row.holder = holderOf(shown.state);
    row.badge = shown.badge;
    if (shown.state.status === 'done') row.reasons = shown.state.result.verdict.reasons.map((r) => r.code);
    // The verdict may come from the mark's script before the page renders it: wait for the picture.
    if (shown.state.status === 'done' && shown.state.result.scan.marks.some((m) => m.active)) await waitForMark(page);
    // A danger page carries GovMark's alert (sent right after the verdict); no other page does.
    row.alert =
      row.got === 'danger'
        ? await waitForPageAlert(page, (seen) => seen.closedHosts === 1, 5_000).then(
            () => true,
            () => false,
          )
        : (await readPageAlert(page)).allHosts > 0;
    await scrollToMark(page);
    await page.screenshot({ path: row.page });
    popup = await openPopup(browser, tabId, { lang: 'zh', screenshot: row.popup, ...POPUP_VIEWPORT });
    // What the popup lists is what a user sees; it should agree with the background's record.
    const listed = await reasonCodes(popup);
    if (listed.length) row.reasons = listed;
    row.holder = (await popupHolder(popup)) ?? row.holder;
    row.ok = row.got === row.expected && row.alert === (row.got === 'danger');
    if (row.alert !== (row.got === 'danger')) row.error = row.alert ? 'an alert on a page that is not danger' : 'no page alert';
  } catch (error) {
    row.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    await popup?.close().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
  return row;
}

async function writeReadmeImages(rows: TourRow[], dir: string): Promise<string[]> {
  const pick = (host: string, verdict: string) =>
    rows.find((r) => r.host === host && r.got === verdict) ?? rows.find((r) => r.ok && r.got === verdict);
  const verified = pick('www.beijing.gov.cn', 'verified');
  const danger = pick('www.beijing-gov.com.cn', 'danger');
  if (!verified || !danger) throw new StartError('README images: the tour produced no verified or no danger site');
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    [verified.popup, 'popup-verified.png'],
    [danger.popup, 'popup-danger.png'],
    [verified.page, 'page-verified.png'],
    [danger.page, 'page-danger.png'],
  ];
  for (const [from, to] of files) await copyFile(from, join(dir, to));
  return files.map(([, to]) => join(dir, to));
}

/**
 * Launches Chromium on a temporary profile with a snapshot of the built extension, both owned by
 * this script: a `wxt build` run elsewhere meanwhile (npm test, another terminal) empties
 * .output/chrome-mv3 and would pull the extension's files from under the browser. On Ctrl-C
 * Playwright closes the browser itself and then exits the process, so the folder also goes on exit.
 */
async function launch(
  extensionDir: string,
  standIn: StandIn,
  headless: boolean,
): Promise<{ browser: LaunchedBrowser; close(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'govmark-'));
  const removeOnExit = () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  process.on('exit', removeOnExit);
  const remove = async () => {
    // The hook stays until the folder is gone: Playwright may exit the process meanwhile.
    await rm(root, { recursive: true, force: true, maxRetries: 3 });
    process.off('exit', removeOnExit);
  };
  try {
    const snapshot = join(root, 'extension');
    await cp(resolve(extensionDir), snapshot, { recursive: true });
    const browser = await launchWithExtension({
      extensionDir: snapshot,
      standInPort: standIn.port,
      headless,
      userDataDir: join(root, 'profile'),
    });
    return {
      browser,
      close: () =>
        browser
          .close()
          .catch(() => undefined)
          .finally(remove),
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Visits every sample site headless, screenshots page and popup, and reports each verdict. */
export async function tour(opts: TourOptions): Promise<TourResult> {
  const outDir = resolve(opts.outDir);
  await mkdir(outDir, { recursive: true });
  // Only files an earlier tour made, so a stale site never lingers in the folder.
  for (const file of await readdir(outDir)) if (SCREENSHOT_FILE.test(file)) await rm(join(outDir, file), { force: true });
  const sites = opts.sites ?? tourSites;
  const standIn = opts.standIn ?? (await startStandIn({ sites: sampleSiteMap() }));
  let launched: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    launched = await launch(opts.extensionDir ?? EXTENSION_DIR, standIn, true);
    opts.onBrowser?.(launched.close);
    const { browser } = launched;
    const rows: TourRow[] = [];
    for (const [i, site] of sites.entries()) {
      const row = await visitSite(browser, site, i, outDir);
      rows.push(row);
      opts.onRow?.(row, i, sites.length);
    }
    const summary = join(outDir, 'summary.json');
    await writeFile(summary, `${JSON.stringify(rows, null, 2)}\n`);
    if (opts.readmeDir) await writeReadmeImages(rows, opts.readmeDir);
    return { ok: rows.every((r) => r.ok), rows, outDir, summary };
  } finally {
    await launched?.close();
    if (!opts.standIn) await standIn.close();
  }
}

function printSummary(result: TourResult): void {
  const lines = table(
    ['', 'host', 'expected', 'got', 'holder', 'reasons', 'page alert'],
    result.rows.map((r) => [
      r.ok ? green('✓') : red('✗'),
      r.name,
      r.expected,
      r.ok ? r.got : red(r.got),
      r.holder ?? '—',
      r.error ? red(r.error) : r.reasons.join(' ') || '—',
      r.alert ? 'shown' : '—',
    ]),
  );
  say(bold(lines[0]!));
  for (const line of lines.slice(1)) say(line);
  say();
  const good = result.rows.filter((r) => r.ok).length;
  const verdict = `${good}/${result.rows.length} sample sites got their expected verdict`;
  say(result.ok ? green(verdict) : red(verdict));
  say(`Screenshots (page + popup per site) and summary.json: ${result.outDir}`);
}

// ---------------------------------------------------------------------------------------------
// With a display: a browser to click around in

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const VERDICT_LABEL: Record<string, string> = {
  verified: '已核验 verified',
  warning: '警告 warning',
  danger: '危险 danger',
  unknown: '无法核验 unknown',
  none: '无标识 none',
};

/** The start page: every sample site with the verdict GovMark should reach there. */
export function startPage(sites: TourSite[] = tourSites): string {
  const items = sites
    .map(
      (s) => `<li class="${s.expect}">
  <a href="https://${escapeHtml(s.host)}${escapeHtml(s.path ?? '/')}">${escapeHtml(s.title)}</a>
  <span class="host">${escapeHtml(displayHost(s.host))}</span>
  <span class="chip">${escapeHtml(VERDICT_LABEL[s.expect] ?? s.expect)}</span>
  <p>${escapeHtml(s.note)}</p>
</li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>GovMark 标识核验 — 示例网站 sample sites</title>
<style>
body{margin:0;font:15px/1.6 system-ui,"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;color:#1f2937;background:#f8fafc}
main{max-width:860px;margin:0 auto;padding:28px 20px}
h1{font-size:22px;margin:0 0 4px}
.lead{color:#4b5563;margin:0 0 10px}
ul{list-style:none;padding:0;margin:20px 0 0;display:grid;gap:10px}
li{background:#fff;border:1px solid #e5e7eb;border-left:5px solid #9ca3af;border-radius:6px;padding:10px 14px}
li a{font-weight:600;font-size:16px;color:#1d4ed8}
.host{color:#6b7280;margin-left:8px;font-family:ui-monospace,monospace;font-size:13px}
.chip{float:right;font-size:12px;border-radius:10px;padding:1px 9px;background:#f3f4f6}
li p{margin:4px 0 0;color:#4b5563;font-size:13px}
li.verified{border-left-color:#15803d}.verified .chip{background:#dcfce7;color:#166534}
li.warning{border-left-color:#b45309}.warning .chip{background:#fef3c7;color:#92400e}
li.danger{border-left-color:#b91c1c}.danger .chip{background:#fee2e2;color:#991b1b}
li.unknown{border-left-color:#6b7280}
code{background:#eef2f7;border-radius:3px;padding:0 4px}
</style>
</head>
<body>
<main>
<h1>GovMark 标识核验 · 示例网站</h1>
<p class="lead">以下网站由本机的 CONAC 替身服务器（127.0.0.1）以真实域名提供，不会访问互联网。打开网站后看工具栏里的 GovMark 图标（可在拼图菜单中固定），点击查看核验详情；每项右侧标注的是应得的结论。</p>
<p class="lead">These pages are served by the local CONAC stand-in on 127.0.0.1 under their real host names; nothing
here reaches the internet. Open a site and look at the GovMark icon in the toolbar (pin it from the puzzle-piece
menu), then click it for the details. The label on each entry is the verdict GovMark should reach.</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
}

/** Prints the verdict of every page the user opens, as it settles. */
export function reportVisits(browser: LaunchedBrowser): void {
  const expected = new Map(sampleSites.map((s) => [s.host, s.expect]));
  const watch = (page: Page) => {
    page.on('framenavigated', async (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      if (!/^https?:/.test(url)) return;
      const host = new URL(url).hostname;
      if (host === START_HOST) return;
      try {
        await page.waitForLoadState('load');
        const tabId = await tabIdOf(browser, page);
        const shown = await settledVerdict(browser, tabId, { hoping: expected.get(host) });
        const got = verdictOf(shown.state) ?? '?';
        const want = expected.get(host);
        const mark = want === undefined ? ' ' : want === got ? green('✓') : red('✗');
        const holder = holderOf(shown.state);
        say(
          `${mark} ${displayHost(host)}  ${got}${want && want !== got ? red(` (expected ${want})`) : ''}${holder ? `  ${holder}` : ''}`,
        );
      } catch {
        // the tab was closed or navigated away before the check ended
      }
    });
  };
  browser.context.pages().forEach(watch);
  browser.context.on('page', watch);
}

async function browse(standIn: StandIn, onBrowser: (close: () => Promise<void>) => void): Promise<void> {
  const { browser, close } = await launch(EXTENSION_DIR, standIn, false);
  onBrowser(close);
  const closed = new Promise<void>((done) => browser.context.once('close', () => done()));
  reportVisits(browser);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`https://${START_HOST}/`);
  say(`Chromium is open on ${bold(`https://${START_HOST}/`)}, listing the sample sites. Ctrl-C (or closing the window) stops.`);
  say(dim('The verdict of every page you open appears below.'));
  say();
  await closed;
  await close(); // removes the temporary profile
}

// ---------------------------------------------------------------------------------------------
// The command

const USAGE = `Usage: npm start [-- options]
  --headless     tour the sample sites headless even with a display
  --out <dir>    where the tour writes screenshots (default .demo/)
  --readme       also refresh the README screenshots in .github/readme/
  --no-build     use the existing .output/chrome-mv3
  -h, --help     this text`;

export async function main(argv: string[]): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: typed by parseArgs's inference, assigned in the try below
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        headless: { type: 'boolean', default: false },
        out: { type: 'string' },
        readme: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    say(USAGE);
    return 0;
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const headless = args.headless || args.readme || !hasDisplay;

  // Ctrl-C: close whatever runs, then leave.
  const cleanups: (() => Promise<void>)[] = [];
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say();
    say(dim(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: closing the browser and the stand-in…`));
    void Promise.allSettled(cleanups.reverse().map((c) => c())).then(() => process.exit(130));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    if (!args['no-build']) {
      const built = await buildExtension();
      say(
        `${green('✓')} Built ${built.name} ${built.version} → ${shortPath(EXTENSION_DIR)} ${dim(`(${(built.ms / 1000).toFixed(1)} s)`)}`,
      );
    } else if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new StartError(`${shortPath(EXTENSION_DIR)} has no build: run without --no-build`);
    }
    const chromium = await findChromium();

    const sites = { ...sampleSiteMap(), [START_HOST]: startPage() };
    const standIn = await startStandIn({ sites });
    cleanups.push(() => standIn.close());
    say(
      `${green('✓')} Stand-in on 127.0.0.1:${standIn.port} (http and https, self-signed): bszs.conac.cn, dcs.conac.cn, ${sampleSites.length} sample sites`,
    );
    say(`  Chromium ${chromium}${headless ? ' (headless)' : ''}, --host-resolver-rules="${hostResolverRules(standIn.port)}"`);
    say();

    const onBrowser = (close: () => Promise<void>) => cleanups.push(close);
    if (!headless) {
      await browse(standIn, onBrowser);
      await standIn.close();
      return 0;
    }

    const outDir = args.out ? resolve(args.out) : DEFAULT_OUT;
    say(`Touring ${tourSites.length} sample pages headless…`);
    const result = await tour({
      outDir,
      standIn,
      readmeDir: args.readme ? README_DIR : undefined,
      onBrowser,
      onRow: (row, i, total) => {
        if (!process.stdout.isTTY) return;
        process.stdout.write(`\r\x1b[K${dim(`  ${i + 1}/${total} ${row.name}`)}`);
        if (i + 1 === total) process.stdout.write('\r\x1b[K');
      },
    });
    await standIn.close();
    say();
    printSummary(result);
    // The auditors' report over the same sample sites, as the command line's --report and the batch page write it.
    const report = join(outDir, 'report.html');
    await writeFile(report, await demoReport('zh'));
    say(`Auditor report of the sample sites (npm run scan -- --list … --report): ${shortPath(report)}`);
    if (args.readme) say(`README screenshots: ${README_DIR}/{popup-verified,popup-danger,page-verified,page-danger}.png`);
    return result.ok ? 0 : 1;
  } catch (error) {
    // Ctrl-C closed the browser under the running step: the signal handler exits.
    if (stopping) return new Promise<number>(() => {});
    const message = error instanceof Error ? error.message : String(error);
    console.error(red(`✗ ${message.split('\n')[0]}`));
    await Promise.allSettled(cleanups.reverse().map((c) => c()));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`✗ ${String(error)}`);
      process.exit(1);
    },
  );
}
