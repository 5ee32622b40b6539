/**
 * The batch exports built one record at a time into a Blob, so that a run of tens of thousands
 * of results is never one array of records nor one string: text is cut into Blob parts of about
 * a megabyte as it grows. The bytes are exactly those of toCsv / toJson over the same records.
 */

import type { Lang } from '../engine/verdict';
import { type BatchRecord, CSV_COLUMNS, csvCells, csvField } from './batch';

export type ExportKind = 'csv' | 'json';

export const EXPORT_TYPE: Record<ExportKind, string> = { csv: 'text/csv;charset=utf-8', json: 'application/json' };

const PART_CHARS = 1 << 20;

export interface ExportWriter {
  add(record: BatchRecord): void;
  finish(): Blob;
}

export function exportWriter(kind: ExportKind, lang: Lang): ExportWriter {
  const parts: Blob[] = [];
  let text = '';
  let count = 0;
  const write = (chunk: string) => {
    text += chunk;
    if (text.length < PART_CHARS) return;
    parts.push(new Blob([text]));
    text = '';
  };
  if (kind === 'csv') write(`\ufeff${CSV_COLUMNS.join(',')}\r\n`);
  return {
    add(record) {
      if (kind === 'csv') {
        const cells = csvCells(record, lang);
        write(`${CSV_COLUMNS.map((column) => csvField(cells[column])).join(',')}\r\n`);
      } else {
        // As JSON.stringify(records, null, 2) lays out an array's elements.
        write(`${count === 0 ? '[\n' : ',\n'}${JSON.stringify(record, null, 2).replace(/^/gm, '  ')}`);
      }
      count++;
    },
    finish() {
      if (kind === 'json') write(count === 0 ? '[]\n' : '\n]\n');
      return new Blob([...parts, text], { type: EXPORT_TYPE[kind] });
    },
  };
}
