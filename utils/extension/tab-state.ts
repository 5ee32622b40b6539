/** What the extension knows about one tab, and how the toolbar shows it. Pure. */
import type { CheckResult } from '../engine/check-page';
import type { Lang } from '../engine/verdict';
import { primaryCertificate } from '../engine/verify';
import { stateName, t } from '../i18n';

export type TabState =
  /** Nothing scanned yet: loading, or a page the content script cannot run on. */
  | { status: 'idle'; url?: string }
  | { status: 'internal'; url: string }
  | { status: 'disabled'; url: string }
  | { status: 'checking'; url: string }
  | { status: 'done'; url: string; result: CheckResult };

/** Where the background keeps each tab's state and indicator (session storage: gone with the browser session). */
export const tabStateKey = (tabId: number) => `session:tab:${tabId}` as const;
export const indicatorKey = (tabId: number) => `session:indicator:${tabId}` as const;

export type IconName = 'verified-red' | 'verified-blue' | 'verified' | 'warning' | 'danger' | 'unknown' | 'neutral';

export interface Indicator {
  icon: IconName;
  /** Empty unless something needs attention. */
  badgeText: string;
  badgeColor: string;
  title: string;
}

const BADGE = {
  warning: { text: '!', color: '#b45309' },
  danger: { text: '×', color: '#b91c1c' },
};

/** Pages no content script runs on: nothing there can carry a mark. */
export function isInternalPage(url: string | undefined): boolean {
  return !url || !/^https?:\/\//i.test(url);
}

export function indicatorFor(state: TabState, lang: Lang, showBadge: boolean): Indicator {
  const name = t(lang, 'extName');
  const neutral = (key: Parameters<typeof t>[1]): Indicator => ({
    icon: 'neutral',
    badgeText: '',
    badgeColor: '',
    title: `${name}: ${t(lang, key)}`,
  });
  switch (state.status) {
    case 'idle':
      return neutral('stateIdle');
    case 'internal':
      return neutral('stateInternal');
    case 'disabled':
      return neutral('stateDisabled');
    case 'checking':
      return neutral('stateChecking');
    case 'done': {
      const { verdict, scan, lookups } = state.result;
      const cert = primaryCertificate(scan, lookups);
      const icon: IconName =
        verdict.state === 'verified'
          ? cert?.holderType === 'organ'
            ? 'verified-red'
            : cert?.holderType === 'institution'
              ? 'verified-blue'
              : 'verified'
          : verdict.state === 'none'
            ? 'neutral'
            : verdict.state;
      const badge = showBadge && (verdict.state === 'warning' || verdict.state === 'danger') ? BADGE[verdict.state] : null;
      const holder = cert?.holder ? ` — ${cert.holder}` : '';
      return {
        icon,
        badgeText: badge?.text ?? '',
        badgeColor: badge?.color ?? '',
        title: `${name}: ${stateName(verdict.state, lang)}${holder}`,
      };
    }
  }
}
