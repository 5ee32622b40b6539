/** The user's choices, kept in browser storage. */
import { storage } from 'wxt/utils/storage';
import { siteKey, toAsciiHost } from '../engine/domain';

export interface Settings {
  showBadge: boolean;
  /** Domains the user switched checking off for (a domain covers its subdomains). */
  disabledSites: string[];
  /** An alert on the page itself when its verdict is danger. */
  pageAlerts: boolean;
}

export const DEFAULT_SETTINGS: Settings = { showBadge: true, disabledSites: [], pageAlerts: true };

/** Stored settings over the defaults: a value saved before a setting existed gets that setting's default. */
export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...stored };
}

const stored = storage.defineItem<Partial<Settings>>('local:settings');

export const settingsItem = {
  getValue: async (): Promise<Settings> => withDefaults(await stored.getValue()),
  setValue: (settings: Settings): Promise<void> => stored.setValue(settings),
};

export function isSiteDisabled(host: string, disabledSites: string[]): boolean {
  const key = siteKey(host);
  return disabledSites.some((site) => {
    const disabled = siteKey(toAsciiHost(site) ?? site);
    return key === disabled || key.endsWith(`.${disabled}`);
  });
}

/** The options page's text box: one domain per line; lines that are not domains are reported, not dropped silently. */
export function parseSiteList(text: string): { sites: string[]; invalid: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const sites: string[] = [];
  const invalid: string[] = [];
  for (const line of lines) {
    const host = toAsciiHost(line);
    if (host?.includes('.')) sites.push(host);
    else invalid.push(line);
  }
  return { sites: [...new Set(sites)], invalid };
}
