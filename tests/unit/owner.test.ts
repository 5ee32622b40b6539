/** Owner reading: each hole the adversarial review named, and a row for every entry of the word tables. */
import { describe, expect, it } from 'vitest';
import { isUnitName, ownersOf } from '../../utils/engine/detect/owner';
import {
  ENGLISH_UNIT_WORDS,
  NOT_OWNER_LABELS,
  OWNER_LABELS,
  PLACEHOLDERS,
  PROHIBITION_WORDS,
  SITE_NAME_ENDINGS,
  UNIT_ENDINGS,
} from '../../utils/engine/detect/owner-words';

describe('owner reading: the holes found on real footers', () => {
  it.each([
    ['the fragment 所有', '版权 所有\n陇ICP备05009988号', []],
    ['转载请注明出处 after 版权所有', '版权所有 转载请注明出处', []],
    ['禁止转载 after 版权所有', '版权所有 禁止转载', []],
    ['版权所有方：X reads X, not 方：X', '版权所有方：朔州市人民政府办公室 未经许可不得复制', ['朔州市人民政府办公室']],
    [
      'XX网由YY主办 reads YY',
      '杭州市人民政府门户网站由杭州市人民政府办公厅主办，杭州市数据资源管理局承办',
      ['杭州市人民政府办公厅'],
    ],
    [
      'a police record glued on (渝公安备)',
      '主办单位：重庆市永川区教育委员会渝公安备50011802000234号',
      ['重庆市永川区教育委员会'],
    ],
    ['an ICP province character glued on', '版权所有：北京市海淀区人民政府京ICP备05012345号', ['北京市海淀区人民政府']],
    [
      'a sentence in brackets after the name',
      '主办单位：宁波市教育局（本网站由宁波市教育局主办，未经授权不得转载）',
      ['宁波市教育局'],
    ],
    ['主管 is not the owner', '主管单位：浙江省卫生健康委员会', []],
    ['承办 is not the owner', '承办单位：某市大数据中心', []],
    ['协办 is not the owner', '协办单位：某市文化馆', []],
    ['技术支持 is not the owner', '技术支持：某某科技有限公司', []],
    ['运维 is not the owner', '运维：某市信息中心', []],
    [
      'an English copyright line',
      'Copyright © 2024 Beijing Municipal Health Commission. All Rights Reserved.',
      ['Beijing Municipal Health Commission'],
    ],
    ['an English line without a unit', 'Copyright © 2024 All Rights Reserved.', []],
    ['joint units after 主办', '主办：中共温州市纪委 温州市监察委员会', ['中共温州市纪委', '温州市监察委员会']],
    ['joint units with 、', '主办单位：青岛市教育局、青岛市人力资源和社会保障局', ['青岛市教育局', '青岛市人力资源和社会保障局']],
    ['a site name is not a unit', '版权所有：兰州市人民政府网站', []],
    ['a placeholder', '主办单位：XXXXXX', []],
    ['主办 outranks 版权所有', '主办：潍坊市人民政府办公室\n版权所有：潍坊市人民政府', ['潍坊市人民政府办公室']],
  ])('%s', (_case, text, owners) => {
    expect(ownersOf(text)).toEqual(owners);
  });
});

describe('owner reading: the word tables, one row per entry', () => {
  it.each(OWNER_LABELS.map((l) => [l.label, l.rank] as const))('owner label %s', (label, _rank) => {
    const unit = /^[A-Za-z(©]/.test(label) ? 'Xiamen Municipal Government' : '某市人民政府';
    expect(ownersOf(`${label}：${unit}`)).toEqual([unit]);
  });
  const ownerLabel = new Set(OWNER_LABELS.map((l) => l.label));
  // 主办, Copyright and © end a value too, but start a reading of their own (rows above).
  const stops = NOT_OWNER_LABELS.filter((l) => !ownerLabel.has(l));
  it.each(stops.map((l) => [l] as const))('not-owner label %s ends a value', (label) => {
    if (/^[A-Za-z]/.test(label)) {
      expect(ownersOf(`Sponsored by: Xiamen Municipal Government ${label}: Xiamen Data Center`)).toEqual([
        'Xiamen Municipal Government',
      ]);
      return;
    }
    // Glued on, the label is not part of the name; right after the owner label, it leaves no owner.
    expect(ownersOf(`主办单位：某市人民政府${label}：某某中心`)).toEqual(['某市人民政府']);
    expect(ownersOf(`主办单位：${label}：某某中心`)).toEqual([]);
  });
  it.each(PROHIBITION_WORDS.map((w) => [w] as const))('prohibition word %s', (word) => {
    expect(isUnitName(`某市${word}局`)).toBe(false);
  });
  it.each(PLACEHOLDERS.map((p) => [String(p), p] as const))('placeholder %s', (_name, pattern) => {
    const sample = { '/^(?:本|我)(?:网|站|网站|单位)/': '本站管理办', '/[xX×＊*]{3,}/': '某XXX局', '/[{}]/': '{dede}局' }[
      String(pattern)
    ];
    expect(isUnitName(sample ?? '')).toBe(false);
  });
  it.each(SITE_NAME_ENDINGS.map((s) => [s] as const))('site-name ending %s', (ending) => {
    expect(isUnitName(`某市人民政府${ending}`)).toBe(false);
  });
  it.each(UNIT_ENDINGS.map((u) => [u] as const))('unit ending %s', (ending) => {
    expect(isUnitName(`某某市第一${ending}`)).toBe(true);
  });
  it.each(ENGLISH_UNIT_WORDS.map((w) => [w] as const))('English unit word %s', (word) => {
    expect(ownersOf(`Copyright © 2024 Zhejiang ${word}. All rights reserved.`)).toEqual([`Zhejiang ${word}`]);
    expect(ownersOf('Copyright © 2024 Zhejiang Province. All rights reserved.')).toEqual([]);
  });
});
