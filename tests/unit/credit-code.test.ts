import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeMatchesType } from '../../utils/engine/credit-code';

// Every check character below is worked out by hand from GB 32100-2015 (see shared/conac-mark.md):
// value(c) = index in 0123456789ABCDEFGHJKLMNPQRTUWXY, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24
// 10 30 28, check = 31 - (sum mod 31), 31 meaning 0. The working (zero terms left out):
//   11330106002489965N  1×1+1×3+3×9+3×27+1×26+6×17+2×25+4×13+8×8+9×24+9×10+6×30+5×28 = 1032;
//                       1032 mod 31 = 9; 31-9 = 22 = N
//   12100000400011786E  1×1+2×3+1×9+4×20+1×8+1×24+7×10+8×30+6×28 = 606; mod 31 = 17; 14 = E
//   91350100M000100Y43  9×1+1×3+3×9+5×27+1×26+21×20+1×8+30×30+4×28 = 1640; mod 31 = 28; 3
//   131000005000001236  1×1+3×3+1×9+5×20+1×10+2×30+3×28 = 273; mod 31 = 25; 6
//   51110000500018345H  5×1+1×3+1×9+1×27+5×20+1×8+8×24+3×10+4×30+5×28 = 634; mod 31 = 14; 17 = H
//   92440300MA5ABCDE1E  9×1+2×3+4×9+4×27+3×26+21×20+10×29+5×25+10×13+11×8+12×24+13×10+14×30+1×28
//                       = 2156; mod 31 = 17; 14 = E
//   93330108MA2H12345W  9×1+3×3+3×9+3×27+1×26+8×17+21×20+10×29+2×25+17×13+1×8+2×24+3×10+4×30+5×28
//                       = 1615; mod 31 = 3; 28 = W
//   19110000MB1234567T  1×1+9×3+1×9+1×27+21×20+11×29+1×25+2×13+3×8+4×24+5×10+6×30+7×28 = 1400;
//                       mod 31 = 5; 26 = T
//   121100000000000040  1×1+2×3+1×9+1×27+4×28 = 155 = 5×31; mod 31 = 0; 31 means 0
//   12110000000000023Y  1×1+2×3+1×9+1×27+2×30+3×28 = 187; mod 31 = 1; 30 = Y
//   11100000000013127D  1×1+1×3+1×9+1×8+3×24+1×10+2×30+7×28 = 359; mod 31 = 18; 13 = D
describe('checkCreditCode', () => {
  it('reads well-formed codes with a right check character', () => {
    expect(checkCreditCode('11330106002489965N')).toEqual({
      valid: true,
      checkOk: true,
      category: 'organ',
      division: '330106',
    });
    expect(checkCreditCode('12100000400011786E')).toEqual({
      valid: true,
      checkOk: true,
      category: 'institution',
      division: '100000',
    });
    // The example code printed in GB 32100-2015 itself.
    expect(checkCreditCode('91350100M000100Y43')).toEqual({
      valid: true,
      checkOk: true,
      category: 'enterprise',
      division: '350100',
    });
  });

  it('maps the first two characters to a category', () => {
    expect(checkCreditCode('131000005000001236').category).toBe('mass-organisation');
    expect(checkCreditCode('51110000500018345H').category).toBe('social-organisation');
    expect(checkCreditCode('92440300MA5ABCDE1E').category).toBe('enterprise');
    expect(checkCreditCode('93330108MA2H12345W').category).toBe('enterprise');
    expect(checkCreditCode('19110000MB1234567T').category).toBe('other');
    for (const code of [
      '131000005000001236',
      '51110000500018345H',
      '92440300MA5ABCDE1E',
      '93330108MA2H12345W',
      '19110000MB1234567T',
    ]) {
      expect(checkCreditCode(code).checkOk).toBe(true);
    }
  });

  // Every registering department and category of GB 32100-2015 this reader knows, one row each;
  // the category needs no right check character, so all rows share the tail of one code.
  it.each([
    ['11', 'organ'],
    ['12', 'institution'],
    ['13', 'mass-organisation'],
    ['19', 'other'],
    ['10', 'other'],
    ['14', 'other'],
    ['50', 'other'],
    ['51', 'social-organisation'],
    ['52', 'social-organisation'],
    ['53', 'social-organisation'],
    ['54', 'social-organisation'],
    ['55', 'social-organisation'],
    ['56', 'social-organisation'],
    ['57', 'social-organisation'],
    ['58', 'social-organisation'],
    ['59', 'social-organisation'],
    ['5A', 'other'],
    ['90', 'other'],
    ['91', 'enterprise'],
    ['92', 'enterprise'],
    ['93', 'enterprise'],
    ['94', 'other'],
    ['Y1', 'other'],
  ])('reads a code starting %s as %s', (prefix, category) => {
    expect(checkCreditCode(`${prefix}330106002489965N`).category).toBe(category);
  });

  it('handles the check values 0 and 30 (Y)', () => {
    expect(checkCreditCode('121100000000000040').checkOk).toBe(true);
    expect(checkCreditCode('12110000000000023Y').checkOk).toBe(true);
    expect(checkCreditCode('12110000000000023X').checkOk).toBe(false);
  });

  it('reports a pilot-style code failing the check as well-formed but not checked', () => {
    // The check character for 11100000000013127 is D.
    expect(checkCreditCode('11100000000013127N')).toEqual({
      valid: true,
      checkOk: false,
      category: 'organ',
      division: '100000',
    });
    expect(checkCreditCode('11100000000013127D').checkOk).toBe(true);
  });

  it('tolerates whitespace, lower case and full-width characters', () => {
    expect(checkCreditCode(' 1133 0106 0024 8996 5n ')).toEqual({
      valid: true,
      checkOk: true,
      category: 'organ',
      division: '330106',
    });
    expect(checkCreditCode('１１３３０１０６００２４８９９６５Ｎ').checkOk).toBe(true);
  });

  it('rejects malformed codes', () => {
    const bad = { valid: false, checkOk: false, category: null, division: null };
    expect(checkCreditCode('')).toEqual(bad);
    expect(checkCreditCode(null as unknown as string)).toEqual(bad);
    expect(checkCreditCode('11330106002489965')).toEqual(bad);
    expect(checkCreditCode('11330106002489965NN')).toEqual(bad);
    for (const c of 'IOSVZ') expect(checkCreditCode(`1133010600248996${c}N`)).toEqual(bad);
    expect(checkCreditCode('11330106-02489965N')).toEqual(bad);
  });

  it('gives no division when chars 3-8 are not digits', () => {
    expect(checkCreditCode('1133A106002489965N')).toMatchObject({ valid: true, division: null });
  });
});

describe('creditCodeMatchesType', () => {
  it('matches organs and institutions to their own type only', () => {
    expect(creditCodeMatchesType('organ', 'organ')).toBe(true);
    expect(creditCodeMatchesType('institution', 'institution')).toBe(true);
    expect(creditCodeMatchesType('organ', 'institution')).toBe(false);
    expect(creditCodeMatchesType('institution', 'organ')).toBe(false);
  });
  it('never matches a market or civil-affairs entity to a government type', () => {
    expect(creditCodeMatchesType('enterprise', 'organ')).toBe(false);
    expect(creditCodeMatchesType('enterprise', 'institution')).toBe(false);
    expect(creditCodeMatchesType('social-organisation', 'organ')).toBe(false);
    expect(creditCodeMatchesType('social-organisation', 'institution')).toBe(false);
  });
  it('treats mass organisations as organs and leaves the rest undecided', () => {
    expect(creditCodeMatchesType('mass-organisation', 'organ')).toBe(true);
    expect(creditCodeMatchesType('mass-organisation', 'institution')).toBe(null);
    expect(creditCodeMatchesType('other', 'organ')).toBe(null);
    expect(creditCodeMatchesType('organ', 'other')).toBe(null);
    expect(creditCodeMatchesType(null, 'organ')).toBe(null);
    expect(creditCodeMatchesType('organ', null)).toBe(null);
  });
});
