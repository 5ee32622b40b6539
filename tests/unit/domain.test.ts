import { describe, expect, it } from 'vitest';
import {
  domainRelation,
  GOVERNMENT_SUFFIXES,
  isGovernmentDomain,
  isPublicSuffix,
  siteKey,
  toAsciiHost,
} from '../../utils/engine/domain';

describe('toAsciiHost', () => {
  it('converts Chinese domains to punycode', () => {
    expect(toAsciiHost('中国政府网.政务')).toBe('xn--fiqs8sirgfmhq98a.xn--zfr164b');
    expect(toAsciiHost('政务')).toBe('xn--zfr164b');
    expect(toAsciiHost('公益')).toBe('xn--55qw42g');
    expect(toAsciiHost('国务院.政务.cn')).toBe('xn--zfr54hdx6e.xn--zfr164b.cn');
  });
  it('accepts full-width dots and characters', () => {
    expect(toAsciiHost('中国政府网。政务')).toBe('xn--fiqs8sirgfmhq98a.xn--zfr164b');
    expect(toAsciiHost('中国政府网．政务')).toBe('xn--fiqs8sirgfmhq98a.xn--zfr164b');
    expect(toAsciiHost('中国政府网｡政务')).toBe('xn--fiqs8sirgfmhq98a.xn--zfr164b');
    expect(toAsciiHost('ＨＴＴＰ：／／ＷＷＷ．ＧＯＶ．ＣＮ／')).toBe('www.gov.cn');
  });
  it('drops scheme, path, port, case and the trailing dot, and keeps www.', () => {
    expect(toAsciiHost('WWW.GOV.CN')).toBe('www.gov.cn');
    expect(toAsciiHost('http://www.gov.cn/zhengce/index.htm')).toBe('www.gov.cn');
    expect(toAsciiHost('https://www.gov.cn:8443/?a=1#x')).toBe('www.gov.cn');
    expect(toAsciiHost('//www.gov.cn')).toBe('www.gov.cn');
    expect(toAsciiHost('www.gov.cn:8080')).toBe('www.gov.cn');
    expect(toAsciiHost(' www.gov.cn. ')).toBe('www.gov.cn');
    expect(toAsciiHost('http://中国政府网.政务/')).toBe('xn--fiqs8sirgfmhq98a.xn--zfr164b');
  });
  it('returns null for what is not a host', () => {
    for (const bad of [
      '',
      '   ',
      'a b.cn',
      'javascript:alert(1)',
      '(www.gov.cn)',
      '"www.gov.cn"',
      'a..b.cn',
      '.gov.cn',
      'http://',
      'www.gov.cn<b>',
    ]) {
      expect(toAsciiHost(bad), bad).toBe(null);
    }
  });
});

describe('siteKey', () => {
  it('treats www. and the bare domain as one site', () => {
    expect(siteKey('www.beijing.gov.cn')).toBe('beijing.gov.cn');
    expect(siteKey('WWW.Beijing.gov.cn.')).toBe('beijing.gov.cn');
    expect(siteKey('beijing.gov.cn')).toBe('beijing.gov.cn');
    expect(siteKey('www.www.x.cn')).toBe('www.x.cn');
  });
  it('keeps www. when only a public suffix would remain', () => {
    expect(siteKey('www.gov.cn')).toBe('www.gov.cn');
    expect(siteKey('www.xn--zfr164b')).toBe('www.xn--zfr164b');
    expect(siteKey('www.cn')).toBe('www.cn');
  });
});

describe('isPublicSuffix', () => {
  it('knows the registry suffixes, .cn second levels and every single label', () => {
    for (const s of [
      'cn',
      'com',
      'gov.cn',
      'com.cn',
      'edu.cn',
      'ac.cn',
      'bj.cn',
      'xn--zfr164b',
      'xn--55qw42g',
      'xn--zfr164b.cn',
      'xn--55qw42g.cn',
    ]) {
      expect(isPublicSuffix(s), s).toBe(true);
    }
    for (const s of ['beijing.gov.cn', 'nlc.cn', 'xn--fiqs8sirgfmhq98a.xn--zfr164b']) expect(isPublicSuffix(s), s).toBe(false);
  });
  it('lists the registry suffixes as government suffixes', () => {
    expect([...GOVERNMENT_SUFFIXES].sort()).toEqual(['gov.cn', 'xn--55qw42g', 'xn--55qw42g.cn', 'xn--zfr164b', 'xn--zfr164b.cn']);
  });
});

describe('domainRelation', () => {
  it('matches a registered site with or without www.', () => {
    expect(domainRelation('www.beijing.gov.cn', ['beijing.gov.cn'])).toBe('match');
    expect(domainRelation('beijing.gov.cn', ['www.beijing.gov.cn'])).toBe('match');
    expect(domainRelation('www.gov.cn', ['www.gov.cn'])).toBe('match');
    expect(domainRelation('WWW.BEIJING.GOV.CN.', ['www.beijing.gov.cn'])).toBe('match');
  });
  it('matches a punycode page host with a Chinese registered domain', () => {
    expect(domainRelation('xn--fiqs8sirgfmhq98a.xn--zfr164b', ['中国政府网.政务'])).toBe('match');
    expect(domainRelation('xn--fiqs8sirgfmhq98a.xn--zfr164b', ['www.gov.cn'])).toBe('mismatch');
  });
  it('prefers a match over a related domain in any order', () => {
    expect(domainRelation('edu.beijing.gov.cn', ['beijing.gov.cn', 'edu.beijing.gov.cn'])).toBe('match');
  });
  it('relates subdomains and parents on label boundaries', () => {
    expect(domainRelation('edu.beijing.gov.cn', ['www.beijing.gov.cn'])).toBe('related');
    expect(domainRelation('www.edu.beijing.gov.cn', ['beijing.gov.cn'])).toBe('related');
    expect(domainRelation('beijing.gov.cn', ['jw.beijing.gov.cn'])).toBe('related');
    expect(domainRelation('english.www.gov.cn', ['www.gov.cn'])).toBe('related');
  });
  it('does not relate look-alikes, siblings or other registrable domains', () => {
    expect(domainRelation('beijing.gov.cn.evil.com', ['beijing.gov.cn'])).toBe('mismatch');
    expect(domainRelation('xbeijing.gov.cn', ['beijing.gov.cn'])).toBe('mismatch');
    expect(domainRelation('beijing.gov.cn', ['xbeijing.gov.cn'])).toBe('mismatch');
    expect(domainRelation('edu.beijing.gov.cn', ['jw.beijing.gov.cn'])).toBe('mismatch');
    expect(domainRelation('beijing-gov.cn', ['beijing.gov.cn'])).toBe('mismatch');
  });
  it('never lets a bare public suffix match or relate', () => {
    expect(domainRelation('gov.cn', ['www.gov.cn'])).toBe('mismatch');
    expect(domainRelation('sousuo.gov.cn', ['www.gov.cn'])).toBe('mismatch');
    expect(domainRelation('www.gov.cn', ['gov.cn'])).toBe('mismatch');
    expect(domainRelation('gov.cn', ['gov.cn'])).toBe('mismatch');
    expect(domainRelation('a.gov.cn', ['gov.cn'])).toBe('mismatch');
    expect(domainRelation('x.com.cn', ['y.com.cn'])).toBe('mismatch');
    expect(domainRelation('xn--zfr164b', ['中国政府网.政务'])).toBe('mismatch');
    expect(domainRelation('a.xn--zfr164b', ['b.xn--zfr164b'])).toBe('mismatch');
    expect(domainRelation('a.xn--zfr164b.cn', ['xn--zfr164b.cn'])).toBe('mismatch');
    expect(domainRelation('cn', ['www.cn'])).toBe('mismatch');
  });
  it('is a mismatch for nothing registered or an invalid host', () => {
    expect(domainRelation('www.beijing.gov.cn', [])).toBe('mismatch');
    expect(domainRelation('', ['beijing.gov.cn'])).toBe('mismatch');
    expect(domainRelation('www.beijing.gov.cn', ['not a domain', ''])).toBe('mismatch');
  });
});

describe('isGovernmentDomain', () => {
  it('is true under .gov.cn, .政务, .公益 and their .cn forms', () => {
    for (const h of [
      'www.gov.cn',
      'WWW.BEIJING.GOV.CN',
      '中国政府网.政务',
      'xn--fiqs8sirgfmhq98a.xn--zfr164b',
      '国务院.政务.cn',
      '国家图书馆.公益',
      'x.xn--55qw42g.cn',
    ]) {
      expect(isGovernmentDomain(h), h).toBe(true);
    }
  });
  it('is false for the suffixes themselves, look-alikes and other domains', () => {
    for (const h of [
      'gov.cn',
      'xn--zfr164b',
      '政务',
      'xn--zfr164b.cn',
      'evilgov.cn',
      'www.gov.cn.evil.com',
      'www.nlc.cn',
      'gov.cn.com',
      '',
    ]) {
      expect(isGovernmentDomain(h), h).toBe(false);
    }
  });
});
