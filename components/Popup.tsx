/**
 * The popup's screens for one tab's state. Plain props and callbacks, no browser calls of its own
 * (the clipboard aside), so every screen renders in a test. Page and certificate text are text nodes only.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckResult } from '../utils/engine/check-page';
import { certificateUrl } from '../utils/engine/conac';
import { hostOf } from '../utils/engine/domain';
import { type Lang, reasonMessage } from '../utils/engine/verdict';
import { primaryCertificate } from '../utils/engine/verify';
import type { MarkTarget } from '../utils/extension/locate-mark';
import { indicatorFor, type TabState } from '../utils/extension/tab-state';
import { stateName, t } from '../utils/i18n';
import { HISTORY_PAGE } from '../utils/memory/memory';
import { renderText, toRecord } from '../utils/report';
import { CertificateCard } from './CertificateCard';
import { ChangeNotice } from './ChangeNotice';
import { saveFile as defaultSaveFile, exportFileName, type SaveFile } from './download';
import { MarkList } from './MarkList';
import { ReasonList } from './ReasonList';
import { formatTime, htmlLang } from './text';
import { type Tone, VerdictBand } from './VerdictBand';

export interface PopupProps {
  /** null while the background has not answered yet. */
  state: TabState | null;
  lang: Lang;
  /** A re-check is running. */
  rechecking?: boolean;
  /** The background could not be asked. */
  loadFailed?: boolean;
  onRecheck?: () => void;
  onOpenOptions?: () => void;
  /** "在页面上显示" for a mark; absent: the mark list offers no such button. */
  onShowMark?: (target: MarkTarget) => Promise<boolean>;
  /** Defaults to the clipboard API. */
  copyText?: (text: string) => Promise<void>;
  /** The extension's version, written into exported records. */
  version?: string;
  /** Defaults to a Blob URL and an <a download>. */
  saveFile?: SaveFile;
}

type ScreenState = 'verified' | 'warning' | 'danger' | 'unknown' | 'none' | 'internal' | 'disabled' | 'idle' | 'checking';

export function Popup(props: PopupProps) {
  const { state, lang } = props;
  const screen: ScreenState = state === null ? 'checking' : state.status === 'done' ? state.result.verdict.state : state.status;
  return (
    <main class={`popup popup--${screen}`} data-state={screen} lang={htmlLang(lang)}>
      <Screen {...props} />
      <footer class="footer">
        <span class="footer__brand">
          <img src="/icons/app.svg" alt="" width={16} height={16} />
          {t(lang, 'extName')}
        </span>
        <span class="footer__links">
          {/* Extension pages of their own, opened in a tab. */}
          <a class="link-button" href={HISTORY_PAGE} target="_blank" rel="noopener" data-testid="open-history">
            {t(lang, 'openHistory')}
          </a>
          <a class="link-button" href="/batch.html" target="_blank" rel="noopener" data-testid="open-batch">
            {t(lang, 'openBatch')}
          </a>
          {props.onOpenOptions && (
            <button type="button" class="link-button" onClick={props.onOpenOptions} data-testid="open-options">
              {t(lang, 'options')}
            </button>
          )}
        </span>
      </footer>
    </main>
  );
}

function Screen(props: PopupProps) {
  const { state, lang } = props;
  if (state === null || state.status === 'checking') {
    return (
      <VerdictBand tone="neutral" icon="neutral" title={t(lang, 'stateChecking')} host={hostOf(state?.url)} busy>
        <p class="band__text">{t(lang, 'checkingBody')}</p>
      </VerdictBand>
    );
  }
  switch (state.status) {
    case 'internal':
      return (
        <>
          <VerdictBand tone="neutral" icon="neutral" title={t(lang, 'stateInternal')} />
          <Body>{t(lang, 'internalBody')}</Body>
        </>
      );
    case 'disabled':
      return (
        <>
          <VerdictBand tone="neutral" icon="neutral" title={t(lang, 'stateDisabled')} host={hostOf(state.url)} />
          <Body>{t(lang, 'disabledBody')}</Body>
          {props.onOpenOptions && (
            <Actions>
              <button type="button" class="button button--primary" onClick={props.onOpenOptions}>
                {t(lang, 'options')}
              </button>
            </Actions>
          )}
        </>
      );
    case 'idle':
      return (
        <>
          <VerdictBand tone="neutral" icon="neutral" title={t(lang, 'stateIdle')} host={hostOf(state.url)} />
          <Body>{t(lang, props.loadFailed ? 'loadFailed' : 'idleBody')}</Body>
          <Actions>
            <RecheckButton {...props} primary />
          </Actions>
        </>
      );
    case 'done':
      return <Result {...props} result={state.result} />;
  }
}

function Result(props: PopupProps & { result: CheckResult }) {
  const { result, lang } = props;
  const { verdict, scan, lookups } = result;
  const cert = primaryCertificate(scan, lookups);
  const host = hostOf(scan.url);
  const icon = indicatorFor({ status: 'done', url: scan.url, result }, lang, true).icon;
  const tone: Tone = verdict.state === 'none' ? 'neutral' : verdict.state;
  const top = verdict.reasons[0];
  const change = verdict.reasons.find((r) => r.code === 'certificate-changed');
  const title =
    cert || verdict.state === 'warning' || verdict.state === 'danger'
      ? stateName(verdict.state, lang)
      : t(lang, verdict.state === 'none' ? 'noMarkTitle' : 'offlineTitle');

  const band = (
    <VerdictBand tone={tone} icon={icon} title={title} host={host}>
      {verdict.state === 'none' && <p class="band__text">{t(lang, 'noMarkBody')}</p>}
      {verdict.state === 'unknown' && !cert && <p class="band__text">{t(lang, 'unknownBody')}</p>}
      {/* With a certificate in between, the findings are far down: the worst one leads here. */}
      {/* A certificate change is spelled out right below instead. */}
      {verdict.state !== 'verified' && cert && top && top.severity !== 'ok' && top !== change && (
        <p class="band__headline" data-testid="headline">
          {reasonMessage(top, lang)}
        </p>
      )}
      {(verdict.state === 'danger' || verdict.state === 'warning') && (
        <p class="band__text">{t(lang, verdict.state === 'danger' ? 'dangerAdvice' : 'warningAdvice')}</p>
      )}
    </VerdictBand>
  );

  return (
    <>
      {band}
      {change && <ChangeNotice reason={change} lang={lang} />}
      {cert && <CertificateCard cert={cert} host={host} owner={scan.claims.owner} state={verdict.state} lang={lang} />}
      <ReasonList reasons={verdict.reasons} lang={lang} />
      {verdict.state !== 'none' && <MarkList marks={scan.marks} lang={lang} pageUrl={scan.url} onShowMark={props.onShowMark} />}
      <p class="checked-at">
        {t(lang, 'checkedAt')} <time dateTime={result.checkedAt}>{formatTime(result.checkedAt, lang)}</time>
      </p>
      <Actions sticky={cert !== undefined}>
        {cert && (
          <a
            class={`button ${verdict.state === 'verified' ? 'button--primary' : ''}`}
            href={certificateUrl(cert.id)}
            target="_blank"
            rel="noreferrer noopener"
            data-testid="open-certificate"
          >
            {t(lang, 'openCertificate')}
          </a>
        )}
        <RecheckButton {...props} primary={!cert && verdict.state === 'unknown'} />
        <CopyButton text={() => renderText(result, lang)} lang={lang} copyText={props.copyText} />
        <ExportButtons result={result} lang={lang} version={props.version} saveFile={props.saveFile} />
      </Actions>
    </>
  );
}

function Body({ children }: { children: ComponentChildren }) {
  return <p class="body-text">{children}</p>;
}

function Actions({ children, sticky }: { children: ComponentChildren; sticky?: boolean }) {
  return <div class={`actions${sticky ? ' actions--sticky' : ''}`}>{children}</div>;
}

function RecheckButton({ lang, rechecking, onRecheck, primary }: PopupProps & { primary?: boolean }) {
  if (!onRecheck) return null;
  return (
    <button
      type="button"
      class={`button${primary ? ' button--primary' : ''}`}
      onClick={onRecheck}
      disabled={rechecking}
      data-testid="recheck"
    >
      {t(lang, rechecking ? 'stateChecking' : 'recheck')}
    </button>
  );
}

/**
 * The evidence record as JSON and as a readable report, both from the one record (toRecord). The
 * extension cannot see the address as typed (that needs the "tabs" or "webNavigation" permission),
 * so requestedUrl is null here; finalUrl is the address the browser reports for the page.
 */
function ExportButtons({
  result,
  lang,
  version = '',
  saveFile = defaultSaveFile,
}: {
  result: CheckResult;
  lang: Lang;
  version?: string;
  saveFile?: SaveFile;
}) {
  const [failed, setFailed] = useState(false);
  const context = { version, requestedUrl: null };
  const save = (ext: 'json' | 'txt') => {
    try {
      const text =
        ext === 'json'
          ? `${JSON.stringify(toRecord(result, lang, context), null, 2)}\n`
          : `${renderText(result, lang, { ...context, full: true })}\n`;
      saveFile(
        exportFileName(result.scan.url, result.checkedAt, ext),
        text,
        ext === 'json' ? 'application/json' : 'text/plain;charset=utf-8',
      );
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <button type="button" class="button" onClick={() => save('json')} data-testid="export-json">
        {t(lang, 'exportJson')}
      </button>
      <button type="button" class="button" onClick={() => save('txt')} data-testid="export-report">
        {t(lang, 'exportReport')}
      </button>
      {failed && (
        <span class="export-failed" role="alert">
          {t(lang, 'exportFailed')}
        </span>
      )}
    </>
  );
}

const defaultCopy = (text: string) => navigator.clipboard.writeText(text);

function CopyButton({
  text,
  lang,
  copyText = defaultCopy,
}: {
  text: () => string;
  lang: Lang;
  copyText?: (text: string) => Promise<void>;
}) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await copyText(text());
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    timer.current = setTimeout(() => setStatus('idle'), 2500);
  };
  return (
    <>
      <button type="button" class={`button button--${status}`} onClick={copy} data-testid="copy-summary">
        {status === 'copied' ? `✓ ${t(lang, 'copied')}` : status === 'failed' ? t(lang, 'copyFailed') : t(lang, 'copySummary')}
      </button>
      <span class="sr-only" aria-live="polite">
        {status === 'copied' ? t(lang, 'copied') : status === 'failed' ? t(lang, 'copyFailed') : ''}
      </span>
    </>
  );
}
