/**
 * What the results table shows of one address, and nothing more: the batch page keeps one of
 * these per address in memory (a few hundred bytes) instead of the full result with its evidence
 * (a few kB), which stays in IndexedDB for the exports.
 */
import type { Certificate } from '../engine/certificate';
import type { Reason, VerdictState } from '../engine/verdict';
import { primaryCertificate } from '../engine/verify';
import { type BatchEntry, type CheckFailure, stateOfEntry } from './batch';

export interface RowSummary {
  state: VerdictState;
  /** Where the page ended (the scanned page's address), when a page was checked. */
  finalUrl: string | null;
  cert: Pick<Certificate, 'holder' | 'holderType' | 'holderTypeText' | 'domainsAsPrinted'> | null;
  reasons: Reason[];
  error: CheckFailure | null;
  checkedAt: string;
}

export function summarise(entry: BatchEntry): RowSummary {
  const result = entry.result;
  const cert = result ? primaryCertificate(result.scan, result.lookups) : undefined;
  return {
    state: stateOfEntry(entry),
    finalUrl: result?.scan.url ?? null,
    cert: cert
      ? {
          holder: cert.holder,
          holderType: cert.holderType,
          holderTypeText: cert.holderTypeText,
          domainsAsPrinted: cert.domainsAsPrinted,
        }
      : null,
    reasons: result?.verdict.reasons ?? [],
    error: entry.error ?? null,
    checkedAt: entry.checkedAt,
  };
}

/** Counts by state, for the progress bar and the filters. */
export function countRowStates(rows: Iterable<RowSummary>): Record<VerdictState, number> {
  const counts: Record<VerdictState, number> = { verified: 0, warning: 0, danger: 0, unknown: 0, none: 0 };
  for (const row of rows) counts[row.state]++;
  return counts;
}
