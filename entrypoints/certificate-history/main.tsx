/** History page wiring: the certificate memory in this browser's storage, listed and cleared. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { History } from '@/components/History';
import { htmlLang } from '@/components/text';
import type { Lang } from '@/utils/engine/verdict';
import { pageLang, t } from '@/utils/i18n';
import { memoryStore } from '@/utils/memory/browser-memory';
import '@/components/theme.css';
import './style.css';

const lang: Lang = pageLang(location.search, browser.i18n.getUILanguage());
document.documentElement.lang = htmlLang(lang);
document.title = `${t(lang, 'extName')} · ${t(lang, 'historyTitle')}`;

render(
  <History lang={lang} load={() => memoryStore.list()} clear={() => memoryStore.clear()} />,
  document.getElementById('app')!,
);
