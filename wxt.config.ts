import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Extension pages run only their own scripts and show only their own images: nothing fetched can
 * become markup or code. Fetches stay open for the auditors' batch page, which reads the pages it checks.
 */
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; img-src 'self' data:; connect-src 'self' https: http:";

/** The registry's hosts: the only places the extension itself contacts. */
const CONAC_HOSTS = ['bszs.conac.cn', 'dcs.conac.cn'].flatMap((host) => [`https://${host}/*`, `http://${host}/*`]);
/**
 * Every site: optional, asked for only by the auditors' batch page at the moment a run starts
 * (it downloads the listed pages). Everyday checking never needs it.
 */
const ALL_SITES = ['http://*/*', 'https://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage'],
    host_permissions: CONAC_HOSTS,
    // MV2 (Firefox) has no optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 3 ? { optional_host_permissions: ALL_SITES } : { optional_permissions: ALL_SITES }),
    icons: { 16: '/icons/app-16.png', 32: '/icons/app-32.png', 48: '/icons/app-48.png', 128: '/icons/app-128.png' },
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: EXTENSION_PAGES_CSP }
        : EXTENSION_PAGES_CSP.replace(" frame-ancestors 'none';", ''),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'govmark@govmark.invalid',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  zip: { excludeSources: ['tests/**', '.demo/**', 'test-results/**'] },
});
