/**
 * "我知道了" on a page alert: no alert on that site for 24 hours. Stored per site with its expiry,
 * in a versioned shape; expired entries are dropped whenever the record is written.
 */
import { siteKey } from '../engine/domain';
import { decode, type StoredFormat } from '../stored-format';

export const DISMISS_MS = 24 * 60 * 60 * 1000;

/** Version 1: site key (see siteKey) → { until: epoch ms }. */
export interface Dismissals {
  v: 1;
  sites: Record<string, { until: number }>;
}

export const NO_DISMISSALS: Dismissals = { v: 1, sites: {} };

/** The record as a stored format (utils/stored-format.ts), so a newer GovMark's record is recognised and kept. */
export const DISMISSALS_FORMAT: StoredFormat<Omit<Dismissals, 'v'>> = {
  name: 'alert dismissals',
  version: 1,
  migrations: {},
  isValid: (value): value is Omit<Dismissals, 'v'> =>
    typeof (value as Dismissals).sites === 'object' && (value as Dismissals).sites !== null,
};

/** A record saved by a newer GovMark: it is neither read nor written over. */
export const isNewerDismissals = (stored: unknown): boolean => decode(DISMISSALS_FORMAT, stored).status === 'future';

/**
 * Reads what storage holds. Anything but a version-1 record (nothing yet, or a shape this
 * version does not know) counts as no dismissal: the cost is one alert shown again.
 */
export function readDismissals(stored: unknown): Dismissals {
  const record = stored as Partial<Dismissals> | null | undefined;
  if (record?.v !== 1 || typeof record.sites !== 'object' || record.sites === null) return NO_DISMISSALS;
  const sites: Dismissals['sites'] = {};
  for (const [site, entry] of Object.entries(record.sites))
    if (typeof entry?.until === 'number' && Number.isFinite(entry.until)) sites[site] = { until: entry.until };
  return { v: 1, sites };
}

/** The moment a dismissal of this page's site ends, if one was ever recorded. */
export function dismissedUntil(dismissals: Dismissals, pageUrl: string): number | undefined {
  const site = siteOfUrl(pageUrl);
  return site === null ? undefined : dismissals.sites[site]?.until;
}

export function dismiss(dismissals: Dismissals, pageUrl: string, now: number): Dismissals {
  const site = siteOfUrl(pageUrl);
  const sites = Object.fromEntries(Object.entries(dismissals.sites).filter(([, entry]) => entry.until > now));
  if (site !== null) sites[site] = { until: now + DISMISS_MS };
  return { v: 1, sites };
}

function siteOfUrl(pageUrl: string): string | null {
  try {
    const host = new URL(pageUrl).hostname;
    return host ? siteKey(host) : null;
  } catch {
    return null;
  }
}
