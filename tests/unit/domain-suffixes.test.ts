/**
 * Every entry of the domain rule tables, one row each, written out by hand (not read from the
 * table under test): dropping or mistyping one entry fails its row.
 */
import { describe, expect, it } from 'vitest';
import { domainRelation, isGovernmentDomain, isPublicSuffix, siteKey } from '../../utils/engine/domain';
import { verify } from '../../utils/engine/verify';
import { certificate, found, scan } from './helpers';

/** The provincial second-level domains under .cn (CNNIC's list of 34 province-level divisions). */
const PROVINCES: [suffix: string, province: string][] = [
  ['bj', '北京'],
  ['sh', '上海'],
  ['tj', '天津'],
  ['cq', '重庆'],
  ['he', '河北'],
  ['sx', '山西'],
  ['nm', '内蒙古'],
  ['ln', '辽宁'],
  ['jl', '吉林'],
  ['hl', '黑龙江'],
  ['js', '江苏'],
  ['zj', '浙江'],
  ['ah', '安徽'],
  ['fj', '福建'],
  ['jx', '江西'],
  ['sd', '山东'],
  ['ha', '河南'],
  ['hb', '湖北'],
  ['hn', '湖南'],
  ['gd', '广东'],
  ['gx', '广西'],
  ['hi', '海南'],
  ['sc', '四川'],
  ['gz', '贵州'],
  ['yn', '云南'],
  ['xz', '西藏'],
  ['sn', '陕西'],
  ['gs', '甘肃'],
  ['qh', '青海'],
  ['nx', '宁夏'],
  ['xj', '新疆'],
  ['tw', '台湾'],
  ['hk', '香港'],
  ['mo', '澳门'],
];

/** The .cn categories anyone of a kind registers under. */
const CATEGORIES = ['com', 'net', 'org', 'edu', 'ac', 'mil'];

/** Suffixes only the registry hands out: .gov.cn, .政务, .公益 and their older .cn forms. */
const GOVERNMENT: [punycode: string, printed: string][] = [
  ['gov.cn', 'gov.cn'],
  ['xn--zfr164b', '政务'],
  ['xn--55qw42g', '公益'],
  ['xn--zfr164b.cn', '政务.cn'],
  ['xn--55qw42g.cn', '公益.cn'],
];

const SHARED_SUFFIXES = [
  ...PROVINCES.map(([s]) => `${s}.cn`),
  ...CATEGORIES.map((s) => `${s}.cn`),
  ...GOVERNMENT.map(([s]) => s),
];

describe.each(SHARED_SUFFIXES)('the shared suffix %s', (suffix) => {
  it('is a public suffix, not a site', () => {
    expect(isPublicSuffix(suffix)).toBe(true);
  });

  it('keeps www. in front of it, so www.<suffix> is not the suffix itself', () => {
    expect(siteKey(`www.${suffix}`)).toBe(`www.${suffix}`);
  });

  it('never relates a copycat on the bare suffix to a site registered under it', () => {
    const registered = [`www.portal.${suffix}`];
    expect(domainRelation(`www.${suffix}`, registered)).toBe('mismatch');
    expect(domainRelation(suffix, registered)).toBe('mismatch');
    // Control: a real subdomain of the registered site does relate.
    expect(domainRelation(`news.portal.${suffix}`, registered)).toBe('related');
  });

  it('makes a copycat on it danger, not a warning', () => {
    const registered = `www.portal.${suffix}`;
    const verdict = verify(
      scan({ url: `https://www.${suffix}/` }),
      found(certificate({ domains: [registered], domainsAsPrinted: [registered] })),
    );
    expect(verdict.state).toBe('danger');
    expect(verdict.reasons[0]).toMatchObject({ code: 'domain-mismatch', severity: 'danger' });
  });
});

describe('names that look like a shared suffix but are sites', () => {
  it.each(['beijing.gov.cn', 'bj.com', 'gd.cn.com', 'bjs.cn', 'b.cn', 'xn--zfr164b.com'])('%s is a site', (host) => {
    expect(isPublicSuffix(host)).toBe(false);
  });
});

describe.each(GOVERNMENT)('the registry-only suffix %s (%s)', (punycode, printed) => {
  it('marks a name under it as a government domain, in either form', () => {
    expect(isGovernmentDomain(`www.example.${punycode}`)).toBe(true);
    expect(isGovernmentDomain(`某某县人民政府.${printed}`)).toBe(true);
  });

  it('does not mark the suffix itself, or the same letters elsewhere', () => {
    expect(isGovernmentDomain(punycode)).toBe(false);
    expect(isGovernmentDomain(`www.example.${punycode}.example.com`)).toBe(false);
    expect(isGovernmentDomain(`www.example${punycode}`)).toBe(false);
  });
});

describe.each(CATEGORIES.map((s) => `${s}.cn`).concat(PROVINCES.map(([s]) => `${s}.cn`)))('the open suffix %s', (suffix) => {
  it('is not a government domain', () => {
    expect(isGovernmentDomain(`www.example.${suffix}`)).toBe(false);
  });
});
