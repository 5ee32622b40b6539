/**
 * The alert on a dangerous page itself (issue 9): whether a tab gets one, and its words. Pure.
 * The background decides and writes the words; the content script only draws what it is sent.
 */
import type { CheckResult } from '../engine/check-page';
import type { Lang, Reason } from '../engine/verdict';
import { primaryCertificate } from '../engine/verify';
import { fill, type MessageKey, t } from '../i18n';
import { ALERT_CSS } from './overlay-styles';
import type { Settings } from './settings';
import type { TabState } from './tab-state';

/** What the content script draws: text only, never markup. */
export interface PageAlert {
  /** For the alert's `lang` attribute. */
  lang: 'zh-CN' | 'en';
  label: string;
  title: string;
  /** What is wrong, one sentence. */
  message: string;
  /** Whom the mark (or the page) claims as the holder; empty when nothing names one. */
  holder: string;
  /** What to do. */
  advice: string;
  details: string;
  dismiss: string;
  dismissHint: string;
  turnOff: string;
  /** The stylesheet (./overlay-styles.ts), sent along so the content script carries none. */
  css: string;
}

/**
 * Only a finished check whose verdict is danger, with alerts switched on and no dismissal still
 * running for the site. Warning, unknown and none never alert; neither does a check under way.
 */
export function shouldAlert(state: TabState, settings: Settings, dismissedUntil: number | undefined, now: number): boolean {
  if (!settings.pageAlerts || state.status !== 'done' || state.result.verdict.state !== 'danger') return false;
  return dismissedUntil === undefined || dismissedUntil <= now;
}

/**
 * The sentence per danger reason, most telling first (an error icon is danger only beside a
 * domain mismatch, which says more). Any other danger code gets the generic sentence.
 */
const SENTENCES: { code: string; key: MessageKey; values?: (r: Reason) => Record<string, string> }[] = [
  // copycat.html: a mirror with the genuine mark; the certificate names www.beijing.gov.cn
  { code: 'domain-mismatch', key: 'alertDomainMismatch', values: (r) => ({ domain: r.evidence.expected ?? '' }) },
  // spoof.html: the link goes to bszs.conac.cn.verify-cert.com
  { code: 'link-not-conac', key: 'alertLinkNotConac', values: (r) => ({ host: r.evidence.found ?? '' }) },
  // the registry answers that the id does not exist
  { code: 'certificate-not-found', key: 'alertCertificateNotFound' },
  // issue 13: the registry lists the certificate as revoked
  { code: 'certificate-revoked', key: 'alertCertificateRevoked' },
  // red_error.png on a host the certificate does not list
  { code: 'error-icon', key: 'alertErrorIcon' },
];

export function alertMessage(reasons: Reason[], lang: Lang): string {
  const danger = reasons.filter((r) => r.severity === 'danger');
  for (const sentence of SENTENCES) {
    const reason = danger.find((r) => r.code === sentence.code);
    if (reason) return fill(t(lang, sentence.key), sentence.values?.(reason) ?? {});
  }
  return t(lang, 'alertGeneric');
}

export function pageAlertFor(result: CheckResult, lang: Lang): PageAlert {
  const cert = primaryCertificate(result.scan, result.lookups);
  const owner = result.scan.claims.owner;
  const holder = cert?.holder
    ? fill(t(lang, 'alertHolder'), { holder: cert.holder })
    : owner
      ? fill(t(lang, 'alertOwner'), { owner })
      : '';
  return {
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    label: t(lang, 'alertLabel'),
    title: t(lang, 'alertTitle'),
    message: alertMessage(result.verdict.reasons, lang),
    holder,
    advice: t(lang, 'alertAdvice'),
    details: t(lang, 'alertDetails'),
    dismiss: t(lang, 'alertDismiss'),
    dismissHint: t(lang, 'alertDismissHint'),
    turnOff: t(lang, 'alertTurnOff'),
    css: ALERT_CSS,
  };
}

/** What the background sends the tab's content script for this state: an alert, or null to remove any. */
export function alertForState(state: TabState, settings: Settings, until: number | undefined, now: number, lang: Lang) {
  return state.status === 'done' && shouldAlert(state, settings, until, now) ? pageAlertFor(state.result, lang) : null;
}

/**
 * Sends each tab's alert decisions to its page, sparing pages without a danger verdict the
 * messages: a check under way changes nothing on the page (the alert stays until a verdict
 * replaces it), and "no alert" goes only to a tab that may be showing one. After the background
 * restarts nothing is known, so "no alert" is sent once more to be safe.
 */
export function createAlertCourier(send: (tabId: number, alert: PageAlert | null) => Promise<void>) {
  const showing = new Map<number, boolean>();
  return {
    async tell(tabId: number, state: TabState, alert: PageAlert | null): Promise<void> {
      if (state.status === 'checking' || state.status === 'idle') return;
      if (alert === null && showing.get(tabId) === false) return;
      showing.set(tabId, alert !== null);
      await send(tabId, alert);
    },
    closed(tabId: number): void {
      showing.delete(tabId);
    },
  };
}
