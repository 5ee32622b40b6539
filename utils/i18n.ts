/** UI words in zh-CN and English: one table (the extension's _locales) for the popup, the options page and the command line. */
import en from '../public/_locales/en/messages.json';
import zh from '../public/_locales/zh_CN/messages.json';
import type { Lang, VerdictState } from './engine/verdict';

export type MessageKey = keyof typeof zh;

const tables: Record<Lang, Record<MessageKey, { message: string }>> = { zh, en };

export function t(lang: Lang, key: MessageKey): string {
  return tables[lang][key].message;
}

/** A message with `$NAME$` placeholders filled in (the _locales placeholder syntax). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const value = values[name.toLowerCase()];
    return value === undefined ? whole : String(value);
  });
}

/** Chinese for any Chinese UI language, English otherwise. */
export function langFor(uiLanguage: string): Lang {
  return /^zh\b/i.test(uiLanguage) ? 'zh' : 'en';
}

const STATE_KEYS: Record<VerdictState, MessageKey> = {
  verified: 'stateVerified',
  warning: 'stateWarning',
  danger: 'stateDanger',
  unknown: 'stateUnknown',
  none: 'stateNone',
};

export function stateName(state: VerdictState, lang: Lang): string {
  return t(lang, STATE_KEYS[state]);
}

/** An extension page's language: `?lang=zh|en` when the address asks for one (tests, links), else the browser's. */
export function pageLang(search: string, uiLanguage: string): Lang {
  const asked = new URLSearchParams(search).get('lang');
  return asked === 'zh' || asked === 'en' ? asked : langFor(uiLanguage);
}
