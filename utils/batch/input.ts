/**
 * Reading an auditor's list of addresses: plain lines or a CSV (including a previous export).
 *
 * Address rules (the same everywhere):
 * - An address without a scheme gets `https://` (`www.example.gov.cn` → `https://www.example.gov.cn/`);
 *   write `http://` for a site that has no https.
 * - Only http and https; no user name or password in the address; at most 2048 characters; the
 *   host must be a domain name with a dot, an IP address or `localhost`.
 * - The fragment (`#…`) is dropped (it never reaches the server); the rest is kept as written,
 *   in the URL standard's form (host in lower case and punycode, `https://a.cn` → `https://a.cn/`).
 * - The same address twice is checked once; the later line is listed as a duplicate.
 * - Blank lines are ignored; in a plain list, so are lines starting with `#`.
 * Nothing is dropped silently: every line that is not checked is listed with its line number and why.
 */
import type { Lang } from '../engine/verdict';
import { type MessageKey, t } from '../i18n';

export const MAX_ADDRESS_LENGTH = 2048;

export type InputReason =
  | 'not-a-url'
  | 'unsupported-scheme'
  | 'credentials'
  | 'too-long'
  | 'empty-address'
  | 'csv-without-header'
  | 'unterminated-quote'
  | 'duplicate'
  | 'too-many';

export interface InputProblem {
  /** 1-based line in the input where the entry starts. */
  line: number;
  /** The entry as written (capped at 200 characters). */
  text: string;
  reason: InputReason;
  /** For `unsupported-scheme` the scheme; for `duplicate` the line of the first occurrence. */
  detail?: string;
}

export interface ParsedInput {
  /** Normalised addresses, in input order, without duplicates. */
  urls: string[];
  /** The input line of each address in `urls`. */
  lines: number[];
  errors: InputProblem[];
  format: 'lines' | 'csv';
  /** CSV: the header of the address column as written. */
  column?: string;
}

/** Header names taken as the address column (compared trimmed, case-insensitive). `address` is what the export writes. */
export const ADDRESS_HEADERS = [
  'address',
  'url',
  'website',
  'site',
  'link',
  'domain',
  '网址',
  '地址',
  '网站地址',
  '网站网址',
  '网站',
  '域名',
  '链接',
];

const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Spaces the URL parser would not strip, such as the ideographic space U+3000. */
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** `host:port…` would otherwise read as a scheme named after the host. */
const HOST_PORT = /^[^\s/:?#]+:\d+(?:[/?#]|$)/;
const HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export type Normalised = { ok: true; url: string } | { ok: false; reason: InputReason; detail?: string };

export function normaliseAddress(raw: string): Normalised {
  const text = raw.replace(INVISIBLE, '').replace(EDGE_SPACE, '');
  if (!text) return { ok: false, reason: 'empty-address' };
  if (text.length > MAX_ADDRESS_LENGTH) return { ok: false, reason: 'too-long' };
  let candidate = text;
  const scheme = SCHEME.exec(text);
  if (text.startsWith('//')) candidate = `https:${text}`;
  else if (scheme && !HOST_PORT.test(text)) {
    if (!/^https?$/i.test(scheme[1]!)) return { ok: false, reason: 'unsupported-scheme', detail: scheme[1]!.toLowerCase() };
  } else candidate = `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'unsupported-scheme', detail: url.protocol.slice(0, -1) };
  // Browsers refuse to fetch such addresses, and an audit list has no business carrying passwords.
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  const host = url.hostname;
  const hostOk =
    host.startsWith('[') ||
    IPV4.test(host) ||
    host === 'localhost' ||
    (HOST_NAME.test(host) && host.replace(/\.$/, '').includes('.'));
  if (!hostOk) return { ok: false, reason: 'not-a-url' };
  url.hash = '';
  if (url.href.length > MAX_ADDRESS_LENGTH) return { ok: false, reason: 'too-long' };
  return { ok: true, url: url.href };
}

export interface ParseOptions {
  /** Addresses beyond this many are listed as `too-many` (default: no limit). */
  maxUrls?: number;
}

/**
 * A pasted list or an imported file: a CSV when its first line has an address column header
 * (comma, tab or semicolon separated, the column anywhere), else one address per line.
 */
export function parseInput(input: string, options: ParseOptions = {}): ParsedInput {
  const text = input.replace(/^\ufeff/, '');
  const header = findHeader(text);
  const result: ParsedInput = { urls: [], lines: [], errors: [], format: header ? 'csv' : 'lines', column: header?.name };
  const seen = new Map<string, number>();
  const max = options.maxUrls ?? Infinity;

  const take = (line: number, raw: string, csvHint: boolean) => {
    const shown = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
    let normal = normaliseAddress(raw);
    if (csvHint && looksLikeCsvRow(raw, normal.ok)) normal = { ok: false, reason: 'csv-without-header' };
    if (!normal.ok) return void result.errors.push({ line, text: shown, reason: normal.reason, detail: normal.detail });
    const earlier = seen.get(normal.url);
    if (earlier !== undefined)
      return void result.errors.push({ line, text: shown, reason: 'duplicate', detail: String(earlier) });
    if (result.urls.length >= max) return void result.errors.push({ line, text: shown, reason: 'too-many', detail: String(max) });
    seen.set(normal.url, line);
    result.urls.push(normal.url);
    result.lines.push(line);
  };

  if (header) {
    const { rows, errors } = parseCsv(text, header.delimiter);
    for (const error of errors) result.errors.push(error);
    for (const row of rows.slice(1)) {
      if (row.cells.every((cell) => cell.trim() === '')) continue;
      take(row.line, row.cells[header.index] ?? '', false);
    }
  } else {
    text.split(/\r\n|\n|\r/).forEach((raw, i) => {
      const line = raw.replace(INVISIBLE, '').replace(EDGE_SPACE, '');
      if (line === '' || line.startsWith('#')) return;
      take(i + 1, line, true);
    });
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

/**
 * A plain-list line that is really a CSV row (an address, a delimiter, more columns): a tab, or a
 * delimiter after a valid address followed by text no address would carry there (spaces, Chinese)
 * or making the address invalid. `?ids=1,2` stays an address.
 */
function looksLikeCsvRow(line: string, valid: boolean): boolean {
  const cut = line.search(/[,\t;]/);
  if (cut <= 0 || !normaliseAddress(line.slice(0, cut)).ok) return false;
  return line.includes('\t') || !valid || /[\s\u3000-\u9fff\uff00-\uffef]/.test(line.slice(cut + 1));
}

const DELIMITERS = [',', '\t', ';'];

function findHeader(text: string): { delimiter: string; index: number; name: string } | null {
  const first = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '');
  if (first === undefined) return null;
  for (const delimiter of DELIMITERS) {
    const cells = parseCsv(first, delimiter).rows[0]?.cells ?? [];
    const index = cells.findIndex((cell) => ADDRESS_HEADERS.includes(cell.replace(INVISIBLE, '').trim().toLowerCase()));
    if (index >= 0) return { delimiter, index, name: cells[index]!.trim() };
  }
  return null;
}

export interface CsvRow {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

/**
 * RFC 4180, leniently: CRLF, LF or CR line ends; quoted fields may hold the delimiter, quotes
 * (doubled) and line breaks; text after a closing quote is kept. A quote left open is reported
 * and its record dropped (it would otherwise swallow the rest of the file silently).
 */
export function parseCsv(text: string, delimiter = ','): { rows: CsvRow[]; errors: InputProblem[] } {
  const rows: CsvRow[] = [];
  const errors: InputProblem[] = [];
  let line = 1;
  let cells: string[] = [];
  let field = '';
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let any = false;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    rows.push({ cells, line: recordLine });
    cells = [];
    any = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!any) {
      recordLine = line;
      any = true;
    }
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else field += c;
  }
  if (quoted) {
    errors.push({ line: quoteLine, text: `"${field.slice(0, 60)}${field.length > 60 ? '…' : ''}`, reason: 'unterminated-quote' });
    cells = [];
    any = false;
  }
  if (any) endRecord();
  return { rows, errors };
}

/** A file's bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB 18030 (Excel's "CSV" on Chinese Windows). */
export function decodeInput(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const INPUT_REASON_KEY: Record<InputReason, MessageKey> = {
  'not-a-url': 'batchErrNotUrl',
  'unsupported-scheme': 'batchErrScheme',
  credentials: 'batchErrCredentials',
  'too-long': 'batchErrTooLong',
  'empty-address': 'batchErrEmpty',
  'csv-without-header': 'batchErrCsvNoHeader',
  'unterminated-quote': 'batchErrQuote',
  duplicate: 'batchErrDuplicate',
  'too-many': 'batchErrTooMany',
};

/** Why an input line was not taken, in words. */
export function inputProblemMessage(problem: Pick<InputProblem, 'reason' | 'detail'>, lang: Lang): string {
  return fillIn(t(lang, INPUT_REASON_KEY[problem.reason]), problem.detail ?? '');
}

/** Problems that are mistakes in the input, as opposed to harmless repeats. */
export function isInputError(problem: InputProblem): boolean {
  return problem.reason !== 'duplicate';
}

/** Fills the `$DETAIL$` placeholder of a message (the _locales placeholder syntax). */
export function fillIn(template: string, detail: string): string {
  return template.replace(/\$DETAIL\$/g, () => detail);
}
