/**
 * The certificate page read as a careful clerk would: a value belongs to its own field, what a
 * person cannot see is not a field, and a revoked certificate is never a certificate in force.
 */
import { describe, expect, it } from 'vitest';
import { type CertificateParse, parseCertificate } from '../../utils/engine/certificate';
import { STATUS_WORDS } from '../../utils/engine/certificate-answer';

const ID = '0123456789ABCDEF0123456789ABCDEF';
const page = (rows: [string, string][], extra = '') =>
  `<html><body><h2>标识证书基本信息</h2><table>${rows.map(([l, v]) => `<tr><th>${l}</th><td>${v}</td></tr>`).join('')}</table>${extra}</body></html>`;
const base: [string, string][] = [
  ['网站名称', '某某市疾控中心网站'],
  ['机构名称', '某某市疾病预防控制中心'],
  ['机构类型', '事业单位'],
  ['域名', 'www.mmcdc.cn'],
  ['机构职能', '开展疾病预防控制工作'],
];
const withRow = (field: string, value: string) => base.map(([l, v]): [string, string] => [l, l === field ? value : v]);
const domainsOf = (parsed: CertificateParse) => (parsed.status === 'ok' ? parsed.certificate.domains : parsed);

describe('a domain comes only from the domain field', () => {
  const separators: [string, string][] = [
    ['a space', ' '],
    ['an ideographic space', '\u3000'],
    ['a no-break space', '&nbsp;'],
    ['a comma', '，'],
  ];
  describe.each(['机构职能', '机构名称', '网站名称'])('域名：x written inside %s', (field) => {
    it.each(separators)('after %s', (_name, sep) => {
      const value = `${base.find(([l]) => l === field)![1]}${sep}域名：www.gov-copycat.cn`;
      expect(domainsOf(parseCertificate(page(withRow(field, value)), ID))).toEqual(['www.mmcdc.cn']);
    });
  });

  it('in a one-line layout, the domain label on the line is still read', () => {
    const parsed = parseCertificate('<p>机构名称：某某县教育局　机构类型：党政机关 域名：jyj.mm.gov.cn</p>', ID);
    expect(domainsOf(parsed)).toEqual(['jyj.mm.gov.cn']);
  });

  it.each([
    ['曾用域名', [['曾用域名', 'old.mmcdc.cn']]],
    ['原域名', [['原域名', 'old.mmcdc.cn']]],
    ['历史域名', [['历史域名', 'old.mmcdc.cn']]],
    ['域名（已注销）', [['域名（已注销）', 'old.mmcdc.cn']]],
    ['域名(已停用)', [['域名(已停用)', 'old.mmcdc.cn']]],
  ] as [string, [string, string][]][])('a qualified label (%s) names another domain', (_label, rows) => {
    expect(domainsOf(parseCertificate(page([...base, ...rows]), ID))).toEqual(['www.mmcdc.cn']);
    // Nor does its value run on into the registered domain's.
    expect(domainsOf(parseCertificate(page([...rows, ...base]), ID))).toEqual(['www.mmcdc.cn']);
  });

  it.each([
    ['an e-mail address', 'www.mmcdc.cn webmaster@gov-copycat.cn'],
    ['a URL query string', 'http://www.mmcdc.cn/?next=www.gov-copycat.cn'],
    ['a path', 'https://www.mmcdc.cn/go/www.gov-copycat.cn/index.html'],
    ['userinfo', 'www.mmcdc.cn http://www.gov-copycat.cn@www.mmcdc.cn/'],
  ])('%s inside the field is not a domain', (_case, value) => {
    expect(domainsOf(parseCertificate(page(withRow('域名', value)), ID))).toEqual(['www.mmcdc.cn']);
  });

  it('reads full-width letters, digits, hyphens and dots as ordinary ones (NFKC)', () => {
    const parsed = parseCertificate(page(withRow('域名', 'ｗｗｗ．ｍｍ－ｃｄｃ２．ｃｎ')), ID);
    expect(parsed.status === 'ok' && parsed.certificate.domainsAsPrinted).toEqual(['www.mm-cdc2.cn']);
    expect(domainsOf(parsed)).toEqual(['www.mm-cdc2.cn']);
  });

  it('never takes the registry footer or help text after the last field for a domain', () => {
    const extra = '<div class="help">如需帮助 域名：help.conac-copycat.cn</div><div class="footer">网址：www.conac.cn</div>';
    expect(domainsOf(parseCertificate(page(base, extra), ID))).toEqual(['www.mmcdc.cn']);
  });
});

describe('what a person cannot see is not a field', () => {
  const hidden: [string, string][] = [
    ['the hidden attribute', '<tr hidden><th>域名</th><td>www.gov-copycat.cn</td></tr>'],
    ['display:none', '<tr style="color:red; display: none"><th>域名</th><td>www.gov-copycat.cn</td></tr>'],
    ['visibility:hidden', '<tr style="visibility:hidden"><th>域名</th><td>www.gov-copycat.cn</td></tr>'],
    ['aria-hidden', '<tr aria-hidden="true"><th>域名</th><td>www.gov-copycat.cn</td></tr>'],
    ['a hidden value cell', '<tr><th>域名</th><td><span style="display:none">www.gov-copycat.cn</span></td></tr>'],
  ];
  it.each(hidden)('%s', (_case, row) => {
    const html = page(base).replace('</table>', `${row}</table>`);
    expect(domainsOf(parseCertificate(html, ID))).toEqual(['www.mmcdc.cn']);
  });

  it.each(['script', 'style', 'textarea', 'noscript', 'template', 'title'])('<%s> supplies no label or value', (tag) => {
    const html = page(base, `<${tag}>域名：www.gov-copycat.cn 机构名称：假单位</${tag}>`);
    const parsed = parseCertificate(html, ID);
    expect(domainsOf(parsed)).toEqual(['www.mmcdc.cn']);
    expect(parsed.status === 'ok' && parsed.certificate.holder).toBe('某某市疾病预防控制中心');
  });

  it('a hidden holder value is no value', () => {
    const html = page(withRow('机构名称', '<span hidden>假单位</span>'));
    expect(parseCertificate(html, ID)).toMatchObject({ status: 'unreadable', detail: '机构名称 label has no value' });
  });
});

describe('a revoked, cancelled, expired or suspended certificate', () => {
  it.each(STATUS_WORDS.map((s) => [s.word] as const))('a status field saying %s', (word) => {
    const parsed = parseCertificate(page([...base, ['证书状态', word]]), ID);
    expect(parsed).toMatchObject({ status: 'revoked', detail: word, certificate: { holder: '某某市疾病预防控制中心' } });
  });

  it('a heading or notice of the page', () => {
    expect(parseCertificate(page(base).replace('标识证书基本信息', '标识证书基本信息（已撤销）'), ID)).toMatchObject({
      status: 'revoked',
    });
    expect(parseCertificate(page(base, '<div class="notice">该网站标识已注销</div>'), ID)).toMatchObject({
      status: 'revoked',
      detail: '该网站标识已注销',
    });
    expect(parseCertificate('<div class="msg">该证书已注销</div>', ID)).toMatchObject({ status: 'revoked', certificate: null });
  });

  it('not the words inside a field such as 机构职能', () => {
    const parsed = parseCertificate(page(withRow('机构职能', '负责企业注销登记；办理已注销企业档案；标识证书已过期的换发')), ID);
    expect(parsed.status).toBe('ok');
    expect(parseCertificate(page([...base, ['状态', '正常']]), ID).status).toBe('ok');
  });
});
