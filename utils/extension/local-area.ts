/** browser.storage.local as the stores see it. */
import { browser } from 'wxt/browser';
import type { StorageArea } from '../stored-format';

export const localArea: StorageArea = {
  get: (keys) => browser.storage.local.get(keys),
  set: (items) => browser.storage.local.set(items),
  remove: (keys) => browser.storage.local.remove(keys),
};
