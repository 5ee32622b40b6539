/**
 * The owner reader's rules, each with the footer lines that show it: which label wins, where a value
 * is read (after the label, on the next line, or before it), where it ends, the bounds on a hostile
 * page, and what makes a reading a unit's name.
 */
import { describe, expect, it } from 'vitest';
import { isUnitName, ownersOf } from '../../utils/engine/detect/owner';

type Row = [rule: string, footer: string, owners: string[]];
const read = (rows: Row[]) =>
  it.each(rows)('%s', (_rule, footer, owners) => {
    expect(ownersOf(footer)).toEqual(owners);
  });

describe('which label wins', () => {
  read([
    [
      'a spaced 主　办 label (padded to align with 承　办) is the host label of the footer',
      '主办单位：青岛市体育局（全民健身日活动）\n主 办：青岛市人民政府办公厅\n承 办：青岛市大数据发展管理局\n版权所有：青岛市人民政府',
      ['青岛市人民政府办公厅'],
    ],
    [
      'an English "Sponsored by" in the footer is its host label, whatever an article above was hosted by',
      "The trade fair was hosted by Xiamen Municipal Commerce Bureau. More…\nSponsored by: Xiamen Municipal People's Government\nCopyright © 2024 Xiamen Municipal Health Commission",
      ["Xiamen Municipal People's Government"],
    ],
    [
      'an English "Sponsored by" outranks the Copyright line below it (its space once hid its rank)',
      "Sponsored by: Xiamen Municipal People's Government\nCopyright © 2024 Xiamen Municipal Health Commission",
      ["Xiamen Municipal People's Government"],
    ],
    [
      'an English "Hosted by" without colon outranks the Copyright line below it',
      'Hosted by Xiamen Municipal Government\nCopyright © 2024 Xiamen Municipal Health Commission',
      ['Xiamen Municipal Government'],
    ],
    [
      'between two copyright lines, the last one (the footer) wins',
      '版权所有：青岛市文化和旅游局\n……正文……\n版权所有：青岛市人民政府办公厅',
      ['青岛市人民政府办公厅'],
    ],
    [
      'an empty 主办单位 after the footer (an unfilled template field) leaves the earlier host reading',
      '主办单位：青岛市教育局\n主办单位：',
      ['青岛市教育局'],
    ],
    [
      'a copyright label that reads nothing leaves the earlier copyright reading',
      '版权所有：青岛市教育局\n版权所有 禁止转载',
      ['青岛市教育局'],
    ],
  ]);
});

describe('where the value is read', () => {
  read([
    [
      'a host label in a table cell without colon: the value is in the next cell (next line)',
      '主办单位\n嘉峪关市人民政府办公室\n网站标识码：6202000001',
      ['嘉峪关市人民政府办公室'],
    ],
    [
      'a host label with colon, then a blank line of spaces, then the value',
      '主办单位： \n嘉峪关市人民政府办公室',
      ['嘉峪关市人民政府办公室'],
    ],
    [
      'a copyright label ending its line reads the name before it, not the next line',
      '青岛市人民政府办公厅 版权所有\n青岛市大数据发展管理局 技术支持',
      ['青岛市人民政府办公厅'],
    ],
    [
      'X主办 with an operator after it: the owner is before 主办, not the 承办 unit after',
      '本网站由青岛市人民政府办公厅主办 青岛市大数据发展管理局承办',
      ['青岛市人民政府办公厅'],
    ],
    [
      'a label with a colon reads only after it: a non-unit value does not fall back to the name before',
      '青岛市人民政府 版权所有：XXXXXX',
      [],
    ],
    [
      'only the colon right after the label is the label’s own: a colon inside the value joins nothing',
      '版权所有 兰州市人民政府网站：兰州市人民政府办公厅',
      [],
    ],
    [
      'only 主办 and 版权所有 read the name before them: an empty 主办单位 cell reads nothing',
      '青岛市大数据发展管理局 主办单位\n联系我们',
      [],
    ],
    [
      '主办 apart from the word before it (a space) is no X主办: that word is not read',
      '政务公开 | 青岛市民政局 主办 青岛市人民政府办公厅',
      [],
    ],
    [
      'X主办 after 由 in a line with spaces: the unit between 由 and 主办',
      'Copyright © 2024 本网站由青岛市人民政府办公厅主办',
      ['青岛市人民政府办公厅'],
    ],
    ['a space after 由 is noise before the unit', '本网由 青岛市人民政府办公厅主办', ['青岛市人民政府办公厅']],
    [
      'X 版权所有 reads the last word before the label, after the years glued to it',
      '网站地图 2008-2024青岛市人民政府 版权所有',
      ['青岛市人民政府'],
    ],
    ['X 版权所有 never reads the first word of the line', '2008-2024 青岛市人民政府 版权所有', ['青岛市人民政府']],
    [
      'an English name ends at a bar; the space before the bar is not part of it',
      'Copyright © 2024 Xiamen Municipal Government | Address: 61 Hubin North Road',
      ['Xiamen Municipal Government'],
    ],
  ]);
});

describe('where the value ends', () => {
  read([
    [
      'a bracket glued after a stop word is not an alias of the name before it',
      '版权所有：北京市海淀区人民政府京ICP备05012345号（北京市海淀区政务服务管理局）',
      ['北京市海淀区人民政府'],
    ],
    [
      'a bracket apart from the name (after a space) is not its alias',
      '主办单位：民政部社会组织管理局 （社会组织执法监督局）',
      ['民政部社会组织管理局'],
    ],
    [
      'a bracket glued to the name that names a unit is its alias',
      '主办单位：民政部社会组织管理局（社会组织执法监督局）',
      ['民政部社会组织管理局（社会组织执法监督局）'],
    ],
    [
      'a unit printed with and without its alias brackets is one owner',
      '主办：民政部社会组织管理局（社会组织执法监督局） 民政部社会组织管理局社会组织执法监督局',
      ['民政部社会组织管理局（社会组织执法监督局）'],
    ],
    ['a unit printed twice is one owner', '主办单位：青岛市教育局、青岛市教育局', ['青岛市教育局']],
    [
      'a unit printed again with its alias in half-width brackets is one owner',
      '主办：民政部社会组织管理局（社会组织执法监督局） 民政部社会组织管理局(社会组织执法监督局)',
      ['民政部社会组织管理局（社会组织执法监督局）'],
    ],
  ]);
});

describe('bounds on a hostile page', () => {
  // Eight names of a district's joint portal, and a ninth.
  const eight = [
    '中共青岛市西海岸新区工作委员会宣传部',
    '青岛市西海岸新区管理委员会办公室',
    '青岛市西海岸新区住房和城乡建设局',
    '青岛市西海岸新区教育和体育局',
    '青岛市西海岸新区卫生健康局',
    '青岛市西海岸新区民政局',
    '青岛市西海岸新区财政局',
    '青岛市西海岸新区审计局',
  ];
  it('reads at most eight joint units', () => {
    expect(ownersOf(`主办单位：${eight.join('、')}、青岛市西海岸新区统计局`)).toEqual(eight);
  });

  it('reads the 200 characters after a label: a name ending on the 200th is read, one past it is not', () => {
    // After 主办单位 come the colon (1), spaces, and a 6-character name.
    expect(ownersOf(`主办单位：${' '.repeat(193)}青岛市教育局`)).toEqual(['青岛市教育局']);
    expect(ownersOf(`主办单位：${' '.repeat(194)}青岛市教育局`)).toEqual([]);
  });

  it('reads only the last 40 owner labels', () => {
    const flood = (n: number) => `主办单位：青岛市教育局\n${'版权所有 禁止转载\n'.repeat(n)}`;
    expect(ownersOf(flood(39))).toEqual(['青岛市教育局']);
    expect(ownersOf(flood(40))).toEqual([]);
  });
});

describe('what is a unit name', () => {
  it.each([
    ['气象局', true, '3 characters: the shortest name'],
    ['公司', false, '2 characters: a bare unit word'],
    [`${'某'.repeat(37)}办公室`, true, '40 characters: the longest name'],
    [`${'某'.repeat(38)}办公室`, false, '41 characters: a sentence'],
    ['青岛市-人民政府', false, 'a hyphen inside'],
    ['青岛市人民政府-', false, 'a hyphen at the end'],
    ['Qingdao青岛市人民政府', false, 'Latin letters before the Chinese name'],
    ['2024青岛市人民政府', false, 'a year before the name'],
    ['（停用）青岛市人民政府办公厅', false, 'a bracketed note before the name: only a trailing alias is set aside'],
    ['青岛市人民政府（市政府办公厅）', true, 'a trailing alias'],
  ])('%s → %s (%s)', (name, unit) => {
    expect(isUnitName(name)).toBe(unit);
  });
});
