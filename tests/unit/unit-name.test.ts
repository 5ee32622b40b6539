import { describe, expect, it } from 'vitest';
import { normaliseUnitName, sameUnit } from '../../utils/engine/unit-name';

describe('normaliseUnitName', () => {
  it('removes every kind of whitespace and invisible character', () => {
    expect(normaliseUnitName(' 北京市\u3000人民 政府\u00a0\t\n')).toBe('北京市人民政府');
    expect(normaliseUnitName('北京市\u200b人民\ufeff政府\u202e')).toBe('北京市人民政府');
  });
  it('removes punctuation and brackets but keeps what they enclose', () => {
    expect(normaliseUnitName('中共北京市委（北京市人民政府）')).toBe('中共北京市委北京市人民政府');
    expect(normaliseUnitName('【国家图书馆】「国图」《中华》·•、，。.,-—_"\'“”')).toBe('国家图书馆国图中华');
    expect(normaliseUnitName('(国家)[图书]{馆}')).toBe('国家图书馆');
  });
  it('folds full-width forms and ASCII case', () => {
    expect(normaliseUnitName('ＡＢＣ（Ｂｅｉｊｉｎｇ）１２３')).toBe('abcbeijing123');
    expect(normaliseUnitName('NLC 国家图书馆')).toBe('nlc国家图书馆');
  });
});

describe('sameUnit', () => {
  it('is true for the same name printed differently', () => {
    expect(sameUnit('国务院办公厅', ' 国务院 办公厅 ')).toBe(true);
    expect(sameUnit('杭州市　西湖区人民政府', '杭州市西湖区人民政府')).toBe(true);
    expect(sameUnit('中共北京市委（北京市人民政府）', '中共北京市委(北京市人民政府)')).toBe(true);
  });
  it('does no fuzzy matching', () => {
    expect(sameUnit('北京市人民政府办公厅', '北京市人民政府')).toBe(false);
    expect(sameUnit('北京市人民政府', '北京市人民政府办公厅')).toBe(false);
    expect(sameUnit('北京市人民政府', '北京市人民政')).toBe(false);
    expect(sameUnit('国家图书馆', '国家圖書館')).toBe(false);
  });
  it('never calls two empty names the same unit', () => {
    expect(sameUnit('', '')).toBe(false);
    expect(sameUnit(' （） ', '')).toBe(false);
  });
});
