/**
 * What each reason says, in both languages: the sentences are the product's words to the reader,
 * so each is written out here by hand. A changed word must change this table too.
 */
import { describe, expect, it } from 'vitest';
import { type Evidence, holderTypeName, REASON_CODES, type ReasonCode, reasonMessage } from '../../utils/engine/verdict';

const ID = '7A1C1D4C0D1E4F0B8E2F3A4B5C6D7E8F';

const MESSAGES: [ReasonCode, Evidence, string, string][] = [
  [
    'domain-match',
    { found: 'www.beijing.gov.cn' },
    '本站域名 www.beijing.gov.cn 在标识登记的域名之中。',
    "This site's domain www.beijing.gov.cn is one of the registered domains.",
  ],
  [
    'holder-match',
    { found: '北京市人民政府' },
    '网页所写主办单位与标识持有单位一致：北京市人民政府。',
    "The owner printed on the page matches the mark's holder: 北京市人民政府.",
  ],
  [
    'holder-match',
    { found: '北京市人民政府', detail: 'same-name' },
    '网页所写主办单位与标识持有单位一致：北京市人民政府。',
    "The owner printed on the page matches the mark's holder: 北京市人民政府.",
  ],
  [
    'holder-match',
    { found: '某某市档案馆', detail: 'alias' },
    '网页所写主办单位与标识持有单位一致：某某市档案馆（括号内为同一单位的另一名称）。',
    "The owner printed on the page matches the mark's holder: 某某市档案馆 (one is the bracketed second name of the other).",
  ],
  [
    'holder-match',
    { found: '某某市科学技术局', detail: 'joint' },
    '网页所写主办单位与标识持有单位一致：某某市科学技术局（持有单位是网页所列联合主办单位之一）。',
    "The owner printed on the page matches the mark's holder: 某某市科学技术局 (the holder is one of the joint owners printed).",
  ],
  [
    'holder-match',
    { found: '某某市人民政府办公室', detail: 'government-office' },
    '网页所写主办单位与标识持有单位一致：某某市人民政府办公室（人民政府办公厅/办公室代表本级人民政府）。',
    "The owner printed on the page matches the mark's holder: 某某市人民政府办公室 (a people's government's 办公厅/办公室 stands for that government).",
  ],
  [
    'holder-match',
    { found: '某某局', detail: 'a-rule-from-a-later-version' },
    '网页所写主办单位与标识持有单位一致：某某局。',
    "The owner printed on the page matches the mark's holder: 某某局.",
  ],
  ['color-match', { found: 'red' }, '标识颜色与机构类型相符（红色）。', "The mark's colour matches the holder's type (red)."],
  ['color-match', { found: 'blue' }, '标识颜色与机构类型相符（蓝色）。', "The mark's colour matches the holder's type (blue)."],
  [
    'link-not-conac',
    { expected: 'bszs.conac.cn', found: 'conac-gov.cn.example' },
    '标识链接没有指向 bszs.conac.cn，而是指向“conac-gov.cn.example”：这是仿冒的标识。',
    'The mark links to "conac-gov.cn.example", not to bszs.conac.cn: the mark is fake.',
  ],
  [
    'certificate-not-found',
    { found: ID },
    `标识管理中心说证书 ${ID} 不存在。`,
    `The registry says certificate ${ID} does not exist.`,
  ],
  [
    'certificate-revoked',
    { found: ID, detail: '已撤销' },
    `标识管理中心说证书 ${ID} 已不再有效（已撤销）：标识不能证明本站的身份。`,
    `The registry says certificate ${ID} is no longer in force (已撤销): the mark proves nothing about this site.`,
  ],
  [
    'domain-mismatch',
    { found: 'www.beijing-gov.cn', expected: 'www.beijing.gov.cn' },
    '本站域名 www.beijing-gov.cn 不在标识登记的域名（www.beijing.gov.cn）之中：标识是借用或冒用的。',
    "This site's domain www.beijing-gov.cn is not among the registered domains (www.beijing.gov.cn): the mark is borrowed.",
  ],
  [
    'domain-related',
    { found: 'fgw.beijing.gov.cn', expected: 'www.beijing.gov.cn' },
    '本站域名 fgw.beijing.gov.cn 与登记域名（www.beijing.gov.cn）同属一个网站家族，但不是登记的那个网站。',
    "This site's domain fgw.beijing.gov.cn is related to, but not the same site as, the registered domains (www.beijing.gov.cn).",
  ],
  [
    'holder-mismatch',
    { found: '某某科技有限公司', expected: '北京市人民政府' },
    '网页写的主办单位是“某某科技有限公司”，标识持有单位却是“北京市人民政府”。',
    'The page says it is run by "某某科技有限公司", but the mark belongs to "北京市人民政府".',
  ],
  [
    'owner-not-printed',
    {},
    '网页上没有找到主办单位，无法与持有单位核对。',
    'The page does not print its owner (主办单位), so the holder could not be compared.',
  ],
  [
    'color-type-mismatch',
    { found: 'blue', expected: 'organ' },
    '标识颜色（蓝色）与机构类型（党政机关）不符：红色为党政机关，蓝色为事业单位。',
    "The mark's colour (blue) contradicts the holder's type (Party or government organ): red is for Party and government organs, blue for public institutions.",
  ],
  [
    'color-type-mismatch',
    { found: 'red', expected: 'institution' },
    '标识颜色（红色）与机构类型（事业单位）不符：红色为党政机关，蓝色为事业单位。',
    "The mark's colour (red) contradicts the holder's type (public institution): red is for Party and government organs, blue for public institutions.",
  ],
  [
    'credit-code-type-mismatch',
    { found: '12110000400000000X', expected: 'organ' },
    '统一社会信用代码 12110000400000000X 的类别与机构类型（党政机关）不符。',
    "The unified social credit code 12110000400000000X names a different kind of unit than the holder's type (Party or government organ).",
  ],
  [
    'credit-code-type-mismatch',
    { found: '11110000000000000X', expected: '其他' },
    '统一社会信用代码 11110000000000000X 的类别与机构类型（其他）不符。',
    "The unified social credit code 11110000000000000X names a different kind of unit than the holder's type (其他).",
  ],
  [
    'credit-code-invalid',
    { found: '111100000000000001' },
    '统一社会信用代码 111100000000000001 校验位不正确（早期试点代码可能如此）。',
    'The unified social credit code 111100000000000001 fails its check character (some early pilot codes do).',
  ],
  [
    'error-icon',
    {},
    '页面显示的是错误标识图片：官方脚本认为这里不是登记的网站。',
    'The page shows the error version of the mark: the official script does not recognise this site.',
  ],
  [
    'multiple-certificates',
    { found: 'AAA, BBB' },
    '页面上有多个不同证书的标识：AAA, BBB。',
    'The page carries marks of different certificates: AAA, BBB.',
  ],
  [
    'mark-unverifiable',
    {},
    '标识没有链接到证书页面，无法核验。',
    'The mark does not link to a certificate page, so it cannot be verified.',
  ],
  [
    'mark-unverifiable',
    { detail: 'javascript:' },
    '标识没有链接到证书页面，无法核验（javascript:）。',
    'The mark does not link to a certificate page, so it cannot be verified (javascript:).',
  ],
  [
    'mark-not-displayed',
    { detail: '注释中' },
    '标识代码在页面里，但没有显示出来（注释中）。',
    "The mark's code is on the page but the mark is not displayed (注释中).",
  ],
  [
    'government-domain-without-mark',
    { found: 'www.moumou.gov.cn' },
    'www.moumou.gov.cn 是政府或公益机构域名，但页面上没有网站标识。',
    'www.moumou.gov.cn is a government or public-institution domain, but the page carries no mark.',
  ],
  [
    'offline',
    {},
    '离线模式：没有查询证书，只检查了页面本身。',
    'Offline: the certificate was not fetched; only the page itself was checked.',
  ],
  [
    'service-unreachable',
    {},
    '无法连接标识管理中心，暂时不能核验。',
    'The registry could not be reached, so the mark could not be verified.',
  ],
  [
    'service-unreachable',
    { detail: 'ECONNREFUSED' },
    '无法连接标识管理中心，暂时不能核验（ECONNREFUSED）。',
    'The registry could not be reached, so the mark could not be verified (ECONNREFUSED).',
  ],
  [
    'service-timeout',
    {},
    '标识管理中心响应超时，暂时不能核验。',
    'The registry did not answer in time, so the mark could not be verified.',
  ],
  [
    'service-redirect',
    { found: 'evil.example' },
    '证书地址被重定向到其他网站（evil.example），没有采信。',
    'The certificate address redirected to another host (evil.example); the answer was not trusted.',
  ],
  [
    'service-error',
    { detail: 'HTTP 503' },
    '标识管理中心返回了错误（HTTP 503），暂时不能核验。',
    'The registry answered with an error (HTTP 503), so the mark could not be verified.',
  ],
  [
    'certificate-unreadable',
    { detail: 'no holder' },
    '无法读懂证书页面（no holder），不能视为通过。',
    'The certificate page could not be read (no holder); this is not a pass.',
  ],
  [
    'script-unresolved',
    { detail: 'HTTP 404' },
    '无法从标识脚本得到证书编号（HTTP 404）。',
    'The certificate id could not be obtained from the embed script (HTTP 404).',
  ],
  [
    'homepage-verified',
    { found: 'https://www.moumou.gov.cn/', expected: '某某市人民政府' },
    '本页无标识；本站首页的标识已核验（https://www.moumou.gov.cn/），持有单位：某某市人民政府。',
    "This page carries no mark; the mark on this site's homepage (https://www.moumou.gov.cn/) is verified, held by 某某市人民政府.",
  ],
  [
    'homepage-problem',
    { found: 'https://www.moumou.gov.cn/' },
    '本页无标识；本站首页（https://www.moumou.gov.cn/）的标识有问题，以下各条来自首页。',
    "This page carries no mark; the mark on this site's homepage (https://www.moumou.gov.cn/) has problems, listed below.",
  ],
  [
    'certificate-read-from-page',
    { found: ID, detail: 'https://bszs.conac.cn/sitename?method=show&id=1' },
    `证书 ${ID} 读自你打开的证书页面（https://bszs.conac.cn/sitename?method=show&id=1），标识管理中心的直接查询未能读懂。`,
    `Certificate ${ID} was read from the certificate page you opened (https://bszs.conac.cn/sitename?method=show&id=1); the registry's answer to GovMark could not be read.`,
  ],
  [
    'certificate-changed',
    { expected: 'AAA', found: 'BBB', detail: 'not a time' },
    '本站的标识证书变了：之前核验时是“AAA”，现在是“BBB”（自 not a time 起）。',
    'This site\'s certificate has changed: it was "AAA" when last verified, it is "BBB" now (since not a time).',
  ],
];

describe('reasonMessage', () => {
  it.each(MESSAGES)('%s %j', (code, evidence, zh, en) => {
    expect(reasonMessage({ code, severity: 'info', evidence }, 'zh')).toBe(zh);
    expect(reasonMessage({ code, severity: 'info', evidence }, 'en')).toBe(en);
  });

  it('every reason code has a row', () => {
    expect(REASON_CODES.filter((code) => !MESSAGES.some(([c]) => c === code))).toEqual([]);
  });

  describe('certificate-changed names the day in the reader’s own calendar', () => {
    // A moment written with its offset; the reader's day depends on the reader's time zone, so the
    // expected day is the local date of that moment, read with the Date API directly.
    const localDay = (iso: string) => {
      const d = new Date(iso);
      return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
        .map((n, i) => (i ? String(n).padStart(2, '0') : String(n)))
        .join('-');
    };
    it.each([
      '2026-03-05T12:00:00.000Z', // one-digit month and day: padded
      '2026-11-30T08:00:00Z',
      '2025-12-31T23:30:00.000Z', // late evening UTC: the next day east of Greenwich
    ])('%s', (moment) => {
      const message = reasonMessage(
        { code: 'certificate-changed', severity: 'warning', evidence: { expected: 'A', found: 'B', detail: moment } },
        'zh',
      );
      expect(message).toBe(`本站的标识证书变了：之前核验时是“A”，现在是“B”（自 ${localDay(moment)} 起）。`);
    });
    it.each([
      ['a date without a time', '2026-11-30'],
      ['a timestamp that is no date', '2026-13-45T99:00:00Z'],
      ['text before the date', 'x2026-11-30T08:00:00Z'],
      ['nothing', undefined],
    ])('%s is shown as it is', (_, detail) => {
      const message = reasonMessage(
        { code: 'certificate-changed', severity: 'warning', evidence: { expected: 'A', found: 'B', detail } },
        'en',
      );
      expect(message).toBe(
        `This site's certificate has changed: it was "A" when last verified, it is "B" now (since ${detail ?? ''}).`,
      );
    });
  });
});

describe('holderTypeName', () => {
  it.each([
    ['organ', '党政机关', 'zh', '党政机关'],
    ['organ', '机关', 'en', 'Party or government organ'],
    ['institution', '事业单位', 'zh', '事业单位'],
    ['institution', '事业单位', 'en', 'public institution'],
    [null, '群团组织', 'en', '群团组织'], // a type GovMark does not know: as the certificate prints it
    ['something-new', '其他', 'zh', '其他'],
    [null, null, 'zh', null],
  ] as const)('%s / %s in %s → %s', (holderType, holderTypeText, lang, expected) => {
    expect(holderTypeName({ holderType, holderTypeText }, lang)).toBe(expected);
  });
});
