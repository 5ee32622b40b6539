/** The batch's exports: the JSON evidence records and the CSV table, the same from the extension and the command line. */

import type { Receipt } from '../engine/fetch-text';
import type { Lang, VerdictState } from '../engine/verdict';
import { type MessageKey, t } from '../i18n';
import { type CheckRecord, RECORD_SCHEMA, toRecord } from '../report';
import { fillIn, parseCsv } from './input';
import { type BatchEntry, type CheckFailure, stateOfEntry } from './run';

/**
 * The evidence record of one address, the JSON export's element: the engine's record (with the
 * address as given in `requestedUrl`) plus what was fetched (`page`) and, when there is no
 * verdict, why (`error`).
 */
export type BatchRecord = (CheckRecord & { page: Receipt | null; error: null }) | FailureRecord;

/** An address with no verdict: the record's shape, empty, with the error. */
export interface FailureRecord {
  schema: CheckRecord['schema'];
  version: string;
  checkedAt: string;
  requestedUrl: string;
  finalUrl: string | null;
  redirected: null;
  url: string | null;
  marks: [];
  owner: null;
  claims: null;
  certificate: null;
  lookups: Record<string, never>;
  verdict: { state: 'unknown'; reasons: [] };
  page: Receipt | null;
  error: { cause: CheckFailure['cause']; detail: string; message: string };
}

export function toBatchRecord(entry: BatchEntry, lang: Lang, version: string): BatchRecord {
  if (entry.result)
    return { ...toRecord(entry.result, lang, { version, requestedUrl: entry.address }), page: entry.page ?? null, error: null };
  const error = entry.error ?? { cause: 'internal', detail: 'no result' };
  return {
    schema: RECORD_SCHEMA,
    version,
    checkedAt: entry.checkedAt,
    requestedUrl: entry.address,
    finalUrl: entry.page?.url ?? null,
    redirected: null,
    url: entry.page?.url ?? null,
    marks: [],
    owner: null,
    claims: null,
    certificate: null,
    lookups: {},
    verdict: { state: 'unknown', reasons: [] },
    page: entry.page ?? null,
    error: { ...error, message: failureMessage(error, lang) },
  };
}

const FAILURE_KEY: Record<CheckFailure['cause'], MessageKey> = {
  network: 'batchFailNetwork',
  timeout: 'batchFailTimeout',
  redirect: 'batchFailRedirect',
  'http-status': 'batchFailStatus',
  'too-large': 'batchFailTooLarge',
  'not-html': 'batchFailNotHtml',
  internal: 'batchFailInternal',
};

export function failureMessage(failure: CheckFailure, lang: Lang): string {
  return fillIn(t(lang, FAILURE_KEY[failure.cause]), failure.detail);
}

/**
 * The columns of the CSV export, the same from the extension and the command line. A format:
 * columns are only ever appended. Version 1 (issue 11) ended at `error`; version 2 appends the
 * run columns, which the command line fills (the extension leaves them empty):
 * - `run`: the run's id, a hash of the whole list (before any --shard split);
 * - `shard`: `i/n`, the slice of the list this row was checked in (`0/1` for an unsplit run);
 * - `list_index`: the address's 0-based position in the whole list, to merge shards in list order.
 */
export const CSV_COLUMNS = [
  'address',
  'final_url',
  'state',
  'holder',
  'holder_type',
  'registered_domains',
  'certificate_id',
  'reasons',
  'messages',
  'checked_at',
  'error',
  'run',
  'shard',
  'list_index',
] as const;

/** Every column set an export was ever written with, oldest first: --resume reads them all. */
export const CSV_VERSIONS: readonly (readonly string[])[] = [CSV_COLUMNS.slice(0, 11), CSV_COLUMNS];

/** Where a row belongs in a (possibly split) command-line run. */
export interface RunTag {
  run: string;
  shard: string;
  index: number;
}

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One CSV row, from the record (so the CSV says nothing the JSON does not). Lists are `;`-separated. */
export function csvCells(record: BatchRecord, lang: Lang, tag?: RunTag): Record<CsvColumn, string> {
  const cert = record.certificate;
  const certId = cert?.id ?? Object.keys(record.lookups)[0] ?? record.marks.find((m) => m.certId)?.certId ?? '';
  return {
    address: record.requestedUrl ?? record.finalUrl ?? '',
    final_url: record.finalUrl ?? '',
    state: record.verdict.state,
    holder: cert?.holder ?? '',
    holder_type: cert ? (cert.holderTypeText ?? cert.holderType ?? '') : '',
    registered_domains: cert?.domainsAsPrinted.join(';') ?? '',
    certificate_id: certId,
    reasons: record.verdict.reasons.map((r) => r.code).join(';'),
    messages: record.verdict.reasons.map((r) => r.message).join(lang === 'zh' ? '' : ' '),
    checked_at: record.checkedAt,
    error: record.error?.message ?? '',
    run: tag?.run ?? '',
    shard: tag?.shard ?? '',
    list_index: tag ? String(tag.index) : '',
  };
}

const VERDICT_STATES: readonly string[] = ['verified', 'warning', 'danger', 'unknown', 'none'];

/**
 * What an earlier CSV export already holds, to resume the run that wrote it: its complete rows,
 * and the state of each address. A row cut off by an interrupted run is dropped, so its address
 * is checked again. Rows of an earlier version are padded with empty cells to today's columns.
 */
export function previousExport(text: string): { rows: string[][]; states: Map<string, VerdictState> } | { error: string } {
  const [header, ...body] = parseCsv(text.replace(/^\ufeff/, '')).rows;
  const columns = CSV_VERSIONS.find((version) => header?.cells.join(',') === version.join(','));
  if (!columns) return { error: 'its first line is not the export columns' };
  const rows: string[][] = [];
  const states = new Map<string, VerdictState>();
  for (const { cells } of body) {
    const [address, , state] = cells;
    if (cells.length !== columns.length || !address || !VERDICT_STATES.includes(state!) || states.has(address)) continue;
    states.set(address, state as VerdictState);
    rows.push([...cells, ...Array<string>(CSV_COLUMNS.length - columns.length).fill('')]);
  }
  return { rows, states };
}

/** RFC 4180 with CRLF line ends and a UTF-8 byte order mark, so Excel opens Chinese text correctly. */
export function toCsv(records: BatchRecord[], lang: Lang): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const record of records) {
    const cells = csvCells(record, lang);
    lines.push(CSV_COLUMNS.map((column) => csvField(cells[column])).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * Quotes a field when it needs it. Text that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, tab, CR first) gets a leading apostrophe: page and certificate text is never trusted.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toJson(records: BatchRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** Counts by state, for progress and summaries. */
export function countStates(entries: Iterable<BatchEntry>): Record<VerdictState, number> {
  const counts: Record<VerdictState, number> = { verified: 0, warning: 0, danger: 0, unknown: 0, none: 0 };
  for (const entry of entries) counts[stateOfEntry(entry)]++;
  return counts;
}

/** A file name for an export: govmark-batch-20250102-0304.csv */
export function batchFileName(ext: 'csv' | 'json' | 'html', date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `govmark-batch-${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}.${ext}`;
}
