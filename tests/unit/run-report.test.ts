// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CsvColumn } from '../../utils/batch/export';
import { REPORT_CSP, type ReportRow, runReport } from '../../utils/batch/run-report';

const base: ReportRow = {
  address: '',
  final_url: '',
  state: 'verified',
  holder: '',
  holder_type: '',
  registered_domains: '',
  certificate_id: '',
  reasons: '',
  messages: '',
  checked_at: '2025-01-01T00:00:00.000Z',
  error: '',
  run: 'r1',
  shard: '0/1',
  list_index: '0',
};
const row = (fields: Partial<Record<CsvColumn, string>>): ReportRow => ({ ...base, ...fields });

const rows = [
  row({ address: 'https://ok.gov.cn/', state: 'verified', holder: '某某市人民政府' }),
  row({
    address: 'https://bad.gov.cn/',
    state: 'danger',
    holder: '<script>alert(1)</script>',
    messages: '证书登记的域名不包括本网站。',
  }),
  row({ address: 'https://odd.gov.cn/', state: 'warning', messages: 'Holder differs' }),
  row({ address: 'https://down.gov.cn/', state: 'unknown', reasons: 'service-timeout' }),
  row({ address: 'https://gone.gov.cn/', state: 'unknown', error: '无法连接' }),
  row({ address: 'https://plain.cn/', state: 'none' }),
];
const run = { list: 'province<1>.txt', startedAt: '2025-01-01T08:00:00Z', finishedAt: '2025-01-01T09:00:00Z', version: '0.1.0' };

describe('the run report', () => {
  const zh = runReport(rows, { ...run, registry: { requests: 40, retries: 3, failures: 1, ratePerSecond: 4 } }, 'zh');
  const en = runReport(rows, run, 'en');

  it('declares a strict CSP that allows no script and no request, and loads nothing', () => {
    expect(zh).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).not.toMatch(/script-src|https?:/);
    expect(zh).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
  });

  it('escapes certificate and page text', () => {
    expect(zh).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(zh).toContain('province&lt;1&gt;.txt');
  });

  it('gives the date, the list, the counts by state with a bar each, in the chosen language', () => {
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('网站标识核验报告');
    expect(en).toContain('Website identity mark audit report');
    expect(zh).toContain('2025-01-01T08:00:00Z');
    expect(zh.match(/<rect /g)).toHaveLength(5);
    // unknown 2, every other state 1: the unknown bar is the longest (360 px), the others half.
    expect(zh).toMatch(/fill="#616161"/);
    expect([...zh.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b)).toEqual([
      180, 180, 180, 180, 360,
    ]);
  });

  it('lists the danger and then the warning sites first, with their reasons in words', () => {
    const attention = zh.slice(zh.indexOf('需要关注的网站'), zh.indexOf('全部结果'));
    expect(attention.indexOf('https://bad.gov.cn/')).toBeGreaterThan(0);
    expect(attention.indexOf('https://odd.gov.cn/')).toBeGreaterThan(attention.indexOf('https://bad.gov.cn/'));
    expect(attention).toContain('证书登记的域名不包括本网站。');
    expect(attention).not.toContain('https://ok.gov.cn/');
    const all = zh.slice(zh.indexOf('全部结果'));
    for (const r of rows) expect(all).toContain(r.address);
  });

  it('notes the method and the registry during the run', () => {
    expect(zh).toContain('核验方法');
    expect(zh).toMatch(/1 个网站因登记查询服务无法访问而无法确定。 1 个网站的页面无法获取。/);
    expect(zh).toContain('<dd>40 / 3 / 1</dd>');
    expect(en).not.toContain('Registry requests / retries');
  });

  it('says so when no site needs attention', () => {
    expect(runReport([row({ address: 'https://ok.gov.cn/' })], run, 'en')).toContain('No site is in danger or warning.');
  });

  it('prints on A4', () => {
    expect(zh).toContain('@page{size:A4');
  });
});
