/** The batch run's progress: a bar, counts by state and the address being checked. */
import { countRowStates, type RowSummary } from '../utils/batch/row-summary';
import type { Lang, VerdictState } from '../utils/engine/verdict';
import { stateName, t } from '../utils/i18n';
import { fill } from './text';

/** Most serious first, as everywhere. */
export const STATE_ORDER: VerdictState[] = ['danger', 'warning', 'unknown', 'none', 'verified'];

export interface BatchProgressProps {
  lang: Lang;
  total: number;
  rows: Map<string, RowSummary>;
  /** Addresses being checked now, oldest first. */
  active: string[];
  running: boolean;
}

export function BatchProgress({ lang, total, rows, active, running }: BatchProgressProps) {
  const done = rows.size;
  const counts = countRowStates(rows.values());
  const current = active[active.length - 1];
  return (
    <div class="progress" data-testid="progress" data-done={done} data-total={total} data-running={running ? 'true' : 'false'}>
      <div class="progress__head">
        <span class="progress__count" data-testid="progress-count">
          {fill(t(lang, 'batchProgressCount'), { done, total })}
        </span>
        <ul class="progress__states">
          {STATE_ORDER.map((state) => (
            <li key={state} class={`state-count state-count--${state}`} data-state={state} data-count={counts[state]}>
              {stateName(state, lang)} <strong>{counts[state]}</strong>
            </li>
          ))}
        </ul>
      </div>
      <progress max={Math.max(total, 1)} value={done} aria-label={t(lang, 'batchProgressTitle')} />
      <p class="progress__current" aria-live="off" data-testid="progress-current">
        {running && current ? (
          <>
            <span class="muted">
              {t(lang, 'batchCurrent')}
              {active.length > 1 ? ` (${active.length})` : ''}
              {lang === 'zh' ? '：' : ': '}
            </span>
            <span class="mono">{current}</span>
          </>
        ) : (
          ' '
        )}
      </p>
    </div>
  );
}
