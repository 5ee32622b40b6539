/**
 * What the registry's page says about the certificate as a whole: revoked, or no such
 * certificate. Only its own short notices count; help text, conditions and long pages do not.
 */
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../utils/engine/certificate';

const ID = '0123456789ABCDEF0123456789ABCDEF';
const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;
const certificate = (...extra: string[]) =>
  `<html><body><h2>标识证书基本信息</h2><table>${row('机构名称', '某某市统计局')}${row('域名', 'tjj.mm.gov.cn')}</table>${extra.join('')}</body></html>`;
const statusOf = (html: string) => parseCertificate(html, ID).status;
/** A notice of exactly n characters, padded with full stops. */
const notice = (text: string, n: number) => text.padEnd(n, '。');

describe('a status field saying revoked', () => {
  it('gives its first 60 characters as the detail', () => {
    const value = `已注销（${'根据网站标识管理办法'.repeat(8)}）`;
    const parsed = parseCertificate(certificate().replace('</table>', `${row('证书状态', value)}</table>`), ID);
    expect(parsed).toMatchObject({ status: 'revoked', detail: value.slice(0, 60) });
    expect(parsed.status === 'revoked' && parsed.detail).toHaveLength(60);
  });
});

describe('a notice of the page saying revoked', () => {
  it('counts up to 60 characters, and not beyond', () => {
    expect(notice('该网站标识已注销', 60)).toHaveLength(60);
    expect(statusOf(certificate(`<p>${notice('该网站标识已注销', 60)}</p>`))).toBe('revoked');
    expect(statusOf(certificate(`<p>${notice('该网站标识已注销', 61)}</p>`))).toBe('ok');
  });

  it('counts with a condition later in the sentence', () => {
    expect(parseCertificate(certificate('<p>该标识证书已注销，如有疑问请联系发证机关</p>'), ID)).toMatchObject({
      status: 'revoked',
      detail: '该标识证书已注销，如有疑问请联系发证机关',
    });
  });

  it.each(['如网站标识已注销，请重新申请', '若标识证书已过期，请及时办理换发', '凡网站标识已撤销的，不得继续使用'])(
    'not help text that begins with a condition: %s',
    (help) => {
      expect(statusOf(certificate(`<p class="help">${help}</p>`))).toBe('ok');
    },
  );

  it('a heading counts even when it begins like a condition', () => {
    expect(statusOf(certificate('<h3>如标识已注销</h3>'))).toBe('revoked');
  });
});

describe("the registry's not-found answer", () => {
  const SORRY = '对不起，您查询的网站标识证书不存在！';
  const answer = (sentence: string, footer: string) =>
    `<html><body><div class="msg">${sentence}</div><div class="footer">${footer}</div></body></html>`;

  it('is a sentence of at most 100 characters', () => {
    expect(notice(SORRY, 100)).toHaveLength(100);
    expect(parseCertificate(answer(notice(SORRY, 100), '返回首页'), ID)).toEqual({ status: 'not-found' });
    expect(statusOf(answer(notice(SORRY, 101), '返回首页'))).toBe('unreadable');
  });

  it('with at most 300 characters of other text beside it, not counting the sentence itself', () => {
    const footer = (n: number) => '版权所有：政务和公益机构域名注册管理中心'.repeat(20).slice(0, n);
    expect(footer(300)).toHaveLength(300);
    expect(parseCertificate(answer(SORRY, footer(300)), ID)).toEqual({ status: 'not-found' });
    expect(statusOf(answer(SORRY, footer(301)))).toBe('unreadable');
    // A long sentence and a long footer that together pass 300: still the answer.
    expect(parseCertificate(answer(notice(SORRY, 100), footer(250)), ID)).toEqual({ status: 'not-found' });
  });
});
