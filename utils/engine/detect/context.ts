/** What the detection stages share: the scan in progress, its limits, and small helpers. */
import type { Mark } from '../scan';

/** A hostile page can inject thousands of fake marks; the report stays small. */
export const MAX_MARKS = 20;
/** Mark-like elements examined; the rest of a flood is not worth the time. */
export const MAX_ELEMENTS = 1000;
/** Inline script and comment text read per page (big inline bundles are rare and slow to read). */
export const MAX_TEXT_CHARS = 2_000_000;
/** Matches taken from script and comment text per page. */
export const MAX_TEXT_HITS = 100;
const HTML_CAP = 500;

export const CONTAINER = '#_ideConac, ._ideConac';
/** Order of the sources, for reports in a stable order. */
export const FROM_CONTAINER = 0;
export const FROM_LINK = 1e6;
export const FROM_IMAGE = 2e6;
export const FROM_SCRIPT = 3e6;
export const FROM_COMMENT = 4e6;

/** `html` is the element itself until the marks are settled: only the few reported are serialised. */
export type Candidate = Omit<Mark, 'html'> & { html: string | Element; order: number };
export type Link = Pick<Mark, 'certId' | 'linkUrl' | 'linkHost' | 'certificateLink'>;
/** A link, and whether it is meant as a certificate link (then it is a mark whatever it wraps). */
export type Href = { link: Link; meant: boolean };
export type ColorFields = Pick<Mark, 'color' | 'errorIcon'>;

export interface Embed {
  code: string | null;
  url: string | null;
  html: string | Element;
  order: number;
}

export interface Scan {
  base: string | undefined;
  live: boolean;
  candidates: Candidate[];
  embeds: Map<string, Embed>;
  containers: { el: Element; order: number }[];
  /** Every container on the page is in `containers` (or inside one that is): none was cut off or failed. */
  containersAll: boolean;
  /** With containersAll: the containers and the mark-like elements inside them. */
  contained: Set<Element> | null;
  /** The page has forms (a mark's image is looked up in one only then: a walk up a deep tree per image). */
  forms: boolean;
  /** Elements already reported (a link found by its href is not found again from its image). */
  seen: Set<Element>;
  siteCode: string | null;
  textChars: number;
  textHits: number;
  /** Inline script text, read once on demand (handler functions and bound properties live there). */
  scriptText: string | null;
  readScripts: () => string;
}

/** A scan at its start: nothing found yet; `readScripts` reads the page's inline scripts when first needed. */
export function startScan(base: string | undefined, live: boolean, readScripts: () => string): Scan {
  return {
    base,
    live,
    candidates: [],
    embeds: new Map(),
    containers: [],
    // Stryker disable next-line BooleanLiteral: scanElements sets it from the containers it finds before anything reads it
    containersAll: true,
    contained: null,
    // Stryker disable next-line BooleanLiteral: scanElements counts the forms before any image looks for one (it only saves a walk up the tree)
    forms: false,
    seen: new Set(),
    siteCode: null,
    textChars: 0,
    textHits: 0,
    scriptText: null,
    readScripts,
  };
}

export const noScript = { scriptCode: null, scriptUrl: null } as const;
export const noLink: Link = { certId: null, linkUrl: null, linkHost: null, certificateLink: false };
export const noColor: ColorFields = { color: null, errorIcon: false };

export function parse(raw: string, base?: string): URL | null {
  try {
    // Saved pages and CMS templates double-escape `&` (`&amp;amp;id=`); the author meant `id`.
    return new URL(raw.trim().replace(/&amp;/gi, '&'), base);
  } catch {
    return null;
  }
}

/** Runs `visit` on each element up to `limit`; one odd element does not stop the rest. */
export function each<T>(list: ArrayLike<T>, visit: (el: T, i: number) => void, limit = MAX_ELEMENTS): void {
  for (let i = 0; i < Math.min(list.length, limit); i++) {
    try {
      visit(list[i]!, i);
    } catch {
      /* one odd element does not stop the rest */
    }
  }
}

export function excerpt(text: string, index: number): string {
  return cap(text.slice(Math.max(0, index - 100), index + HTML_CAP));
}

/** The element's markup as evidence, capped. Serialised only for the marks reported. */
export function outerHtml(el: Element): string {
  try {
    return cap(el.outerHTML);
  } catch {
    return '';
  }
}

function cap(html: string): string {
  return html.length > HTML_CAP ? `${html.slice(0, HTML_CAP)}…` : html;
}

/** `el.textContent.slice(0, max)`, without building the text of a whole big subtree. */
export function textStart(el: Element, max: number): string {
  const doc = el.ownerDocument;
  if (typeof doc?.createTreeWalker !== 'function') return el.textContent?.slice(0, max) ?? '';
  const walker = doc.createTreeWalker(el, 4 | 8 /* NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION */);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < max; node = walker.nextNode()) text += (node as Text).data;
  return text.slice(0, max);
}
