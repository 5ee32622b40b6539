/** The certificate page (标识证书基本信息), read by its labels. */

import { isNotFoundAnswer, revokedStatus } from './certificate-answer';
import { type Cell, SOFT, STRONG_TERM, toCells, WEAK_TERM } from './certificate-cells';
import { toAsciiHost } from './domain';

/** 党政机关 (organ) or 事业单位 (institution); anything else the page prints is 'other'. */
export type HolderType = 'organ' | 'institution' | 'other';

export interface Certificate {
  id: string;
  siteName: string | null;
  /** Registered domains in ASCII (punycode), lower case, without a trailing dot. */
  domains: string[];
  /** The domains exactly as printed (may be Chinese). */
  domainsAsPrinted: string[];
  holder: string | null;
  holderType: HolderType | null;
  /** The type as printed, e.g. 党政机关 / 行政机关 / 事业单位. */
  holderTypeText: string | null;
  address: string | null;
  functions: string | null;
  issuer: string | null;
  certNumber: string | null;
  issueDate: string | null;
  creditCode: string | null;
}

export type CertificateParse =
  | { status: 'ok'; certificate: Certificate }
  | { status: 'not-found' }
  /** The page says the certificate is revoked, cancelled, expired or suspended (detail: the words it uses). */
  | { status: 'revoked'; detail: string; certificate: Certificate | null }
  | { status: 'unreadable'; detail: string };

const MAX_VALUE_CHARS = 500;
const MAX_VALUE_CELLS = 100;
const MAX_DOMAINS = 50;
/** A domain list printed one per line runs over many cells: fifty domains of up to 80 characters. */
const MAX_DOMAIN_LIST_CHARS = MAX_DOMAINS * 80;

type FieldKey =
  | 'holder'
  | 'holderType'
  | 'address'
  | 'functions'
  | 'siteName'
  | 'domains'
  | 'domainsFallback'
  | 'issuer'
  | 'certNumber'
  | 'issueDate'
  | 'creditCode'
  | 'status'
  | 'otherDomains';

/** Synonyms by priority: a footer's 主办单位 or 地址 must not win over the certificate's own label. */
const LABELS: Record<FieldKey, string[]> = {
  holder: ['机构名称', '单位名称', '开办单位', '主办单位'],
  holderType: ['机构类型', '单位类型', '机构性质', '单位性质'],
  address: ['机构地址', '单位地址', '地址'],
  functions: ['机构职能', '业务范围', '主要职能', '职能'],
  siteName: ['网站名称'],
  // All of these together make the domain list; the fallback only counts when none is present.
  domains: ['域名', '中英文域名', '中文域名', '英文域名', '域名名称', '网站域名'],
  domainsFallback: ['网站地址', '网址'],
  issuer: ['标识证书发放单位', '发放单位', '发证机关', '发证单位'],
  certNumber: ['标识证书编号', '证书编号'],
  issueDate: ['标识证书发放时间', '发放时间', '发证日期', '发放日期'],
  creditCode: ['统一社会信用代码'],
  // The certificate's state: 已撤销 / 已注销 … make it revoked (STATUS_WORDS).
  status: ['证书状态', '标识状态', '网站状态', '状态'],
  // Qualified labels name other domains, never the registered ones (as do qualifiers: 域名（已注销）).
  otherDomains: ['曾用域名', '原域名', '历史域名', '旧域名', '已注销域名'],
};

/** A bracketed qualifier that makes a domain label name a domain no longer registered: 域名（已注销）. */
const PAST_QUALIFIER = /[（(][^（()）]*(?:注销|撤销|吊销|停用|过期|失效|历史|曾用|原|旧)[^（()）]*[）)]/u;

interface LabelInfo {
  field: FieldKey;
  rank: number;
}

const LABEL_INDEX = new Map<string, LabelInfo>();
for (const [field, labels] of Object.entries(LABELS) as [FieldKey, string[]][]) {
  for (const [rank, label] of labels.entries()) LABEL_INDEX.set(label, { field, rank });
}
/** Longest first, so that 标识证书发放单位 is not read as 发放单位; a space may sit between characters. */
const LABEL_ALTERNATION = [...LABEL_INDEX.keys()]
  .sort((a, b) => b.length - a.length)
  .map((label) => [...label].join(' ?'))
  .join('|');
const COLON = /[:：﹕]/;
/** A cheap test that a cell may start with a label: its first character, after a little punctuation. */
const LABEL_FIRST_CHARS = [...new Set([...LABEL_INDEX.keys()].map((label) => label[0]))].join('');
const LABEL_LEAD = new RegExp(`^[\\s\\p{P}]{0,3}[${LABEL_FIRST_CHARS}]`, 'u');
/** A label may carry its alternative in brackets: 机构职能（业务范围）. */
const QUALIFIER = '(?: ?[（(][^（()）:：]{1,10}[）)])?';
const QUALIFIERS = /[（(][^（()）:：]{1,10}[）)]/gu;
/** "label：value" inside a cell; the label starts the cell or follows a space or punctuation. */
const LABEL_WITH_COLON = new RegExp(`(?<![^\\s|｜丨│])(${LABEL_ALTERNATION})${QUALIFIER} ?[:：﹕]`, 'gu');
/** "label value" at the start of a cell. */
const LABEL_WITH_SPACE = new RegExp(`^(${LABEL_ALTERNATION})${QUALIFIER} (?=\\S)`, 'u');
/** Some other label ("负责人：") ends a value too. */
const OTHER_LABEL = /^\p{Script=Han}(?: ?\p{Script=Han}){1,11} ?[:：﹕]/u;
const LABEL_CELL_MAX_CHARS = 40;

interface Hit extends LabelInfo {
  start: number;
  end: number;
}

/** A domain label qualified as past (域名（已注销）) labels other domains. */
function qualified(info: LabelInfo, label: string): LabelInfo {
  if (info.field !== 'domains' || !PAST_QUALIFIER.test(label)) return info;
  // Stryker disable next-line ObjectLiteral,StringLiteral: no one reads an otherDomains value: its label only ends a running value
  return { field: 'otherDomains', rank: 0 };
}

/** The entry of a label the alternation matched: always one of LABEL_INDEX's keys, spaced out or not (机 构 名 称). */
const labelInfo = (matched: string): LabelInfo => LABEL_INDEX.get(matched.replace(/ /g, '')) as LabelInfo;

function hitsOf(text: string): Hit[] {
  const leads = LABEL_LEAD.test(text);
  if (leads && text.length <= LABEL_CELL_MAX_CHARS) {
    const whole = LABEL_INDEX.get(text.replace(QUALIFIERS, '').replace(/[\s\p{P}]+/gu, ''));
    if (whole) return [{ ...qualified(whole, text), start: 0, end: text.length }];
  }
  const hits: Hit[] = [];
  if (COLON.test(text)) {
    for (const m of text.matchAll(LABEL_WITH_COLON)) {
      hits.push({ ...qualified(labelInfo(m[1]), m[0]), start: m.index, end: m.index + m[0].length });
    }
  }
  if (!hits.length && leads) {
    const m = LABEL_WITH_SPACE.exec(text);
    if (m) hits.push({ ...qualified(labelInfo(m[1]), m[0]), start: 0, end: m[0].length });
  }
  return hits;
}

interface Part {
  text: string;
  /** Joined to the previous part without a space. */
  soft: boolean;
}

interface Found {
  /** Labels that start their own cell (a row, a dd, a line) outrank labels met inside another value. */
  rank: number;
  parts: Part[];
  /** The label starts its cell: it is not text inside another field's value. */
  ownCell: boolean;
}

interface Values {
  best: Map<FieldKey, Found>;
  domains: Found[];
  seen: Set<FieldKey>;
  /** Cells that hold a label or a value: the rest is the page's own text (headings, notices, help). */
  used: Set<number>;
}

/** Every labelled value on the page: the best-ranked one per field, and all domain values. */
function findValues(cells: Cell[]): Values {
  const best = new Map<FieldKey, Found>();
  const domains: Found[] = [];
  const seen = new Set<FieldKey>();
  const used = new Set<number>();
  const cache: (Hit[] | undefined)[] = [];
  const hitsAt = (k: number): Hit[] => (cache[k] ??= hitsOf(cells[k].text));

  // A value runs on from its label until another label, or until the element holding both the
  // label and the value's first text closes (a table row, a dl, a div around a label span …).
  const continueValue = (i: number, parts: Part[], lcaDepth: number | null, maxChars: number): void => {
    let lca = lcaDepth;
    let lo = Infinity;
    let chars = parts.reduce((n, p) => n + p.text.length, 0);
    for (let k = i + 1; k < cells.length && k <= i + MAX_VALUE_CELLS && chars < maxChars; k++) {
      const c = cells[k];
      lo = Math.min(lo, c.gapLo);
      if (lca !== null && lo < lca) return;
      const next = hitsAt(k);
      if (next.length) {
        // The last part: joinParts trims the space before the label.
        const prefix = c.text.slice(0, next[0].start);
        if (prefix) parts.push({ text: prefix, soft: c.brk === SOFT });
        return;
      }
      const isTerm = c.term === STRONG_TERM || (c.term === WEAK_TERM && parts.length > 0);
      if (isTerm || OTHER_LABEL.test(c.text)) return;
      used.add(k);
      parts.push({ text: c.text, soft: c.brk === SOFT });
      chars += c.text.length;
      if (lca === null) lca = Math.min(lo, c.inLo);
    }
  };

  for (let i = 0; i < cells.length; i++) {
    const hits = hitsAt(i);
    const text = cells[i].text;
    if (hits.length) used.add(i);
    hits.forEach((hit, h) => {
      seen.add(hit.field);
      const isDomain = hit.field === 'domains';
      const ownCell = hit.start === 0;
      const rank = hit.rank + (ownCell ? 0 : INSIDE_VALUE_RANK);
      const prior = best.get(hit.field);
      if (!isDomain && prior && prior.rank <= rank) return;
      const last = h === hits.length - 1;
      const rest = text.slice(hit.end, last ? text.length : hits[h + 1].start).trim();
      // Stryker disable next-line BooleanLiteral: the first part of a value is joined to nothing
      const parts: Part[] = rest ? [{ text: rest, soft: false }] : [];
      if (last) continueValue(i, parts, rest ? cells[i].inLo : null, isDomain ? MAX_DOMAIN_LIST_CHARS : MAX_VALUE_CHARS);
      if (!parts.length) return;
      if (isDomain) domains.push({ rank, parts, ownCell });
      else best.set(hit.field, { rank, parts, ownCell });
    });
  }
  return { best, domains, seen, used };
}

/** Added to the rank of a label met inside a cell after other text: any label starting its own cell outranks it. */
const INSIDE_VALUE_RANK = 100;

/** The first 500 characters, never ending in half of a surrogate pair. */
const capped = (s: string): string =>
  s
    .slice(0, MAX_VALUE_CHARS)
    .replace(/[\ud800-\udbff]$/, '')
    .trim();

/** Parts are cells' texts or trimmed slices of them: their spaces are already single. */
function joinParts(parts: Part[]): string | null {
  let s = '';
  for (const p of parts) s += (s && !p.soft ? ' ' : '') + p.text;
  return capped(s) || null;
}

/**
 * Anything that cannot be part of a printed address separates two (a colon only when no port or
 * // follows). The characters of a URL's path, query and userinfo stay in the token, so that only
 * its host is read: `a.cn/?u=evil.cn`, `admin@evil.cn` and `evil.cn@a.cn` name no other domain.
 */
const DOMAIN_SEPARATORS = /[^\p{L}\p{N}\p{M}._\-/:。．｡@?=&#%+~]+|:(?!\/\/|\d)/u;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const TOP_LABEL = /\.(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The host a printed address names, as printed; null for an e-mail address or an address with userinfo. */
function hostPrinted(raw: string): string | null {
  const token = raw.replace(EDGE_PUNCTUATION, '').replace(SCHEME, '');
  const authority = token.split(/[/?#]/, 1)[0];
  if (authority.includes('@')) return null;
  return authority.replace(/:\d*$/, '').replace(EDGE_PUNCTUATION, '') || null;
}

function domainsOf(values: Part[][]): { ascii: string[]; printed: string[] } {
  const ascii: string[] = [];
  const printed: string[] = [];
  for (const parts of values) {
    for (const part of parts) {
      // Full-width letters, digits, hyphens and dots are ordinary ones.
      for (const raw of part.text.normalize('NFKC').split(DOMAIN_SEPARATORS)) {
        if (ascii.length >= MAX_DOMAINS) return { ascii, printed };
        const token = hostPrinted(raw);
        if (!token) continue;
        const host = toAsciiHost(token);
        if (!host || !TOP_LABEL.test(host) || ascii.includes(host)) continue;
        ascii.push(host);
        printed.push(token);
      }
    }
  }
  return { ascii, printed };
}

/** Domain values from labels starting their own cell; labels met inside other text only when there are none. */
function registeredDomainValues(values: Values): Part[][] {
  const own = values.domains.filter((d) => d.ownCell);
  const chosen = own.length ? own : values.domains;
  const fallback = values.best.get('domainsFallback');
  return chosen.length ? chosen.map((d) => d.parts) : fallback ? [fallback.parts] : [];
}
function holderTypeOf(text: string): HolderType {
  if (text.includes('事业')) return 'institution';
  if (text.includes('机关')) return 'organ';
  return 'other';
}

/** The 18-character code if there is one; otherwise whatever code-like text is printed, so a checker can flag it. */
function creditCodeOf(value: string): string | null {
  const s = value.normalize('NFKC').toUpperCase();
  const m = /(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/.exec(s) ?? /[0-9A-Z]+/.exec(s);
  return m ? m[0].slice(0, 32) : null;
}

function read(html: string, id: string): CertificateParse {
  const cells = toCells(html);
  const values = findValues(cells);
  const { best, seen, used } = values;
  const value = (field: FieldKey): string | null => {
    const found = best.get(field);
    return found ? joinParts(found.parts) : null;
  };
  const holder = value('holder');
  const { ascii, printed } = domainsOf(registeredDomainValues(values));

  if (seen.size === 0 && isNotFoundAnswer(cells)) return { status: 'not-found' };
  const revoked = revokedStatus(value('status'), cells, used);
  const certificate = holder && ascii.length ? build() : null;
  if (revoked) return { status: 'revoked', detail: revoked, certificate };
  if (certificate) return { status: 'ok', certificate };

  const missing: string[] = [];
  if (!holder) missing.push(seen.has('holder') ? '机构名称 label has no value' : 'no 机构名称 label');
  if (!ascii.length) {
    const labelled = seen.has('domains') || seen.has('domainsFallback');
    missing.push(labelled ? '域名 label has no valid domain' : 'no 域名 label');
  }
  return { status: 'unreadable', detail: cells.length ? missing.join('; ') : 'no text' };

  function build(): Certificate {
    const holderTypeText = value('holderType');
    const creditCode = value('creditCode');
    return {
      id,
      siteName: value('siteName'),
      domains: ascii,
      domainsAsPrinted: printed,
      holder,
      holderType: holderTypeText ? holderTypeOf(holderTypeText) : null,
      holderTypeText,
      address: value('address'),
      functions: value('functions'),
      issuer: value('issuer'),
      certNumber: value('certNumber'),
      issueDate: value('issueDate'),
      creditCode: creditCode ? creditCodeOf(creditCode) : null,
    };
  }
}

/** Reads a certificate page's HTML text. DOM-free: runs in a service worker. Never throws. */
export function parseCertificate(html: string, id: string): CertificateParse {
  if (typeof html !== 'string' || !html.trim()) return { status: 'unreadable', detail: 'empty page' };
  try {
    return read(html, id);
  } catch (e) {
    return { status: 'unreadable', detail: `parse error: ${e instanceof Error ? e.message : String(e)}`.slice(0, 200) };
  }
}
