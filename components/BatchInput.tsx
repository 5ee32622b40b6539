/** The batch page's input: a pasted list or an imported file, what will be checked, and every line that will not, with why. */
import { useState } from 'preact/hooks';
import { type InputProblem, inputProblemMessage, type ParsedInput } from '../utils/batch/batch';
import type { Lang } from '../utils/engine/verdict';
import { t } from '../utils/i18n';
import { fill } from './text';

export interface BatchInputProps {
  lang: Lang;
  text: string;
  /** The imported file's name, if the text came from a file. */
  source: string | null;
  parsed: ParsedInput;
  maxUrls: number;
  concurrency: number;
  busy: boolean;
  onText(text: string, source: string | null): void;
  onConcurrency(value: number): void;
  readFile(file: File): Promise<string>;
  /** Called from the click itself (the permission request needs the user's gesture). */
  onStart(): void;
}

/** Problems listed in full; the rest are counted. */
const SHOWN_PROBLEMS = 100;

export function BatchInput(props: BatchInputProps) {
  const { lang, parsed } = props;
  const [importFailed, setImportFailed] = useState(false);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      props.onText(await props.readFile(file), file.name);
      setImportFailed(false);
    } catch {
      setImportFailed(true);
    }
  };

  const hasProblems = parsed.errors.length > 0;
  return (
    <section class="card" aria-labelledby="batch-input-heading">
      <h2 id="batch-input-heading">{t(lang, 'batchInputLabel')}</h2>
      <p class="hint">{t(lang, 'batchIntro')}</p>
      <label for="batch-list" class="sr-only">
        {t(lang, 'batchInputLabel')}
      </label>
      <textarea
        id="batch-list"
        rows={10}
        spellcheck={false}
        autocomplete="off"
        placeholder={'https://www.example.gov.cn/\nwww.example.cn'}
        aria-describedby={hasProblems ? 'batch-hint batch-problems' : 'batch-hint'}
        value={props.text}
        onInput={(e) => props.onText((e.currentTarget as HTMLTextAreaElement).value, null)}
        data-testid="batch-list"
      />
      <p class="hint" id="batch-hint">
        {fill(t(lang, 'batchInputHint'), { count: props.maxUrls })}
      </p>
      <div class="row">
        <label class="button file-button">
          {t(lang, 'batchImport')}
          <input
            type="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            class="sr-only"
            onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)}
            data-testid="batch-file"
          />
        </label>
        {props.source && (
          <span class="muted" data-testid="batch-source">
            {fill(t(lang, 'batchImported'), { name: props.source })}
          </span>
        )}
        {importFailed && (
          <span class="status status--failed" role="alert">
            {t(lang, 'batchImportFailed')}
          </span>
        )}
      </div>

      {hasProblems && (
        <div class="invalid" id="batch-problems" role="alert" data-testid="batch-problems">
          <p>{t(lang, 'batchProblemsTitle')}</p>
          <BatchProblemList lang={lang} problems={parsed.errors} />
        </div>
      )}

      <div class="row row--start">
        <button
          type="button"
          class="button button--primary"
          onClick={props.onStart}
          disabled={parsed.urls.length === 0 || props.busy}
          data-testid="start"
        >
          {t(lang, 'batchStart')}
        </button>
        <span class="summary" data-testid="batch-summary" data-count={parsed.urls.length}>
          {fill(t(lang, 'batchSummary'), { count: parsed.urls.length })}
        </span>
        <span class="row__spacer" />
        {/* biome-ignore lint/a11y/noLabelWithoutControl: the select is the ConcurrencySelect inside the label */}
        <label class="inline-field">
          {t(lang, 'batchConcurrency')}
          <ConcurrencySelect value={props.concurrency} onChange={props.onConcurrency} />
        </label>
      </div>
    </section>
  );
}

export function BatchProblemList({ lang, problems }: { lang: Lang; problems: InputProblem[] }) {
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <>
      <ul class="problems">
        {shown.map((problem) => (
          <li
            key={`${problem.line}-${problem.reason}`}
            data-testid="batch-problem"
            data-line={problem.line}
            data-reason={problem.reason}
          >
            <span class="problems__line">{fill(t(lang, 'batchProblemLine'), { line: problem.line })}</span>
            <span class="mono problems__text">{problem.text}</span>
            <span class="problems__reason">{inputProblemMessage(problem, lang)}</span>
          </li>
        ))}
      </ul>
      {problems.length > shown.length && <p>{fill(t(lang, 'batchMoreProblems'), { count: problems.length - shown.length })}</p>}
    </>
  );
}

export function ConcurrencySelect({ value, onChange }: { value: number; onChange(value: number): void }) {
  return (
    <select
      value={String(value)}
      onChange={(e) => onChange(Number((e.currentTarget as HTMLSelectElement).value))}
      data-testid="concurrency"
    >
      {[1, 2, 3, 4, 6, 8, 12, 16].map((n) => (
        <option key={n} value={String(n)}>
          {n}
        </option>
      ))}
    </select>
  );
}
