/**
 * The report an auditor hands up: one self-contained HTML file (no script, no external resource,
 * a strict Content-Security-Policy in a meta tag, inline SVG chart, A4 print styles) from the rows
 * of a run — the CSV export's cells, so a report can be made from a live run or a merged CSV alike.
 * Every piece of page and certificate text is hostile data: everything is escaped.
 */
import type { Lang, VerdictState } from '../engine/verdict';
import { stateName, t } from '../i18n';
import type { CsvColumn } from './export';

export type ReportRow = Record<CsvColumn, string>;

export interface ReportRun {
  /** The list's file name (or what the auditor called the run). */
  list: string;
  startedAt: string;
  finishedAt: string;
  version: string;
  /** The command line's registry counters; absent when the run did not record them. */
  registry?: { requests: number; retries: number; failures: number; ratePerSecond: number };
}

/** No script, no request of any kind: inline styles only (the SVG chart is inline markup). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const ORDER: VerdictState[] = ['danger', 'warning', 'unknown', 'verified', 'none'];
/** The extension's palette for the states, readable in print. */
const COLOR: Record<VerdictState, string> = {
  danger: '#c62828',
  warning: '#b26a00',
  unknown: '#616161',
  verified: '#2e7d32',
  none: '#9e9e9e',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function stateOf(row: ReportRow): VerdictState {
  return (ORDER as string[]).includes(row.state) ? (row.state as VerdictState) : 'unknown';
}

export function countRows(rows: ReportRow[]): Record<VerdictState, number> {
  const counts: Record<VerdictState, number> = { verified: 0, warning: 0, danger: 0, unknown: 0, none: 0 };
  for (const row of rows) counts[stateOf(row)]++;
  return counts;
}

/** Horizontal bars, one per state, scaled to the largest count. */
function chart(counts: Record<VerdictState, number>, lang: Lang): string {
  const max = Math.max(1, ...Object.values(counts));
  const rowHeight = 28;
  const bars = ORDER.map((state, i) => {
    const width = Math.round((counts[state] / max) * 360);
    const y = i * rowHeight;
    return (
      `<text x="0" y="${y + 18}" font-size="13">${escapeHtml(stateName(state, lang))}</text>` +
      `<rect x="110" y="${y + 5}" width="${width}" height="18" fill="${COLOR[state]}"/>` +
      `<text x="${116 + width}" y="${y + 18}" font-size="13">${counts[state]}</text>`
    );
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(t(lang, 'reportCounts'))}" width="540" height="${ORDER.length * rowHeight}" viewBox="0 0 540 ${ORDER.length * rowHeight}">${bars}</svg>`;
}

/** Why, in plain words: the verdict's messages, else the failure. */
function why(row: ReportRow): string {
  return row.messages || row.error || '';
}

function table(rows: ReportRow[], lang: Lang): string {
  const head = ['reportAddress', 'reportState', 'reportHolder', 'reportWhy'] as const;
  const body = rows
    .map((row) => {
      const state = stateOf(row);
      return `<tr class="s-${state}"><td class="addr">${escapeHtml(row.address)}</td><td><span class="badge">${escapeHtml(stateName(state, lang))}</span></td><td>${escapeHtml(row.holder)}</td><td>${escapeHtml(why(row))}</td></tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${head.map((key) => `<th>${escapeHtml(t(lang, key))}</th>`).join('')}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1b1b1b;margin:24px auto;max-width:1000px;padding:0 16px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ccc}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}dl.meta dt{color:#555}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:12.5px}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
thead{display:table-header-group}tr{break-inside:avoid}td.addr{word-break:break-all;max-width:320px}td:has(.badge){white-space:nowrap}
.badge{font-weight:600}${ORDER.map((s) => `.s-${s} .badge{color:${COLOR[s]}}`).join('')}
.counts td:last-child{text-align:right}
@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none;padding:0}h2{break-after:avoid}}`;

export function runReport(rows: ReportRow[], run: ReportRun, lang: Lang): string {
  const counts = countRows(rows);
  const attention = [...rows.filter((r) => stateOf(r) === 'danger'), ...rows.filter((r) => stateOf(r) === 'warning')];
  const registryFailed = rows.filter((r) => /(^|;)service-/.test(r.reasons)).length;
  const pageFailed = rows.filter((r) => r.error !== '').length;
  const text = (key: Parameters<typeof t>[1]) => escapeHtml(t(lang, key));
  const registry = run.registry
    ? `<dt>${text('reportRegistryStats')}</dt><dd>${run.registry.requests} / ${run.registry.retries} / ${run.registry.failures}</dd>` +
      `<dt>${text('reportRegistryRate')}</dt><dd>${run.registry.ratePerSecond}</dd>`
    : '';
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text('reportTitle')} · ${escapeHtml(run.list)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${text('reportTitle')}</h1>
<dl class="meta">
<dt>${text('reportList')}</dt><dd>${escapeHtml(run.list)}</dd>
<dt>${text('reportChecked')}</dt><dd>${escapeHtml(run.startedAt)} – ${escapeHtml(run.finishedAt)}</dd>
<dt>${text('reportAddresses')}</dt><dd>${rows.length}</dd>
<dt>${text('reportVersion')}</dt><dd>GovMark ${escapeHtml(run.version)}</dd>
</dl>
<h2>${text('reportCounts')}</h2>
${chart(counts, lang)}
<table class="counts" style="width:auto"><tbody>${ORDER.map((s) => `<tr class="s-${s}"><td><span class="badge">${escapeHtml(stateName(s, lang))}</span></td><td>${counts[s]}</td></tr>`).join('')}</tbody></table>
<h2>${text('reportAttention')}</h2>
${attention.length ? table(attention, lang) : `<p>${text('reportNoAttention')}</p>`}
<h2>${text('reportAll')}</h2>
${table(rows, lang)}
<h2>${text('reportMethods')}</h2>
<p>${text('reportMethodsText')}</p>
<h2>${text('reportRegistry')}</h2>
<p>${registryFailed} ${text('reportRegistryFailed')} ${pageFailed} ${text('reportPageFailed')}</p>
<dl class="meta">${registry}</dl>
</body>
</html>
`;
}
