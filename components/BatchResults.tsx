/**
 * The batch run's results: a table that sorts by column and filters by state, and the exports.
 * Page and certificate text are text nodes only.
 *
 * Built for tens of thousands of rows: the table is windowed (only the rows in view are in the
 * DOM, all of one fixed height), and sorting and filtering work on a compact projection (index,
 * state, holder, time of each row) recomputed only when a result arrives or the order changes,
 * never on scroll.
 */
import { useMemo, useState } from 'preact/hooks';
import { failureMessage } from '../utils/batch/batch';
import type { RowSummary } from '../utils/batch/row-summary';
import { holderTypeName, type Lang, reasonMessage, type VerdictState } from '../utils/engine/verdict';
import { type MessageKey, stateName, t } from '../utils/i18n';
import { SEVERITY_SYMBOL } from '../utils/report';
import { STATE_ORDER } from './BatchProgress';
import { fill, formatTime } from './text';
import { useVirtualWindow } from './virtual-window';

export type RowState = VerdictState | 'checking' | 'pending';
type Filter = 'all' | RowState;
type SortKey = 'index' | 'address' | 'state' | 'holder' | 'checkedAt';

/** Every row's height in px (the stylesheet lays each cell out in at most two lines to fit). */
export const ROW_PX = 60;

interface Row {
  index: number;
  address: string;
  summary: RowSummary | undefined;
  state: RowState;
  holder: string;
}

const ROW_ORDER: RowState[] = [...STATE_ORDER, 'checking', 'pending'];
const STATE_SYMBOL: Record<RowState, string> = {
  verified: SEVERITY_SYMBOL.ok,
  warning: SEVERITY_SYMBOL.warning,
  danger: SEVERITY_SYMBOL.danger,
  unknown: SEVERITY_SYMBOL.unknown,
  none: '–',
  checking: '…',
  pending: '·',
};
// Collators, not localeCompare: the same order, many times faster over 20,000 rows.
const addressOrder = new Intl.Collator();
const holderOrder = new Intl.Collator('zh-CN');

export function rowStateName(state: RowState, lang: Lang): string {
  if (state === 'checking') return t(lang, 'batchChecking');
  if (state === 'pending') return t(lang, 'batchPending');
  return stateName(state, lang);
}

export interface BatchResultsProps {
  lang: Lang;
  addresses: string[];
  rows: Map<string, RowSummary>;
  active: Set<string>;
  /** Changes whenever `rows` or `active` did (they are changed in place). */
  revision: number;
  /** html: the report to hand up (utils/batch/run-report.ts). */
  onExport(kind: 'csv' | 'json' | 'html'): void;
}

function compare(key: SortKey, a: Row, b: Row): number {
  switch (key) {
    case 'index':
      return 0;
    case 'address':
      return addressOrder.compare(a.address, b.address);
    case 'state':
      return ROW_ORDER.indexOf(a.state) - ROW_ORDER.indexOf(b.state);
    case 'holder':
      // Rows without a holder go last whichever way.
      if (!a.holder || !b.holder) return (a.holder ? 0 : 1) - (b.holder ? 0 : 1);
      return holderOrder.compare(a.holder, b.holder);
    case 'checkedAt':
      return (a.summary?.checkedAt ?? '\uffff').localeCompare(b.summary?.checkedAt ?? '\uffff');
  }
}

export function BatchResults({ lang, addresses, rows, active, revision, onExport }: BatchResultsProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'index', dir: 1 });

  const { all, counts } = useMemo(() => {
    const all: Row[] = addresses.map((address, index) => {
      const summary = rows.get(address);
      const state: RowState = summary ? summary.state : active.has(address) ? 'checking' : 'pending';
      return { index, address, summary, state, holder: summary?.cert?.holder ?? '' };
    });
    const counts = new Map<Filter, number>([['all', all.length]]);
    for (const row of all) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
    return { all, counts };
    // `revision` stands for the changes made in place to rows and active.
  }, [addresses, rows, active, revision]);

  const shown = useMemo(() => {
    const kept = filter === 'all' ? all : all.filter((row) => row.state === filter);
    if (sort.key === 'index' && sort.dir === 1) return kept;
    return [...kept].sort((a, b) => {
      const primary = compare(sort.key, a, b);
      const keep = sort.key === 'holder' && (!a.holder || !b.holder) ? 1 : sort.dir;
      return primary * keep || a.index - b.index;
    });
  }, [all, filter, sort]);

  const view = useVirtualWindow(shown.length, ROW_PX);
  const sortBy = (key: SortKey) => {
    setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }));
    view.toTop();
  };
  const filterBy = (next: Filter) => {
    setFilter(next);
    view.toTop();
  };
  const header = (key: SortKey, label: MessageKey, className = '') => (
    <th scope="col" class={className} aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
      <button type="button" class="sort" onClick={() => sortBy(key)} data-testid={`sort-${key}`}>
        {t(lang, label)}
        <span class="sort__arrow" aria-hidden="true">
          {sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
  const filters: Filter[] = ['all', ...ROW_ORDER.filter((state) => (counts.get(state) ?? 0) > 0)];
  const checked = rows.size;
  const below = shown.length - view.end;

  return (
    <section class="card results" aria-labelledby="batch-results-heading">
      <div class="results__head">
        <h2 id="batch-results-heading">{t(lang, 'batchResultsTitle')}</h2>
        <div class="results__exports">
          <button type="button" class="button" onClick={() => onExport('csv')} disabled={checked === 0} data-testid="export-csv">
            {t(lang, 'batchExportCsv')}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => onExport('json')}
            disabled={checked === 0}
            data-testid="export-json"
          >
            {t(lang, 'batchExportJson')}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => onExport('html')}
            disabled={checked === 0}
            data-testid="export-report"
          >
            {t(lang, 'batchExportReport')}
          </button>
        </div>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons, not a form fieldset */}
      <div class="filters" role="group" aria-label={t(lang, 'batchFilterLabel')}>
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            class={`chip chip--${f}`}
            aria-pressed={filter === f ? 'true' : 'false'}
            onClick={() => filterBy(f)}
            data-testid={`filter-${f}`}
          >
            {f === 'all' ? t(lang, 'batchFilterAll') : rowStateName(f, lang)}{' '}
            <span class="chip__count">{counts.get(f) ?? 0}</span>
          </button>
        ))}
      </div>
      <div class="table-wrap" ref={view.ref} onScroll={view.onScroll} data-testid="results-scroll">
        <table class="results__table" data-testid="results" aria-rowcount={shown.length + 1} data-rows={shown.length}>
          <thead>
            <tr aria-rowindex={1}>
              {header('index', 'batchColIndex', 'col-index')}
              {header('address', 'batchColAddress', 'col-address')}
              {header('state', 'batchColState', 'col-state')}
              {header('holder', 'batchColHolder', 'col-holder')}
              <th scope="col" class="col-finding">
                {t(lang, 'batchColFinding')}
              </th>
              {header('checkedAt', 'batchColCheckedAt', 'col-time')}
            </tr>
          </thead>
          <tbody>
            {view.start > 0 && <Spacer rows={view.start} />}
            {shown.slice(view.start, view.end).map((row, i) => (
              <ResultRow key={row.address} row={row} lang={lang} position={view.start + i} />
            ))}
            {below > 0 && <Spacer rows={below} />}
          </tbody>
        </table>
        {shown.length === 0 && <p class="results__empty muted">{t(lang, 'batchNoRows')}</p>}
      </div>
    </section>
  );
}

/** Stands in for the rows out of view, so the scrollbar is that of the whole list. */
function Spacer({ rows }: { rows: number }) {
  return (
    <tr class="spacer" style={{ height: `${rows * ROW_PX}px` }}>
      <td colSpan={6} />
    </tr>
  );
}

function ResultRow({ row, lang, position }: { row: Row; lang: Lang; position: number }) {
  const { summary } = row;
  const cert = summary?.cert;
  const reasons = summary?.reasons ?? [];
  const finding = summary?.error
    ? failureMessage(summary.error, lang)
    : reasons[0]
      ? reasonMessage(reasons[0], lang)
      : summary && row.state === 'none'
        ? t(lang, 'noMarkTitle')
        : '';
  const typeName = cert ? holderTypeName(cert, lang) : null;
  return (
    <tr
      class={`result result--${row.state}`}
      style={{ height: `${ROW_PX}px` }}
      aria-rowindex={position + 2}
      data-testid="result-row"
      data-address={row.address}
      data-state={row.state}
    >
      <td class="col-index muted">{row.index + 1}</td>
      <td class="col-address">
        <a class="mono" href={row.address} target="_blank" rel="noreferrer noopener" title={row.address}>
          {row.address}
        </a>
        {summary?.finalUrl && summary.finalUrl !== row.address && (
          <span class="redirected mono" data-testid="final-url" title={summary.finalUrl}>
            {t(lang, 'batchRedirectedTo')} {summary.finalUrl}
          </span>
        )}
      </td>
      <td class="col-state">
        <span class={`pill pill--${row.state}`}>
          <span aria-hidden="true">{STATE_SYMBOL[row.state]}</span> {rowStateName(row.state, lang)}
        </span>
      </td>
      <td class="col-holder">
        {cert?.holder && (
          <span class="holder" title={cert.holder}>
            {cert.holder}
          </span>
        )}
        {cert && (typeName || cert.domainsAsPrinted.length > 0) && (
          <span class="holder-line">
            {typeName && <span class={`holder-type holder-type--${cert.holderType ?? 'other'}`}>{typeName}</span>}
            {cert.domainsAsPrinted.length > 0 && <span class="domains mono">{cert.domainsAsPrinted.join(', ')}</span>}
          </span>
        )}
      </td>
      <td class="col-finding">
        {finding && (
          <span
            class={`finding finding--${summary?.error ? 'unknown' : (reasons[0]?.severity ?? 'info')}`}
            data-testid="finding"
            title={finding}
          >
            {finding}
          </span>
        )}
        {reasons.length > 1 && (
          <details class="all-reasons">
            <summary>{fill(t(lang, 'batchAllReasons'), { count: reasons.length })}</summary>
            <ul>
              {reasons.map((reason, i) => (
                <li key={`${reason.code}-${i}`} class={`reason-line reason-line--${reason.severity}`} data-code={reason.code}>
                  <span aria-hidden="true">{SEVERITY_SYMBOL[reason.severity]}</span> {reasonMessage(reason, lang)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td class="col-time muted">
        {summary ? <time dateTime={summary.checkedAt}>{formatTime(summary.checkedAt, lang)}</time> : ''}
      </td>
    </tr>
  );
}
