import { parseArgs } from 'node:util';
import { clampConcurrency, DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../utils/batch/batch';
import { parseShard, type Shard } from '../utils/batch/shard';
import { DEFAULT_REGISTRY_RATE } from '../utils/engine/registry-policy';
import type { Lang, VerdictState } from '../utils/engine/verdict';
import { defaultCacheDir } from './disk-cache';

export const USAGE = `usage: npm run scan -- [options] <file.html | http(s)://address> ...
       npm run scan -- --list <file> [--csv <out.csv>] [options]
       npm run scan -- --merge <shard.csv ...> --csv <all.csv> [--report <report.html>]
       npm run scan -- --merge <shard.jsonl ...> --json > all.jsonl

  --url <address>          the page's address, when scanning one saved file
  --offline                no network at all: detection and page checks only
  --conac-origin <origin>  send certificate and embed-script requests here instead of the CONAC hosts
  --timeout <ms>           per request (default 8000)
  --json                   one JSON object per input, one per line
  --lang zh|en             language of messages (default zh)
  --no-homepage            judge a page without a mark on its own: do not fetch its site's homepage
                           (by default a page without a mark on a government domain takes the
                           verdict of its homepage, / of the same site, as the extension does)

batch spot-check (the extension's batch page, on the command line):
  --list <file>            check every address in <file>: one per line, or a CSV with an address
                           column (a previous --csv export works); an address without a scheme is
                           taken as https://; bad lines are listed on stderr with line numbers
  --concurrency <n>        addresses checked at a time (default ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY})
  --csv <out.csv>          also write the results as CSV, the extension's export columns, in list order
  --resume                 with --csv: keep the addresses <out.csv> already holds (an interrupted run's)
                           and check only the rest, appending them; the exit status covers all rows
  --quiet                  no progress lines ([n/total] state address) on stderr
  --report <report.html>   also write a self-contained HTML report (counts, chart, danger and warning
                           sites first with their reasons, the full table, a methods note); --lang sets
                           its language

auditor mode (large lists, several machines):
  --registry-rate <n>      registry (CONAC) requests per second at most, shared by all checks
                           (default ${DEFAULT_REGISTRY_RATE}); timeouts, resets, 429 and 5xx are retried 3 times
                           with backoff, honouring Retry-After; site pages are not limited by it
  --cache-dir <dir>        where certificate and script lookups are kept between runs (default
                           ${'$'}XDG_CACHE_HOME/govmark or ~/.cache/govmark); safe to share between processes
  --no-cache               keep lookups for this run only
  --refresh                ask the registry afresh, and refresh the cache with the answers
  --shard <i>/<n>          check only slice i of n (0 <= i < n) of the list, chosen by a hash of each
                           address, so the slices stay put when lines are added; each row records its run
  --merge <file> ...       merge the --csv (or --json lines) outputs of the shards of one run into one,
                           in list order; refuses files of different runs or formats, or a missing shard

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
  /** Judge pages without a mark on a government domain by their site's homepage (off: --no-homepage). */
  homepage: boolean;
  /** Registry requests per second. */
  registryRate: number;
  /** null: --no-cache. */
  cacheDir: string | null;
  refresh: boolean;
  shard?: Shard;
  /** --merge: the positionals are shard outputs. */
  merge: boolean;
  report?: string;
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
        'no-homepage': { type: 'boolean', default: false },
        report: { type: 'string' },
        'registry-rate': { type: 'string', default: String(DEFAULT_REGISTRY_RATE) },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        refresh: { type: 'boolean', default: false },
        shard: { type: 'string' },
        merge: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  const list = values.list;
  if (values.merge) {
    if (list !== undefined) throw new UsageError('--merge takes finished shard outputs, not --list');
    if (positionals.length === 0) throw new UsageError('--merge needs the shard outputs to merge');
    if ((values.csv === undefined) === !values.json) throw new UsageError('--merge writes either --csv <file> or --json');
  } else if (list !== undefined) {
    if (positionals.length > 0)
      throw new UsageError(`--list takes every address from ${list}: give no other inputs (${positionals[0]})`);
    if (values.url !== undefined) throw new UsageError('--url goes with one saved file, not with --list');
    if (values.offline) throw new UsageError('--offline cannot fetch the addresses in --list');
  } else {
    if (values.csv !== undefined) throw new UsageError('--csv goes with --list');
    if (values.report !== undefined) throw new UsageError('--report goes with --list or --merge');
  }
  if (values.shard !== undefined && list === undefined) throw new UsageError('--shard goes with --list');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard === null) throw new UsageError(`--shard must be i/n with 0 <= i < n, such as 0/4, not "${values.shard}"`);
  const registryRate = Number(values['registry-rate']);
  // Fractions allowed: 8 shards sharing 4 requests a second take 0.5 each.
  if (!Number.isFinite(registryRate) || registryRate <= 0)
    throw new UsageError(`--registry-rate must be a positive number of requests per second, not "${values['registry-rate']}"`);
  if (values['no-cache'] && (values['cache-dir'] !== undefined || values.refresh))
    throw new UsageError('--no-cache contradicts --cache-dir and --refresh');
  if (values.report === '' || values['cache-dir'] === '') throw new UsageError('--report and --cache-dir need a path');
  if (values.resume && values.csv === undefined)
    throw new UsageError('--resume goes with --list and --csv: it continues the run that wrote the CSV');
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${values.concurrency}"`);
  }
  if (values.csv === '') throw new UsageError('--csv needs a file name');
  if (list === undefined && !values.merge && positionals.length === 0)
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
    homepage: !values['no-homepage'],
    registryRate,
    cacheDir: values['no-cache'] ? null : (values['cache-dir'] ?? defaultCacheDir()),
    refresh: values.refresh,
    shard,
    merge: values.merge,
    report: values.report,
  };
}

/** Exit status by verdict (USAGE): 0 nothing wrong, 1 look closer, 2 danger. */
export const EXIT: Record<VerdictState, number> = { verified: 0, none: 0, warning: 1, unknown: 1, danger: 2 };

export function isWebAddress(value: string): boolean {
  return /^https?:\/\//i.test(value) && URL.canParse(value);
}
