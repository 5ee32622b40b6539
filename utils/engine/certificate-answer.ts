/**
 * What the registry's page says about the certificate as a whole: that it is revoked (or
 * cancelled, expired, suspended), or that there is no such certificate. Only the registry's own
 * words count — a status field, a heading or a notice of the page — never words inside a field's
 * value (机构职能 "负责企业注销登记"), and never a page that is merely not a certificate.
 */

import type { Cell } from './certificate-cells';

/** Words that put a certificate out of force. One line each, with where the wording comes from. */
export const STATUS_WORDS: readonly { word: string; seen: string }[] = [
  { word: '已撤销', seen: 'registry notices of withdrawn marks (撤销网站标识)' },
  { word: '已注销', seen: 'cancelled registrations (注销), the commonest wording' },
  { word: '已吊销', seen: 'revoked for cause' },
  { word: '已过期', seen: 'certificates past their validity' },
  { word: '已失效', seen: 'certificates no longer valid' },
  { word: '暂停使用', seen: 'suspended marks' },
  { word: '停用', seen: '已停用 / 停用 status values' },
];
const STATUS = new RegExp(STATUS_WORDS.map((s) => s.word).join('|'));
/** A notice about this certificate: 该标识证书已注销, 标识证书基本信息（已撤销）, or a status word standing alone. */
const STATUS_NOTICE = new RegExp(
  `(?:标识|证书|网站)[^。！!，,；;]{0,8}?(?:${STATUS_WORDS.map((s) => s.word).join('|')})|^[\\s\\p{P}]*(?:${STATUS_WORDS.map((s) => s.word).join('|')})[\\s\\p{P}]*$`,
  'u',
);
const NOTICE_MAX_CHARS = 60;

/**
 * The status words, when the page says the certificate is out of force: in a status field, or in
 * a heading or notice of its own (a cell that is no field's label or value).
 */
export function revokedStatus(statusValue: string | null, cells: Cell[], used: Set<number>): string | null {
  const inField = statusValue && STATUS.exec(statusValue);
  if (inField) return statusValue.slice(0, 60);
  for (const [i, cell] of cells.entries()) {
    if (used.has(i) || cell.text.length > NOTICE_MAX_CHARS) continue;
    if (STATUS_NOTICE.test(cell.text) && (cell.heading || !/^(?:如|若|如果|假如|凡)/.test(cell.text))) return cell.text;
  }
  return null;
}

/**
 * The registry's "no such certificate" sentence: about a certificate or mark (对不起，您查询的网站标识
 * 证书不存在；未找到该标识；无此标识), or the answer to a query (没有查询到相关信息). A page that is not
 * found (页面不存在, 404) says nothing about a certificate.
 */
const NOT_FOUND_SENTENCE = new RegExp(
  [
    '(?:证书|标识)[^。！!]{0,8}?(?:不存在|未找到|没有找到|查询不到|未查询到|没有查询到|无效)',
    '(?:无此|查无)(?:标识|证书|记录)',
    '(?:未|没有)找到[^。！!]{0,6}(?:证书|标识)',
    '(?:没有查询到|未查询到|查询不到)[^。！!]{0,6}(?:证书|标识|信息|记录|结果)',
  ].join('|'),
);
const CONDITIONAL = /(?:如|若|如果|假如|倘若)[^。！!]{0,12}$/;
const SENTENCE_MAX_CHARS = 100;
/** The rest of a not-found page: a logo's alt, 返回首页, the registry's footer. More text is another page. */
const OTHER_TEXT_MAX_CHARS = 300;

/**
 * The page is the registry's not-found answer: no certificate labels at all (the caller checks),
 * and the not-found sentence is its main content. An error page, a WAF or maintenance page, a
 * soft 404 or an unknown layout whose help text says 不存在 is not.
 */
export function isNotFoundAnswer(cells: Cell[]): boolean {
  const sentence = cells.findIndex((c) => {
    if (c.text.length > SENTENCE_MAX_CHARS) return false;
    const m = NOT_FOUND_SENTENCE.exec(c.text);
    return m !== null && !CONDITIONAL.test(c.text.slice(0, m.index));
  });
  if (sentence === -1) return false;
  const other = cells.reduce((n, c, i) => (i === sentence ? n : n + c.text.length), 0);
  return other <= OTHER_TEXT_MAX_CHARS;
}
