/** The certificate cache's store in browser storage, under one prefix so it can be cleared alone. */
import { browser } from 'wxt/browser';
import type { KeyValueStore } from '../engine/cache';

const PREFIX = 'cache:';

export const certificateStore: KeyValueStore = {
  get: async (key) => (await browser.storage.local.get(PREFIX + key))[PREFIX + key],
  set: (key, value) => browser.storage.local.set({ [PREFIX + key]: value }),
};

export async function clearCertificateCache(): Promise<number> {
  const keys = Object.keys(await browser.storage.local.get(null)).filter((key) => key.startsWith(PREFIX));
  await browser.storage.local.remove(keys);
  return keys.length;
}
