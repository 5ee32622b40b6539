/**
 * Content scripts get a lean runtime in place of two pieces of WXT's, swapped at build time for
 * content-script builds only (the background and the extension pages keep WXT's own):
 *
 * - a small `browser` (./browser.ts) instead of webextension-polyfill. The content script runs on
 *   every page a person opens and needs only runtime.id, runtime.sendMessage and
 *   runtime.onMessage; the polyfill (about 10 KB minified) was 40% of its bundle. WXT's own
 *   content-script runtime imports `wxt/browser` too, hence a swap rather than an import.
 * - a small ContentScriptContext (./context.ts) instead of WXT's, whose location watcher, timer and
 *   listener wrappers and logger were about 3 KB; GovMark's content scripts use only
 *   `ctx.onInvalidated` and `ctx.isInvalid` (tests/unit/architecture.test.ts keeps it so).
 */
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/** What is swapped: `wxt/browser`, directly or through the polyfill module's alias, and WXT's context. */
const SWAPS: Record<string, string> = {
  'wxt/browser': 'browser.ts',
  '@wxt-dev/webextension-polyfill/browser': 'browser.ts',
  'webextension-polyfill': 'browser.ts',
  'wxt/utils/content-script-context': 'context.ts',
};

export default defineWxtModule({
  name: 'content-script-runtime',
  setup(wxt) {
    const dir = resolve(wxt.config.modulesDir, 'content-script-runtime');
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'govmark:content-script-runtime',
          enforce: 'pre',
          resolveId: (id: string) => (Object.hasOwn(SWAPS, id) ? resolve(dir, SWAPS[id]!) : undefined),
        },
      ];
    });
  },
});
