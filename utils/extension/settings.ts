/** The user's choices, kept in browser storage. */
import { storage } from 'wxt/utils/storage';
import { siteKey, toAsciiHost } from '../engine/domain';

export interface Settings {
  showBadge: boolean;
  /** Domains the user switched checking off for (a domain covers its subdomains). */
  disabledSites: string[];
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { showBadge: true, disabledSites: [] },
});

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
