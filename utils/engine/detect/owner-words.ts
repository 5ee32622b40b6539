/**
 * The words an owner reading is built from, as DATA: each entry is one line with where it was seen.
 * Adding an entry = one line here + one row in tests/unit/owner-words.test.ts (and, for a new
 * footer style, a file in tests/fixtures/footers/ with its expected owner).
 */

/** Labels that name the unit running the site. 主办 outranks 版权所有 (the copyright may be a site name or a parent). */
export const OWNER_LABELS: readonly { label: string; rank: 'host' | 'copyright'; seen: string }[] = [
  { label: '网站主办单位', rank: 'host', seen: 'JSP table footers (嘉峪关)' },
  { label: '网站主办', rank: 'host', seen: 'Hanweb footers (海东)' },
  { label: '主办单位', rank: 'host', seen: 'most portals' },
  { label: '主办', rank: 'host', seen: '主办：X, X主办, 本网由X主办' },
  { label: 'Sponsored by', rank: 'host', seen: "English portals (Xi'an)" },
  { label: 'Hosted by', rank: 'host', seen: 'English portals' },
  { label: '版权所有方', rank: 'copyright', seen: '朔州: 版权所有方：X — never the fragment 方：X' },
  { label: '版权所有', rank: 'copyright', seen: 'most portals' },
  { label: 'Copyright', rank: 'copyright', seen: 'Copyright © 2024 X All Rights Reserved' },
  { label: '©', rank: 'copyright', seen: '© 2024 X 版权所有' },
  { label: '(c)', rank: 'copyright', seen: 'older English footers' },
];

/**
 * Labels (and boilerplate) that end an owner's value: what follows them is somebody else — the
 * operator, the supervisor, technical support — or a record number, an address, a phone.
 */
export const NOT_OWNER_LABELS: readonly { label: string; seen: string }[] = [
  { label: '承办', seen: '承办单位: the operator, often a data centre (东城, 盐城)' },
  { label: '协办', seen: '协办单位 (深圳, 西安)' },
  { label: '主管', seen: '主管单位: the supervisor (浙江卫健委 sub-site, 十堰)' },
  { label: '指导单位', seen: 'event and portal footers' },
  { label: '技术支持', seen: '技术支持：某某科技有限公司 (everywhere)' },
  { label: '技术服务', seen: 'county portals' },
  { label: '运行维护', seen: '中国政府网, 闵行' },
  { label: '运维', seen: 'React footers (广东卫健委)' },
  { label: '维护单位', seen: '湖南融媒体 footers' },
  { label: '网站维护', seen: '嘉峪关' },
  { label: '网站管理', seen: '滁州, 江西' },
  { label: '支持单位', seen: 'county portals' },
  { label: '网站标识码', seen: 'glued to the name in the next span (黔西南)' },
  { label: '标识码', seen: 'short form of 网站标识码' },
  { label: '备案', seen: '备案号' },
  { label: 'ICP', seen: 'ICP number glued to the name (海淀, 泗水)' },
  { label: '公网安备', seen: 'police record glued to the name (渝北)' },
  { label: '公安备', seen: 'older short police record (永川: 渝公安备)' },
  { label: '地址', seen: 'address after the name (乌海)' },
  { label: '电话', seen: 'phone after the name' },
  { label: '联系', seen: '联系我们 / 联系电话' },
  { label: '邮编', seen: 'postcode' },
  { label: '邮政编码', seen: 'postcode' },
  { label: '传真', seen: 'fax' },
  { label: '邮箱', seen: 'mailbox' },
  { label: '电子邮件', seen: 'mailbox' },
  { label: 'E-mail', seen: 'mailbox' },
  { label: '网站地图', seen: 'link rows beside the owner' },
  { label: '版权', seen: '© 2024 X 版权所有' },
  { label: '主办', seen: 'a second owner label on the line' },
  { label: 'Copyright', seen: 'both labels around one name (南昌)' },
  { label: '©', seen: 'both labels around one name' },
  { label: 'All Rights', seen: 'X All Rights Reserved (广州, 社科院)' },
  { label: 'Operated by', seen: 'English footers: the operator, not the owner (成都)' },
  { label: 'Technical Support', seen: 'English footers' },
  { label: 'Powered by', seen: 'CMS credits' },
  { label: 'Address', seen: 'English footers (北京卫健委)' },
];

/** Words that make a "name" a sentence: a reading containing one is not a unit. */
export const PROHIBITION_WORDS: readonly { word: string; seen: string }[] = [
  { word: '转载', seen: '版权所有 转载请注明出处' },
  { word: '禁止', seen: '版权所有 禁止转载' },
  { word: '不得', seen: '未经许可不得复制' },
  { word: '未经', seen: '未经授权' },
  { word: '复制', seen: '不得复制' },
  { word: '授权', seen: '未经授权' },
  { word: '保留', seen: '保留所有权利' },
  { word: '违者', seen: '违者必究' },
  { word: '必究', seen: '翻版必究' },
  { word: '翻版', seen: '翻版必究' },
  { word: '侵权', seen: '侵权必究' },
  { word: '注明', seen: '请注明出处' },
  { word: '许可', seen: '未经许可' },
  { word: '镜像', seen: '不得镜像' },
  { word: '所有', seen: 'the fragment 所有 of 版权 | 所有 split across spans' },
];

/** A value that is a placeholder or stands for "this site", not a unit. */
export const PLACEHOLDERS: readonly { pattern: RegExp; seen: string }[] = [
  { pattern: /^(?:本|我)(?:网|站|网站|单位)/, seen: '主办：本站, 版权所有：本网' },
  { pattern: /[xX×＊*]{3,}/, seen: 'unconfigured templates: 主办单位：XXXXXX' },
  { pattern: /[{}]/, seen: 'unrendered Vue {{ }} and DedeCMS {dede:…} tags' },
];

/** Endings of a site's name rather than a unit's: 版权所有：兰州市人民政府网站, 中国政府网. */
export const SITE_NAME_ENDINGS: readonly { ending: string; seen: string }[] = [
  { ending: '网站', seen: '兰州市人民政府网站' },
  { ending: '网', seen: '中国政府网' },
  { ending: '门户', seen: '某市政府门户' },
  { ending: '平台', seen: '政务服务平台' },
  { ending: '在线', seen: '绩溪在线' },
  { ending: '之窗', seen: '首都之窗' },
];

/** How a unit's name ends (checked on the name before any bracketed alias). */
export const UNIT_ENDINGS: readonly { ending: string; seen: string }[] = [
  { ending: '政府', seen: '某市人民政府' },
  { ending: '办公厅', seen: '国务院办公厅' },
  { ending: '办公室', seen: '某市人民政府办公室' },
  { ending: '委员会', seen: '温州市监察委员会' },
  { ending: '委', seen: '中共岳阳市委, 中共温州市纪委, 纪委监委' },
  { ending: '局', seen: '宁波市教育局' },
  { ending: '厅', seen: '省生态环境厅' },
  { ending: '部', seen: '中共绩溪县委宣传部, 生态环境部' },
  { ending: '署', seen: '海关总署' },
  { ending: '院', seen: '法院, 检察院, 医院, 学院, 研究院' },
  { ending: '所', seen: '研究所, 派出所' },
  { ending: '中心', seen: '住房公积金管理中心' },
  { ending: '馆', seen: '档案馆, 文化馆, 图书馆' },
  { ending: '站', seen: '气象站, 工作站' },
  { ending: '台', seen: '太原市气象台' },
  { ending: '队', seen: '消防救援支队' },
  { ending: '会', seen: '联合会, 协会' },
  { ending: '处', seen: '管理处' },
  { ending: '办', seen: '网信办, 扶贫办' },
  { ending: '社', seen: '报社, 出版社' },
  { ending: '校', seen: '党校, 学校' },
  { ending: '中学', seen: '苏州市第十中学' },
  { ending: '小学', seen: 'school portals' },
  { ending: '大学', seen: '复旦大学' },
  { ending: '幼儿园', seen: 'school portals' },
  { ending: '公司', seen: '杭州市公共交通集团有限公司 (a public-service enterprise)' },
  { ending: '集团', seen: '公交集团' },
  { ending: '监委', seen: '中共邯郸市纪委监委' },
];

/** English names: the head noun of a unit, anywhere in the name (The People's Government of Shenzhen Municipality). */
export const ENGLISH_UNIT_WORDS: readonly { word: string; seen: string }[] = [
  { word: 'Government', seen: "Shanghai Municipal People's Government" },
  { word: 'Municipality', seen: "The People's Government of Shenzhen Municipality" },
  { word: 'Commission', seen: 'Beijing Municipal Health Commission' },
  { word: 'Bureau', seen: 'municipal bureaus' },
  { word: 'Ministry', seen: 'Ministry of Education' },
  { word: 'Office', seen: 'General Office' },
  { word: 'Administration', seen: 'State Taxation Administration' },
  { word: 'Council', seen: 'State Council' },
  { word: 'Committee', seen: 'party committees' },
  { word: 'Department', seen: 'provincial departments' },
  { word: 'Academy', seen: 'Chinese Academy of Social Sciences' },
  { word: 'University', seen: 'Zhejiang University' },
  { word: 'Institute', seen: 'research institutes' },
  { word: 'Hospital', seen: 'Zhejiang Cancer Hospital' },
  { word: 'College', seen: 'colleges' },
  { word: 'School', seen: 'schools' },
  { word: 'Center', seen: 'centers' },
  { word: 'Centre', seen: 'centres' },
  { word: 'Library', seen: 'libraries' },
  { word: 'Museum', seen: 'museums' },
  { word: 'Court', seen: 'courts' },
  { word: 'Procuratorate', seen: 'procuratorates' },
  { word: 'Association', seen: 'associations' },
  { word: 'Federation', seen: 'federations' },
];
