/**
 * The auditors' batch spot-check page: the list, the permission it needs, the run (saved as each
 * result arrives, resumable), the results and their export. Browser calls come in as props.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  batchFileName,
  type CheckAddress,
  clampConcurrency,
  csvCells,
  DEFAULT_CONCURRENCY,
  parseInput,
  remaining,
  runBatch,
  toBatchRecord,
} from '../utils/batch/batch';
import { type ExportKind, exportWriter } from '../utils/batch/export-stream';
import { type RowSummary, summarise } from '../utils/batch/row-summary';
import { runReport } from '../utils/batch/run-report';
import type { RunMeta, RunStore, SavedRun } from '../utils/batch/run-store';
import type { Lang } from '../utils/engine/verdict';
import { t } from '../utils/i18n';
import { BatchInput, BatchProblemList, ConcurrencySelect } from './BatchInput';
import { BatchProgress } from './BatchProgress';
import { BatchResults } from './BatchResults';
import { BatchHeader } from './BatchStoreProblem';
import type { SaveFile } from './download';
import { fill, htmlLang } from './text';

/**
 * Addresses per run. Results go to IndexedDB and the page keeps only a few hundred bytes per
 * address (row-summary.ts), so this bounds the page's memory (tens of MB at the limit), not storage.
 */
export const MAX_BATCH = 50_000;

export interface PermissionControl {
  /** Called first thing in a click handler: browsers grant a permission only during a user gesture. */
  request(): Promise<boolean>;
  contains(): Promise<boolean>;
  remove(): Promise<boolean>;
}

export interface BatchPageProps {
  lang: Lang;
  version: string;
  saved: SavedRun | null;
  store: RunStore;
  check: CheckAddress;
  permission: PermissionControl;
  saveFile: SaveFile;
  readFile(file: File): Promise<string>;
  now?: () => number;
}

type Phase = 'idle' | 'running' | 'pausing';
export type PermissionState = 'unknown' | 'granted' | 'missing' | 'denied';

/** How often the page redraws while results pour in. */
const REDRAW_MS = 150;

export function BatchPage(props: BatchPageProps) {
  const { lang, store } = props;
  const now = props.now ?? Date.now;
  const [meta, setMeta] = useState<RunMeta | null>(props.saved?.meta ?? null);
  const rows = useRef(new Map<string, RowSummary>(props.saved?.rows ?? []));
  const active = useRef(new Set<string>());
  const [revision, setRevision] = useState(0);
  const [phase, setPhase] = useState<Phase>('idle');
  const [permission, setPermission] = useState<PermissionState>('unknown');
  const [saveFailed, setSaveFailed] = useState(false);
  const [text, setText] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [concurrency, setConcurrency] = useState(props.saved?.meta.concurrency ?? DEFAULT_CONCURRENCY);
  const abort = useRef<AbortController | null>(null);
  const redraw = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    // A request answered meanwhile (a click right after the page opened) knows better.
    const known = (next: PermissionState) => setPermission((now) => (now === 'unknown' ? next : now));
    props.permission.contains().then(
      (granted) => known(granted ? 'granted' : 'missing'),
      () => known('missing'),
    );
    return () => {
      abort.current?.abort();
      clearTimeout(redraw.current);
    };
  }, []);

  const parsed = useMemo(() => parseInput(text, { maxUrls: MAX_BATCH }), [text]);

  const scheduleRedraw = () => {
    if (redraw.current !== undefined) return;
    redraw.current = setTimeout(() => {
      redraw.current = undefined;
      setRevision((n) => n + 1);
    }, REDRAW_MS);
  };

  const persist = async (write: () => Promise<void>) => {
    try {
      await write();
    } catch {
      setSaveFailed(true);
    }
  };

  async function execute(run: RunMeta) {
    const controller = new AbortController();
    abort.current = controller;
    setPhase('running');
    let current: RunMeta = { ...run, status: 'running', updatedAt: new Date(now()).toISOString() };
    setMeta(current);
    await persist(() => store.saveMeta(current));
    const indexOf = new Map(current.addresses.map((address, index) => [address, index]));
    // Not awaited by the check that produced it: the store writes results many at a time.
    const writes = new Set<Promise<void>>();
    await runBatch(remaining(current.addresses, new Set(rows.current.keys())), props.check, {
      concurrency: current.concurrency,
      signal: controller.signal,
      now,
      onStart(address) {
        active.current.add(address);
        scheduleRedraw();
      },
      async onResult(entry) {
        active.current.delete(entry.address);
        rows.current.set(entry.address, summarise(entry));
        scheduleRedraw();
        const write = persist(() => store.saveEntry(current.id, indexOf.get(entry.address)!, entry));
        writes.add(write);
        void write.then(() => writes.delete(write));
      },
    });
    await Promise.all(writes);
    const finished = current.addresses.every((address) => rows.current.has(address));
    current = { ...current, status: finished ? 'done' : 'paused', updatedAt: new Date(now()).toISOString() };
    await persist(() => store.saveMeta(current));
    if (abort.current === controller) abort.current = null;
    active.current.clear();
    setMeta(current);
    setPhase('idle');
    setRevision((n) => n + 1);
  }

  /** Asks for the permission (inside the click), then runs `then` if it was given. */
  const withPermission = (then: () => Promise<void>) => {
    const asked = props.permission.request();
    void (async () => {
      const granted = await asked.catch(() => false);
      setPermission(granted ? 'granted' : 'denied');
      if (granted) await then();
    })();
  };

  const start = () =>
    withPermission(async () => {
      if (parsed.urls.length === 0 || phase !== 'idle') return;
      await persist(() => store.clear());
      rows.current = new Map();
      const stamp = new Date(now()).toISOString();
      await execute({
        id: randomId(),
        createdAt: stamp,
        updatedAt: stamp,
        addresses: parsed.urls,
        problems: parsed.errors,
        status: 'running',
        concurrency: clampConcurrency(concurrency),
        source,
      });
    });

  const resume = () =>
    withPermission(async () => {
      if (!meta || phase !== 'idle') return;
      await execute({ ...meta, concurrency: clampConcurrency(concurrency) });
    });

  const pause = () => {
    abort.current?.abort();
    setPhase('pausing');
  };

  const newRun = async () => {
    if (!meta || phase !== 'idle') return;
    await persist(() => store.clear());
    setText(meta.addresses.join('\n'));
    setSource(null);
    rows.current = new Map();
    setMeta(null);
    setSaveFailed(false);
  };

  const revoke = async () => {
    const removed = await props.permission.remove().catch(() => false);
    if (removed) setPermission('missing');
  };

  /** Streamed from the store, one result at a time: into a Blob, or (the report) into its table's rows. */
  const exportAs = async (kind: ExportKind | 'html') => {
    if (!meta) return;
    if (kind === 'html') {
      const rows: ReturnType<typeof csvCells>[] = [];
      try {
        await store.eachEntry(meta.id, (entry) => rows.push(csvCells(toBatchRecord(entry, lang, props.version), lang)));
      } catch {
        return setSaveFailed(true);
      }
      const run = {
        list: meta.source ?? t(lang, 'batchTitle'),
        startedAt: meta.createdAt,
        finishedAt: meta.updatedAt,
        version: props.version,
      };
      return props.saveFile(batchFileName('html', new Date(now())), runReport(rows, run, lang), 'text/html;charset=utf-8');
    }
    const writer = exportWriter(kind, lang);
    try {
      await store.eachEntry(meta.id, (entry) => writer.add(toBatchRecord(entry, lang, props.version)));
    } catch {
      return setSaveFailed(true);
    }
    const blob = writer.finish();
    props.saveFile(batchFileName(kind, new Date(now())), blob, blob.type);
  };

  const done = meta ? meta.addresses.filter((address) => rows.current.has(address)).length : 0;
  const left = meta ? meta.addresses.length - done : 0;

  return (
    <main class="page batch" lang={htmlLang(lang)}>
      <BatchHeader lang={lang} />

      {saveFailed && (
        <p class="notice notice--danger" role="alert" data-testid="save-failed">
          {t(lang, 'batchSaveFailed')}
        </p>
      )}

      {meta === null ? (
        <BatchInput
          lang={lang}
          text={text}
          source={source}
          parsed={parsed}
          maxUrls={MAX_BATCH}
          concurrency={concurrency}
          onText={(value, from) => {
            setText(value);
            setSource(from);
          }}
          onConcurrency={setConcurrency}
          readFile={props.readFile}
          onStart={start}
          busy={phase !== 'idle'}
        />
      ) : (
        <section class="card" aria-labelledby="batch-progress-heading">
          <h2 id="batch-progress-heading">{t(lang, 'batchProgressTitle')}</h2>
          <BatchProgress
            lang={lang}
            total={meta.addresses.length}
            rows={rows.current}
            active={[...active.current]}
            running={phase !== 'idle'}
          />
          <RunStatusLine lang={lang} meta={meta} phase={phase} left={left} />
          {meta.problems.length > 0 && <ProblemSummary lang={lang} meta={meta} />}
          <div class="row">
            {phase === 'idle' && left > 0 && (
              <button type="button" class="button button--primary" onClick={resume} data-testid="resume">
                {t(lang, 'batchResume')}
              </button>
            )}
            {phase !== 'idle' && (
              <button type="button" class="button" onClick={pause} disabled={phase === 'pausing'} data-testid="pause">
                {t(lang, phase === 'pausing' ? 'batchPausing' : 'batchPause')}
              </button>
            )}
            {phase === 'idle' && left > 0 && (
              // biome-ignore lint/a11y/noLabelWithoutControl: the select is the ConcurrencySelect inside the label
              <label class="inline-field">
                {t(lang, 'batchConcurrency')}
                <ConcurrencySelect value={concurrency} onChange={setConcurrency} />
              </label>
            )}
            <span class="row__spacer" />
            <button
              type="button"
              class="button"
              onClick={() => void newRun()}
              disabled={phase !== 'idle'}
              data-testid="new-run"
              title={t(lang, 'batchNewRunHint')}
            >
              {t(lang, 'batchNewRun')}
            </button>
          </div>
        </section>
      )}

      {meta !== null && (
        <BatchResults
          lang={lang}
          addresses={meta.addresses}
          rows={rows.current}
          active={active.current}
          revision={revision}
          onExport={(kind) => void exportAs(kind)}
        />
      )}

      <PermissionCard
        lang={lang}
        state={permission}
        onRevoke={permission === 'granted' && phase === 'idle' ? () => void revoke() : undefined}
      />
    </main>
  );
}

function RunStatusLine({ lang, meta, phase, left }: { lang: Lang; meta: RunMeta; phase: Phase; left: number }) {
  if (phase !== 'idle') return null;
  if (left === 0)
    return (
      <p class="run-status run-status--done" role="status" data-testid="run-status">
        ✓ {t(lang, 'batchDone')}
      </p>
    );
  // Saved as running: the page was closed or the browser quit during the run.
  const key = meta.status === 'running' ? 'batchInterrupted' : 'batchPaused';
  return (
    <p class="run-status" role="status" data-testid="run-status" data-status={meta.status}>
      {fill(t(lang, key), { count: left })}
    </p>
  );
}

function ProblemSummary({ lang, meta }: { lang: Lang; meta: RunMeta }) {
  return (
    <details class="problems-summary">
      <summary>{fill(t(lang, 'batchProblemsCount'), { count: meta.problems.length })}</summary>
      <BatchProblemList lang={lang} problems={meta.problems} />
    </details>
  );
}

function PermissionCard({ lang, state, onRevoke }: { lang: Lang; state: PermissionState; onRevoke?: () => void }) {
  return (
    <section
      class={`card permission permission--${state}`}
      aria-labelledby="batch-permission-heading"
      data-testid="permission"
      data-state={state}
    >
      <h2 id="batch-permission-heading">{t(lang, 'batchPermTitle')}</h2>
      <p class="hint">{t(lang, 'batchPermWhy')}</p>
      {state === 'denied' ? (
        <p class="notice notice--danger" role="alert" data-testid="permission-denied">
          {t(lang, 'batchPermDenied')}
        </p>
      ) : (
        <p class={`permission__state${state === 'granted' ? ' permission__state--granted' : ''}`} role="status">
          {state === 'granted' ? `✓ ${t(lang, 'batchPermGranted')}` : state === 'missing' ? t(lang, 'batchPermNotGranted') : ''}
          {onRevoke && (
            <>
              {' '}
              <button type="button" class="link-button" onClick={onRevoke} data-testid="revoke">
                {t(lang, 'batchPermRevoke')}
              </button>
            </>
          )}
        </p>
      )}
    </section>
  );
}

function randomId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
