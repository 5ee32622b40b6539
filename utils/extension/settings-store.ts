/** The settings in browser storage (storage.local), read over their defaults. */
import { storage } from 'wxt/utils/storage';
import { decode, encode } from '../stored-format';
import { DEFAULT_SETTINGS, SETTINGS_FORMAT, type Settings } from './settings';

const KEY = 'local:settings';

export class FutureVersionError extends Error {}

export const settingsItem = {
  /** The stored settings over the defaults; the defaults when none are stored or they cannot be read. */
  async getValue(): Promise<Settings> {
    const stored = decode(SETTINGS_FORMAT, await storage.getItem(KEY));
    return stored.status === 'ok' ? { ...DEFAULT_SETTINGS, ...stored.value } : { ...DEFAULT_SETTINGS };
  },
  /** Refuses to write over settings a newer GovMark saved: they stay for when it comes back. */
  async setValue(settings: Settings): Promise<void> {
    const stored = decode(SETTINGS_FORMAT, await storage.getItem(KEY));
    if (stored.status === 'future') throw new FutureVersionError(`settings were saved by a newer GovMark (v${stored.version})`);
    await storage.setItem(KEY, encode(SETTINGS_FORMAT, settings));
  },
};
