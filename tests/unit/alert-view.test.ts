import { afterEach, describe, expect, it, vi } from 'vitest';
import { verify } from '../../utils/engine/verify';
import { showAlert } from '../../utils/extension/alert-view';
import type { AlertAction } from '../../utils/extension/messaging';
import { pageAlertFor } from '../../utils/extension/page-alert';
import { certificate, found, scan } from './helpers';

const page = scan({ url: 'https://www.beijing-gov.com.cn/' });
const lookups = found(certificate());
const ALERT = pageAlertFor({ checkedAt: '', scan: page, lookups, verdict: verify(page, lookups) }, 'zh');

const hosts = () => [...document.documentElement.children].filter((el) => el.localName === 'govmark-alert');
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let shown: { remove(): void } | undefined;
afterEach(() => {
  shown?.remove();
  for (const el of hosts()) el.remove();
});

/** The same markup in an OPEN root, so the test can look inside (the content script uses a closed one). */
function open(act: (a: AlertAction) => void = () => undefined) {
  shown = showAlert(document, ALERT, act, 'open');
  const host = hosts().at(-1)!;
  return { host, root: host.shadowRoot! };
}

describe('the page alert', () => {
  it('is a <govmark-alert> appended to <html>, in a closed shadow root the page cannot open', () => {
    shown = showAlert(document, ALERT, () => undefined);
    const [host] = hosts();
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes.length).toBe(0);
    expect(host.textContent).toBe('');
  });

  it('announces itself as an alert and says what is wrong, whose mark, what to do', () => {
    const { root } = open();
    const bar = root.querySelector('[role="alert"]')!;
    expect(bar.getAttribute('aria-label')).toBe('GovMark 标识核验：危险网站提醒');
    expect(bar.getAttribute('lang')).toBe('zh-CN');
    expect(bar.textContent).toContain('此网站使用的政府网站标识登记给了另一个网站：www.beijing.gov.cn。');
    expect(bar.textContent).toContain('标识登记的单位：北京市人民政府。');
    expect(bar.textContent).toContain('不要在此输入个人信息或付款。');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['查看详情', '我知道了', '关闭页面提醒']);
    expect(root.querySelector('style')!.textContent).toBe(ALERT.css);
  });

  it('writes page-supplied words as text, never as markup', () => {
    const hostile = { ...ALERT, holder: '<img src=x onerror=alert(1)>' };
    shown = showAlert(document, hostile, () => undefined, 'open');
    const root = hosts()[0].shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('reports each button; 我知道了 also takes the alert away', () => {
    const act = vi.fn();
    const { root } = open(act);
    const [details, dismiss, turnOff] = root.querySelectorAll('button');
    details.click();
    turnOff.click();
    expect(hosts()).toHaveLength(1);
    dismiss.click();
    expect(act.mock.calls).toEqual([['details'], ['turn-off'], ['dismiss']]);
    expect(hosts()).toHaveLength(0);
  });

  it('comes back when the page removes it, and stays gone once we remove it', async () => {
    shown = showAlert(document, ALERT, () => undefined);
    const [ours] = hosts();
    ours.remove();
    await flush();
    expect(hosts()).toEqual([ours]);
    for (const el of document.querySelectorAll('govmark-alert')) el.remove();
    await flush();
    expect(hosts()).toEqual([ours]);
    shown.remove();
    await flush();
    expect(hosts()).toHaveLength(0);
  });

  it('takes no notice of <govmark-alert> elements the page makes, and leaves them alone', async () => {
    const fake = document.createElement('govmark-alert');
    fake.textContent = 'All is well';
    document.documentElement.append(fake);
    shown = showAlert(document, ALERT, () => undefined);
    const ours = hosts().at(-1)!;
    expect(ours).not.toBe(fake);
    fake.remove();
    await flush();
    expect(hosts()).toEqual([ours]);
    shown.remove();
    await flush();
    expect(hosts()).toHaveLength(0);
  });
});
