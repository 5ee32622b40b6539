import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { type Cache, ttlCache, writeOnly } from '@/utils/engine/cache';
import { checkPage } from '@/utils/engine/check-page';
import { type CertificateLookup, createConacClient, type ScriptLookup } from '@/utils/engine/conac-client';
import { createHomepageJudge, type StoredHomepage } from '@/utils/engine/homepage';
import { dismiss, dismissedUntil, isNewerDismissals, readDismissals } from '@/utils/extension/alert-dismissals';
import { certificateStore } from '@/utils/extension/browser-store';
import { readCertificatePage } from '@/utils/extension/companion-service';
import { onMessage, sendMessage } from '@/utils/extension/messaging';
import { alertForState, createAlertCourier } from '@/utils/extension/page-alert';
import { settingsItem } from '@/utils/extension/settings-store';
import { createTabChecker } from '@/utils/extension/tab-checker';
import { indicatorFor } from '@/utils/extension/tab-state';
import { allTabStates, forgetTab, loadTabState, saveIndicator, saveTabState } from '@/utils/extension/tab-store';
import { langFor } from '@/utils/i18n';
import { memoryStore } from '@/utils/memory/browser-memory';
import { applyChange, indicatorWithChange, remember, siteOf } from '@/utils/memory/memory';

export default defineBackground(() => {
  const lang = langFor(browser.i18n.getUILanguage());
  const action = browser.action ?? browser.browserAction; // MV2 Firefox has only browserAction
  const cache: Cache<CertificateLookup | ScriptLookup> = ttlCache(certificateStore);
  void certificateStore.sweep(Date.now()).catch(() => undefined);
  const clients = {
    cached: createConacClient({ fetch, cache }),
    fresh: createConacClient({ fetch, cache: writeOnly(cache) }),
  };

  // Inner pages without a mark take their homepage's verdict (kept beside the certificates, cleared with them).
  const homepages = createHomepageJudge(ttlCache<StoredHomepage>(certificateStore));
  const dismissals = storage.defineItem<unknown>('local:alertDismissals');
  const alerts = createAlertCourier((tabId, alert) => sendMessage('pageAlert', alert, tabId).catch(() => undefined));

  const checker = createTabChecker({
    async check(scan, fresh, tabId) {
      const check = (page: typeof scan) => checkPage(page, fresh ? clients.fresh : clients.cached);
      return homepages.judge(await check(scan), {
        remembered: (await memoryStore.get(siteOf(scan.url)).catch(() => undefined)) !== undefined,
        fresh,
        check,
        scanHomepage: (url) =>
          sendMessage('scanHomepage', undefined, tabId).then((homepage) =>
            homepage.status === 'ok' && new URL(homepage.scan.url).origin !== new URL(url).origin
              ? { status: 'unavailable', detail: 'another origin' }
              : homepage,
          ),
      });
    },
    settings: () => settingsItem.getValue(),
    loadState: loadTabState,
    saveState: saveTabState,
    async paint(tabId, state, settings) {
      const plain = indicatorFor(state, lang, settings.showBadge);
      const indicator = state.status === 'done' ? indicatorWithChange(plain, state.result.verdict, lang) : plain;
      const { icon, badgeText, badgeColor, title } = indicator;
      const path = Object.fromEntries([16, 32, 48].map((size) => [size, `/icons/${icon}-${size}.png`]));
      // The tab may be gone by the time a check ends. The indicator is kept too: browsers cannot be asked for a tab's icon.
      await Promise.all([
        saveIndicator(tabId, indicator),
        action.setIcon({ tabId, path }),
        action.setTitle({ tabId, title }),
        action.setBadgeText({ tabId, text: badgeText }),
        badgeColor ? action.setBadgeBackgroundColor({ tabId, color: badgeColor }) : undefined,
      ]).catch(() => undefined);
    },
    async tellPage(tabId, state, settings) {
      const until = state.url ? dismissedUntil(readDismissals(await dismissals.getValue()), state.url) : undefined;
      await alerts.tell(tabId, state, alertForState(state, settings, until, Date.now(), lang));
    },
    requestScan: (tabId) => sendMessage('scanNow', undefined, tabId).catch(() => null),
    tabUrl: (tabId) =>
      browser.tabs.get(tabId).then(
        (tab) => tab.url,
        () => undefined,
      ),
    // Certificate memory stays in storage.local: compared here, shown in the popup and history page, sent nowhere.
    async remember(result) {
      const site = siteOf(result.scan.url);
      if (!site) return result;
      const change = await memoryStore.update(site, (previous) => {
        const { memory, change } = remember(previous, result, Date.now());
        return { memory, value: change };
      });
      return applyChange(result, change);
    },
  });

  onMessage('pageScanned', (scan, sender) => {
    // Only the top frame speaks for the page, at the address the browser (not the page) reports.
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;
    void checker.scanned(tabId, { ...scan, url: sender.url ?? scan.url });
  });
  onMessage('getTabState', (tabId) => checker.stateOf(tabId));
  onMessage('certificatePageRead', (html, sender) =>
    readCertificatePage(html, sender, {
      tabStates: allTabStates,
      cache,
      reverify: (tabId) => checker.reverify(tabId),
      lang,
    }),
  );
  onMessage('recheck', (tabId) => checker.recheck(tabId));
  onMessage('alertAction', async (action, sender) => {
    const tab = sender.tab;
    if (tab?.id === undefined || sender.frameId !== 0) return;
    if (action === 'details') {
      // The popup, as a tab describing the page's tab (entrypoints/popup/main.tsx reads ?tabId=).
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tabId=${tab.id}`), index: tab.index + 1 });
    } else if (action === 'turn-off') await browser.runtime.openOptionsPage();
    else if (sender.url) {
      const stored = await dismissals.getValue();
      if (!isNewerDismissals(stored)) await dismissals.setValue(dismiss(readDismissals(stored), sender.url, Date.now()));
    }
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') void checker.navigated(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    checker.closed(tabId);
    alerts.closed(tabId);
    void forgetTab(tabId);
  });
});
