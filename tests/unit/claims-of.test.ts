/** What a page claims about itself, read from its footer text: 网站标识码, ICP, 公网安备, owners. */
import { describe, expect, it } from 'vitest';
import { CLAIM_CHARS } from '../../utils/engine/detect/claims';
import { claimsOf, completeScan } from '../../utils/engine/detect/complete';

describe('网站标识码', () => {
  it.each([
    ['网站标识码：3600000013', '3600000013'],
    ['网站标识码:3600000013', '3600000013'],
    ['网站标识码3600000013', '3600000013'], // no colon
    ['网站标识码 ：3600000013', '3600000013'], // a space before the colon
    ['网站标识码：  3600000013', '3600000013'], // spaces after it
    ['网站标识码：bm09000001', 'bm09000001'], // department sites' codes carry letters
    ['网站标识码：36000000131', null], // eleven characters is not a site code
    ['网站标识码：360000001', null], // nine neither
    ['网站标识码 1100000088 \n 网站标识码 3600000013', '3600000013'], // the last one printed
  ])('%j → %s', (text, code) => {
    expect(claimsOf(text, null).siteCode).toBe(code);
  });
  it('the code the page’s scripts gave stands when the text prints none', () => {
    expect(claimsOf('主办单位：某某局', '1100000088').siteCode).toBe('1100000088');
  });
  it('the printed code outranks the scripts’ one', () => {
    expect(claimsOf('网站标识码：3600000013', '1100000088').siteCode).toBe('3600000013');
  });
});

describe('ICP 备案号', () => {
  it.each([
    ['京ICP备05070218号', '京ICP备05070218号'],
    ['京ICP备05070218号-1', '京ICP备05070218号-1'],
    ['京ICP备05070218号 - 12', '京ICP备05070218号-12'],
    ['京ICP备05070218号-\n3', '京ICP备05070218号-3'],
    ['京 ICP 备 05070218 号', '京ICP备05070218号'],
    ['京ICP备：05070218号', '京ICP备05070218号'],
    ['京icp备05070218号', '京ICP备05070218号'],
    ['京ICP证050218号', '京ICP证050218号'],
    ['ICP备05070218号', null], // no province character
    ['京ICP备05070218', null], // no 号
    ['京ICP备05070218号 赣ICP备05004212号', '赣ICP备05004212号'],
  ])('%j → %s', (text, icp) => {
    expect(claimsOf(text, null).icp).toBe(icp);
  });
});

describe('公网安备', () => {
  it.each([
    ['京公网安备 11010502030143号', '京公网安备11010502030143号'],
    ['京公网安备11010502030143号', '京公网安备11010502030143号'],
    ['京公网安备11010502030143', '京公网安备11010502030143号'], // 号 left off
    ['京 公网安备：11010502030143号', '京公网安备11010502030143号'],
    ['京公网安备 ： 11010502030143 号', '京公网安备11010502030143号'],
    ['京公网安备\n11010502030143号', '京公网安备11010502030143号'],
    ['公网安备11010502030143号', null], // no province character
    ['京公网安备 11010502030143号 赣公网安备 36010202000123号', '赣公网安备36010202000123号'],
  ])('%j → %s', (text, psb) => {
    expect(claimsOf(text, null).psb).toBe(psb);
  });
});

describe('owners', () => {
  it('one owner', () => {
    expect(claimsOf('主办单位：某某市人民政府办公室', null)).toMatchObject({
      owner: '某某市人民政府办公室',
      owners: ['某某市人民政府办公室'],
    });
  });
  it('joint owners, joined by 、 for the fronts that print one', () => {
    expect(claimsOf('主办单位：某某市科学技术局 某某市科学技术协会', null)).toMatchObject({
      owner: '某某市科学技术局、某某市科学技术协会',
      owners: ['某某市科学技术局', '某某市科学技术协会'],
    });
  });
  it('none printed', () => {
    expect(claimsOf('版权所有 © 2024', null)).toMatchObject({ owner: null, owners: [] });
  });
});

describe('what a content script sends is bounded and typed here', () => {
  it('only the text’s last CLAIM_CHARS are read', () => {
    const text = `主办单位：某某科技有限公司\n${'某'.repeat(CLAIM_CHARS)}\n网站标识码：3600000013`;
    expect(claimsOf(text, null)).toMatchObject({ owner: null, siteCode: '3600000013' });
  });
  it('a text of exactly CLAIM_CHARS is read whole', () => {
    const head = '主办单位：某某市人民政府\n';
    const text = head + '。'.repeat(CLAIM_CHARS - head.length);
    expect(claimsOf(text, null).owner).toBe('某某市人民政府');
  });
  it.each([[undefined], [null], [42], [{ length: 3 }], [['主办单位：某某局']]])('%j is no text', (text) => {
    expect(claimsOf(text, '1100000088')).toEqual({ owner: null, owners: [], siteCode: '1100000088', icp: null, psb: null });
  });
});

describe('completeScan', () => {
  it('keeps the url and marks, reads the claims, and does not keep the text', () => {
    const scan = completeScan({
      url: 'https://www.moumou.gov.cn/',
      marks: [],
      claimText: '主办单位：某某市人民政府',
      siteCode: '3600000013',
    });
    expect(scan).toEqual({
      url: 'https://www.moumou.gov.cn/',
      marks: [],
      claims: { owner: '某某市人民政府', owners: ['某某市人民政府'], siteCode: '3600000013', icp: null, psb: null },
    });
  });
});
