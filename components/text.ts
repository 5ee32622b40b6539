/** Small helpers shared by the popup's and the options page's components. */

import type { MarkKind } from '../utils/engine/scan';
import type { Lang, Severity } from '../utils/engine/verdict';
import type { MessageKey } from '../utils/i18n';

export { fill } from '../utils/i18n';

export const SEVERITY_KEY: Record<Severity, MessageKey> = {
  ok: 'sevOk',
  info: 'sevInfo',
  warning: 'sevWarning',
  danger: 'sevDanger',
  unknown: 'sevUnknown',
};

export const MARK_KIND_KEY: Record<MarkKind, MessageKey> = {
  'live-script': 'markKindLiveScript',
  'static-link': 'markKindStaticLink',
  'text-link': 'markKindTextLink',
  'image-only': 'markKindImageOnly',
  'js-generated': 'markKindJsGenerated',
  'commented-out': 'markKindCommentedOut',
};

/** Full-width colon in Chinese, ": " in English. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(htmlLang(lang), { dateStyle: 'medium', timeStyle: 'short' });
}
