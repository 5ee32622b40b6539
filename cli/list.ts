/** --list: the auditors' batch spot-check from a terminal. */

import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DOMParser } from 'linkedom';
import packageJson from '../package.json';
import {
  type BatchEntry,
  CSV_COLUMNS,
  csvCells,
  csvField,
  decodeInput,
  failureMessage,
  inputProblemMessage,
  isInputError,
  parseInput,
  previousExport,
  type RunTag,
  remaining,
  runBatch,
  toBatchRecord,
} from '../utils/batch/batch';
import { checkAddress } from '../utils/batch/batch-check';
import { formatShard, inShard } from '../utils/batch/shard';
import { createHomepageJudge } from '../utils/engine/homepage';
import type { VerdictState } from '../utils/engine/verdict';
import { stateName, t } from '../utils/i18n';
import { renderText } from '../utils/report';
import { EXIT, type Options } from './options';
import type { RunClient } from './registry';
import { type ReportSink, reportSink } from './report-file';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/**
 * --list: every address in the file, `concurrency` at a time. Progress on stderr, one line per
 * finished address; stdout (text or --json) and the CSV follow the list's order whatever order the
 * checks end in, each written as soon as every address before it is done.
 */
export async function runList(
  file: string,
  options: Options,
  registry: RunClient,
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

  // The run is the whole list, whatever slice of it this process checks: shards of one list share its id.
  const runId = createHash('sha256').update(parsed.urls.join('\n')).digest('hex').slice(0, 12);
  const shard = options.shard ?? { index: 0, count: 1 };
  const listIndex = new Map(parsed.urls.map((url, i) => [url, i]));
  const tagOf = (address: string): RunTag => ({ run: runId, shard: formatShard(shard), index: listIndex.get(address)! });

  // Resuming: the rows the CSV already holds are kept (rewritten whole, so a row an interruption
  // cut off is dropped and its address checked again), and only the other addresses are checked.
  let kept: string[][] = [];
  let urls = parsed.urls.filter((url) => inShard(url, shard));
  const mine = new Set(urls);
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
    // Rows kept from an earlier version of the export carry no run yet: they belong to this one.
    const RUN = CSV_COLUMNS.indexOf('run');
    kept = previous.rows.map((row) => {
      if (row[RUN] || !listIndex.has(row[0]!)) return row;
      const tag = tagOf(row[0]!);
      return [...row.slice(0, RUN), tag.run, tag.shard, String(tag.index)];
    });
    const all = urls.length;
    urls = remaining(urls, new Set(previous.states.keys()));
    for (const [address, state] of previous.states) if (mine.has(address)) status = Math.max(status, EXIT[state]);
    err(
      lang === 'zh'
        ? `继续上次核验：${options.csv} 已有 ${all - urls.length} 个地址，还剩 ${urls.length} 个`
        : `resuming: ${options.csv} already holds ${all - urls.length} of the addresses; ${urls.length} to check`,
    );
  }

  const report: ReportSink | undefined = options.report === undefined ? undefined : reportSink(options, file, registry.policy);
  let csv: number | undefined;
  if (options.csv !== undefined) {
    try {
      csv = openSync(resolve(options.csv), 'w');
      writeSync(csv, `\ufeff${CSV_COLUMNS.join(',')}\r\n`);
      for (const row of kept) writeSync(csv, `${row.map(csvField).join(',')}\r\n`);
      report?.addCsvRows(kept);
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
    const tag = tagOf(entry.address);
    const cells = csvCells(record, lang, tag);
    if (csv !== undefined) writeSync(csv, `${CSV_COLUMNS.map((column) => csvField(cells[column])).join(',')}\r\n`);
    report?.add(cells);
    if (options.json) out(JSON.stringify({ ...record, run: { id: tag.run, shard: tag.shard, index: tag.index } }));
    else if (entry.result) out(`${renderText(entry.result, lang, { version, requestedUrl: entry.address })}\n`);
    else {
      const sep = lang === 'zh' ? '：' : ': ';
      out(
        `${entry.address}\n  ${t(lang, 'verdict')}${sep}${stateName('unknown', lang)}\n  [?] ${failureMessage(entry.error!, lang)}\n`,
      );
    }
  };

  // One judge for the run: inner pages of one site ask for its homepage once.
  const homepage = options.homepage && createHomepageJudge();
  try {
    const client = registry.client;
    await runBatch(
      urls,
      (address) => checkAddress(address, { fetch, parseHtml, client, timeoutMs: options.timeoutMs, homepage }),
      {
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
      },
    );
  } finally {
    if (csv !== undefined) closeSync(csv);
  }
  if (report && !(await report.write(err))) return 64;
  return status;
}
