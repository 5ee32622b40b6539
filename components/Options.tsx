/** The options page: the badge and page alerts, the sites not to check, the certificate cache, the privacy statement. Plain props. */
import { useState } from 'preact/hooks';
import type { Lang } from '../utils/engine/verdict';
import { parseSiteList, type Settings } from '../utils/extension/settings';
import { type MessageKey, t } from '../utils/i18n';
import { HISTORY_PAGE } from '../utils/memory/memory';
import { fill, htmlLang } from './text';

export interface OptionsProps {
  lang: Lang;
  /** The settings as stored when the page opened. */
  initial: Settings;
  save(settings: Settings): Promise<void>;
  /** Resolves to the number of entries removed. */
  clearCache(): Promise<number>;
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed' };

type SwitchKey = 'showBadge' | 'pageAlerts';
/** The on/off settings, saved as soon as they are switched. */
const SWITCHES: { key: SwitchKey; label: MessageKey; testId: string }[] = [
  { key: 'showBadge', label: 'optBadge', testId: 'show-badge' },
  { key: 'pageAlerts', label: 'optPageAlerts', testId: 'page-alerts' },
];

export function Options({ lang, initial, save, clearCache }: OptionsProps) {
  const [saved, setSaved] = useState<Settings>(initial);
  const [text, setText] = useState(initial.disabledSites.join('\n'));
  const [invalid, setInvalid] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [cleared, setCleared] = useState<number | null>(null);
  const [clearing, setClearing] = useState(false);

  const [toggleFailed, setToggleFailed] = useState(false);

  const store = async (next: Settings): Promise<boolean> => {
    try {
      await save(next);
      setSaved(next);
      return true;
    } catch {
      return false;
    }
  };

  const toggle = async (key: SwitchKey, on: boolean) => setToggleFailed(!(await store({ ...saved, [key]: on })));

  const saveSites = async (event: Event) => {
    event.preventDefault();
    const { sites, invalid } = parseSiteList(text);
    setInvalid(invalid);
    setStatus({ kind: (await store({ ...saved, disabledSites: sites })) ? 'saved' : 'failed' });
  };

  const clear = async () => {
    setClearing(true);
    try {
      setCleared(await clearCache());
    } finally {
      setClearing(false);
    }
  };

  return (
    <main class="page options" lang={htmlLang(lang)}>
      <header class="page__header">
        <img src="/icons/app.svg" alt="" width={32} height={32} />
        <h1>
          {t(lang, 'extName')} · {t(lang, 'optTitle')}
        </h1>
      </header>

      <section class="card" aria-labelledby="opt-display">
        <h2 id="opt-display">{t(lang, 'optHeadingDisplay')}</h2>
        {SWITCHES.map(({ key, label, testId }) => (
          <label class="check" key={key}>
            <input
              type="checkbox"
              checked={saved[key]}
              onChange={(e) => void toggle(key, (e.currentTarget as HTMLInputElement).checked)}
              data-testid={testId}
            />
            <span>{t(lang, label)}</span>
          </label>
        ))}
        {toggleFailed && (
          <p class="status status--failed" role="alert">
            {t(lang, 'optSaveFailed')}
          </p>
        )}
      </section>

      <section class="card" aria-labelledby="opt-sites">
        <h2 id="opt-sites">{t(lang, 'optHeadingSites')}</h2>
        <form onSubmit={(e) => void saveSites(e)}>
          <label for="sites" class="field-label">
            {t(lang, 'optDisabledSites')}
          </label>
          <p class="hint" id="sites-hint">
            {t(lang, 'optSitesHint')}
          </p>
          <textarea
            id="sites"
            rows={6}
            spellcheck={false}
            autocomplete="off"
            aria-describedby={invalid.length ? 'sites-hint sites-invalid' : 'sites-hint'}
            aria-invalid={invalid.length ? 'true' : undefined}
            value={text}
            onInput={(e) => {
              setText((e.currentTarget as HTMLTextAreaElement).value);
              setStatus({ kind: 'idle' });
            }}
            data-testid="sites"
          />
          {invalid.length > 0 && (
            <div class="invalid" id="sites-invalid" role="alert" data-testid="invalid-lines">
              <p>{t(lang, 'optInvalidLines')}</p>
              <ul>
                {invalid.map((line, i) => (
                  <li key={i} class="mono" data-testid="invalid-line">
                    {line}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div class="row">
            <button type="submit" class="button button--primary" data-testid="save">
              {t(lang, 'optSave')}
            </button>
            <span class="status" role="status" data-testid="save-status">
              {status.kind === 'saved' ? `✓ ${t(lang, 'optSaved')}` : status.kind === 'failed' ? t(lang, 'optSaveFailed') : ''}
            </span>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="opt-cache">
        <h2 id="opt-cache">{t(lang, 'optHeadingCache')}</h2>
        <p class="hint">{t(lang, 'optCacheHint')}</p>
        <div class="row">
          <button type="button" class="button" onClick={clear} disabled={clearing} data-testid="clear-cache">
            {t(lang, 'optClearCache')}
          </button>
          <span class="status" role="status" data-testid="cache-status">
            {cleared === null ? '' : `✓ ${fill(t(lang, 'optCacheClearedCount'), { count: cleared })}`}
          </span>
        </div>
      </section>

      <section class="card" aria-labelledby="opt-tools">
        <h2 id="opt-tools">{t(lang, 'optHeadingTools')}</h2>
        <ul class="tools">
          <li>
            <a href="/batch.html" target="_blank" rel="noopener" data-testid="open-batch">
              {t(lang, 'batchTitle')}
            </a>
            <p class="hint">{t(lang, 'optBatchHint')}</p>
          </li>
          <li>
            <a href={HISTORY_PAGE} target="_blank" rel="noopener" data-testid="open-history">
              {t(lang, 'historyTitle')}
            </a>
            <p class="hint">{t(lang, 'optHistoryHint')}</p>
          </li>
        </ul>
      </section>

      <section class="card" aria-labelledby="opt-privacy">
        <h2 id="opt-privacy">{t(lang, 'optHeadingPrivacy')}</h2>
        <p data-testid="privacy">{t(lang, 'optPrivacy')}</p>
      </section>
    </main>
  );
}
