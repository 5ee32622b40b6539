import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/seeded-random';
import { type Certificate, type CertificateParse, parseCertificate } from '../../utils/engine/certificate';

const ID = '0123456789ABCDEF0123456789ABCDEF';
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../fixtures/certificates', name), 'utf8');

function certificate(result: CertificateParse): Certificate {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.certificate;
}
const read = (html: string): Certificate => certificate(parseCertificate(html, ID));

const EMPTY: Omit<Certificate, 'id' | 'domains' | 'domainsAsPrinted' | 'holder'> = {
  siteName: null,
  holderType: null,
  holderTypeText: null,
  address: null,
  functions: null,
  issuer: null,
  certNumber: null,
  issueDate: null,
  creditCode: null,
};

describe('parseCertificate: layouts', () => {
  it('reads a th/td table, ignoring script, comments and the footer', () => {
    expect(parseCertificate(fixture('table-th-td.html'), ID)).toEqual({
      status: 'ok',
      certificate: {
        id: ID,
        siteName: '首都之窗',
        domains: ['www.beijing.gov.cn'],
        domainsAsPrinted: ['www.beijing.gov.cn'],
        holder: '北京市人民政府办公厅',
        holderType: 'organ',
        holderTypeText: '党政机关',
        address: '北京市通州区运河东大街57号',
        functions: '协助市政府领导处理市政府日常工作； 负责市政府会议的组织工作。',
        issuer: '北京市机构编制委员会办公室',
        certNumber: '0100000001000100001',
        issueDate: '2015-06-01',
        creditCode: null,
      },
    });
  });

  it('reads the fields public descriptions of the page list, a label with its alternative in brackets among them', () => {
    const c = read(fixture('documented-fields.html'));
    expect(c).toMatchObject({
      holder: '某某市疾病预防控制中心',
      holderType: 'institution',
      address: '某某市健康路8号',
      functions: '开展疾病预防控制、突发公共卫生事件应急处置。',
      siteName: '某某市疾病预防控制中心网站',
      domainsAsPrinted: ['www.mmcdc.cn', '某某市疾控中心.公益'],
      issuer: '某某省机构编制委员会办公室',
      certNumber: '3500000021000200003',
      issueDate: '2017年5月12日',
    });
    // The same label in a one-cell layout, with ASCII brackets, ends the value before it.
    const oneCell = read(
      '<div>机构名称：某某市疾病预防控制中心<br>机构地址：某某市健康路8号<br>机构职能(业务范围)：开展疾病预防控制。<br>域名：www.mmcdc.cn</div>',
    );
    expect([oneCell.address, oneCell.functions]).toEqual(['某某市健康路8号', '开展疾病预防控制。']);
  });

  it('reads dl/dt/dd with several domains in several forms', () => {
    expect(read(fixture('dl-dt-dd.html'))).toEqual({
      id: ID,
      siteName: '国家图书馆',
      domains: ['www.nlc.cn', 'nlc.cn', 'www.nlc.gov.cn', 'www.nlc.org.cn', 'xn--1jq32sda549bw27g.xn--55qw42g'],
      domainsAsPrinted: ['www.nlc.cn', 'nlc.cn', 'www.nlc.gov.cn', 'WWW.NLC.ORG.CN', '国家图书馆.公益'],
      holder: '国家图书馆',
      holderType: 'institution',
      holderTypeText: '事业单位',
      address: '北京市海淀区中关村南大街33号',
      functions: '履行国家总书库职能， 负责国家书目和联合目录编制。',
      issuer: '中央机构编制委员会办公室',
      certNumber: '3300000012000100002',
      issueDate: '2016年3月8日',
      creditCode: null,
    });
  });

  it('reads label spans with Chinese (IDN) domains', () => {
    expect(read(fixture('label-spans.html'))).toEqual({
      id: ID,
      siteName: '中国政府网',
      domains: ['www.gov.cn', 'xn--fiqs8sirgfmhq98a.xn--zfr164b', 'xn--zfr54hdx6e.xn--zfr164b.cn'],
      domainsAsPrinted: ['www.gov.cn', '中国政府网.政务', '国务院.政务.cn'],
      holder: '国务院办公厅',
      holderType: 'organ',
      holderTypeText: '党政机关',
      address: '北京市西城区中南海',
      functions: '协助国务院领导同志处理国务院日常工作',
      issuer: '中央机构编制委员会办公室',
      certNumber: '3300000001000100001',
      issueDate: '2014-01-01',
      creditCode: null,
    });
  });

  it('reads one cell of "label：value" lines with odd spacing, colons and a credit code', () => {
    expect(read(fixture('one-cell.html'))).toEqual({
      id: ID,
      siteName: '杭州市西湖区人民政府门户网站',
      domains: ['www.hzxh.gov.cn', 'xh.hangzhou.gov.cn'],
      domainsAsPrinted: ['www.hzxh.gov.cn', 'xh.hangzhou.gov.cn'],
      holder: '杭州市 西湖区人民政府',
      holderType: 'organ',
      holderTypeText: '行政机关',
      address: '杭州市西湖区文二西路 93号',
      functions: '负责本区行政事务',
      issuer: '杭州市机构编制委员会办公室',
      certNumber: '1109101060002001',
      issueDate: '2017-09-20',
      creditCode: '11330106002489965N',
    });
  });

  it('reads a div grid, a domain list and stops at an unknown label', () => {
    expect(read(fixture('div-grid.html'))).toEqual({
      ...EMPTY,
      id: ID,
      siteName: '广东省教育厅',
      domains: ['edu.gd.gov.cn', 'gdhed.edu.cn'],
      domainsAsPrinted: ['edu.gd.gov.cn', 'gdhed.edu.cn'],
      holder: '广东省教育厅',
      holderType: 'organ',
      holderTypeText: '党政机关',
      certNumber: '2000000003000300001',
    });
  });

  it('reads label and value in separate rows', () => {
    const c = read(
      '<table><tr><td>机构名称：</td></tr><tr><td>某某县教育局</td></tr><tr><td>域名：</td></tr><tr><td>jyj.mm.gov.cn</td></tr></table>',
    );
    expect([c.holder, c.domains]).toEqual(['某某县教育局', ['jyj.mm.gov.cn']]);
  });

  it('collects a value spread over nested blocks in one cell', () => {
    const c = read(
      '<table><tr><td>机构名称</td><td><div>某某县</div><div>教育局</div></td></tr>' +
        '<tr><td>域名</td><td><p>a.mm.gov.cn</p><p>b.mm.gov.cn</p></td></tr><tr><td>机构类型</td><td>事业单位</td></tr></table>',
    );
    expect([c.holder, c.domains, c.holderType]).toEqual(['某某县 教育局', ['a.mm.gov.cn', 'b.mm.gov.cn'], 'institution']);
  });

  it('joins a value split by inline elements and spans without spaces', () => {
    const c = read('<p>机构名称：<span>某某</span><span>县</span><b>教育</b>局</p><p>域名：<a href="#">jyj.mm.gov.cn</a></p>');
    expect([c.holder, c.domains]).toEqual(['某某县教育局', ['jyj.mm.gov.cn']]);
  });

  it('reads labels spaced out or followed by a space instead of a colon', () => {
    const c = read(
      '<div>机&nbsp;构&nbsp;名&nbsp;称: 某某县教育局</div><div>域名 jyj.mm.gov.cn</div><div>机构类型 党政机关</div>',
    );
    expect([c.holder, c.domains, c.holderTypeText]).toEqual(['某某县教育局', ['jyj.mm.gov.cn'], '党政机关']);
  });

  it('reads several labels in one line', () => {
    const c = read('<p>机构名称：某某县教育局　机构类型：党政机关 域名：jyj.mm.gov.cn</p>');
    expect([c.holder, c.holderTypeText, c.domains]).toEqual(['某某县教育局', '党政机关', ['jyj.mm.gov.cn']]);
  });

  it('stops a value at a label it does not know', () => {
    const dl = read(
      '<dl><dt>机构名称</dt><dd>某某县教育局</dd><dt>负责人</dt><dd>张三</dd><dt>域名</dt><dd>jyj.mm.gov.cn</dd></dl>',
    );
    expect(dl.holder).toBe('某某县教育局');
    const lines = read('<td>机构名称：某某县教育局<br>负责人：张三<br>域名：jyj.mm.gov.cn<br>联系电话：010-12345678</td>');
    expect([lines.holder, lines.domains]).toEqual(['某某县教育局', ['jyj.mm.gov.cn']]);
  });

  it('prefers the certificate labels over a footer 主办单位 / 地址 / 网址', () => {
    const c = read(
      '<p>主办单位：政务和公益机构域名注册管理中心</p><p>地址：北京市西城区</p><p>网址：www.conac.cn</p>' +
        '<table><tr><td>机构名称</td><td>某某县教育局</td></tr><tr><td>机构地址</td><td>某某县人民路1号</td></tr>' +
        '<tr><td>域名</td><td>jyj.mm.gov.cn</td></tr></table>',
    );
    expect([c.holder, c.address, c.domains]).toEqual(['某某县教育局', '某某县人民路1号', ['jyj.mm.gov.cn']]);
  });

  it('uses 网址 only when there is no 域名 label, and merges all 域名 labels', () => {
    expect(read('<p>单位名称：某某县教育局</p><p>网址：http://jyj.mm.gov.cn/index.html</p>').domains).toEqual(['jyj.mm.gov.cn']);
    const c = read(
      '<p>机构名称：某某县教育局</p><p>中文域名：某某县教育局.政务</p><p>英文域名：jyj.mm.gov.cn、JYJ.MM.GOV.CN</p>',
    );
    expect(c.domains).toEqual(['xn--5nru1rvyhcqca6339a.xn--zfr164b', 'jyj.mm.gov.cn']);
    expect(c.domainsAsPrinted).toEqual(['某某县教育局.政务', 'jyj.mm.gov.cn']);
  });

  it('reads unclosed tags', () => {
    const c = read('<table><tr><td>机构名称<td>某某县教育局<tr><td>域名<td>jyj.mm.gov.cn');
    expect([c.holder, c.domains]).toEqual(['某某县教育局', ['jyj.mm.gov.cn']]);
  });
});

describe('parseCertificate: values are plain text', () => {
  it('returns markup in a value as literal text and skips scripts and styles', () => {
    const c = read(fixture('script-in-value.html'));
    expect(c.holder).toBe('<script>alert(1)</script>XX局');
    expect(c.holderTypeText).toBe('事业单位');
    expect(c.address).toBe('<img src=x onerror=alert(3)>');
    expect(c.siteName).toBe('局XX');
    expect(c.domains).toEqual(['www.xxj.gov.cn']);
  });

  it('removes direction overrides and zero-width characters', () => {
    const c = read('<p>机构名称：某某\u202e县\u200b教育局\u2066</p><p>域名：jyj.mm.gov.cn</p>');
    expect(c.holder).toBe('某某县教育局');
  });

  it('caps a value at 500 characters', () => {
    const c = read(`<p>机构名称：${'局'.repeat(3000)}</p><p>域名：jyj.mm.gov.cn</p>`);
    expect(c.holder).toBe('局'.repeat(500));
  });

  it('takes the 18-character credit code out of its cell, upper case', () => {
    const at = (v: string) => read(`<p>机构名称：某局</p><p>域名：a.mm.gov.cn</p><p>统一社会信用代码：${v}</p>`).creditCode;
    expect(at('91350100m000100y43（有效）')).toBe('91350100M000100Y43');
    expect(at('１１３３０１０６００２４８９９６５Ｎ')).toBe('11330106002489965N');
    expect(at('12345')).toBe('12345');
    expect(at('无')).toBe(null);
  });
});

describe('parseCertificate: holder type', () => {
  const typeOf = (text: string) => read(`<p>机构名称：某局</p><p>机构类型：${text}</p><p>域名：a.mm.gov.cn</p>`).holderType;
  it('maps organs', () => {
    for (const t of [
      '党政机关',
      '行政机关',
      '党的机关',
      '人大机关',
      '政协机关',
      '审判机关',
      '检察机关',
      '民主党派机关',
      '群团机关',
      '机关',
    ]) {
      expect(typeOf(t), t).toBe('organ');
    }
  });
  it('maps public institutions', () => {
    for (const t of ['事业单位', '公益一类事业单位', '参照公务员法管理的事业单位']) expect(typeOf(t), t).toBe('institution');
  });
  it('maps anything else to other, and no type to null', () => {
    expect(typeOf('社会团体')).toBe('other');
    expect(typeOf('企业')).toBe('other');
    expect(read('<p>机构名称：某局</p><p>域名：a.mm.gov.cn</p>').holderType).toBe(null);
  });
});

describe('parseCertificate: not found and unreadable', () => {
  it('recognises a page saying the certificate does not exist', () => {
    expect(parseCertificate(fixture('not-found.html'), ID)).toEqual({ status: 'not-found' });
    for (const msg of ['没有查询到相关信息', '未找到该标识', '无此标识', '查询不到该证书']) {
      expect(parseCertificate(`<div class="msg">${msg}</div>`, ID), msg).toEqual({ status: 'not-found' });
    }
  });

  it("takes only the registry's not-found answer for one: no labels, the sentence as the main content", () => {
    const unreadable = { status: 'unreadable', detail: 'no 机构名称 label; no 域名 label' };
    const cases: [string, string][] = [
      ['a page with the certificate labels, left empty', '<p>机构名称：</p><p>域名：</p><p>未查询到该证书</p>'],
      ['a soft 404', '<h1>404</h1><p>抱歉，您访问的页面不存在！</p><p><a href="/">返回首页</a></p>'],
      ['a WAF block page', '<h2>访问被拦截</h2><p>您的请求可能存在威胁，已被拦截。如页面不存在请联系管理员。</p>'],
      ['a maintenance page', '<h1>系统维护中</h1><p>系统升级期间暂停服务，给您带来的不便敬请谅解。</p>'],
      ['help text with a condition', '<p>查询说明</p><p>如查询不到该证书，请核对证书编号后重试。</p>'],
      [
        'a sentence lost in a long page',
        `<div>${'<p>网站建设动态与通知公告，政务公开信息。</p>'.repeat(30)}<p>该标识不存在</p></div>`,
      ],
    ];
    for (const [what, body] of cases) {
      const parsed = parseCertificate(`<html><body>${body}</body></html>`, ID);
      expect(parsed.status, what).toBe('unreadable');
      if (what !== 'a page with the certificate labels, left empty') expect(parsed, what).toEqual(unreadable);
    }
  });

  it('lets a readable certificate win over a not-found phrase', () => {
    expect(read('<p>机构名称：某局</p><p>域名：a.mm.gov.cn</p><p>已注销的网站不在此列</p>').holder).toBe('某局');
  });

  it('does not take a phrase inside long text for a not-found message', () => {
    const long = `<p>${'通知内容'.repeat(100)}该问题不存在</p>`;
    expect(parseCertificate(long, ID)).toEqual({ status: 'unreadable', detail: 'no 机构名称 label; no 域名 label' });
  });

  it('says what is missing', () => {
    expect(parseCertificate(fixture('unknown-layout.html'), ID)).toEqual({ status: 'unreadable', detail: 'no 域名 label' });
    expect(parseCertificate('<p>欢迎访问</p>', ID)).toEqual({
      status: 'unreadable',
      detail: 'no 机构名称 label; no 域名 label',
    });
    expect(parseCertificate('<p>域名：www.gov.cn</p>', ID)).toEqual({ status: 'unreadable', detail: 'no 机构名称 label' });
    expect(parseCertificate('<p>机构名称：</p><p>域名：www.gov.cn</p>', ID)).toEqual({
      status: 'unreadable',
      detail: '机构名称 label has no value',
    });
    expect(parseCertificate('<p>机构名称：某局</p><p>域名：暂无</p>', ID)).toEqual({
      status: 'unreadable',
      detail: '域名 label has no valid domain',
    });
    expect(parseCertificate('<p>机构名称：某局</p>', ID)).toEqual({ status: 'unreadable', detail: 'no 域名 label' });
  });

  it('calls an empty or textless page unreadable', () => {
    expect(parseCertificate('', ID)).toEqual({ status: 'unreadable', detail: 'empty page' });
    expect(parseCertificate(null as unknown as string, ID)).toEqual({ status: 'unreadable', detail: 'empty page' });
    expect(parseCertificate('<html><script>机构名称：x</script></html>', ID)).toEqual({
      status: 'unreadable',
      detail: 'no text',
    });
  });
});

describe('parseCertificate: hostile and large input', () => {
  it('never throws on random bytes', () => {
    const random = seededRandom(42);
    const alphabet = '<>/="\' abc&#;!-[]机构名称：域名.\n';
    for (let n = 0; n < 20; n++) {
      let s = '';
      for (let i = 0; i < 20_000; i++) {
        s +=
          random() < 0.5 ? alphabet[Math.floor(random() * alphabet.length)] : String.fromCharCode(Math.floor(random() * 0xffff));
      }
      expect(['ok', 'not-found', 'unreadable']).toContain(parseCertificate(s, ID).status);
    }
  });

  it('survives 5 MB of nested tags', () => {
    expect(parseCertificate('<div>'.repeat(1_000_000), ID)).toEqual({ status: 'unreadable', detail: 'no text' });
    expect(parseCertificate('<table><tr><td>x'.repeat(300_000), ID).status).toBe('unreadable');
    expect(parseCertificate('<div><b></span>'.repeat(350_000), ID).status).toBe('unreadable');
  });

  it('survives 5 MB of labels', () => {
    expect(parseCertificate('<td>机构名称</td>'.repeat(350_000), ID)).toEqual({
      status: 'unreadable',
      detail: '机构名称 label has no value; no 域名 label',
    });
  });

  it('reads a 50 KB page', () => {
    const base = fixture('table-th-td.html');
    const item = '<li><a href="/art/2024/5/1/art_1.html">关于开展2024年度安全生产检查的通知</a><span>2024-05-01</span></li>\n';
    const page = base.replace(
      '<div class="footer">',
      `<ul>${item.repeat(Math.ceil((50_000 - base.length) / item.length))}</ul><div class="footer">`,
    );
    expect(page.length).toBeGreaterThanOrEqual(50_000);
    const c = read(page);
    expect([c.holder, c.domains, c.issueDate]).toEqual(['北京市人民政府办公厅', ['www.beijing.gov.cn'], '2015-06-01']);
  });
});
