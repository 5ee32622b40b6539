/**
 * Each tab's state and indicator in session storage (gone with the browser session, but an update
 * of the extension can meet states the previous version saved): a versioned format like the rest.
 */
import { storage } from 'wxt/utils/storage';
import { decode, encode, type StoredFormat } from '../stored-format';
import { type Indicator, indicatorKey, type TabState, tabStateKey } from './tab-state';

const STATUSES = new Set(['idle', 'internal', 'disabled', 'checking', 'done']);

/** Today's shape is version 1. */
export const TAB_STATE_FORMAT: StoredFormat<TabState> = {
  name: 'tab state',
  version: 1,
  migrations: {},
  isValid: (value): value is TabState => STATUSES.has((value as TabState).status),
};

export const INDICATOR_FORMAT: StoredFormat<Indicator> = {
  name: 'tab indicator',
  version: 1,
  migrations: {},
  isValid: (value): value is Indicator => typeof (value as Indicator).icon === 'string',
};

export async function loadTabState(tabId: number): Promise<TabState | undefined> {
  const stored = decode(TAB_STATE_FORMAT, await storage.getItem(tabStateKey(tabId)));
  return stored.status === 'ok' ? stored.value : undefined;
}

export const saveTabState = (tabId: number, state: TabState) =>
  storage.setItem(tabStateKey(tabId), encode(TAB_STATE_FORMAT, state));

export const saveIndicator = (tabId: number, indicator: Indicator) =>
  storage.setItem(indicatorKey(tabId), encode(INDICATOR_FORMAT, indicator));

export const forgetTab = (tabId: number) => storage.removeItems([tabStateKey(tabId), indicatorKey(tabId)]);

/** Every tab's state this session (tabs whose state this build cannot read are left out). */
export async function allTabStates(): Promise<{ tabId: number; state: TabState }[]> {
  const all = await storage.snapshot('session');
  return Object.entries(all).flatMap(([key, value]) => {
    if (!/^tab:\d+$/.test(key)) return [];
    const stored = decode(TAB_STATE_FORMAT, value);
    return stored.status === 'ok' ? [{ tabId: Number(key.slice(4)), state: stored.value }] : [];
  });
}
