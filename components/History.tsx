/**
 * The history page: every site the certificate memory knows, with its changes, newest first; and
 * a way to forget it all. Plain props (load, clear), so it renders in a test. Text nodes only.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../utils/engine/verdict';
import { type MessageKey, t } from '../utils/i18n';
import type { Change, ChangedField, SiteMemory, Snapshot } from '../utils/memory/memory';
import { fill, formatTime, htmlLang } from './text';

export interface HistoryProps {
  lang: Lang;
  /** Every remembered site. */
  load(): Promise<SiteMemory[]>;
  /** Forgets every site; resolves to how many were forgotten. */
  clear(): Promise<number>;
}

type Loaded = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; sites: SiteMemory[] };

const FIELD_KEY: Record<ChangedField, MessageKey> = { certId: 'reportCertId', holder: 'holder', domains: 'domains' };

export function History({ lang, load, clear }: HistoryProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    load().then(
      (sites) => setLoaded({ kind: 'ready', sites: sortSites(sites) }),
      () => setLoaded({ kind: 'failed' }),
    );
  useEffect(() => void refresh(), []);

  const forget = async () => {
    setBusy(true);
    try {
      setCleared(await clear());
      setConfirming(false);
      await refresh();
    } catch {
      setLoaded({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  };

  const sites = loaded.kind === 'ready' ? loaded.sites : [];
  return (
    <main class="page history" lang={htmlLang(lang)} data-testid="history" data-loaded={loaded.kind}>
      <header class="page__header">
        <img src="/icons/app.svg" alt="" width={32} height={32} />
        <h1>
          {t(lang, 'extName')} · {t(lang, 'historyTitle')}
        </h1>
      </header>
      <p class="history__intro">{t(lang, 'historyIntro')}</p>

      <div class="row">
        {!confirming ? (
          <button
            type="button"
            class="button"
            onClick={() => setConfirming(true)}
            disabled={busy || sites.length === 0}
            data-testid="clear-history"
          >
            {t(lang, 'historyClear')}
          </button>
        ) : (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm-clear">
            <p id="confirm-text">{fill(t(lang, 'historyClearConfirm'), { count: sites.length })}</p>
            <div class="row">
              <button
                type="button"
                class="button button--danger"
                onClick={() => void forget()}
                disabled={busy}
                data-testid="confirm-clear-yes"
              >
                {t(lang, 'historyConfirm')}
              </button>
              <button
                type="button"
                class="button"
                onClick={() => setConfirming(false)}
                disabled={busy}
                data-testid="confirm-clear-no"
              >
                {t(lang, 'historyCancel')}
              </button>
            </div>
          </div>
        )}
        <span class="status" role="status" data-testid="clear-status">
          {cleared === null ? '' : `✓ ${fill(t(lang, 'historyCleared'), { count: cleared })}`}
        </span>
      </div>

      {loaded.kind === 'failed' && (
        <p class="status status--failed" role="alert">
          {t(lang, 'historyFailed')}
        </p>
      )}
      {loaded.kind === 'ready' && sites.length === 0 && (
        <p class="history__empty" data-testid="history-empty">
          {t(lang, 'historyEmpty')}
        </p>
      )}
      {sites.length > 0 && (
        <section aria-labelledby="sites-heading">
          <h2 class="history__count" id="sites-heading">
            {fill(t(lang, 'historySites'), { count: sites.length })}
          </h2>
          <ul class="sites">
            {sites.map((memory) => (
              <SiteEntry key={memory.site} memory={memory} lang={lang} />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

/** Sites with a change first (newest change first), then the others, most recently verified first. */
function sortSites(sites: SiteMemory[]): SiteMemory[] {
  const latest = (m: SiteMemory) => m.changes[0]?.at ?? '';
  return [...sites].sort((a, b) => latest(b).localeCompare(latest(a)) || b.lastVerified.localeCompare(a.lastVerified));
}

function SiteEntry({ memory, lang }: { memory: SiteMemory; lang: Lang }) {
  return (
    <li class={`site card${memory.changes.length ? ' site--changed' : ''}`} data-testid="history-site" data-site={memory.site}>
      <h3 class="site__name mono">{memory.site}</h3>
      <dl class="site__fields">
        <Row label={t(lang, 'holder')} testid="history-holder">
          {memory.holder ?? '—'}
        </Row>
        <Row label={t(lang, 'reportCertId')} mono testid="history-cert">
          {memory.certId}
        </Row>
        <Row label={t(lang, 'domains')} mono>
          {memory.domains.join(', ') || '—'}
        </Row>
        <Row label={t(lang, 'historyFirstSeen')}>
          <Time iso={memory.firstSeen} lang={lang} />
        </Row>
        <Row label={t(lang, 'historyLastVerified')}>
          <Time iso={memory.lastVerified} lang={lang} />
        </Row>
      </dl>
      {memory.changes.length > 0 && (
        <section class="changes">
          <h4 class="changes__title">{t(lang, 'historyChanges')}</h4>
          <ol class="changes__list">
            {memory.changes.map((change, i) => (
              <ChangeEntry key={`${change.at}-${i}`} change={change} lang={lang} />
            ))}
          </ol>
        </section>
      )}
    </li>
  );
}

function ChangeEntry({ change, lang }: { change: Change; lang: Lang }) {
  const fields = change.fields.map((f) => t(lang, FIELD_KEY[f])).join(lang === 'zh' ? '、' : ', ');
  return (
    <li class="change-entry" data-testid="history-change" data-fields={change.fields.join(' ')}>
      <p class="change-entry__head">
        <strong>
          {t(lang, 'historyChanged')}
          {fields}
        </strong>{' '}
        <span class="muted">
          {lang === 'zh' ? '（' : '('}
          {fill(t(lang, 'historyBetween'), { from: formatTime(change.previousVerified, lang), to: formatTime(change.at, lang) })}
          {lang === 'zh' ? '）' : ')'}
        </span>
      </p>
      <dl class="site__fields">
        <Row label={t(lang, 'changeWas')} testid="history-change-was">
          <SnapshotText snapshot={change.from} />
        </Row>
        <Row label={t(lang, 'changeNow')} testid="history-change-now">
          <SnapshotText snapshot={change.to} />
        </Row>
      </dl>
    </li>
  );
}

function SnapshotText({ snapshot }: { snapshot: Snapshot }) {
  return (
    <>
      {snapshot.holder ?? '—'} <span class="mono muted">({snapshot.certId})</span>
      {snapshot.domains.length > 0 && <span class="mono muted"> · {snapshot.domains.join(', ')}</span>}
    </>
  );
}

function Row({ label, children, mono, testid }: { label: string; children: ComponentChildren; mono?: boolean; testid?: string }) {
  return (
    <div class="site__row">
      <dt>{label}</dt>
      <dd class={mono ? 'mono' : undefined} data-testid={testid}>
        {children}
      </dd>
    </div>
  );
}

function Time({ iso, lang }: { iso: string; lang: Lang }) {
  return <time dateTime={iso}>{formatTime(iso, lang)}</time>;
}
