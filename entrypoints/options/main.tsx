/** Options wiring: read the settings, render, write them back. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/Options';
import { htmlLang } from '@/components/text';
import type { Lang } from '@/utils/engine/verdict';
import { clearCertificateCache } from '@/utils/extension/browser-store';
import { settingsItem } from '@/utils/extension/settings-store';
import { pageLang, t } from '@/utils/i18n';
import '@/components/theme.css';
import './style.css';

const lang: Lang = pageLang(location.search, browser.i18n.getUILanguage());
document.documentElement.lang = htmlLang(lang);
document.title = `${t(lang, 'extName')} · ${t(lang, 'optTitle')}`;

void settingsItem.getValue().then((initial) => {
  render(
    <Options
      lang={lang}
      initial={initial}
      save={(settings) => settingsItem.setValue(settings)}
      clearCache={clearCertificateCache}
    />,
    document.getElementById('app')!,
  );
});
