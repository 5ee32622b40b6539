/**
 * Content scripts get a small `browser` (./browser.ts) instead of webextension-polyfill.
 *
 * The content script runs on every page a person opens and needs only runtime.id,
 * runtime.sendMessage and runtime.onMessage; the polyfill (about 10 KB minified) was 40% of its
 * bundle. WXT's own content-script runtime imports `wxt/browser` too, so the swap is made at
 * build time for content-script builds only; the background and the extension pages keep the polyfill.
 */
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/** What `wxt/browser` resolves to, directly or through the polyfill module's alias. */
const POLYFILL_IDS = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser', 'webextension-polyfill']);

export default defineWxtModule({
  name: 'content-script-browser',
  setup(wxt) {
    const shim = resolve(wxt.config.modulesDir, 'content-script-browser/browser.ts');
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'govmark:content-script-browser',
          enforce: 'pre',
          resolveId: (id: string) => (POLYFILL_IDS.has(id) ? shim : undefined),
        },
      ];
    });
  },
});
