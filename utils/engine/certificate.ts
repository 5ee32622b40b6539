/** The certificate page (标识证书基本信息), read by its labels. */

import { Parser } from 'htmlparser2';
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
  | { status: 'unreadable'; detail: string };

// Bounds on the work done for any input. htmlparser2 keeps its open elements in an array it
// unshifts, so each tag costs O(depth): deep nesting is cut off rather than parsed quadratically.
const MAX_INPUT_CHARS = 1_000_000;
const MAX_DEPTH = 1000;
const MAX_CELLS = 20_000;
const MAX_CELL_CHARS = 4000;
const MAX_VALUE_CHARS = 500;
const MAX_VALUE_CELLS = 100;
const MAX_DOMAINS = 50;

/** How a tag separates the text around it. */
const NONE = 0; // inline: the text runs on
const SOFT = 1; // a new cell, but a value running across it gets no space (span, label, unknown tags)
const HARD = 2; // a new cell, and a space in a value running across it

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));
const INLINE_TAGS = words(`
  a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark nobr q rp rt ruby s samp
  small strike strong sub sup time tt u var wbr script style`);
const HARD_TAGS = words(`
  address article aside blockquote body br button caption center dd details dialog dir div dl dt
  fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe legend
  li main menu nav noscript ol option p pre section select summary table tbody td template textarea
  tfoot th thead title tr ul`);
/** Text inside these is not shown to the reader. */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'title']);
/** Elements that hold a label and never a value. */
const TERM_TAGS = new Set(['dt', 'th', 'label']);
/** A class named like a label: such an element ends a running value, but may hold one (Bootstrap's .label). */
const TERM_CLASS = /label|lbl/i;

const SKIP_FLAG = 1;
const TERM_FLAG = 2;
const WEAK_TERM_FLAG = 4;

/** Cell.term: not inside a label element, inside one named by its class, inside dt/th/label. */
const NOT_TERM = 0;
const WEAK_TERM = 1;
const STRONG_TERM = 2;

const breakOf = (tag: string): number => (INLINE_TAGS.has(tag) ? NONE : HARD_TAGS.has(tag) ? HARD : SOFT);

// Direction overrides could make a holder name display as another; zero-width characters hide.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const SPACES = /[\s\u0000-\u001f\u007f-\u009f]+/g;
const clean = (s: string): string => s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();

/** A run of text between tags that break it, with where it sits in the element tree. */
interface Cell {
  text: string;
  /** The strongest break between the previous cell and this one. */
  brk: number;
  /** The lowest nesting depth reached between the previous cell and this one. */
  gapLo: number;
  /** The lowest nesting depth within this cell. */
  inLo: number;
  /** NOT_TERM, WEAK_TERM or STRONG_TERM. */
  term: number;
}

function toCells(html: string): Cell[] {
  const cells: Cell[] = [];
  const flags: number[] = [];
  let depth = 0;
  let skip = 0;
  let terms = 0;
  let weakTerms = 0;
  let pieces: string[] = [];
  let chars = 0;
  let brk = HARD;
  let gapLo = 0;
  let inLo = 0;
  let term = NOT_TERM;

  const endCell = (b: number): void => {
    if (pieces.length) {
      const text = clean(pieces.join('')).slice(0, MAX_CELL_CHARS);
      pieces = [];
      chars = 0;
      if (text) {
        cells.push({ text, brk, gapLo, inLo, term });
        brk = b;
        gapLo = depth;
        if (cells.length >= MAX_CELLS) parser.pause();
        return;
      }
      gapLo = Math.min(gapLo, inLo);
    }
    brk = Math.max(brk, b);
  };

  const parser = new Parser(
    {
      // Names and attributes rather than onopentag: htmlparser2 then builds no attribute objects.
      onopentagname(name) {
        const b = breakOf(name);
        if (b !== NONE) endCell(b);
        let f = 0;
        if (SKIPPED_TAGS.has(name)) {
          f |= SKIP_FLAG;
          skip++;
        }
        if (TERM_TAGS.has(name)) {
          f |= TERM_FLAG;
          terms++;
        }
        flags.push(f);
        if (++depth > MAX_DEPTH) parser.pause();
      },
      onattribute(name, value) {
        const top = flags.length - 1;
        if (name === 'class' && top >= 0 && !(flags[top] & (TERM_FLAG | WEAK_TERM_FLAG)) && TERM_CLASS.test(value)) {
          flags[top] |= WEAK_TERM_FLAG;
          weakTerms++;
        }
      },
      onclosetag(name) {
        const b = breakOf(name);
        if (b !== NONE) endCell(b);
        const f = flags.pop() ?? 0;
        if (f & SKIP_FLAG) skip--;
        if (f & TERM_FLAG) terms--;
        if (f & WEAK_TERM_FLAG) weakTerms--;
        depth--;
        if (pieces.length) inLo = Math.min(inLo, depth);
        else gapLo = Math.min(gapLo, depth);
      },
      ontext(data) {
        if (skip > 0 || chars >= MAX_CELL_CHARS) return;
        if (!pieces.length) {
          if (!/\S/.test(data)) return;
          inLo = depth;
          term = terms > 0 ? STRONG_TERM : weakTerms > 0 ? WEAK_TERM : NOT_TERM;
        }
        pieces.push(data);
        chars += data.length;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html.length > MAX_INPUT_CHARS ? html.slice(0, MAX_INPUT_CHARS) : html);
  endCell(HARD);
  return cells;
}

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
  | 'creditCode';

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
};

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

const NOT_FOUND = /不存在|未找到|没有找到|没有查询到|未查询到|查询不到|查无|无此标识|无此证书|无效标识|已注销|已撤销|已吊销/;
const NOT_FOUND_CELL_MAX_CHARS = 300;

interface Hit extends LabelInfo {
  start: number;
  end: number;
}

function hitsOf(text: string): Hit[] {
  const leads = LABEL_LEAD.test(text);
  if (leads && text.length <= LABEL_CELL_MAX_CHARS) {
    const whole = LABEL_INDEX.get(text.replace(QUALIFIERS, '').replace(/[\s\p{P}]+/gu, ''));
    if (whole) return [{ ...whole, start: 0, end: text.length }];
  }
  const hits: Hit[] = [];
  if (COLON.test(text)) {
    for (const m of text.matchAll(LABEL_WITH_COLON)) {
      const info = LABEL_INDEX.get(m[1].replace(/ /g, ''));
      if (info) hits.push({ ...info, start: m.index, end: m.index + m[0].length });
    }
  }
  if (!hits.length && leads) {
    const m = LABEL_WITH_SPACE.exec(text);
    const info = m && LABEL_INDEX.get(m[1].replace(/ /g, ''));
    if (m && info) hits.push({ ...info, start: 0, end: m[0].length });
  }
  return hits;
}

interface Part {
  text: string;
  /** Joined to the previous part without a space. */
  soft: boolean;
}

interface Found {
  rank: number;
  parts: Part[];
}

/** Every labelled value on the page: the best-ranked one per field, and all domain values. */
function findValues(cells: Cell[]): { best: Map<FieldKey, Found>; domainParts: Part[][]; seen: Set<FieldKey> } {
  const best = new Map<FieldKey, Found>();
  const domainParts: Part[][] = [];
  const seen = new Set<FieldKey>();
  const cache: (Hit[] | undefined)[] = [];
  const hitsAt = (k: number): Hit[] => (cache[k] ??= hitsOf(cells[k].text));

  // A value runs on from its label until another label, or until the element holding both the
  // label and the value's first text closes (a table row, a dl, a div around a label span …).
  const continueValue = (i: number, parts: Part[], lcaDepth: number | null): void => {
    let lca = lcaDepth;
    let lo = Infinity;
    let chars = parts.reduce((n, p) => n + p.text.length, 0);
    for (let k = i + 1; k < cells.length && k <= i + MAX_VALUE_CELLS && chars < MAX_VALUE_CHARS; k++) {
      const c = cells[k];
      lo = Math.min(lo, c.gapLo);
      if (lca !== null && lo < lca) return;
      const next = hitsAt(k);
      if (next.length) {
        const prefix = c.text.slice(0, next[0].start).trim();
        if (prefix) parts.push({ text: prefix, soft: c.brk === SOFT });
        return;
      }
      const isTerm = c.term === STRONG_TERM || (c.term === WEAK_TERM && parts.length > 0);
      if (isTerm || OTHER_LABEL.test(c.text)) return;
      parts.push({ text: c.text, soft: c.brk === SOFT });
      chars += c.text.length;
      if (lca === null) lca = Math.min(lo, c.inLo);
    }
  };

  for (let i = 0; i < cells.length; i++) {
    const hits = hitsAt(i);
    const text = cells[i].text;
    hits.forEach((hit, h) => {
      seen.add(hit.field);
      const isDomain = hit.field === 'domains';
      const prior = best.get(hit.field);
      if (!isDomain && prior && prior.rank <= hit.rank) return;
      const last = h === hits.length - 1;
      const rest = text.slice(hit.end, last ? text.length : hits[h + 1].start).trim();
      const parts: Part[] = rest ? [{ text: rest, soft: false }] : [];
      if (last) continueValue(i, parts, rest ? cells[i].inLo : null);
      if (!parts.length) return;
      if (isDomain) domainParts.push(parts);
      else best.set(hit.field, { rank: hit.rank, parts });
    });
  }
  return { best, domainParts, seen };
}

function capped(s: string): string {
  let end = Math.min(s.length, MAX_VALUE_CHARS);
  if (end < s.length && /[\ud800-\udbff]/.test(s[end - 1])) end--;
  return s.slice(0, end).trim();
}

function joinParts(parts: Part[]): string | null {
  let s = '';
  for (const p of parts) s += (s && !p.soft ? ' ' : '') + p.text;
  return capped(s.replace(/\s+/g, ' ').trim()) || null;
}

/** Anything that cannot be part of a printed address separates two (a colon only when no port or // follows). */
const DOMAIN_SEPARATORS = /[^\p{L}\p{N}\p{M}._\-/:。．｡]+|:(?!\/\/|\d)/u;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const TOP_LABEL = /\.(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;

function domainsOf(values: Part[][]): { ascii: string[]; printed: string[] } {
  const ascii: string[] = [];
  const printed: string[] = [];
  for (const parts of values) {
    for (const part of parts) {
      for (const raw of part.text.split(DOMAIN_SEPARATORS)) {
        if (ascii.length >= MAX_DOMAINS) return { ascii, printed };
        const token = raw.replace(EDGE_PUNCTUATION, '');
        const host = token && toAsciiHost(token);
        if (!host || !TOP_LABEL.test(host) || ascii.includes(host)) continue;
        ascii.push(host);
        printed.push(token.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/:].*$/, ''));
      }
    }
  }
  return { ascii, printed };
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
  const { best, domainParts, seen } = findValues(cells);
  const value = (field: FieldKey): string | null => {
    const found = best.get(field);
    return found ? joinParts(found.parts) : null;
  };
  const holder = value('holder');
  const fallback = best.get('domainsFallback');
  const { ascii, printed } = domainsOf(domainParts.length ? domainParts : fallback ? [fallback.parts] : []);

  if (!holder && cells.some((c) => c.text.length <= NOT_FOUND_CELL_MAX_CHARS && NOT_FOUND.test(c.text))) {
    return { status: 'not-found' };
  }
  const missing: string[] = [];
  if (!holder) missing.push(seen.has('holder') ? '机构名称 label has no value' : 'no 机构名称 label');
  if (!ascii.length) {
    const labelled = seen.has('domains') || seen.has('domainsFallback');
    missing.push(labelled ? '域名 label has no valid domain' : 'no 域名 label');
  }
  if (missing.length) return { status: 'unreadable', detail: cells.length ? missing.join('; ') : 'no text' };

  const holderTypeText = value('holderType');
  const creditCode = value('creditCode');
  return {
    status: 'ok',
    certificate: {
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
    },
  };
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
