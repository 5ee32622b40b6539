/** Popup wiring: which tab, which language, ask the background, render. */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { htmlLang } from '@/components/text';
import type { Lang } from '@/utils/engine/verdict';
import type { MarkTarget } from '@/utils/extension/locate-mark';
import { sendMessage } from '@/utils/extension/messaging';
import { OUTLINE_CSS } from '@/utils/extension/overlay-styles';
import type { TabState } from '@/utils/extension/tab-state';
import { loadTabState } from '@/utils/extension/tab-store';
import { pageLang, t } from '@/utils/i18n';
import '@/components/theme.css';
import './style.css';

const POLL_MS = 300;
/** How long to wait for a page that has not reported yet, and for a check under way (registry requests time out). */
const WAIT_IDLE_MS = 4_000;
const WAIT_CHECKING_MS = 25_000;

const params = new URLSearchParams(location.search);

/** `?tabId=N` (a popup opened as a tab), else the active tab of this window. */
async function pickTab(): Promise<number | undefined> {
  const asked = params.get('tabId');
  if (asked !== null && /^\d+$/.test(asked)) return Number(asked);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Outlines the mark on its page; a popup opened as a tab (查看详情) brings that page forward to show it. */
async function showMark(tabId: number, target: MarkTarget): Promise<boolean> {
  const shown = await sendMessage('showMark', { target, css: OUTLINE_CSS }, tabId);
  if (shown && params.has('tabId')) await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
  return shown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function App({ lang }: { lang: Lang }) {
  const [state, setState] = useState<TabState | null>(null);
  const [tabId, setTabId] = useState<number>();
  const [failed, setFailed] = useState(false);
  const [rechecking, setRechecking] = useState(false);
  // A newer request (a re-check) makes an older poll stop.
  const run = useRef(0);

  async function follow(tab: number, first: () => Promise<TabState>) {
    const mine = ++run.current;
    const started = Date.now();
    try {
      let next = await first();
      while (mine === run.current) {
        const waited = Date.now() - started;
        const pending =
          (next.status === 'checking' && waited < WAIT_CHECKING_MS) || (next.status === 'idle' && waited < WAIT_IDLE_MS);
        if (!pending) break;
        setState(next);
        await sleep(POLL_MS);
        next = await sendMessage('getTabState', tab);
      }
      if (mine === run.current) {
        setFailed(false);
        setState(next);
      }
    } catch {
      if (mine === run.current) {
        setFailed(true);
        setState({ status: 'idle' });
      }
    }
  }

  useEffect(() => {
    void (async () => {
      const tab = await opening.tab;
      if (tab === undefined) {
        setFailed(true);
        setState({ status: 'idle' });
        return;
      }
      setTabId(tab);
      await follow(tab, () => opening.state);
    })();
  }, []);

  const recheck = async () => {
    if (tabId === undefined) return;
    setRechecking(true);
    try {
      await follow(tabId, () => sendMessage('recheck', tabId));
    } finally {
      setRechecking(false);
    }
  };

  return (
    <Popup
      state={state}
      lang={lang}
      loadFailed={failed}
      rechecking={rechecking}
      onRecheck={tabId === undefined ? undefined : () => void recheck()}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onShowMark={tabId === undefined ? undefined : (target) => showMark(tabId, target)}
      version={browser.runtime.getManifest().version}
    />
  );
}

// Asked before the first render: the answer travels while Preact sets the page up.
const opening = (() => {
  const tab = pickTab().catch(() => undefined);
  const state = tab.then(async (id): Promise<TabState> => {
    if (id === undefined) throw new Error('no tab');
    // A finished check is read where the background keeps it, without a round trip through the service worker.
    const saved = await loadTabState(id).catch(() => undefined);
    return saved?.status === 'done' ? saved : sendMessage('getTabState', id);
  });
  state.catch(() => undefined); // handled where it is awaited; this only keeps it from being reported early
  return { tab, state };
})();

const lang = pageLang(location.search, browser.i18n.getUILanguage());
document.documentElement.lang = htmlLang(lang);
document.title = t(lang, 'extName');
render(<App lang={lang} />, document.getElementById('app')!);
