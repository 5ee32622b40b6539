/** The batch run's results: a table that sorts by column and filters by state, and the exports. Page and certificate text are text nodes only. */
import { useState } from 'preact/hooks';
import { type BatchEntry, failureMessage } from '../utils/batch/batch';
import { holderTypeName, type Lang, reasonMessage, type VerdictState } from '../utils/engine/verdict';
import { primaryCertificate } from '../utils/engine/verify';
import { type MessageKey, stateName, t } from '../utils/i18n';
import { SEVERITY_SYMBOL } from '../utils/report';
import { STATE_ORDER } from './BatchProgress';
import { fill, formatTime } from './text';

export type RowState = VerdictState | 'checking' | 'pending';
type Filter = 'all' | RowState;
type SortKey = 'index' | 'address' | 'state' | 'holder' | 'checkedAt';

interface Row {
  index: number;
  address: string;
  entry: BatchEntry | undefined;
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

export function rowStateName(state: RowState, lang: Lang): string {
  if (state === 'checking') return t(lang, 'batchChecking');
  if (state === 'pending') return t(lang, 'batchPending');
  return stateName(state, lang);
}

export interface BatchResultsProps {
  lang: Lang;
  addresses: string[];
  entries: Map<string, BatchEntry>;
  active: Set<string>;
  /** html: the report to hand up (utils/batch/run-report.ts). */
  onExport(kind: 'csv' | 'json' | 'html'): void;
}

export function BatchResults({ lang, addresses, entries, active, onExport }: BatchResultsProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'index', dir: 1 });

  const rows: Row[] = addresses.map((address, index) => {
    const entry = entries.get(address);
    const state: RowState = entry ? (entry.result?.verdict.state ?? 'unknown') : active.has(address) ? 'checking' : 'pending';
    const cert = entry?.result ? primaryCertificate(entry.result.scan, entry.result.lookups) : undefined;
    return { index, address, entry, state, holder: cert?.holder ?? '' };
  });
  const counts = new Map<Filter, number>([['all', rows.length]]);
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);

  const compare = (a: Row, b: Row): number => {
    switch (sort.key) {
      case 'index':
        return 0;
      case 'address':
        return a.address.localeCompare(b.address);
      case 'state':
        return ROW_ORDER.indexOf(a.state) - ROW_ORDER.indexOf(b.state);
      case 'holder':
        // Rows without a holder go last whichever way.
        if (!a.holder || !b.holder) return (a.holder ? 0 : 1) - (b.holder ? 0 : 1);
        return a.holder.localeCompare(b.holder, 'zh-CN');
      case 'checkedAt':
        return (a.entry?.checkedAt ?? '\uffff').localeCompare(b.entry?.checkedAt ?? '\uffff');
    }
  };
  const shown = rows
    .filter((row) => filter === 'all' || row.state === filter)
    .sort((a, b) => {
      const primary = compare(a, b);
      const keep = sort.key === 'holder' && (!a.holder || !b.holder) ? 1 : sort.dir;
      return primary * keep || a.index - b.index;
    });

  const sortBy = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }));
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
  const checked = entries.size;

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
            onClick={() => setFilter(f)}
            data-testid={`filter-${f}`}
          >
            {f === 'all' ? t(lang, 'batchFilterAll') : rowStateName(f, lang)}{' '}
            <span class="chip__count">{counts.get(f) ?? 0}</span>
          </button>
        ))}
      </div>
      <div class="table-wrap">
        <table class="results__table" data-testid="results">
          <thead>
            <tr>
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
            {shown.map((row) => (
              <ResultRow key={row.address} row={row} lang={lang} />
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p class="results__empty muted">{t(lang, 'batchNoRows')}</p>}
      </div>
    </section>
  );
}

function ResultRow({ row, lang }: { row: Row; lang: Lang }) {
  const { entry } = row;
  const result = entry?.result;
  const cert = result ? primaryCertificate(result.scan, result.lookups) : undefined;
  const finalUrl = result?.scan.url;
  const reasons = result?.verdict.reasons ?? [];
  const finding = entry?.error
    ? failureMessage(entry.error, lang)
    : reasons[0]
      ? reasonMessage(reasons[0], lang)
      : result && row.state === 'none'
        ? t(lang, 'noMarkTitle')
        : '';
  return (
    <tr class={`result result--${row.state}`} data-testid="result-row" data-address={row.address} data-state={row.state}>
      <td class="col-index muted">{row.index + 1}</td>
      <td class="col-address">
        <a class="mono" href={row.address} target="_blank" rel="noreferrer noopener">
          {row.address}
        </a>
        {finalUrl && finalUrl !== row.address && (
          <span class="redirected mono" data-testid="final-url">
            {t(lang, 'batchRedirectedTo')} {finalUrl}
          </span>
        )}
      </td>
      <td class="col-state">
        <span class={`pill pill--${row.state}`}>
          <span aria-hidden="true">{STATE_SYMBOL[row.state]}</span> {rowStateName(row.state, lang)}
        </span>
      </td>
      <td class="col-holder">
        {cert?.holder && <span class="holder">{cert.holder}</span>}
        {cert && holderTypeName(cert, lang) && (
          <span class={`holder-type holder-type--${cert.holderType ?? 'other'}`}>{holderTypeName(cert, lang)}</span>
        )}
        {cert && cert.domainsAsPrinted.length > 0 && <span class="domains mono">{cert.domainsAsPrinted.join(', ')}</span>}
      </td>
      <td class="col-finding">
        {finding && (
          <span class={`finding finding--${entry?.error ? 'unknown' : (reasons[0]?.severity ?? 'info')}`} data-testid="finding">
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
      <td class="col-time muted">{entry ? <time dateTime={entry.checkedAt}>{formatTime(entry.checkedAt, lang)}</time> : ''}</td>
    </tr>
  );
}
