import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeMatchesType } from '../../utils/engine/credit-code';

// Check characters below were computed with an independent script of the GB 32100 algorithm.
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
    expect(checkCreditCode(' 1133 0106 0024 8996 5n ')).toEqual(checkCreditCode('11330106002489965N'));
    expect(checkCreditCode('１１３３０１０６００２４８９９６５Ｎ').checkOk).toBe(true);
  });

  it('rejects malformed codes', () => {
    const bad = { valid: false, checkOk: false, category: null, division: null };
    expect(checkCreditCode('')).toEqual(bad);
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
