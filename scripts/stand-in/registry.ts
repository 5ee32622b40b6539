/**
 * The stand-in's certificate registry: what bszs.conac.cn and dcs.conac.cn would know.
 * Every unit, domain, id and code is invented for tests (real portal host names aside).
 */

/** 'script': the page's HTML holds no label at all; a script draws the certificate after load. */
export type Layout = 'table' | 'dl' | 'spans' | 'lines' | 'script';

/** How the certificate page misbehaves; absent = answers normally. */
export type Behaviour =
  | 'slow' // answers after StandInOptions.slowMs (default 10 s)
  | 'endless' // sends headers, then trickles bytes forever
  | 'huge' // 5 MB of filler before the fields
  | 'redirect' // 302 to http://evil.example/
  | 'octet-stream' // the page, but as application/octet-stream
  | 'image' // a PNG instead of a page
  | 'unlabelled' // 200 OK, an unrelated page with none of the labels
  | 'revoked' // the certificate page, its status row saying 已注销
  | 'server-error' // 500 with an error page that says 证书不存在
  | 'waf' // 200 OK, a firewall's block page that says 页面不存在
  | 'soft-404'; // 200 OK, a "page not found" page

export interface CertificateRecord {
  /** Short handle for tests and fixtures. */
  key: string;
  /** 32 upper-case hex digits, as in `sitename?method=show&id=`. */
  id: string;
  /** `CA` + 21 digits: names the embed script. */
  scriptCode: string;
  holder: string;
  holderType: '党政机关' | '事业单位';
  siteName: string;
  /** As printed on the certificate; may be Chinese (IDN). */
  domains: string[];
  address: string;
  functions: string;
  issuer: string;
  certNumber: string;
  issueDate: string;
  creditCode?: string;
  layout: Layout;
  color: 'red' | 'blue';
  behaviour?: Behaviour;
  note: string;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Appends the GB 32100-2015 check character to the first 17 characters of a credit code. */
export function withCreditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return first17 + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

const ISSUER = '中央机构编制委员会办公室';

export const registry: CertificateRecord[] = [
  {
    key: 'beijing',
    id: '2100248D951EAB04708D314CFF95473E',
    scriptCode: 'CA010000000604299710001',
    holder: '北京市人民政府',
    holderType: '党政机关',
    siteName: '首都之窗',
    domains: ['www.beijing.gov.cn', '北京市人民政府.政务'],
    address: '北京市通州区运河东大街57号',
    functions: '贯彻执行党中央、国务院和市委的决策部署，依法管理本行政区域内的经济、教育、科学、文化、卫生等行政工作。',
    issuer: ISSUER,
    certNumber: 'BS0100000006042997',
    issueDate: '2019-06-20',
    creditCode: withCreditCheck('11110000000055822'),
    layout: 'table',
    color: 'red',
    note: 'Provincial portal; the reference genuine case.',
  },
  {
    key: 'moe',
    id: '4226FA086136D69324A76BECC1AEF93F',
    scriptCode: 'CA330000000000000090001',
    holder: '中华人民共和国教育部',
    holderType: '党政机关',
    siteName: '中华人民共和国教育部政府门户网站',
    domains: ['www.moe.gov.cn', '教育部.政务'],
    address: '北京市西城区西单大木仓胡同37号',
    functions: '拟订教育改革与发展的方针、政策和规划，起草有关法律法规草案并监督实施。',
    issuer: ISSUER,
    certNumber: 'BS3300000000000009',
    issueDate: '2018年11月05日',
    creditCode: withCreditCheck('11100000000013127'),
    layout: 'dl',
    color: 'red',
    note: 'Central ministry; date printed in Chinese form.',
  },
  {
    key: 'cdc',
    id: 'F4D869ED8385D9CD977F88A99DDA38A9',
    scriptCode: 'CA051010000412345670001',
    holder: '某某市疾病预防控制中心',
    holderType: '事业单位',
    siteName: '某某市疾病预防控制中心网站',
    domains: ['www.mmcdc.cn'],
    address: '河北省某某市建设北大街123号',
    functions: '承担全市疾病预防控制、突发公共卫生事件应急处置、健康教育与健康促进等工作。',
    issuer: ISSUER,
    certNumber: 'BS0510100004123456',
    issueDate: '2020-03-12',
    creditCode: withCreditCheck('12130100MB0A12345'),
    layout: 'spans',
    color: 'blue',
    note: 'Public institution (blue) on a plain .cn domain.',
  },
  {
    key: 'county',
    id: '0968A2C992A9BA71DF0E4F2502BDCA1A',
    scriptCode: 'CA230120003001234560001',
    holder: '某某县人民政府',
    holderType: '党政机关',
    siteName: '某某县人民政府网',
    domains: ['某某县人民政府.政务', 'www.mmx.gov.cn'],
    address: '四川省某某市某某县城关镇人民路1号',
    functions: '执行县人民代表大会及其常务委员会的决议，管理本县行政区域内的各项行政工作。',
    issuer: ISSUER,
    certNumber: 'BS2301200030012345',
    issueDate: '2021-09-01',
    creditCode: withCreditCheck('11510123MB1234567'),
    layout: 'lines',
    color: 'red',
    note: 'County government whose first registered domain is the Chinese .政务 name.',
  },
  {
    key: 'fgw',
    id: 'DF78B36ADC6E6155DF3B35232F766E4B',
    scriptCode: 'CA010000000604300150001',
    holder: '北京市发展和改革委员会',
    holderType: '党政机关',
    siteName: '北京市发展和改革委员会网站',
    domains: ['fgw.beijing.gov.cn'],
    address: '北京市通州区承安路1号',
    functions: '拟订并组织实施本市国民经济和社会发展战略、中长期规划和年度计划。',
    issuer: ISSUER,
    certNumber: 'BS0100000006043001',
    issueDate: '2019-07-02',
    creditCode: withCreditCheck('11110000000012776'),
    layout: 'table',
    color: 'red',
    note: 'Department on a sub-domain of the Beijing portal.',
  },
  {
    key: 'haidian',
    id: '44E83280230B7E0B5EF76BB6AA630487',
    scriptCode: 'CA010080000012345670001',
    holder: '北京市海淀区人民政府',
    holderType: '党政机关',
    siteName: '北京市海淀区人民政府网站',
    domains: ['www.bjhd.gov.cn'],
    address: '北京市海淀区长春桥路17号',
    functions: '管理海淀区行政区域内的经济、教育、科学、文化、卫生、体育、城乡建设等行政工作。',
    issuer: ISSUER,
    certNumber: 'BS0100800000123456',
    issueDate: '2019-08-15',
    layout: 'dl',
    color: 'red',
    note: 'District government; no credit code printed.',
  },
  {
    key: 'library',
    id: '4998DBA2EC0743A1E9ED6BB997741452',
    scriptCode: 'CA110010000087654320001',
    holder: '某某市图书馆',
    holderType: '事业单位',
    siteName: '某某市图书馆',
    domains: ['www.mmlib.cn', '某某市图书馆.公益'],
    address: '江苏省某某市文化路88号',
    functions: '为社会公众提供文献借阅、信息咨询、阅读推广等公共文化服务。',
    issuer: ISSUER,
    certNumber: 'BS1100100000876543',
    issueDate: '2017-12-28',
    // An early pilot code whose check character does not verify: legal, but worth a warning.
    creditCode: '12330100MB0F123450',
    layout: 'lines',
    color: 'blue',
    note: 'Public institution with a .公益 domain and a credit code that fails its check.',
  },
  {
    key: 'guangdong',
    id: 'FA523C8BFB3442C26ADBD6E50B81172F',
    scriptCode: 'CA200000000001122330001',
    holder: '广东省人民政府',
    holderType: '党政机关',
    siteName: '广东省人民政府门户网站',
    domains: ['www.gd.gov.cn', 'gd.gov.cn'],
    address: '广东省广州市越秀区东风中路305号',
    functions: '执行省人民代表大会及其常务委员会的决议，管理全省的经济、教育、科学、文化等行政工作。',
    issuer: ISSUER,
    certNumber: 'BS2000000000011223',
    issueDate: '2018-05-30',
    creditCode: withCreditCheck('11440000006939113'),
    layout: 'spans',
    color: 'red',
    note: 'Second provincial portal, spans layout.',
  },
  {
    key: 'slow',
    id: '5C5F1478DB59B311D1D96B9A6A4FAF48',
    scriptCode: 'CA099990000000000010001',
    holder: '某某市数据资源管理局',
    holderType: '党政机关',
    siteName: '某某市数据资源管理局网站',
    domains: ['sjj.moumou.gov.cn'],
    address: '某某市政务服务中心5楼',
    functions: '负责全市政务数据资源的统筹管理。',
    issuer: ISSUER,
    certNumber: 'BS0999900000000001',
    issueDate: '2022-01-10',
    layout: 'table',
    color: 'red',
    behaviour: 'slow',
    note: 'Certificate page answers only after slowMs.',
  },
  {
    key: 'endless',
    id: '5B93B2C0E165B022E36D03A3DA2EFC4C',
    scriptCode: 'CA099990000000000020001',
    holder: '某某市交通运输局',
    holderType: '党政机关',
    siteName: '某某市交通运输局网站',
    domains: ['jtj.moumou.gov.cn'],
    address: '某某市交通路2号',
    functions: '负责全市道路、水路交通运输行业管理。',
    issuer: ISSUER,
    certNumber: 'BS0999900000000002',
    issueDate: '2022-01-11',
    layout: 'table',
    color: 'red',
    behaviour: 'endless',
    note: 'Certificate page starts and never ends.',
  },
  {
    key: 'huge',
    id: 'A8106F362EF92E0D2706A1D381FAE347',
    scriptCode: 'CA099990000000000030001',
    holder: '某某市文化和旅游局',
    holderType: '党政机关',
    siteName: '某某市文化和旅游局网站',
    domains: ['wlj.moumou.gov.cn'],
    address: '某某市文化路3号',
    functions: '负责全市文化和旅游工作。',
    issuer: ISSUER,
    certNumber: 'BS0999900000000003',
    issueDate: '2022-01-12',
    layout: 'table',
    color: 'red',
    behaviour: 'huge',
    note: 'Certificate page of 5 MB, the fields only at its end.',
  },
  {
    key: 'redirect',
    id: '6CF34206044612205EDDAC9906198195',
    scriptCode: 'CA099990000000000040001',
    holder: '某某市商务局',
    holderType: '党政机关',
    siteName: '某某市商务局网站',
    domains: ['swj.moumou.gov.cn'],
    address: '某某市商贸街4号',
    functions: '负责全市内外贸易和国际经济合作工作。',
    issuer: ISSUER,
    certNumber: 'BS0999900000000004',
    issueDate: '2022-01-13',
    layout: 'table',
    color: 'red',
    behaviour: 'redirect',
    note: 'Certificate page redirects off-host to http://evil.example/.',
  },
  {
    key: 'octet',
    id: '96428E2E2414EE63ED0D8ED32EC94A04',
    scriptCode: 'CA099990000000000050001',
    holder: '某某市审计局',
    holderType: '党政机关',
    siteName: '某某市审计局网站',
    domains: ['sjj2.moumou.gov.cn'],
    address: '某某市审计路5号',
    functions: '负责全市审计监督工作。',
    issuer: ISSUER,
    certNumber: 'BS0999900000000005',
    issueDate: '2022-01-14',
    layout: 'table',
    color: 'red',
    behaviour: 'octet-stream',
    note: 'A well-formed certificate page sent as application/octet-stream.',
  },
  {
    key: 'image',
    id: '99F52D83CFB9CBA1AF9905376DAD32B4',
    scriptCode: 'CA099990000000000060001',
    holder: '某某市统计局',
    holderType: '党政机关',
    siteName: '某某市统计局网站',
    domains: ['tjj.moumou.gov.cn'],
    address: '某某市统计路6号',
    functions: '负责全市统计调查工作。',
    issuer: ISSUER,
    certNumber: 'BS0999900000000006',
    issueDate: '2022-01-15',
    layout: 'table',
    color: 'red',
    behaviour: 'image',
    note: 'Certificate address answers with a PNG (image/png).',
  },
  {
    key: 'unlabelled',
    id: 'AC9D360CE2F1B037F7AAE9BCBEC8C755',
    scriptCode: 'CA099990000000000070001',
    holder: '某某市应急管理局',
    holderType: '党政机关',
    siteName: '某某市应急管理局网站',
    domains: ['yjj.moumou.gov.cn'],
    address: '某某市安全路7号',
    functions: '负责全市应急管理工作。',
    issuer: ISSUER,
    certNumber: 'BS0999900000000007',
    issueDate: '2022-01-16',
    layout: 'table',
    color: 'red',
    behaviour: 'unlabelled',
    note: 'Certificate address answers 200 with an unrelated page that has none of the labels.',
  },
  {
    key: 'hostile',
    id: '414F020FDC3D9ABF9B1CAA3A72CBF1FF',
    scriptCode: 'CA099990000000000080001',
    holder: '<script>alert(1)</script>某某局',
    holderType: '党政机关',
    siteName: '<img src=x onerror="alert(2)">某某局网站',
    domains: ['mmj.moumou.gov.cn'],
    address: '某某市"><iframe src="javascript:alert(3)"></iframe>8号',
    functions: '<b onmouseover="alert(4)">负责</b>某某工作。',
    issuer: ISSUER,
    certNumber: 'BS0999900000000008',
    issueDate: '2022-01-17',
    layout: 'table',
    color: 'red',
    note: 'Fields carry markup, printed escaped: the page shows it as text.',
  },
  {
    key: 'handover-old',
    id: '3E0A9C1B57D24F68A1C3E5B7D9F20486',
    scriptCode: 'CA050100000076543210001',
    holder: '某某经济技术开发区管理委员会',
    holderType: '党政机关',
    siteName: '某某经济技术开发区网站',
    domains: ['www.mmkfq.gov.cn'],
    address: '河北省某某市开发区创业路1号',
    functions: '负责开发区的规划建设、招商引资和经济管理工作。',
    issuer: ISSUER,
    certNumber: 'BS0501000000765432',
    issueDate: '2019-04-18',
    layout: 'table',
    color: 'red',
    note: "Certificate memory: the site's first holder (a later visit finds handover-new for the same domain).",
  },
  {
    key: 'handover-new',
    id: '8B4F2D6A0C9E47B3A5D1F7C3E9B0A264',
    scriptCode: 'CA050100000076543220001',
    holder: '某某市商务局',
    holderType: '党政机关',
    siteName: '某某经济技术开发区网站',
    domains: ['www.mmkfq.gov.cn'],
    address: '河北省某某市商贸街4号',
    functions: '负责全市内外贸易和开发区的经济管理工作。',
    issuer: ISSUER,
    certNumber: 'BS0501000000765433',
    issueDate: '2025-01-06',
    layout: 'dl',
    color: 'red',
    note: 'Certificate memory: a genuine certificate of another holder for the same domain as handover-old, after a reorganisation.',
  },
  ...(['revoked', 'server-error', 'waf', 'soft-404'] as const).map(
    (behaviour, i): CertificateRecord => ({
      key: behaviour,
      id: [
        '5D2C8E41A7B3096F1E4D2A8C6B0F3957',
        '9A1E7C3F5B2D40860C8A6E4B2D1F3A75',
        'C47B1E9D3A5F28064E2C8A6B0D9F1735',
        '2F8D6B4A0C1E39574B6D8F2A0C4E1B93',
      ][i]!,
      scriptCode: `CA0999900000000001${i}0001`,
      holder: '某某市市场监督管理局',
      holderType: '党政机关',
      siteName: '某某市市场监督管理局网站',
      domains: ['scjgj.moumou.gov.cn'],
      address: '某某市市场路9号',
      functions: '负责市场综合监督管理，办理企业注销登记。',
      issuer: ISSUER,
      certNumber: `BS09999000000001${i}0`,
      issueDate: '2021-06-01',
      layout: 'table',
      color: 'red',
      behaviour,
      note: `The registry's answer misbehaves: ${behaviour} (a genuine site must never read as "does not exist").`,
    }),
  ),
  {
    key: 'scripted',
    id: '7C3A9E15B2D84F60A1E7C5B3D9F2086E',
    scriptCode: 'CA050100000012345670001',
    holder: '某某市文化和旅游局',
    holderType: '党政机关',
    siteName: '某某市文化和旅游局网站',
    domains: ['whlyj.moumou.gov.cn'],
    address: '河北省某某市文化路9号',
    functions: '负责全市文化、旅游和广播电视工作。',
    issuer: ISSUER,
    certNumber: 'BS0501000000123456',
    issueDate: '2023-08-15',
    layout: 'script',
    color: 'red',
    note: "Certificate page drawn by a script after load: GovMark's own fetch finds no label; only the rendered page can be read.",
  },
];

/** Well-formed, never registered: the certificate page answers "not found". */
export const UNKNOWN_ID = '0004FD1E2B0BE3922FB66F8E9389542E';

export function findById(id: string): CertificateRecord | undefined {
  return registry.find((r) => r.id === id);
}

export function findByScriptCode(code: string): CertificateRecord | undefined {
  return registry.find((r) => r.scriptCode === code);
}

export function recordByKey(key: string): CertificateRecord {
  const record = registry.find((r) => r.key === key);
  if (!record) throw new Error(`No stand-in certificate record "${key}"`);
  return record;
}

/** `/js/AA/BBB/CCCC/NNNNNNNN/CA….js`, the path of a record's embed script on dcs.conac.cn. */
export function scriptPath(scriptCode: string): string {
  const d = scriptCode.slice(2);
  return `/js/${d.slice(0, 2)}/${d.slice(2, 5)}/${d.slice(5, 9)}/${d.slice(9, 17)}/${scriptCode}.js`;
}
