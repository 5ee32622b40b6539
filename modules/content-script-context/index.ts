/**
 * Content scripts get a small ContentScriptContext (./context.ts) instead of WXT's.
 *
 * WXT's context (a location watcher, its event class, timer and listener wrappers, a logger) was
 * about 3 KB of a content script that runs on every page a person opens, and GovMark's content
 * scripts use only `ctx.onInvalidated` and `ctx.isInvalid` (tests/unit/architecture.test.ts keeps it so). The swap is
 * made at build time for content-script builds only, as modules/content-script-browser does for `browser`.
 */
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

export default defineWxtModule({
  name: 'content-script-context',
  setup(wxt) {
    const lean = resolve(wxt.config.modulesDir, 'content-script-context/context.ts');
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'govmark:content-script-context',
          enforce: 'pre',
          resolveId: (id: string) => (id === 'wxt/utils/content-script-context' ? lean : undefined),
        },
      ];
    });
  },
});
