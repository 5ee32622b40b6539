/**
 * The words an owner reading is built from, as DATA: each entry is one line, with a comment of where
 * it was seen (a comment, not a field: the evidence need not ship in the extension).
 * Adding an entry = one line here + one row in tests/unit/owner.test.ts (and, for a new
 * footer style, a file in tests/fixtures/footers/ with its expected owner).
 */

/** Labels that name the unit running the site. 主办 outranks 版权所有 (the copyright may be a site name or a parent). */
export const OWNER_LABELS: readonly { label: string; rank: 'host' | 'copyright' }[] = [
  { label: '网站主办单位', rank: 'host' }, // JSP table footers (嘉峪关)
  { label: '网站主办', rank: 'host' }, // Hanweb footers (海东)
  { label: '主办单位', rank: 'host' }, // most portals
  { label: '主办', rank: 'host' }, // 主办：X, X主办, 本网由X主办
  { label: 'Sponsored by', rank: 'host' }, // English portals (Xi'an)
  { label: 'Hosted by', rank: 'host' }, // English portals
  { label: '版权所有方', rank: 'copyright' }, // 朔州: 版权所有方：X — never the fragment 方：X
  { label: '版权所有', rank: 'copyright' }, // most portals
  { label: 'Copyright', rank: 'copyright' }, // Copyright © 2024 X All Rights Reserved
  { label: '©', rank: 'copyright' }, // © 2024 X 版权所有
  { label: '(c)', rank: 'copyright' }, // older English footers
];

/**
 * Labels (and boilerplate) that end an owner's value: what follows them is somebody else — the
 * operator, the supervisor, technical support — or a record number, an address, a phone.
 */
export const NOT_OWNER_LABELS: readonly string[] = [
  '承办', // 承办单位: the operator, often a data centre (东城, 盐城)
  '协办', // 协办单位 (深圳, 西安)
  '主管', // 主管单位: the supervisor (浙江卫健委 sub-site, 十堰)
  '指导单位', // event and portal footers
  '技术支持', // 技术支持：某某科技有限公司 (everywhere)
  '技术服务', // county portals
  '运行维护', // 中国政府网, 闵行
  '运维', // React footers (广东卫健委)
  '维护单位', // 湖南融媒体 footers
  '网站维护', // 嘉峪关
  '网站管理', // 滁州, 江西
  '支持单位', // county portals
  '网站标识码', // glued to the name in the next span (黔西南)
  '标识码', // short form of 网站标识码
  '备案', // 备案号
  'ICP', // ICP number glued to the name (海淀, 泗水)
  '公网安备', // police record glued to the name (渝北)
  '公安备', // older short police record (永川: 渝公安备)
  '地址', // address after the name (乌海)
  '电话', // phone after the name
  '联系', // 联系我们 / 联系电话
  '邮编', // postcode
  '邮政编码', // postcode
  '传真', // fax
  '邮箱', // mailbox
  '电子邮件', // mailbox
  'E-mail', // mailbox
  '网站地图', // link rows beside the owner
  '版权', // © 2024 X 版权所有
  '主办', // a second owner label on the line
  'Copyright', // both labels around one name (南昌)
  '©', // both labels around one name
  'All Rights', // X All Rights Reserved (广州, 社科院)
  'Operated by', // English footers: the operator, not the owner (成都)
  'Technical Support', // English footers
  'Powered by', // CMS credits
  'Address', // English footers (北京卫健委)
];

/** Words that make a "name" a sentence: a reading containing one is not a unit. */
export const PROHIBITION_WORDS: readonly string[] = [
  '转载', // 版权所有 转载请注明出处
  '禁止', // 版权所有 禁止转载
  '不得', // 未经许可不得复制
  '未经', // 未经授权
  '复制', // 不得复制
  '授权', // 未经授权
  '保留', // 保留所有权利
  '违者', // 违者必究
  '必究', // 翻版必究
  '翻版', // 翻版必究
  '侵权', // 侵权必究
  '注明', // 请注明出处
  '许可', // 未经许可
  '镜像', // 不得镜像
  '所有', // the fragment 所有 of 版权 | 所有 split across spans
];

/** A value that is a placeholder or stands for "this site", not a unit. */
export const PLACEHOLDERS: readonly RegExp[] = [
  /^(?:本|我)(?:网|站|网站|单位)/, // 主办：本站, 版权所有：本网
  /[xX×＊*]{3,}/, // unconfigured templates: 主办单位：XXXXXX
  /[{}]/, // unrendered Vue {{ }} and DedeCMS {dede:…} tags
];

/** Endings of a site's name rather than a unit's: 版权所有：兰州市人民政府网站, 中国政府网. */
export const SITE_NAME_ENDINGS: readonly string[] = [
  '网站', // 兰州市人民政府网站
  '网', // 中国政府网
  '门户', // 某市政府门户
  '平台', // 政务服务平台
  '在线', // 绩溪在线
  '之窗', // 首都之窗
];

/** How a unit's name ends (checked on the name before any bracketed alias). */
export const UNIT_ENDINGS: readonly string[] = [
  '政府', // 某市人民政府
  '办公厅', // 国务院办公厅
  '办公室', // 某市人民政府办公室
  '委员会', // 温州市监察委员会
  '委', // 中共岳阳市委, 中共温州市纪委, 纪委监委
  '局', // 宁波市教育局
  '厅', // 省生态环境厅
  '部', // 中共绩溪县委宣传部, 生态环境部
  '署', // 海关总署
  '院', // 法院, 检察院, 医院, 学院, 研究院
  '所', // 研究所, 派出所
  '中心', // 住房公积金管理中心
  '馆', // 档案馆, 文化馆, 图书馆
  '站', // 气象站, 工作站
  '台', // 太原市气象台
  '队', // 消防救援支队
  '会', // 联合会, 协会
  '处', // 管理处
  '办', // 网信办, 扶贫办
  '社', // 报社, 出版社
  '校', // 党校, 学校
  '中学', // 苏州市第十中学
  '小学', // school portals
  '大学', // 复旦大学
  '幼儿园', // school portals
  '公司', // 杭州市公共交通集团有限公司 (a public-service enterprise)
  '集团', // 公交集团
  '监委', // 中共邯郸市纪委监委
];

/** English names: the head noun of a unit, anywhere in the name (The People's Government of Shenzhen Municipality). */
export const ENGLISH_UNIT_WORDS: readonly string[] = [
  'Government', // Shanghai Municipal People's Government
  'Municipality', // The People's Government of Shenzhen Municipality
  'Commission', // Beijing Municipal Health Commission
  'Bureau', // municipal bureaus
  'Ministry', // Ministry of Education
  'Office', // General Office
  'Administration', // State Taxation Administration
  'Council', // State Council
  'Committee', // party committees
  'Department', // provincial departments
  'Academy', // Chinese Academy of Social Sciences
  'University', // Zhejiang University
  'Institute', // research institutes
  'Hospital', // Zhejiang Cancer Hospital
  'College', // colleges
  'School', // schools
  'Center', // centers
  'Centre', // centres
  'Library', // libraries
  'Museum', // museums
  'Court', // courts
  'Procuratorate', // procuratorates
  'Association', // associations
  'Federation', // federations
];
