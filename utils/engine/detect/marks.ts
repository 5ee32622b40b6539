/**
 * Finds the CONAC marks a page carries and what the page claims about itself.
 *
 * Runs in the content script on every page a person opens, and on static HTML in the command
 * line (linkedom, scripts never run). Pure: reads only the Document it is given, never runs or
 * renders page content, never throws.
 */

import { certificateIdOf, isEmbedScriptUrl, isOfficialImageUrl, SCRIPT_CODE_PATTERN } from '../conac';
import { GOVERNMENT_SUFFIXES } from '../domain';
import type { Mark, MarkColor, MarkKind, PageClaims, PageScan } from '../scan';
import { readClaims } from './claims';

export interface DetectOptions {
  /** Scripts on the page have run (content script). Default false: static HTML. */
  live?: boolean;
  /**
   * 'always' (default): read what the page claims about itself on every page.
   * 'relevant': only when the page carries a mark or is on a government domain. The verdict
   * uses the claims only then, and reading a footer is most of the cost of scanning a page
   * with no mark (the content script runs on every page a person opens).
   */
  claims?: 'always' | 'relevant';
}

/** A hostile page can inject thousands of fake marks; the report stays small. */
export const MAX_MARKS = 20;
/** Mark-like elements examined; the rest of a flood is not worth the time. */
const MAX_ELEMENTS = 1000;
/** Inline script and comment text read per page (big inline bundles are rare and slow to read). */
const MAX_TEXT_CHARS = 2_000_000;
/** Matches taken from script and comment text per page. */
const MAX_TEXT_HITS = 100;
const HTML_CAP = 500;

const CONTAINER = '#_ideConac, ._ideConac';
/**
 * The elements a mark can be made of. Separate queries on purpose: Chromium answers an id,
 * class, tag or single-compound query on a fast path, while a selector list (`a, b`) is matched
 * the slow way, element by element (measured 3-10x slower on a 35,000-element page).
 * Case-sensitive on purpose (`i` costs 50% more): every embed writes these in lower case, and a
 * page that dodges detection gains nothing, since an unseen mark is reported as no mark.
 */
const LINKS = 'a[href*="sitename"]';
const IMAGES = 'img[src*="conac"]';
/** Order of the sources, for reports in a stable order. */
const FROM_CONTAINER = 0;
const FROM_LINK = 1e6;
const FROM_IMAGE = 2e6;
const FROM_SCRIPT = 3e6;
const FROM_COMMENT = 4e6;
/** Script or comment text worth a closer look. */
const TEXT_HINT = /conac|sitename|sitecode/i;
const IMAGE_LIKE = 'img, svg, picture, canvas, input[type="image" i], [style*="background" i]';

/*
 * Addresses in script and comment text. Written to run in linear time: the plain forms,
 *   EMBED: (?:(?:https?:)?\/\/[\w.-]+(?::\d+)?)?[\w/.%~-]*CA\d{21}\.js
 *   CERT:  (?:(?:https?:)?\/\/[^\s"'<>()\\/?#]+)?[\w/.%~-]*\/sitename\?[^\s"'<>()\\]*
 * retry every position of a long run of path characters and take seconds to minutes on a few
 * hundred kilobytes of such text, which a hostile page can serve to stall the check. These find
 * the same matches (checked against the plain forms on a million random strings):
 * - a match without a scheme or `//` prefix starts only where a run of path characters starts,
 *   because starting inside the run finds nothing that starting at its beginning would not;
 * - a `//host` prefix is tried only where it starts earlier than that run (after `http:`, or a
 *   host with a port or other characters a path cannot hold), the host read atomically
 *   (`(?=(x+))\1`), since giving characters back to the path changes nothing;
 * - the certificate path is read atomically up to `/sitename?`: a `?` ends a run of path
 *   characters, so the only `/sitename?` a run can reach is at its end.
 */
const EMBED_IN_TEXT =
  /(?:https?:\/\/(?=([\w.-]+))\1(?::(?=(\d+))\2)?|\/\/(?=([\w.-]+))\3:(?=(\d+))\4|(?<![\w/.%~-]))[\w/.%~-]*CA\d{21}\.js/g;
const CERT_IN_TEXT =
  /(?:https?:\/\/(?=([^\s"'<>()\\/?#]+))\1|\/\/(?=[^\s"'<>()\\/?#]*[^\s"'<>()\\/?#\w.%~-])(?=([^\s"'<>()\\/?#]+))\2|(?<![\w/.%~-]))(?=((?:[\w.%~-]|\/(?!sitename\?))*))\3\/sitename\?[^\s"'<>()\\]*/gi;
const OFFICIAL_IMAGE_IN_TEXT = /(?:https?:)?\/\/dcs\.conac\.cn\/image\/[\w.-]+/gi;
const SITECODE_IN_TEXT = /sitecode\s*=\s*['"]?([A-Za-z0-9]{10})(?![A-Za-z0-9])/i;
const IMAGE_NAME = /(?:^|[/"'=])(red|blue)(_error)?(?:[.-][0-9a-z]{4,})?\.(?:png|gif|jpe?g|webp|svg)(?:[?#"'\s]|$)/i;
/** Self-hosted copies seen on real portals name the 党政机关 mark by its pinyin: dzjg.png, dzjglogo.png, jiguan.jpg. */
const ORGAN_IMAGE_NAME = /(?:^|[/"'=_-])(?:dzjg|jiguan)(?:[_-]?(?:logo|icon|\d+))?\.(?:png|gif|jpe?g|webp|svg)(?:[?#"'\s]|$)/i;

/** `html` is the element itself until the marks are settled: only the few reported are serialised. */
type Candidate = Omit<Mark, 'html'> & { html: string | Element; order: number };
type Link = Pick<Mark, 'certId' | 'linkUrl' | 'linkHost' | 'certificateLink'>;
/** A link, and whether it is meant as a certificate link (then it is a mark whatever it wraps). */
type Href = { link: Link; meant: boolean };

interface Embed {
  code: string | null;
  url: string | null;
  html: string | Element;
  order: number;
}

interface Scan {
  base: string | undefined;
  live: boolean;
  candidates: Candidate[];
  embeds: Map<string, Embed>;
  containers: { el: Element; order: number }[];
  /** Every container on the page is in `containers` (or inside one that is): none was cut off or failed. */
  containersAll: boolean;
  /** With containersAll: the containers and the mark-like elements inside them. */
  contained: Set<Element> | null;
  siteCode: string | null;
  textChars: number;
  textHits: number;
}

export function detectMarks(doc: Document, pageUrl: string, options: DetectOptions = {}): PageScan {
  const scan: Scan = {
    base: parse(pageUrl)?.href,
    live: options.live ?? false,
    candidates: [],
    embeds: new Map(),
    containers: [],
    containersAll: true,
    contained: null,
    siteCode: null,
    textChars: 0,
    textHits: 0,
  };
  let marks: Mark[] = [];
  let claims: PageClaims = { owner: null, owners: [], siteCode: null, icp: null, psb: null };
  // Each stage guards itself, so that a DOM quirk in one still leaves the others' findings.
  const stage = (run: () => void) => {
    try {
      run();
    } catch {
      /* keep what was found */
    }
  };
  stage(() => (scan.base = baseOf(doc, scan.base)));
  stage(() => scanElements(doc, scan));
  stage(() => scanComments(doc, scan));
  stage(() => (marks = settle(scan)));
  stage(() => {
    if (options.claims !== 'relevant' || marks.length > 0 || onGovernmentDomain(pageUrl)) claims = readClaims(doc);
  });
  claims.siteCode ??= scan.siteCode;
  return { url: pageUrl, marks, claims };
}

/** isGovernmentDomain for an address the browser gave: its host is already lower-case ASCII (punycode). */
function onGovernmentDomain(pageUrl: string): boolean {
  const host = parse(pageUrl)?.hostname.replace(/\.$/, '') ?? '';
  return GOVERNMENT_SUFFIXES.some((suffix) => host.endsWith(`.${suffix}`));
}

/** Relative addresses resolve as the browser would: against `<base href>` when there is one. */
function baseOf(doc: Document, page: string | undefined): string | undefined {
  // Only the head: a document-wide query for an element that is almost never there costs a full walk.
  const href = doc.head?.querySelector('base[href]')?.getAttribute('href');
  return (href != null && parse(href, page)?.href) || page;
}

function parse(raw: string, base?: string): URL | null {
  try {
    // Saved pages and CMS templates double-escape `&` (`&amp;amp;id=`); the author meant `id`.
    return new URL(raw.trim().replace(/&amp;/gi, '&'), base);
  } catch {
    return null;
  }
}

function scanElements(doc: Document, scan: Scan): void {
  const each = (list: ArrayLike<Element>, visit: (el: Element, i: number) => void, limit = MAX_ELEMENTS) => {
    for (let i = 0; i < Math.min(list.length, limit); i++) {
      try {
        visit(list[i], i);
      } catch {
        /* one odd element does not stop the rest */
      }
    }
  };
  // Duplicate ids are common here; querySelectorAll returns them all, getElementById only one.
  const seen = new Set<Element>();
  const container = (el: Element, i: number) => {
    try {
      if (seen.has(el) || el.parentElement?.closest(CONTAINER)) return;
      seen.add(el);
      scan.containers.push({ el, order: FROM_CONTAINER + i });
    } catch (error) {
      scan.containersAll = false;
      throw error;
    }
  };
  const ids = doc.querySelectorAll('#_ideConac');
  const classes = doc.getElementsByClassName('_ideConac');
  scan.containersAll = ids.length <= MAX_ELEMENTS && classes.length <= MAX_ELEMENTS;
  each(ids, container);
  each(classes, (el, i) => container(el, 1000 + i));
  scan.contained = containedMarks(scan);
  each(doc.querySelectorAll(LINKS), (el, i) => visitLink(el, FROM_LINK + i, scan));
  each(doc.querySelectorAll(IMAGES), (el, i) => visitImage(el, FROM_IMAGE + i, scan, seen));
  each(doc.querySelectorAll('#imgConac'), (el, i) => visitImage(el, FROM_IMAGE + 1000 + i, scan, seen));
  // Scripts are few on most pages; inline text is bounded by MAX_TEXT_CHARS instead.
  each(doc.getElementsByTagName('script'), (el, i) => visitScript(el, FROM_SCRIPT + i, scan), Infinity);
}

/**
 * The containers and the links and images inside them, for `inContainer`: a few scoped queries
 * instead of a walk up the tree for every link and image (a flood of marks in a deep tree).
 */
function containedMarks(scan: Scan): Set<Element> | null {
  if (!scan.containersAll) return null;
  const contained = new Set<Element>();
  try {
    for (const { el } of scan.containers) {
      contained.add(el);
      for (const selector of [LINKS, IMAGES, '#imgConac'])
        for (const inner of el.querySelectorAll(selector)) contained.add(inner);
    }
  } catch {
    return null;
  }
  return contained;
}

/** `el.closest(CONTAINER)` for the links and images the scan visits. */
function inContainer(el: Element, scan: Scan): boolean {
  return scan.contained ? scan.contained.has(el) : el.closest(CONTAINER) !== null;
}

function visitScript(el: Element, order: number, scan: Scan): void {
  const src = el.getAttribute('src');
  if (src == null) {
    const text = el.textContent ?? '';
    if (scan.textChars + text.length > MAX_TEXT_CHARS) return;
    scan.textChars += text.length;
    if (TEXT_HINT.test(text)) scanText(text, 'script', order, scan);
    return;
  }
  // The 找错 (jiucuo) badge is not a mark, but its sitecode is the site's 网站标识码.
  const siteCode = el.getAttribute('sitecode');
  if (siteCode && /^[A-Za-z0-9]{10}$/.test(siteCode)) scan.siteCode ??= siteCode;
  // `CA` is case-sensitive on purpose: lower-case `ca` is in half of all script names.
  if (!src.includes('CA') && !/conac/i.test(src)) return;
  const url = parse(src, scan.base);
  if (url && isEmbedScriptUrl(url)) addEmbed(scan, SCRIPT_CODE_PATTERN.exec(url.pathname)?.[0] ?? null, url.href, el, order);
}

function addEmbed(scan: Scan, code: string | null, url: string | null, html: string | Element, order: number): void {
  const key = code ?? url ?? '';
  if (!scan.embeds.has(key)) scan.embeds.set(key, { code, url, html, order });
}

function visitLink(a: Element, order: number, scan: Scan): void {
  // What the official script rendered is reported with its container.
  if (inContainer(a, scan)) return;
  const href = linkOf(a, scan);
  if (!href?.meant) return;
  const image = a.querySelector(IMAGE_LIKE);
  const kind: MarkKind = image || /background/i.test(a.getAttribute('style') ?? '') ? 'static-link' : 'text-link';
  scan.candidates.push({ kind, ...noScript, ...href.link, ...colorOf(image, a), active: true, html: a, order });
}

function visitImage(img: Element, order: number, scan: Scan, seen: Set<Element>): void {
  if (seen.has(img) || inContainer(img, scan) || !isOfficialImage(img, scan)) return;
  seen.add(img);
  const anchor = img.closest('a[href]');
  if (!anchor) {
    scan.candidates.push({ kind: 'image-only', ...noScript, ...noLink, ...colorOf(img, null), active: true, html: img, order });
    return;
  }
  const href = linkOf(anchor, scan);
  // A certificate-looking link is reported as the link itself.
  if (!href || href.meant) return;
  scan.candidates.push({
    kind: 'static-link',
    ...noScript,
    ...href.link,
    ...colorOf(img, anchor),
    active: true,
    html: anchor,
    order,
  });
}

const noScript = { scriptCode: null, scriptUrl: null } as const;
const noLink = { certId: null, linkUrl: null, linkHost: null, certificateLink: false } as const;

function linkOf(a: Element, scan: Scan): Href | null {
  const raw = a.getAttribute('href');
  if (raw == null) return null;
  const url = parse(raw, scan.base);
  // An unparseable href behaves like a hostless link in the browser: it goes nowhere.
  return url ? hrefOf(url) : { link: { certId: null, linkUrl: raw.trim(), linkHost: '', certificateLink: false }, meant: false };
}

function hrefOf(url: URL): Href {
  const certId = certificateIdOf(url);
  // A /sitename link with a mangled id is still meant as a mark, and is reported as unverifiable.
  const mangled =
    /\/sitename$/i.test(url.pathname) &&
    (url.searchParams.get('method')?.toLowerCase() === 'show' || /conac/i.test(url.hostname));
  return {
    link: { certId, linkUrl: url.href, linkHost: url.hostname, certificateLink: certId != null },
    meant: certId != null || mangled,
  };
}

function isOfficialImage(el: Element, scan: Scan): boolean {
  if (el.id === 'imgConac') return true;
  const src = el.getAttribute('src');
  const url = src == null ? null : parse(src, scan.base);
  return url != null && isOfficialImageUrl(url);
}

type ColorFields = Pick<Mark, 'color' | 'errorIcon'>;
const noColor: ColorFields = { color: null, errorIcon: false };

/** The official image names say it best; else the words a copy carries (alt, title, text). */
function colorOf(image: Element | null, around: Element | null): ColorFields {
  const names = image ? ['src', 'data-src', 'data-original'].map((a) => image.getAttribute(a) ?? '').join(' ') : '';
  const words = () =>
    [
      image?.getAttribute('alt'),
      image?.getAttribute('title'),
      around?.getAttribute('title'),
      around && textStart(around, 200),
    ].join(' ');
  return colorOfName(names) ?? colorOfWords(words());
}

function colorOfName(text: string): ColorFields | null {
  const named = IMAGE_NAME.exec(text);
  if (named) return { color: named[1].toLowerCase() as MarkColor, errorIcon: named[2] != null };
  return ORGAN_IMAGE_NAME.test(text) ? { color: 'red', errorIcon: false } : null;
}

function colorOfWords(text: string): ColorFields {
  if (text.includes('党政机关')) return { color: 'red', errorIcon: false };
  if (text.includes('事业单位')) return { color: 'blue', errorIcon: false };
  return noColor;
}

/**
 * Comments cannot be selected. A SHOW_COMMENT walk is native everywhere, measured 4-5x faster
 * than an XPath comment query in Chromium, and linkedom and happy-dom have no XPath at all.
 */
function scanComments(doc: Document, scan: Scan): void {
  const root = doc.documentElement;
  if (!root || typeof doc.createTreeWalker !== 'function') return;
  const walker = doc.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  let order = FROM_COMMENT;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Comment).data ?? '';
    if (!TEXT_HINT.test(text)) continue;
    if (scan.textChars + text.length > MAX_TEXT_CHARS) continue;
    scan.textChars += text.length;
    scanText(text, 'comment', order++, scan);
  }
}

/**
 * Reads marks out of inline script or comment text by pattern: page code is never run, and
 * comment text is never parsed as HTML (it could load images or run handlers).
 */
function scanText(raw: string, source: 'script' | 'comment', order: number, scan: Scan): void {
  const text = unescapeText(raw);
  const kind: MarkKind = source === 'script' ? 'js-generated' : 'commented-out';
  let found = 0;
  for (const m of text.matchAll(EMBED_IN_TEXT)) {
    if (++scan.textHits > MAX_TEXT_HITS) return;
    found++;
    const url = parse(m[0], scan.base);
    const code = SCRIPT_CODE_PATTERN.exec(m[0])?.[0] ?? null;
    // The official embed is itself a document.write: its text is the live script, not a copy.
    if (source === 'script') addEmbed(scan, code, url?.href ?? null, excerpt(text, m.index), order);
    else {
      const script = { scriptCode: code, scriptUrl: url?.href ?? null };
      scan.candidates.push({ kind, ...script, ...noLink, ...noColor, active: false, html: excerpt(text, m.index), order });
    }
  }
  for (const m of text.matchAll(CERT_IN_TEXT)) {
    if (scan.textHits >= MAX_TEXT_HITS) return;
    const url = parse(m[0], scan.base);
    const href = url && hrefOf(url);
    if (!href?.meant) continue;
    scan.textHits++;
    found++;
    // The image and words that go with this link follow it, up to the next link.
    let tail = text.slice(m.index + m[0].length, m.index + m[0].length + 400);
    const next = tail.search(/\/sitename\?/i);
    if (next !== -1) tail = tail.slice(0, next);
    const color = colorOfName(tail) ?? colorOfWords(tail);
    const active = source === 'script' && !isInJsComment(text, m.index);
    scan.candidates.push({ kind, ...noScript, ...href.link, ...color, active, html: excerpt(text, m.index), order });
  }
  if (!found) {
    // Mark markup without a certificate link (the id is computed, or there is none).
    const m = OFFICIAL_IMAGE_IN_TEXT.exec(text);
    OFFICIAL_IMAGE_IN_TEXT.lastIndex = 0;
    if (m && scan.textHits++ < MAX_TEXT_HITS) {
      const active = source === 'script' && !isInJsComment(text, m.index);
      scan.candidates.push({
        kind,
        ...noScript,
        ...noLink,
        ...(colorOfName(m[0]) ?? noColor),
        active,
        html: excerpt(text, m.index),
        order,
      });
    }
  }
  if (source === 'script') scan.siteCode ??= SITECODE_IN_TEXT.exec(text)?.[1] ?? null;
}

/** JSON escapes, `unescape('%3C…')` as in the official embed, and entities in comments. */
function unescapeText(text: string): string {
  return text.replace(
    /\\\/|\\u00([0-9a-f]{2})|\\x([0-9a-f]{2})|%([0-9a-f]{2})|&(amp|quot|#39|lt|gt);/gi,
    (all, u, x, p, entity) => {
      if (all === '\\/') return '/';
      if (entity) return { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' }[entity.toLowerCase() as 'amp'];
      const code = parseInt(u ?? x ?? p, 16);
      // Only the characters that shape markup and URLs; other escapes stay as written.
      return '"&\'/:<=>?'.includes(String.fromCharCode(code)) ? String.fromCharCode(code) : all;
    },
  );
}

/** Code behind `//` or inside a block comment is dead. A `/*` counts only where a comment could start. */
function isInJsComment(text: string, index: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', index) + 1, index);
  if (/^\s*(?:\/\/|\/\*|\*)/.test(line)) return true;
  // A `/*` (at the start or after a space, `;`, `{` or `}`) with no `*/` after it. The last `*/`
  // is found first: a lookahead for it at every `/*` made this quadratic.
  const before = text.slice(Math.max(0, index - 20_000), index);
  const close = before.lastIndexOf('*/');
  for (let i = before.indexOf('/*', Math.max(0, close - 1)); i !== -1; i = before.indexOf('/*', i + 1)) {
    if (i === 0 || /[\s;{}]/.test(before[i - 1]!)) return true;
  }
  return false;
}

function excerpt(text: string, index: number): string {
  return cap(text.slice(Math.max(0, index - 100), index + HTML_CAP));
}

/** The element's markup as evidence, capped. Serialised only for the marks reported. */
function outerHtml(el: Element): string {
  try {
    return cap(el.outerHTML);
  } catch {
    return '';
  }
}

/** `el.textContent.slice(0, max)`, without building the text of a whole big subtree. */
function textStart(el: Element, max: number): string {
  const doc = el.ownerDocument;
  if (typeof doc?.createTreeWalker !== 'function') return el.textContent?.slice(0, max) ?? '';
  const walker = doc.createTreeWalker(el, 4 | 8 /* NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION */);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < max; node = walker.nextNode()) text += (node as Text).data;
  return text.slice(0, max);
}

function cap(html: string): string {
  return html.length > HTML_CAP ? `${html.slice(0, HTML_CAP)}…` : html;
}

/** Pairs embed scripts with the containers they rendered into, then removes duplicates. */
function settle(scan: Scan): Mark[] {
  const candidates = [...scan.candidates, ...liveScriptMarks(scan)];
  const rank = (m: Candidate) => (m.active ? 0 : 10) + KIND_RANK[m.kind];
  const preferred = [...candidates].sort((a, b) => rank(a) - rank(b) || a.order - b.order);
  const taken = new Set<string>();
  const kept: Candidate[] = [];
  for (const m of preferred) {
    const keys = keysOf(m);
    if (keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    kept.push(m);
  }
  // Script or comment markup with neither id nor script cannot be told apart from a mark the
  // page shows; when the page shows one, that markup is most likely its source.
  const shown = kept.some((m) => m.active && m.kind !== 'js-generated' && m.kind !== 'commented-out');
  return kept
    .filter((m) => !(shown && (m.kind === 'js-generated' || m.kind === 'commented-out') && !m.certId && !m.scriptCode))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.order - b.order)
    .slice(0, MAX_MARKS)
    .map(({ order: _, html, ...mark }) => ({ ...mark, html: typeof html === 'string' ? html : outerHtml(html) }));
}

const KIND_RANK: Record<MarkKind, number> = {
  'live-script': 0,
  'static-link': 1,
  'text-link': 2,
  'image-only': 3,
  'js-generated': 4,
  'commented-out': 5,
};

/** Marks sharing a key are one mark. The host is part of the id key: a spoof of a real id stays. */
function keysOf(m: Candidate): string[] {
  const keys: string[] = [];
  if (m.certId) keys.push(`id ${m.certId} ${m.linkHost}`);
  if (m.scriptCode) keys.push(`code ${m.scriptCode}`);
  if (!m.certId && m.linkUrl) keys.push(`link ${m.linkUrl}`);
  if (m.kind === 'image-only') keys.push(`image ${m.color} ${m.errorIcon}`);
  return keys;
}

/**
 * The official script fills the first `#_ideConac`; saved pages add copies, duplicate ids and
 * empty spans. Renders are paired with embed scripts in page order, one mark per pair.
 * Active: a render is displayed. Without one, the script would still render in static HTML,
 * but in a live page it has had its chance and failed.
 */
function liveScriptMarks(scan: Scan): Candidate[] {
  const embeds = [...scan.embeds.values()];
  const renders: { el: Element; order: number; link: Link; image: Element | null }[] = [];
  const seen = new Set<string>();
  const empty: { el: Element; order: number }[] = [];
  for (const c of scan.containers) {
    const anchor = c.el.querySelector('a[href]');
    const image = c.el.querySelector(IMAGE_LIKE);
    if (!anchor && !image) {
      empty.push(c);
      continue;
    }
    const link = (anchor && linkOf(anchor, scan)?.link) || noLink;
    const key = `${link.linkUrl} ${image?.getAttribute('src')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    renders.push({ ...c, link, image });
  }
  const marks: Candidate[] = [];
  for (let i = 0; i < Math.max(embeds.length, renders.length); i++) {
    const embed = embeds[i];
    const render = renders[i];
    const script = { scriptCode: embed?.code ?? null, scriptUrl: embed?.url ?? null };
    if (render) {
      const kind: MarkKind = embed || render.link.linkUrl ? 'live-script' : 'image-only';
      const order = Math.min(render.order, embed?.order ?? Infinity);
      marks.push({ kind, ...script, ...render.link, ...colorOf(render.image, render.el), active: true, html: render.el, order });
    } else {
      marks.push({
        kind: 'live-script',
        ...script,
        ...noLink,
        ...noColor,
        active: !scan.live,
        html: embed.html,
        order: embed.order,
      });
    }
  }
  // A lone empty container is the trace of an embed whose script is gone or broken.
  if (!marks.length && empty.length) {
    const [{ el, order }] = empty;
    marks.push({ kind: 'live-script', ...noScript, ...noLink, ...noColor, active: false, html: el, order });
  }
  return marks;
}
