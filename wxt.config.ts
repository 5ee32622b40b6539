import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** The registry's hosts: the only places the extension itself contacts. */
const CONAC_HOSTS = ['bszs.conac.cn', 'dcs.conac.cn'].flatMap((host) => [`https://${host}/*`, `http://${host}/*`]);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage'],
    host_permissions: CONAC_HOSTS,
    icons: { 16: '/icons/app-16.png', 32: '/icons/app-32.png', 48: '/icons/app-48.png', 128: '/icons/app-128.png' },
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: '/icons/neutral-16.png', 32: '/icons/neutral-32.png' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'govmark@govmark.invalid', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  zip: { excludeSources: ['tests/**', '.demo/**', 'test-results/**'] },
});
