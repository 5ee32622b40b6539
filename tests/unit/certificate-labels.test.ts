/**
 * Every label synonym the certificate reader knows, one row each, and the priority between them,
 * written out by hand (not read from the LABELS table under test): dropping, mistyping or
 * reordering one entry fails its row.
 */
import { describe, expect, it } from 'vitest';
import { type Certificate, parseCertificate } from '../../utils/engine/certificate';

const ID = '0123456789ABCDEF0123456789ABCDEF';
const HOLDER = '北京市人民政府';
const DOMAIN = 'www.beijing.gov.cn';

const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;
const page = (...rows: string[]) => `<html><body><table>${rows.join('')}</table></body></html>`;

function read(html: string): Certificate {
  const result = parseCertificate(html, ID);
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.certificate;
}

type Field = Exclude<keyof Certificate, 'id' | 'domains' | 'domainsAsPrinted' | 'holder'>;

/** [label, field, value printed, value read] for every field but the holder and the domains. */
const FIELD_LABELS: [label: string, field: Field, printed: string, read: string | null][] = [
  ['机构类型', 'holderTypeText', '党政机关', '党政机关'],
  ['单位类型', 'holderTypeText', '党政机关', '党政机关'],
  ['机构性质', 'holderTypeText', '事业单位', '事业单位'],
  ['单位性质', 'holderTypeText', '事业单位', '事业单位'],
  ['机构地址', 'address', '北京市通州区运河东大街57号', '北京市通州区运河东大街57号'],
  ['单位地址', 'address', '北京市通州区运河东大街57号', '北京市通州区运河东大街57号'],
  ['地址', 'address', '北京市通州区运河东大街57号', '北京市通州区运河东大街57号'],
  ['机构职能', 'functions', '负责本市行政事务', '负责本市行政事务'],
  ['业务范围', 'functions', '负责本市行政事务', '负责本市行政事务'],
  ['主要职能', 'functions', '负责本市行政事务', '负责本市行政事务'],
  ['职能', 'functions', '负责本市行政事务', '负责本市行政事务'],
  ['网站名称', 'siteName', '首都之窗', '首都之窗'],
  ['标识证书发放单位', 'issuer', '中央机构编制委员会办公室', '中央机构编制委员会办公室'],
  ['发放单位', 'issuer', '中央机构编制委员会办公室', '中央机构编制委员会办公室'],
  ['发证机关', 'issuer', '中央机构编制委员会办公室', '中央机构编制委员会办公室'],
  ['发证单位', 'issuer', '中央机构编制委员会办公室', '中央机构编制委员会办公室'],
  ['标识证书编号', 'certNumber', '0100000001000100001', '0100000001000100001'],
  ['证书编号', 'certNumber', '0100000001000100001', '0100000001000100001'],
  ['标识证书发放时间', 'issueDate', '2015-06-01', '2015-06-01'],
  ['发放时间', 'issueDate', '2015-06-01', '2015-06-01'],
  ['发证日期', 'issueDate', '2015-06-01', '2015-06-01'],
  ['发放日期', 'issueDate', '2015-06-01', '2015-06-01'],
  ['统一社会信用代码', 'creditCode', '111100000000558227', '111100000000558227'],
];

describe('every label synonym is read into its field', () => {
  it.each(FIELD_LABELS)('%s → %s', (label, field, printed, value) => {
    const c = read(page(row('机构名称', HOLDER), row('域名', DOMAIN), row(label, printed)));
    expect(c[field]).toBe(value);
  });

  it.each(['机构名称', '单位名称', '开办单位', '主办单位'])('%s → holder', (label) => {
    expect(read(page(row(label, HOLDER), row('域名', DOMAIN))).holder).toBe(HOLDER);
  });

  it.each(['域名', '中英文域名', '中文域名', '英文域名', '域名名称', '网站域名'])('%s → domains', (label) => {
    expect(read(page(row('机构名称', HOLDER), row(label, DOMAIN))).domains).toEqual([DOMAIN]);
  });

  it.each(['网站地址', '网址'])('%s → domains, when no 域名 label is present', (label) => {
    expect(read(page(row('机构名称', HOLDER), row(label, `http://${DOMAIN}/`))).domains).toEqual([DOMAIN]);
  });
});

describe('every domain label adds to one list; the fallback only counts alone', () => {
  it('merges the domains of all six 域名 labels, in page order', () => {
    const c = read(
      page(
        row('机构名称', HOLDER),
        row('域名', 'a.beijing.gov.cn'),
        row('中英文域名', 'b.beijing.gov.cn'),
        row('中文域名', '北京市人民政府.政务'),
        row('英文域名', 'd.beijing.gov.cn'),
        row('域名名称', 'e.beijing.gov.cn'),
        row('网站域名', 'f.beijing.gov.cn'),
        row('网址', 'http://g.beijing.gov.cn/'),
      ),
    );
    expect(c.domainsAsPrinted).toEqual([
      'a.beijing.gov.cn',
      'b.beijing.gov.cn',
      '北京市人民政府.政务',
      'd.beijing.gov.cn',
      'e.beijing.gov.cn',
      'f.beijing.gov.cn',
    ]);
  });
});

/** [field, labels from the most to the least trusted]: a footer's 主办单位 or 地址 must not win. */
const PRIORITIES: [field: keyof Certificate, labels: string[]][] = [
  ['holder', ['机构名称', '单位名称', '开办单位', '主办单位']],
  ['holderTypeText', ['机构类型', '单位类型', '机构性质', '单位性质']],
  ['address', ['机构地址', '单位地址', '地址']],
  ['functions', ['机构职能', '业务范围', '主要职能', '职能']],
  ['issuer', ['标识证书发放单位', '发放单位', '发证机关', '发证单位']],
  ['certNumber', ['标识证书编号', '证书编号']],
  ['issueDate', ['标识证书发放时间', '发放时间', '发证日期', '发放日期']],
];
const pairs = PRIORITIES.flatMap(([field, labels]) => labels.slice(1).map((lower, i) => [field, labels[i]!, lower] as const));

describe('a more trusted label wins over a less trusted one, wherever each sits', () => {
  it.each(pairs)('%s: %s over %s', (field, higher, lower) => {
    const base = field === 'holder' ? [row('域名', DOMAIN)] : [row('机构名称', HOLDER), row('域名', DOMAIN)];
    const first = read(page(...base, row(higher, '甲值'), row(lower, '乙值')));
    const last = read(page(...base, row(lower, '乙值'), row(higher, '甲值')));
    expect([first[field], last[field]]).toEqual(['甲值', '甲值']);
  });
});

describe('a label named by its class (Bootstrap .label)', () => {
  it('may hold the value itself: a type in a label-classed badge is read', () => {
    const c = read(
      `<div><span class="label">机构名称</span><span>${HOLDER}</span></div>` +
        '<div><span class="label">机构类型</span><span class="label label-danger">党政机关</span></div>' +
        `<div><span class="label">域名</span><span>${DOMAIN}</span></div>`,
    );
    expect([c.holderType, c.holderTypeText]).toEqual(['organ', '党政机关']);
  });

  it('ends a value running before it', () => {
    const c = read(
      `<div><span class="lbl">机构名称</span><span>${HOLDER}</span><span class="lbl">备注</span><span>无</span></div>` +
        `<div><span class="lbl">域名</span><span>${DOMAIN}</span></div>`,
    );
    expect(c.holder).toBe(HOLDER);
  });
});

describe('the number of registered domains read', () => {
  it('is capped at 50, keeping the first 50 in page order', () => {
    const domains = Array.from({ length: 60 }, (_, i) => `site${i + 1}.example.cn`);
    const c = read(page(row('机构名称', HOLDER), row('域名', domains.join(' '))));
    expect(c.domains).toHaveLength(50);
    expect(c.domains[0]).toBe('site1.example.cn');
    expect(c.domains[49]).toBe('site50.example.cn');
  });

  it('keeps exactly 50 when 50 are printed', () => {
    const domains = Array.from({ length: 50 }, (_, i) => `site${i + 1}.example.cn`);
    expect(read(page(row('机构名称', HOLDER), row('域名', domains.join(' ')))).domains).toHaveLength(50);
  });
});
