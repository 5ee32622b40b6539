/**
 * Merging the outputs of one run split across machines (--shard i/n) into the output a single run
 * would have written: the rows of every shard, in list order.
 *
 * What makes files one run: the same `run` id (a hash of the whole list) and the same shard count,
 * every shard at most once, and as many files as shards. Anything else is refused with the reason:
 * files of another list, another split, the same shard twice, a shard missing, another format
 * (CSV and JSON lines do not mix), or an export written before runs were recorded (CSV version 1,
 * or the extension's, whose run columns are empty).
 */
import { CSV_COLUMNS, csvField } from './export';
import { parseCsv } from './input';

export interface OutputFile {
  name: string;
  text: string;
}

export type MergeFormat = 'csv' | 'jsonl';

export type Merged = { format: MergeFormat; text: string; rows: number } | { error: string };

interface Row {
  run: string;
  shard: string;
  index: number;
  address: string;
  /** The row as it will be written: CSV cells, or the JSON line. */
  cells: string[] | string;
}

const INDEX_COLUMN = CSV_COLUMNS.indexOf('list_index');
const RUN_COLUMN = CSV_COLUMNS.indexOf('run');
const SHARD_COLUMN = CSV_COLUMNS.indexOf('shard');

export function formatOf(text: string): MergeFormat | null {
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('{')) return 'jsonl';
  if (start.startsWith('address,')) return 'csv';
  return null;
}

function csvRows(file: OutputFile): Row[] | string {
  const [header, ...body] = parseCsv(file.text.replace(/^\ufeff/, '')).rows;
  if (header?.cells.join(',') !== CSV_COLUMNS.join(','))
    return `${file.name}: not a shard output of this version (its columns are not ${CSV_COLUMNS.join(',')})`;
  const rows: Row[] = [];
  for (const { cells, line } of body) {
    if (cells.length === 1 && cells[0] === '') continue;
    if (cells.length !== CSV_COLUMNS.length) return `${file.name}:${line}: a cut-off row (resume that shard first)`;
    rows.push({
      run: cells[RUN_COLUMN]!,
      shard: cells[SHARD_COLUMN]!,
      index: Number(cells[INDEX_COLUMN]),
      address: cells[0]!,
      cells,
    });
  }
  return rows;
}

function jsonRows(file: OutputFile): Row[] | string {
  const rows: Row[] = [];
  const lines = file.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      const record = JSON.parse(line) as { requestedUrl?: string; run?: { id?: string; shard?: string; index?: number } };
      rows.push({
        run: record.run?.id ?? '',
        shard: record.run?.shard ?? '',
        index: Number(record.run?.index),
        address: record.requestedUrl ?? '',
        cells: line,
      });
    } catch {
      return `${file.name}:${i + 1}: not a JSON line`;
    }
  }
  return rows;
}

export function mergeOutputs(files: OutputFile[], format: MergeFormat): Merged {
  const all: Row[] = [];
  const shardOfFile = new Map<string, string>();
  let run: string | undefined;
  let count: string | undefined;
  for (const file of files) {
    const found = formatOf(file.text);
    if (found !== null && found !== format)
      return { error: `${file.name} is ${found === 'csv' ? 'CSV' : 'JSON lines'}: merge files of one format` };
    const rows = format === 'csv' ? csvRows(file) : jsonRows(file);
    if (typeof rows === 'string') return { error: rows };
    for (const row of rows) {
      const [, n] = row.shard.split('/');
      if (!row.run || !n || !Number.isInteger(row.index))
        return { error: `${file.name}: ${row.address} carries no run (written before runs were recorded, or by the extension)` };
      if (run !== undefined && (row.run !== run || n !== count))
        return { error: `${file.name}: run ${row.run} split ${n} ways is not run ${run} split ${count} ways` };
      run = row.run;
      count = n;
      const earlier = shardOfFile.get(row.shard);
      if (earlier !== undefined && earlier !== file.name)
        return { error: `shard ${row.shard} is in both ${earlier} and ${file.name}` };
      shardOfFile.set(row.shard, file.name);
      all.push(row);
    }
  }
  if (count !== undefined && files.length !== Number(count))
    return { error: `run ${run} was split ${count} ways, and ${files.length} files were given: a shard is missing or extra` };
  all.sort((a, b) => a.index - b.index);
  for (let i = 1; i < all.length; i++) {
    if (all[i]!.index === all[i - 1]!.index) return { error: `${all[i]!.address} appears twice` };
  }
  const text =
    format === 'csv'
      ? `\ufeff${[CSV_COLUMNS.join(','), ...all.map((row) => (row.cells as string[]).map(csvField).join(','))].join('\r\n')}\r\n`
      : all.map((row) => `${row.cells as string}\n`).join('');
  return { format, text, rows: all.length };
}
