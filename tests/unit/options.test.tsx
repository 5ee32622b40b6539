import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../components/Options';
import type { Lang } from '../../utils/engine/verdict';
import { clearCertificateCache } from '../../utils/extension/browser-store';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/extension/settings';
import { settingsItem } from '../../utils/extension/settings-store';
import { mountPoint } from './mount';

const view = mountPoint();

beforeEach(() => fakeBrowser.reset());

/** Wired exactly as entrypoints/options/main.tsx wires it. */
async function open(lang: Lang = 'zh') {
  const initial = await settingsItem.getValue();
  act(() =>
    render(
      <Options
        lang={lang}
        initial={initial}
        save={(settings: Settings) => settingsItem.setValue(settings)}
        clearCache={clearCertificateCache}
      />,
      view.container,
    ),
  );
}

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => view.container.querySelector<T>(selector)!;
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

async function typeSites(value: string) {
  const textarea = $<HTMLTextAreaElement>('[data-testid="sites"]');
  act(() => {
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => {
    $('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await flush();
}

describe('options page', () => {
  it('shows the stored settings', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, showBadge: false, disabledSites: ['example.cn', 'intranet.example.com'] });
    await open();
    expect($<HTMLInputElement>('[data-testid="show-badge"]').checked).toBe(false);
    expect($<HTMLTextAreaElement>('[data-testid="sites"]').value).toBe('example.cn\nintranet.example.com');
    expect(view.container.textContent).toContain('在图标上显示提醒角标');
  });

  it('saves the sites to storage and lists the lines that are not domains', async () => {
    await open();
    await typeSites('example.cn\n  WWW.Example.com  \nnot a domain\n\nlocalhost\n中国政府网.政务');

    const stored = await settingsItem.getValue();
    expect(stored.disabledSites).toEqual(['example.cn', 'www.example.com', 'xn--fiqs8sirgfmhq98a.xn--zfr164b']);
    expect(stored.showBadge).toBe(true);

    const invalid = [...view.container.querySelectorAll('[data-testid="invalid-line"]')].map((li) => li.textContent);
    expect(invalid).toEqual(['not a domain', 'localhost']);
    expect($('[data-testid="invalid-lines"]').getAttribute('role')).toBe('alert');
    // The text stays as typed, so the user can correct the bad lines.
    expect($<HTMLTextAreaElement>('[data-testid="sites"]').value).toContain('not a domain');
    expect($('[data-testid="save-status"]').textContent).toContain('已保存');

    await typeSites('example.cn');
    expect(view.container.querySelector('[data-testid="invalid-lines"]')).toBeNull();
    expect((await settingsItem.getValue()).disabledSites).toEqual(['example.cn']);
  });

  it('saves the badge switch at once, keeping the saved sites', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['example.cn'] });
    await open();
    const box = $<HTMLInputElement>('[data-testid="show-badge"]');
    act(() => box.click());
    await flush();
    expect(await settingsItem.getValue()).toEqual({ showBadge: false, disabledSites: ['example.cn'], pageAlerts: true });
  });

  it('has page alerts on by default, also for settings saved before the option existed, and saves the switch', async () => {
    // What an earlier version stored: no pageAlerts field.
    await browser.storage.local.set({ settings: { showBadge: false, disabledSites: ['example.cn'] } });
    await open();
    const box = $<HTMLInputElement>('[data-testid="page-alerts"]');
    expect(box.checked).toBe(true);
    expect(box.closest('label')!.textContent).toBe('在危险网站上显示页面提醒');
    act(() => box.click());
    await flush();
    expect(await settingsItem.getValue()).toEqual({ showBadge: false, disabledSites: ['example.cn'], pageAlerts: false });
  });

  it('clears only the certificate cache and says how many entries went', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['example.cn'] });
    await browser.storage.local.set({ 'cache:cert:ABC': { v: 1 }, 'cache:script:CA1': { v: 2 } });
    await open();
    act(() => $('[data-testid="clear-cache"]').click());
    await flush();
    expect($('[data-testid="cache-status"]').textContent).toContain('已清除 2 条缓存');
    const left = await browser.storage.local.get(null);
    expect(Object.keys(left).filter((k) => k.startsWith('cache:'))).toEqual([]);
    expect((await settingsItem.getValue()).disabledSites).toEqual(['example.cn']);
  });

  it('shows the privacy statement, in English too', async () => {
    await open('en');
    expect($('main').getAttribute('lang')).toBe('en');
    expect($('[data-testid="privacy"]').textContent).toContain('bszs.conac.cn');
    expect(view.container.textContent).toContain('Show a badge on the icon');
    expect(view.container.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
