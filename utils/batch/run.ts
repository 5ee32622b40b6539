/** Running a check over every address of a batch, a bounded number at a time. */
import type { CheckResult } from '../engine/check-page';
import type { FailureCause, Receipt } from '../engine/fetch-text';
import type { VerdictState } from '../engine/verdict';

export const DEFAULT_CONCURRENCY = 6;
export const MAX_CONCURRENCY = 16;

/** Why an address has no verdict: the page could not be had, or was not a web page. */
export interface CheckFailure {
  cause: FailureCause | 'not-html' | 'internal';
  detail: string;
}

/** One address's outcome, as kept while a run goes on (the extension stores these as they arrive). */
export interface BatchEntry {
  /** The normalised address from the input. */
  address: string;
  checkedAt: string;
  /** The check, when the page could be fetched. */
  result?: CheckResult;
  /** What was fetched: the final address, when, and the SHA-256 of the bytes. */
  page?: Receipt;
  error?: CheckFailure;
}

export type CheckAddress = (address: string) => Promise<BatchEntry>;

export interface RunOptions {
  /** Checks at a time (default 6, at most 16). */
  concurrency?: number;
  /** Once aborted no further check starts; checks under way finish and are still reported. */
  signal?: AbortSignal;
  onStart?(address: string): void;
  /** Called once per address, as each check ends; awaited before that worker takes the next one. */
  onResult(entry: BatchEntry): void | Promise<void>;
  now?: () => number;
}

export interface RunSummary {
  /** Addresses whose result was reported. */
  completed: number;
  aborted: boolean;
}

/** Checks `addresses` with at most `concurrency` checks at a time. A check that throws becomes an `internal` failure. */
export async function runBatch(addresses: string[], check: CheckAddress, options: RunOptions): Promise<RunSummary> {
  const limit = clampConcurrency(options.concurrency);
  const now = options.now ?? Date.now;
  let next = 0;
  let completed = 0;
  const worker = async () => {
    while (next < addresses.length && !options.signal?.aborted) {
      const address = addresses[next++]!;
      options.onStart?.(address);
      let entry: BatchEntry;
      try {
        entry = await check(address);
      } catch (error) {
        entry = { address, checkedAt: new Date(now()).toISOString(), error: { cause: 'internal', detail: errorText(error) } };
      }
      completed++;
      await options.onResult(entry);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, addresses.length) }, worker));
  return { completed, aborted: options.signal?.aborted === true && completed < addresses.length };
}

export function clampConcurrency(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_CONCURRENCY;
  return Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(value)));
}

/** The addresses still to check: those without a result, in input order (resuming a run). */
export function remaining(addresses: string[], done: ReadonlySet<string> | Record<string, unknown>): string[] {
  const has = done instanceof Set ? (a: string) => done.has(a) : (a: string) => Object.hasOwn(done as object, a);
  return addresses.filter((address) => !has(address));
}

export function stateOfEntry(entry: BatchEntry): VerdictState {
  return entry.result?.verdict.state ?? 'unknown';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
