import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/seeded-random';
import { decodePunycode, toUnicodeHost } from '../../utils/engine/unicode-host';

describe('toUnicodeHost', () => {
  it.each([
    ['xn--gmq25jo2kfug1mda937e.xn--zfr164b', '某某县人民政府.政务'],
    ['www.xn--55qw42g.cn', 'www.公益.cn'],
    ['www.beijing.gov.cn', 'www.beijing.gov.cn'],
    ['XN--ZFR164B', '政务'],
  ])('%s → %s', (ascii, unicode) => {
    expect(toUnicodeHost(ascii)).toBe(unicode);
  });

  it('leaves labels that do not decode as they are', () => {
    expect(toUnicodeHost('xn--.example.cn')).toBe('xn--.example.cn');
    expect(toUnicodeHost('xn--zz!.example.cn')).toBe('xn--zz!.example.cn');
    expect(toUnicodeHost('xn--abc-.example.cn')).toBe('xn--abc-.example.cn');
    expect(decodePunycode('99999999999')).toBeNull();
    expect(decodePunycode('a-é')).toBeNull();
  });

  it('agrees with the URL standard on thousands of random Chinese, Latin and mixed hosts', () => {
    const random = seededRandom(7);
    const pools = ['政务公益人民政府市县区省局委办厅部', 'abcdefghijklmnopqrstuvwxyz0123456789', 'éüßøåçñ', '😀🏛'];
    let compared = 0;
    for (let round = 0; round < 3000; round++) {
      const labels = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const pool = [...pools[Math.floor(random() * pools.length)]!, ...pools[1]!];
        return Array.from({ length: 1 + Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]).join('');
      });
      const ascii = domainToASCII(labels.join('.'));
      if (!ascii) continue;
      compared++;
      expect(toUnicodeHost(ascii), ascii).toBe(domainToUnicode(ascii));
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
