/** --report: the run's rows gathered as they are written, and the HTML report written at the end. */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import packageJson from '../package.json';
import { CSV_COLUMNS } from '../utils/batch/batch';
import { type ReportRow, runReport } from '../utils/batch/run-report';
import type { RegistryPolicy } from '../utils/engine/registry-policy';
import type { Options } from './options';

export interface ReportSink {
  add(row: ReportRow): void;
  /** Rows kept from a CSV (a resumed run, merged shards), in the export's columns. */
  addCsvRows(rows: string[][]): void;
  /** Writes the file; false (and the reason on `err`) when it cannot. */
  write(err: (line: string) => void): Promise<boolean>;
}

export function reportSink(options: Options, list: string, policy: RegistryPolicy | null): ReportSink {
  const startedAt = new Date().toISOString();
  const rows: ReportRow[] = [];
  return {
    add: (row) => void rows.push(row),
    addCsvRows(cells) {
      for (const row of cells) rows.push(Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i] ?? ''])) as ReportRow);
    },
    async write(err) {
      const registry = policy ? { ...policy.stats, ratePerSecond: options.registryRate } : undefined;
      const run = {
        list: basename(list),
        startedAt,
        finishedAt: new Date().toISOString(),
        version: packageJson.version,
        registry,
      };
      try {
        await writeFile(resolve(options.report!), runReport(rows, run, options.lang));
        return true;
      } catch (error) {
        err(`could not write ${options.report}: ${(error as Error).message}`);
        return false;
      }
    },
  };
}
