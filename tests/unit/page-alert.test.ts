import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../utils/engine/check-page';
import type { Reason, ReasonCode } from '../../utils/engine/verdict';
import { type Lookups, verify } from '../../utils/engine/verify';
import { DISMISS_MS, dismiss, dismissedUntil, NO_DISMISSALS, readDismissals } from '../../utils/extension/alert-dismissals';
import { alertForState, alertMessage, createAlertCourier, pageAlertFor, shouldAlert } from '../../utils/extension/page-alert';
import { DEFAULT_SETTINGS } from '../../utils/extension/settings';
import type { TabState } from '../../utils/extension/tab-state';
import { BEIJING_ID, certificate, found, mark, scan } from './helpers';

const NOW = Date.UTC(2026, 10, 30, 6, 0, 0);

function check(url: string, lookups: Lookups, owner: string | null = '北京市人民政府'): CheckResult {
  const page = scan({ url, owner });
  return { checkedAt: new Date(NOW).toISOString(), scan: page, lookups, verdict: verify(page, lookups) };
}
const done = (result: CheckResult): TabState => ({ status: 'done', url: result.scan.url, result });

/** The copycat sample: a mirror carrying the genuine Beijing mark. */
const copycat = () => check('https://www.beijing-gov.com.cn/', found(certificate()));
const genuine = () => check('https://www.beijing.gov.cn/', found(certificate()));
const borrowedOwner = () => check('https://www.beijing.gov.cn/', found(certificate()), '北京市某某科技有限公司');
const registryDown = () =>
  check('https://www.beijing.gov.cn/', {
    certificates: { [BEIJING_ID]: { status: 'unreachable', cause: 'network', detail: 'refused' } },
    scripts: {},
    offline: false,
  });
const noMark = () => {
  const page = scan({ url: 'https://www.example.com/', marks: [], owner: null });
  const lookups = found();
  return { checkedAt: new Date(NOW).toISOString(), scan: page, lookups, verdict: verify(page, lookups) };
};

describe('when a tab gets a page alert', () => {
  it('the samples reach the verdicts the rows below rely on', () => {
    expect([copycat(), genuine(), borrowedOwner(), registryDown(), noMark()].map((r) => r.verdict.state)).toEqual([
      'danger',
      'verified',
      'warning',
      'unknown',
      'none',
    ]);
  });

  const off = { ...DEFAULT_SETTINGS, pageAlerts: false };
  const rows: [string, TabState, typeof DEFAULT_SETTINGS, number | undefined, boolean][] = [
    ['danger, alerts on, never dismissed', done(copycat()), DEFAULT_SETTINGS, undefined, true],
    ['danger, alerts switched off', done(copycat()), off, undefined, false],
    ['danger, dismissed until a minute from now', done(copycat()), DEFAULT_SETTINGS, NOW + 60_000, false],
    ['danger, dismissal ended a minute ago', done(copycat()), DEFAULT_SETTINGS, NOW - 60_000, true],
    ['danger, dismissal ends this very moment', done(copycat()), DEFAULT_SETTINGS, NOW, true],
    ['verified', done(genuine()), DEFAULT_SETTINGS, undefined, false],
    ['warning', done(borrowedOwner()), DEFAULT_SETTINGS, undefined, false],
    ['unknown', done(registryDown()), DEFAULT_SETTINGS, undefined, false],
    ['none', done(noMark()), DEFAULT_SETTINGS, undefined, false],
    ['a check under way', { status: 'checking', url: 'https://www.beijing-gov.com.cn/' }, DEFAULT_SETTINGS, undefined, false],
    ['a page not checked yet', { status: 'idle', url: 'https://www.beijing-gov.com.cn/' }, DEFAULT_SETTINGS, undefined, false],
    ['a site switched off', { status: 'disabled', url: 'https://www.beijing-gov.com.cn/' }, DEFAULT_SETTINGS, undefined, false],
  ];
  it.each(rows)('%s', (_name, state, settings, until, expected) => {
    expect(shouldAlert(state, settings, until, NOW)).toBe(expected);
    expect(alertForState(state, settings, until, NOW, 'zh') !== null).toBe(expected);
  });
});

describe('the alert sentence', () => {
  const danger = (code: string, evidence: Reason['evidence'] = {}): Reason =>
    ({ code: code as ReasonCode, severity: 'danger', evidence }) as Reason;

  it.each([
    [
      'domain-mismatch',
      danger('domain-mismatch', { found: 'www.beijing-gov.com.cn', expected: 'www.beijing.gov.cn' }),
      '此网站使用的政府网站标识登记给了另一个网站：www.beijing.gov.cn。',
    ],
    [
      'link-not-conac',
      danger('link-not-conac', { expected: 'bszs.conac.cn', found: 'bszs.conac.cn.verify-cert.com' }),
      '此网站的政府网站标识是伪造的：它没有链接到标识管理中心，而是指向 bszs.conac.cn.verify-cert.com。',
    ],
    [
      'certificate-not-found',
      danger('certificate-not-found', { found: BEIJING_ID }),
      '此网站的政府网站标识所指的证书在标识管理中心并不存在。',
    ],
    ['certificate-revoked (issue 13)', danger('certificate-revoked'), '此网站使用的政府网站标识证书已被注销。'],
    ['error-icon at danger', danger('error-icon'), '此网站显示的是错误的政府网站标识：官方脚本认定这里不是登记的网站。'],
    [
      'a danger code without a sentence of its own',
      danger('some-future-code'),
      '此网站的政府网站标识没有通过核验，它可能是仿冒网站。',
    ],
  ])('%s', (_name, reason, expected) => {
    expect(alertMessage([reason], 'zh')).toBe(expected);
  });

  it('describes the domain mismatch when an error icon comes with it', () => {
    const reasons = [danger('error-icon'), danger('domain-mismatch', { expected: 'www.beijing.gov.cn' })];
    expect(alertMessage(reasons, 'zh')).toBe('此网站使用的政府网站标识登记给了另一个网站：www.beijing.gov.cn。');
  });

  it('ignores reasons that are not danger', () => {
    const warning: Reason = { code: 'domain-mismatch', severity: 'warning', evidence: { expected: 'x.gov.cn' } };
    expect(alertMessage([warning, danger('certificate-not-found')], 'zh')).toBe(
      '此网站的政府网站标识所指的证书在标识管理中心并不存在。',
    );
  });

  it('on the copycat: what is wrong, whose mark it is, what to do, in Chinese and in English', () => {
    const zh = pageAlertFor(copycat(), 'zh');
    expect(zh).toMatchObject({
      lang: 'zh-CN',
      message: '此网站使用的政府网站标识登记给了另一个网站：www.beijing.gov.cn。',
      holder: '标识登记的单位：北京市人民政府。',
      advice: '不要在此输入个人信息或付款。',
      details: '查看详情',
      dismiss: '我知道了',
      turnOff: '关闭页面提醒',
    });
    expect(zh.css).toContain(':host');
    const en = pageAlertFor(copycat(), 'en');
    expect(en).toMatchObject({
      lang: 'en',
      message: 'This site uses a government website mark that is registered to another website: www.beijing.gov.cn.',
      holder: 'The mark is registered to: 北京市人民政府.',
      advice: 'Do not enter personal information or pay anything here.',
    });
  });

  it('with no certificate, names the owner the page prints; with neither, names no one', () => {
    const spoofMark = mark({
      linkUrl: `https://bszs.conac.cn.verify-cert.com/sitename?method=show&id=${BEIJING_ID}`,
      linkHost: 'bszs.conac.cn.verify-cert.com',
    });
    const build = (owner: string | null) => {
      const page = scan({ url: 'https://www.bjzwfw-gov.com/', owner, marks: [spoofMark] });
      const lookups = found();
      return { checkedAt: '', scan: page, lookups, verdict: verify(page, lookups) };
    };
    const named = pageAlertFor(build('北京市人民政府'), 'zh');
    expect(named.message).toBe(
      '此网站的政府网站标识是伪造的：它没有链接到标识管理中心，而是指向 bszs.conac.cn.verify-cert.com。',
    );
    expect(named.holder).toBe('网页自称的主办单位：北京市人民政府。');
    expect(pageAlertFor(build(null), 'zh').holder).toBe('');
  });
});

describe('dismissals ("我知道了": 24 hours per site)', () => {
  it('lasts 24 hours for the whole site, www or not, and for no other site', () => {
    const d = dismiss(NO_DISMISSALS, 'https://www.beijing-gov.com.cn/news/1.html', NOW);
    expect(d).toEqual({ v: 1, sites: { 'beijing-gov.com.cn': { until: NOW + 24 * 3600 * 1000 } } });
    expect(DISMISS_MS).toBe(86_400_000);
    expect(dismissedUntil(d, 'https://beijing-gov.com.cn/')).toBe(NOW + DISMISS_MS);
    expect(dismissedUntil(d, 'https://www.bjzwfw-gov.com/')).toBeUndefined();
    const state = done(copycat());
    expect(shouldAlert(state, DEFAULT_SETTINGS, dismissedUntil(d, 'https://www.beijing-gov.com.cn/'), NOW + DISMISS_MS - 1)).toBe(
      false,
    );
    expect(shouldAlert(state, DEFAULT_SETTINGS, dismissedUntil(d, 'https://www.beijing-gov.com.cn/'), NOW + DISMISS_MS)).toBe(
      true,
    );
  });

  it('drops expired entries when it writes', () => {
    const old = dismiss(NO_DISMISSALS, 'https://a.example.com/', NOW);
    const later = dismiss(old, 'https://b.example.com/', NOW + DISMISS_MS + 1);
    expect(Object.keys(later.sites)).toEqual(['b.example.com']);
  });

  it('reads what storage holds: version 1 as it is, anything else as no dismissal', () => {
    const stored = { v: 1, sites: { 'example.com': { until: NOW }, 'bad.com': { until: 'soon' }, 'null.com': null } };
    expect(readDismissals(stored)).toEqual({ v: 1, sites: { 'example.com': { until: NOW } } });
    for (const odd of [undefined, null, 'x', { v: 2, sites: {} }, { v: 1 }, { v: 1, sites: null }])
      expect(readDismissals(odd)).toEqual(NO_DISMISSALS);
  });
});

describe('sending alerts to pages', () => {
  it('tells a page only what can change it: an alert, or its removal where one may be shown', async () => {
    const sent: [number, string | null][] = [];
    const courier = createAlertCourier(async (tabId, alert) => void sent.push([tabId, alert?.message ?? null]));
    const danger = done(copycat());
    const alert = pageAlertFor(copycat(), 'zh');
    const checking: TabState = { status: 'checking', url: 'https://www.beijing-gov.com.cn/' };
    const idle: TabState = { status: 'idle', url: 'https://www.beijing-gov.com.cn/' };

    await courier.tell(1, done(genuine()), null); // nothing known yet (a fresh background): sent
    await courier.tell(1, checking, null);
    await courier.tell(1, done(genuine()), null); // known to show nothing: not sent
    await courier.tell(1, danger, alert);
    await courier.tell(1, checking, null); // a re-check under way leaves the alert
    await courier.tell(1, danger, alert);
    await courier.tell(1, idle, null);
    await courier.tell(1, done(borrowedOwner()), null); // the verdict changed: removed
    await courier.tell(1, done(borrowedOwner()), null);
    courier.closed(1);
    await courier.tell(1, done(genuine()), null);
    expect(sent).toEqual([
      [1, null],
      [1, alert.message],
      [1, alert.message],
      [1, null],
      [1, null],
    ]);
  });
});
