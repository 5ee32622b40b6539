/** The user's choices, and how they are stored (a versioned format, utils/stored-format.ts). Pure. */
import { siteKey, toAsciiHost } from '../engine/domain';
import type { StoredFormat } from '../stored-format';

export interface Settings {
  showBadge: boolean;
  /** Domains the user switched checking off for (a domain covers its subdomains). */
  disabledSites: string[];
  /** An alert on the page itself when its verdict is danger. */
  pageAlerts: boolean;
}

export const DEFAULT_SETTINGS: Settings = { showBadge: true, disabledSites: [], pageAlerts: true };

/** Fields a stored value lacks take their defaults, so adding a setting needs no migration step. */
export const SETTINGS_FORMAT: StoredFormat<Partial<Settings>> = {
  name: 'settings',
  version: 1,
  migrations: {},
  isValid: (value): value is Partial<Settings> => {
    const v = value as Partial<Settings>;
    return (
      (v.showBadge === undefined || typeof v.showBadge === 'boolean') &&
      (v.pageAlerts === undefined || typeof v.pageAlerts === 'boolean') &&
      (v.disabledSites === undefined || (Array.isArray(v.disabledSites) && v.disabledSites.every((s) => typeof s === 'string')))
    );
  },
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
