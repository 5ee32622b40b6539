/**
 * RFC 3492 decoding at its edges: what is a digit, what the basic part may hold, which code points
 * a label may stand for, and where bias adaptation switches. Expected values from Node's punycode
 * module (an independent decoder) or, for malformed labels, from the RFC (decoding fails).
 */
import { describe, expect, it } from 'vitest';
import { decodePunycode, toUnicodeHost } from '../../utils/engine/unicode-host';

describe('decoding a Punycode label', () => {
  it.each([
    ['upper-case digits read as lower-case ones (A is digit 0)', '1LQ2AZ1ZQ7NBWAI50AG4L', '北京市人民政府'],
    [
      'a delta of exactly 455 adapts the bias without another division',
      '2eg0skaqjwqxf-q56vx67ri2wawg5b',
      '省2eg0skaqj政厅w民qxf',
    ],
    ['the last code point (U+10FFFF) is allowed', 'dn32g', '\u{10ffff}'],
    ['the code point before the surrogates is allowed', 'hb9b', '\ud7ff'],
    ['the code point after the surrogates is allowed', '0y0c', '\ue000'],
  ])('%s', (_, label, expected) => {
    expect(decodePunycode(label)).toBe(expected);
  });

  it('a last digit at the largest value that keeps the number within 2^31 − 1 is allowed', () => {
    // 1 + 35 + 26·(1225 + 12250 + 122500 + 1225000 + 12250000) + 14·122500000 = 2068885386: U+FC745 at 1461 (Node's punycode agrees).
    expect(decodePunycode(`${'a'.repeat(2000)}-bb00000o`)).toBe(`${'a'.repeat(1461)}\u{fc745}${'a'.repeat(539)}`);
  });

  it.each([
    ['a character that is no digit ({ after z)', '{dq'],
    ['a character that is no digit (~ after z)', 'a~y'],
    ['a basic part with U+0080', '\u0080-a'],
    ['a basic part with a non-ASCII letter', 'é-a'],
    ['the first surrogate U+D800', 'ib9b'],
    ['the last surrogate U+DFFF', 'zy0c'],
    ['a code point beyond U+10FFFF', '1q35r'],
    ['a label that ends in the middle of a number', 'zz'],
    // Node's punycode.decode throws "Overflow" on it: the number runs past 2^31 − 1.
    ['a number past the 31-bit limit after a long basic part', `${'a'.repeat(20000)}-tb56862uyoa`],
  ])('fails on %s', (_, label) => {
    expect(decodePunycode(label)).toBeNull();
  });
});

describe('hosts shown in the script people read', () => {
  it('only a label that starts with xn-- is decoded', () => {
    expect(toUnicodeHost('www.hnxn--55qw42g.cn')).toBe('www.hnxn--55qw42g.cn');
    expect(toUnicodeHost('xn--55q79ve18b.xn--zfr164b')).toBe('公安部.政务');
  });
});
