/** Small statistics and the result table of `npm run bench`. */

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Row {
  /** What was measured. */
  measure: string;
  /** The median, formatted with its unit. */
  value: string;
  /** The target in words, e.g. "≤ 2 ms". */
  target: string;
  /** null: reported without a target. */
  met: boolean | null;
  /** How it was measured: runs, sizes, spread. */
  note: string;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms < 1 ? `${ms.toFixed(3)} ms` : ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
}

export function formatBytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A plain-text table; widths counted in code points (the labels are English). */
export function table(rows: Row[]): string {
  const cells = rows.map((r) => [r.measure, r.value, r.target, r.met === null ? '-' : r.met ? 'met' : 'MISSED', r.note]);
  const head = ['measure', 'median', 'target', 'result', 'how'];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]!].length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => s + ' '.repeat(width[i]! - [...s].length))
      .join('  ')
      .trimEnd();
  return [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
