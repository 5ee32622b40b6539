/**
 * GovMark's command line: `npm run scan -- [options] <file.html | http(s)://address> ...`
 * The same engine as the extension; only the page is read from a file or fetched here.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DOMParser } from 'linkedom';
import { ttlCache, memoryStore } from '../utils/cache';
import { createConacClient, type ConacClient } from '../utils/conac-client';
import { detectMarks } from '../utils/detect';
import { checkPage, type CheckResult } from '../utils/engine';
import { fetchText } from '../utils/fetch-text';
import { renderText, toRecord } from '../utils/report';
import type { Lang, VerdictState } from '../utils/verdict';

const USAGE = `usage: npm run scan -- [options] <file.html | http(s)://address> ...

  --url <address>          the page's address, when scanning one saved file
  --offline                no network at all: detection and page checks only
  --conac-origin <origin>  send certificate and embed-script requests here instead of the CONAC hosts
  --timeout <ms>           per request (default 8000)
  --json                   one JSON object per input, one per line
  --lang zh|en             language of messages (default zh)

exit status: 0 verified or nothing to verify, 1 warning or unknown, 2 danger, 64 usage error`;

export class UsageError extends Error {}

export interface Options {
  inputs: string[];
  url?: string;
  offline: boolean;
  conacOrigin?: string;
  timeoutMs: number;
  json: boolean;
  lang: Lang;
}

export function parseOptions(argv: string[]): Options {
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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (positionals.length === 0) throw new UsageError('no input: give one or more saved pages or http(s) addresses');
  if (values.lang !== 'zh' && values.lang !== 'en') throw new UsageError(`--lang must be zh or en, not "${values.lang}"`);
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, not "${values.timeout}"`);
  if (values.url !== undefined) {
    if (!isWebAddress(values.url)) throw new UsageError(`--url must be an http(s) address, not "${values.url}"`);
    if (positionals.length !== 1 || isWebAddress(positionals[0])) throw new UsageError('--url goes with exactly one saved file');
  }
  const conacOrigin = values['conac-origin'];
  if (conacOrigin !== undefined && (!isWebAddress(conacOrigin) || new URL(conacOrigin).origin !== conacOrigin.replace(/\/$/, ''))) {
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
    const response = await fetchText(input, { fetch, redirects: 'follow', timeoutMs: options.timeoutMs, maxBytes: 8 * 1024 * 1024 });
    if (response.status === 'unreachable') throw new Error(`could not fetch ${input}: ${response.detail}`);
    return { url: response.receipt.url, html: response.text };
  }
  const html = await readFile(resolve(input), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`could not read ${input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const savedFrom = /<!-- saved from url=\(\d+\)(https?:\/\/[^\s>]+) -->/.exec(html.slice(0, 4096))?.[1];
  return { url: options.url ?? savedFrom ?? pathToFileURL(resolve(input)).href, html };
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
    out(options.json ? JSON.stringify(toRecord(result, options.lang)) : `${renderText(result, options.lang)}\n`);
    status = Math.max(status, EXIT[result.verdict.state]);
  }
  return status;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`)).then(
    (code) => (process.exitCode = code),
  );
}
