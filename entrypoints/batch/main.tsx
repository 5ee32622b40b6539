/**
 * Batch page wiring: the saved run (IndexedDB; a run saved by GovMark 0.1 in storage.local is moved there), the optional host permission, and the per-address check
 * (this page fetches the listed pages itself, and asks the registry through its own client with
 * the shared certificate cache).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BatchPage, type PermissionControl } from '@/components/BatchPage';
import { BatchStoreProblem } from '@/components/BatchStoreProblem';
import { saveFile } from '@/components/download';
import { htmlLang } from '@/components/text';
import { decodeInput } from '@/utils/batch/batch';
import { checkAddress, disclosingRedirects } from '@/utils/batch/batch-check';
import { openRunStore, RunStoreTooNew } from '@/utils/batch/run-store';
import { ttlCache } from '@/utils/engine/cache';
import { createConacClient } from '@/utils/engine/conac-client';
import { politeRegistry } from '@/utils/engine/registry-policy';
import type { Lang } from '@/utils/engine/verdict';
import { certificateStore } from '@/utils/extension/browser-store';
import { pageLang, t } from '@/utils/i18n';
import '@/components/theme.css';
import './style.css';

/** Optional in the manifest; asked for only here, when the auditor starts a run. */
const ALL_SITES = { origins: ['http://*/*', 'https://*/*'] };

const lang: Lang = pageLang(location.search, browser.i18n.getUILanguage());
document.documentElement.lang = htmlLang(lang);
document.title = `${t(lang, 'extName')} · ${t(lang, 'batchTitle')}`;

// Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
const get: typeof fetch = (input, init) => fetch(input, init);
// One rate limit for the whole run, however many addresses are checked at a time.
const client = createConacClient({ fetch: get, cache: ttlCache(certificateStore), policy: politeRegistry() });
const parser = new DOMParser();

const permission: PermissionControl = {
  request: () => browser.permissions.request(ALL_SITES),
  contains: () => browser.permissions.contains(ALL_SITES),
  remove: () => browser.permissions.remove(ALL_SITES),
};

const root = document.getElementById('app')!;

void openRunStore({ legacy: browser.storage.local }).then(
  async (store) => {
    const saved = await store.load().catch(() => null);
    render(
      <BatchPage
        lang={lang}
        version={browser.runtime.getManifest().version}
        saved={saved}
        store={store}
        permission={permission}
        saveFile={saveFile}
        readFile={async (file) => decodeInput(new Uint8Array(await file.arrayBuffer()))}
        check={(address) =>
          checkAddress(address, {
            fetch: disclosingRedirects(get),
            // A parsed document runs no script and loads nothing.
            parseHtml: (html) => parser.parseFromString(html, 'text/html'),
            client,
          })
        }
      />,
      root,
    );
  },
  (error) =>
    render(<BatchStoreProblem lang={lang} problem={error instanceof RunStoreTooNew ? 'too-new' : 'unavailable'} />, root),
);
