/**
 * holderRule at its edges: the owners a footer prints against the holder a certificate names.
 * Names as real footers and certificates print them (full-width brackets, padding, joint owners).
 */
import { describe, expect, it } from 'vitest';
import { type HolderRule, holderRule } from '../../utils/engine/unit-name';

describe('which rule makes the printed owners the holder', () => {
  it.each<[string, string[], string, HolderRule | null]>([
    ['a blank owner cell beside the one owner leaves a single owner', ['北京市人民政府', '　'], '北京市人民政府', 'same-name'],
    ['a holder that is only punctuation is nobody', ['北京市人民政府'], '（）', null],
    ['the bracketed second name alone is the same unit', ['首都之窗'], '北京市人民政府（首都之窗）', 'alias'],
    ['the second name printed with a space inside it', ['首都 之窗'], '北京市人民政府（首都之窗）', 'alias'],
    [
      'a certificate cell padded with an ideographic space still splits its names',
      ['首都之窗'],
      '北京市人民政府（首都之窗）　',
      'alias',
    ],
    [
      'a bracket in the middle of a name is no second name',
      ['北京市粮食和物资储备局'],
      '北京市发展和改革委员会（北京市粮食和物资储备局）办公室',
      null,
    ],
    ['one of joint owners is the second name', ['首都之窗', '北京市教育委员会'], '北京市人民政府（首都之窗）', 'alias'],
    [
      "one of joint owners is the government's office",
      ['北京市人民政府办公厅', '北京市教育委员会'],
      '北京市人民政府',
      'government-office',
    ],
    ["a section of the government's office is not the office", ['北京市人民政府办公厅秘书处'], '北京市人民政府', null],
    ['a second name on a line of its own is still the second name', ['首都之窗'], '北京市人民政府\n（首都之窗）', 'alias'],
    ['two different units whose brackets hold only a dash share no name', ['北京市教育委员会（—）'], '北京市人民政府（—）', null],
  ])('%s', (_, owners, holder, expected) => {
    expect(holderRule(owners, holder)).toBe(expected);
  });
});
