/**
 * Finding a reported mark on the live page again, for "在页面上显示". Detection reports marks as
 * data (utils/engine/scan.ts), not elements. The popup turns a mark into a target: what it links
 * to (or, for an image with no link, the image's address in its evidence) and, among several
 * alike, its place among the marks reported. The content script finds the target's element.
 * Pure: markTarget reads only the marks, findTarget only the Document it is given.
 */
import type { Mark } from '../engine/scan';

/** Where a mark is: on the page (it can be shown), or why it cannot be. */
export type MarkPlace = 'page' | 'comment' | 'script' | 'not-displayed';

export function markPlace(mark: Mark): MarkPlace {
  if (mark.kind === 'commented-out') return 'comment';
  if (mark.kind === 'js-generated') return 'script';
  return mark.active ? 'page' : 'not-displayed';
}

/** The nth element (from 0) of those whose `attribute` resolves to `url`. */
export interface MarkTarget {
  attribute: 'href' | 'src';
  url: string;
  nth: number;
}

const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

export function markTarget(marks: Mark[], index: number, pageUrl: string): MarkTarget | null {
  const keyOf = (mark: Mark): Omit<MarkTarget, 'nth'> | null => {
    if (markPlace(mark) !== 'page') return null;
    if (mark.linkUrl !== null) return { attribute: 'href', url: mark.linkUrl };
    const src = IMG_SRC.exec(mark.html);
    const raw = src?.[1] ?? src?.[2] ?? src?.[3];
    // The evidence is serialised HTML: `&amp;` there is `&` in the attribute.
    const url = raw === undefined ? null : resolve(raw.replace(/&amp;/g, '&'), pageUrl);
    return url === null ? null : { attribute: 'src', url };
  };
  const key = marks[index] ? keyOf(marks[index]) : null;
  if (key === null) return null;
  // The nth of the marks alike is the nth of the elements alike.
  const nth = marks.slice(0, index).filter((m) => {
    const other = keyOf(m);
    return other?.attribute === key.attribute && other.url === key.url;
  }).length;
  return { ...key, nth };
}

/**
 * A link around an image is found as the image: an inline link's own box can be a thin line.
 * Runs once per click on "在页面上显示", so every link of the page may be looked at.
 */
export function findTarget(doc: Document, { attribute, url, nth }: MarkTarget): Element | null {
  let seen = 0;
  for (const el of doc.querySelectorAll(attribute === 'href' ? 'a[href]' : 'img[src]'))
    if (resolve(el.getAttribute(attribute)!, doc.baseURI) === url && seen++ === nth) return el.querySelector('img') ?? el;
  return null;
}

/** As detection reads addresses (utils/engine/detect/marks.ts): a doubled `&amp;` is `&`. */
function resolve(raw: string, base: string): string | null {
  try {
    return new URL(raw.trim().replace(/&amp;/gi, '&'), base).href;
  } catch {
    return null;
  }
}
