/**
 * GovMark's command line: `npm run scan -- [options] <file.html | http(s)://address> ...`, or
 * `npm run scan -- --list <file>` for the auditors' batch spot-check.
 * The same engine as the extension; only the page is read from a file or fetched here.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DOMParser } from 'linkedom';
import packageJson from '../package.json';
import {
  type BatchEntry,
  CSV_COLUMNS,
  clampConcurrency,
  csvCells,
  csvField,
  DEFAULT_CONCURRENCY,
  decodeInput,
  failureMessage,
  inputProblemMessage,
  isInputError,
  MAX_CONCURRENCY,
  parseInput,
  previousExport,
  remaining,
  runBatch,
  toBatchRecord,
} from '../utils/batch/batch';
import { checkAddress } from '../utils/batch/batch-check';
import { memoryStore, ttlCache } from '../utils/engine/cache';
import { type CheckResult, checkPage } from '../utils/engine/check-page';
import { type ConacClient, createConacClient } from '../utils/engine/conac-client';
import { detectMarks } from '../utils/engine/detect';
import { fetchText } from '../utils/engine/fetch-text';
import type { Lang, VerdictState } from '../utils/engine/verdict';
import { stateName, t } from '../utils/i18n';
import { renderText, toRecord } from '../utils/report';

const USAGE = `usage: npm run scan -- [options] <file.html | http(s)://address> ...
       npm run scan -- --list <file> [--csv <out.csv>] [options]

  --url <address>          the page's address, when scanning one saved file
  --offline                no network at all: detection and page checks only
  --conac-origin <origin>  send certificate and embed-script requests here instead of the CONAC hosts
  --timeout <ms>           per request (default 8000)
  --json                   one JSON object per input, one per line
  --lang zh|en             language of messages (default zh)

batch spot-check (the extension's batch page, on the command line):
  --list <file>            check every address in <file>: one per line, or a CSV with an address
                           column (a previous --csv export works); an address without a scheme is
                           taken as https://; bad lines are listed on stderr with line numbers
  --concurrency <n>        addresses checked at a time (default ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY})
  --csv <out.csv>          also write the results as CSV, the extension's export columns, in list order
  --resume                 with --csv: keep the addresses <out.csv> already holds (an interrupted run's)
                           and check only the rest, appending them; the exit status covers all rows
  --quiet                  no progress lines ([n/total] state address) on stderr

exit status: 0 verified or nothing to verify, 1 warning or unknown (or a bad line in the list),
2 danger, 64 usage error (or no valid address in the list)`;

export class UsageError extends Error {}

export interface Options {
  inputs: string[];
  url?: string;
  offline: boolean;
  conacOrigin?: string;
  timeoutMs: number;
  json: boolean;
  lang: Lang;
  /** --list: the file of addresses. */
  list?: string;
  concurrency: number;
  csv?: string;
  /** --resume: keep what the --csv file already holds, check the rest. */
  resume: boolean;
  quiet: boolean;
}

export function parseOptions(argv: string[]): Options {
  // biome-ignore lint/suspicious/noImplicitAnyLet: typed by parseArgs's inference, assigned in the try below
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        offline: { type: 'boolean', default: false },
        'conac-origin': { type: 'string' },
        timeout: { type: 'string', default: '8000' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
        list: { type: 'string' },
        concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
        csv: { type: 'string' },
        resume: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  const list = values.list;
  if (list !== undefined) {
    if (positionals.length > 0)
      throw new UsageError(`--list takes every address from ${list}: give no other inputs (${positionals[0]})`);
    if (values.url !== undefined) throw new UsageError('--url goes with one saved file, not with --list');
    if (values.offline) throw new UsageError('--offline cannot fetch the addresses in --list');
  } else {
    if (values.csv !== undefined) throw new UsageError('--csv goes with --list');
  }
  if (values.resume && values.csv === undefined)
    throw new UsageError('--resume goes with --list and --csv: it continues the run that wrote the CSV');
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${values.concurrency}"`);
  }
  if (values.csv === '') throw new UsageError('--csv needs a file name');
  if (list === undefined && positionals.length === 0)
    throw new UsageError('no input: give one or more saved pages or http(s) addresses, or --list <file>');
  if (values.lang !== 'zh' && values.lang !== 'en') throw new UsageError(`--lang must be zh or en, not "${values.lang}"`);
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new UsageError(`--timeout must be a positive number of milliseconds, not "${values.timeout}"`);
  if (values.url !== undefined) {
    if (!isWebAddress(values.url)) throw new UsageError(`--url must be an http(s) address, not "${values.url}"`);
    if (positionals.length !== 1 || isWebAddress(positionals[0])) throw new UsageError('--url goes with exactly one saved file');
  }
  const conacOrigin = values['conac-origin'];
  if (
    conacOrigin !== undefined &&
    (!isWebAddress(conacOrigin) || new URL(conacOrigin).origin !== conacOrigin.replace(/\/$/, ''))
  ) {
    throw new UsageError(`--conac-origin must be an origin such as http://127.0.0.1:8080, not "${conacOrigin}"`);
  }
  if (values.offline && conacOrigin !== undefined) throw new UsageError('--offline and --conac-origin contradict each other');
  if (values.offline) {
    const address = positionals.find(isWebAddress);
    if (address) throw new UsageError(`--offline cannot fetch ${address}: save the page and pass the file with --url`);
  }
  return {
    inputs: positionals,
    url: values.url,
    offline: values.offline,
    conacOrigin: conacOrigin?.replace(/\/$/, ''),
    timeoutMs,
    json: values.json,
    lang: values.lang,
    list,
    concurrency: clampConcurrency(concurrency),
    csv: values.csv,
    resume: values.resume,
    quiet: values.quiet,
  };
}

function isWebAddress(value: string): boolean {
  return /^https?:\/\//i.test(value) && URL.canParse(value);
}

interface Page {
  url: string;
  html: string;
}

/** A saved page's address: --url, else the "saved from url" comment browsers write. */
async function loadPage(input: string, options: Options): Promise<Page> {
  if (isWebAddress(input)) {
    const response = await fetchText(input, {
      fetch,
      redirects: 'follow',
      timeoutMs: options.timeoutMs,
      maxBytes: 8 * 1024 * 1024,
    });
    if (response.status === 'unreachable') throw new Error(`could not fetch ${input}: ${response.detail}`);
    return { url: response.receipt.url, html: response.text };
  }
  const html = await readFile(resolve(input), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`could not read ${input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const savedFrom = /<!-- saved from url=\(\d+\)(https?:\/\/[^\s>]+) -->/.exec(html.slice(0, 4096))?.[1];
  const address = options.url ?? savedFrom;
  // Without the page's address the domain check would compare against nothing and cry wolf.
  if (!address) throw new Error(`could not tell where ${input} was saved from: give its address with --url`);
  return { url: address, html };
}

const EXIT: Record<VerdictState, number> = { verified: 0, none: 0, warning: 1, unknown: 1, danger: 2 };

export async function run(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
    return error.message ? 64 : 0;
  }
  const client: ConacClient | null = options.offline
    ? null
    : createConacClient({ fetch, origin: options.conacOrigin, timeoutMs: options.timeoutMs, cache: ttlCache(memoryStore()) });
  if (options.list !== undefined) return runList(options.list, options, client, out, err);

  let status = 0;
  for (const input of options.inputs) {
    let result: CheckResult;
    try {
      const page = await loadPage(input, options);
      const doc = new DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
      result = await checkPage(detectMarks(doc, page.url), client);
    } catch (error) {
      // An input that cannot be read is not verified: say why, count it as unknown, go on.
      const message = error instanceof Error ? error.message : String(error);
      if (options.json) out(JSON.stringify({ input, error: message, verdict: { state: 'unknown', reasons: [] } }));
      else err(`${input}: ${message}`);
      status = Math.max(status, 1);
      continue;
    }
    // The same record as the extension's export; requestedUrl is the address as given (a file has none unless --url).
    const context = { version: packageJson.version, requestedUrl: isWebAddress(input) ? input : (options.url ?? null) };
    out(options.json ? JSON.stringify(toRecord(result, options.lang, context)) : `${renderText(result, options.lang)}\n`);
    status = Math.max(status, EXIT[result.verdict.state]);
  }
  return status;
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/**
 * --list: every address in the file, `concurrency` at a time. Progress on stderr, one line per
 * finished address; stdout (text or --json) and the CSV follow the list's order whatever order the
 * checks end in, each written as soon as every address before it is done.
 */
async function runList(
  file: string,
  options: Options,
  client: ConacClient | null,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const { lang } = options;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(file));
  } catch (error) {
    err(
      `could not read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
    return 64;
  }
  const parsed = parseInput(decodeInput(bytes));
  for (const problem of parsed.errors) {
    err(
      `${file}:${problem.line}: ${isInputError(problem) ? '' : `${lang === 'zh' ? '跳过' : 'skipped'}: `}${inputProblemMessage(problem, lang)}: ${problem.text}`,
    );
  }
  let status = parsed.errors.some(isInputError) ? 1 : 0;
  if (parsed.urls.length === 0) {
    err(`${file}: ${lang === 'zh' ? '没有可核验的地址' : 'no address to check'}`);
    return 64;
  }

  // Resuming: the rows the CSV already holds are kept (rewritten whole, so a row an interruption
  // cut off is dropped and its address checked again), and only the other addresses are checked.
  let kept: string[][] = [];
  let urls = parsed.urls;
  if (options.resume && options.csv !== undefined) {
    const before = await readFile(resolve(options.csv), 'utf8').catch((error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? '' : error,
    );
    if (before instanceof Error) {
      err(`could not read ${options.csv}: ${before.message}`);
      return 64;
    }
    const previous = before ? previousExport(before) : { rows: [], states: new Map<string, VerdictState>() };
    if ('error' in previous) {
      err(`--resume: ${options.csv} is not a GovMark CSV export: ${previous.error}`);
      return 64;
    }
    kept = previous.rows;
    urls = remaining(parsed.urls, new Set(previous.states.keys()));
    for (const [address, state] of previous.states) if (parsed.urls.includes(address)) status = Math.max(status, EXIT[state]);
    err(
      lang === 'zh'
        ? `继续上次核验：${options.csv} 已有 ${parsed.urls.length - urls.length} 个地址，还剩 ${urls.length} 个`
        : `resuming: ${options.csv} already holds ${parsed.urls.length - urls.length} of the addresses; ${urls.length} to check`,
    );
  }

  let csv: number | undefined;
  if (options.csv !== undefined) {
    try {
      csv = openSync(resolve(options.csv), 'w');
      writeSync(csv, `\ufeff${CSV_COLUMNS.join(',')}\r\n`);
      for (const row of kept) writeSync(csv, `${row.map(csvField).join(',')}\r\n`);
    } catch (error) {
      err(`could not write ${options.csv}: ${(error as Error).message}`);
      return 64;
    }
  }

  const version = packageJson.version;
  const total = urls.length;
  const index = new Map(urls.map((url, i) => [url, i]));
  const done: Array<BatchEntry | undefined> = new Array(total);
  let finished = 0;
  let written = 0;
  const width = String(total).length;
  const emit = (entry: BatchEntry) => {
    const record = toBatchRecord(entry, lang, version);
    if (csv !== undefined) {
      const cells = csvCells(record, lang);
      writeSync(csv, `${CSV_COLUMNS.map((column) => csvField(cells[column])).join(',')}\r\n`);
    }
    if (options.json) out(JSON.stringify(record));
    else if (entry.result) out(`${renderText(entry.result, lang, { version, requestedUrl: entry.address })}\n`);
    else {
      const sep = lang === 'zh' ? '：' : ': ';
      out(
        `${entry.address}\n  ${t(lang, 'verdict')}${sep}${stateName('unknown', lang)}\n  [?] ${failureMessage(entry.error!, lang)}\n`,
      );
    }
  };

  try {
    await runBatch(urls, (address) => checkAddress(address, { fetch, parseHtml, client, timeoutMs: options.timeoutMs }), {
      concurrency: options.concurrency,
      onResult(entry) {
        finished++;
        const state = entry.result?.verdict.state ?? 'unknown';
        status = Math.max(status, EXIT[state]);
        if (!options.quiet) {
          const why = entry.error ? ` (${failureMessage(entry.error, lang)})` : '';
          err(`[${String(finished).padStart(width)}/${total}] ${state.padEnd(8)} ${entry.address}${why}`);
        }
        done[index.get(entry.address)!] = entry;
        while (written < total && done[written]) {
          emit(done[written]!);
          done[written] = undefined;
          written++;
        }
      },
    });
  } finally {
    if (csv !== undefined) closeSync(csv);
  }
  return status;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void run(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  ).then((code) => (process.exitCode = code));
}
