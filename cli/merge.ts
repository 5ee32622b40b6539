/** --merge: the outputs of one run's shards into one file (CSV) or stream (JSON lines), in list order. */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type BatchRecord, csvCells } from '../utils/batch/batch';
import { parseCsv } from '../utils/batch/input';
import { mergeOutputs, type OutputFile } from '../utils/batch/merge';
import type { Options } from './options';
import { reportSink } from './report-file';

export async function runMerge(options: Options, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const files: OutputFile[] = [];
  for (const name of options.inputs) {
    try {
      files.push({ name, text: await readFile(resolve(name), 'utf8') });
    } catch (error) {
      err(`could not read ${name}: ${(error as Error).message}`);
      return 64;
    }
  }
  const merged = mergeOutputs(files, options.csv === undefined ? 'jsonl' : 'csv');
  if ('error' in merged) {
    err(`--merge: ${merged.error}`);
    return 64;
  }
  if (options.csv !== undefined) await writeFile(resolve(options.csv), merged.text);
  else out(merged.text.replace(/\n$/, ''));
  err(`merged ${merged.rows} rows from ${files.length} files`);
  if (options.report !== undefined) {
    const report = reportSink(options, options.inputs.join(' '), null);
    if (merged.format === 'csv')
      report.addCsvRows(
        parseCsv(merged.text.replace(/^\ufeff/, ''))
          .rows.slice(1)
          .map((row) => row.cells),
      );
    else
      for (const line of merged.text.split('\n').filter(Boolean))
        report.add(csvCells(JSON.parse(line) as BatchRecord, options.lang));
    if (!(await report.write(err))) return 64;
  }
  return 0;
}
