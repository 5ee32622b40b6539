/**
 * Marks in the DOM: the official container, certificate links (HTML `<a>`, `<area>`, SVG links,
 * forms), and mark images wherever the page names them, with the link, handler or form around them.
 */
import type { MarkKind } from '../scan';
import {
  type Candidate,
  CONTAINER,
  each,
  FROM_CONTAINER,
  FROM_IMAGE,
  FROM_LINK,
  type Href,
  MAX_ELEMENTS,
  noLink,
  noScript,
  type Scan,
  textStart,
} from './context';
import { HANDLER_DEPTH } from './handlers';
import { colorOfWords } from './image-names';
import { colorOf, hasOfficialImage, imageAddresses, namedColor } from './image-sources';
import { formLink, handlerLink, hrefLink } from './links';
import { inServerComment } from './text-comments';
import { scanComments, visitScript } from './text-marks';

/**
 * Certificate links. Case-sensitive on purpose (`i` costs 50% more): every embed writes these in
 * lower case. `itename` also finds `/%73itename` and a redirector's `…%2Fsitename`.
 */
const LINKS = 'a[href*="itename"]';
/** What a mark can look like inside its link. */
export const IMAGE_LIKE = 'img, svg, picture, canvas, input[type="image" i], [style*="background" i]';

export function scanElements(doc: Document, scan: Scan): void {
  // Duplicate ids are common here; querySelectorAll returns them all, getElementById only one.
  const container = (el: Element, i: number) => {
    try {
      if (scan.seen.has(el) || el.parentElement?.closest(CONTAINER)) return;
      scan.seen.add(el);
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
  scanTree(doc, scan, true, 0);
  // A <template>'s content is no part of the page until a script stamps it out.
  each(doc.getElementsByTagName('template'), (t, i) => {
    // A declarative shadow root is no template (and shadow roots are not read: the safe side).
    if (t.hasAttribute('shadowrootmode') || t.hasAttribute('shadowroot')) return;
    const content = (t as HTMLTemplateElement).content ?? t;
    const used = templateUsed(t, scan);
    scanTree(content, scan, used, 10_000 * (i + 1));
    scanComments(content, scan);
  });
  // Scripts are few on most pages; inline text is bounded by MAX_TEXT_CHARS instead.
  each(doc.getElementsByTagName('script'), (el, i) => visitScript(el, 3e6 + i, scan), Infinity);
}

function scanTree(root: Document | DocumentFragment | Element, scan: Scan, active: boolean, offset: number): void {
  // linkedom's getElementsByTagName reaches into a template's content (its querySelectorAll does not): that
  // content is read with the template.
  const templates = root.nodeType === 9 && byTag(root, 'template').length > 0;
  const outside = (el: Element) => !templates || !el.closest('template');
  each(root.querySelectorAll(LINKS), (a, i) => visitLink(a, FROM_LINK + offset + i, scan, active));
  each(byTag(root, 'area'), (a, i) => outside(a) && visitLink(a, FROM_LINK + 5000 + offset + i, scan, active));
  const forms = byTag(root, 'form');
  scan.forms ||= forms.length > 0;
  each(forms, (f, i) => outside(f) && visitForm(f, FROM_LINK + 6000 + offset + i, scan, active));
  each(
    byTag(root, 'svg'),
    (svg, i) => outside(svg) && each(byTag(svg, 'a'), (a) => visitLink(a, FROM_LINK + 7000 + offset + i, scan, active)),
  );
  each(byTag(root, 'img'), (img, i) => outside(img) && visitImage(img, FROM_IMAGE + offset + i, scan, active));
  each(root.querySelectorAll('#imgConac'), (img, i) => visitImage(img, FROM_IMAGE + 5000 + offset + i, scan, active));
}

/**
 * Elements by tag: a cached native collection in a document (no selector matching at all), a
 * query in a template's fragment, which has no getElementsByTagName.
 */
function byTag(root: Document | DocumentFragment | Element, tag: string): ArrayLike<Element> {
  // Stryker disable next-line StringLiteral: both queries find the same elements; the test only picks the faster one
  return 'getElementsByTagName' in root ? root.getElementsByTagName(tag) : root.querySelectorAll(tag);
}

/** A template some inline script reads by its id (`getElementById('ft-tpl')`, `'#ft-tpl'`). */
function templateUsed(t: Element, scan: Scan): boolean {
  const id = t.id;
  if (!id) return false;
  scan.scriptText ??= scan.readScripts();
  return scan.scriptText.includes(`'${id}'`) || scan.scriptText.includes(`"${id}"`) || scan.scriptText.includes(`#${id}`);
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
      // Every kind of element the scan visits: links, image-map areas, images, a non-image #imgConac.
      for (const inner of el.querySelectorAll('a, area, img, #imgConac')) contained.add(inner);
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

function push(scan: Scan, el: Element, href: Href, image: Element | null, order: number, active: boolean): void {
  scan.seen.add(el);
  // Stryker disable next-line ConditionalExpression: an image pushed with its element is skipped anyway through that seen element (the handler walk, its form or its closest link)
  if (image) scan.seen.add(image);
  const kind: MarkKind = image || el.matches('[style*="background" i], area') ? 'static-link' : 'text-link';
  const color = colorOf(image ?? mapImage(el), el, () => textStart(el, 200));
  const shown = active && !inServerComment(el);
  scan.candidates.push({ kind, ...noScript, ...href.link, ...color, active: shown, html: el, order } satisfies Candidate);
}

function visitLink(a: Element, order: number, scan: Scan, active: boolean): void {
  // What the official script rendered is reported with its container.
  if (scan.seen.has(a) || inContainer(a, scan)) return;
  const href = hrefLink(a, scan);
  // Stryker disable next-line OptionalChaining: a link with no href throws inside each(), which skips it just as the return does
  if (!href?.meant) return;
  push(scan, a, href, a.querySelector(IMAGE_LIKE) ?? svgImage(a), order, active);
}

function visitForm(form: Element, order: number, scan: Scan, active: boolean): void {
  const href = formLink(form, scan);
  // Stryker disable next-line OptionalChaining: a form that is no certificate form throws inside each(), which skips it just as the miss does
  if (href?.meant) push(scan, form, href, form.querySelector('input[type="image" i], img'), order, active);
}

/** Inside an SVG link, the mark is an <image>, a <use> of a symbol, or drawn (then its <title> names it). */
function svgImage(a: Element): Element | null {
  // By namespace, not by a walk up the tree: a flood of nested links must stay linear.
  return a.namespaceURI === 'http://www.w3.org/2000/svg' ? a.querySelector('image, use') : null;
}

/** The image an image map's <area> belongs to (`<img usemap="#name">`). */
function mapImage(el: Element): Element | null {
  if (el.tagName.toLowerCase() !== 'area') return null;
  const name = el.parentElement?.getAttribute('name');
  if (!name) return null;
  for (const img of el.ownerDocument.getElementsByTagName('img')) if (img.getAttribute('usemap') === `#${name}`) return img;
  return null;
}

/**
 * A mark image: the official one (dcs.conac.cn, #imgConac), or one whose name or label names a
 * unit type. Found with the handler, bound attribute, data attribute or link that opens its certificate.
 */
function visitImage(img: Element, order: number, scan: Scan, active: boolean): void {
  if (scan.seen.has(img) || inContainer(img, scan)) return;
  const addresses = imageAddresses(img);
  const official = img.id === 'imgConac' || hasOfficialImage(addresses, scan.base);
  const named = namedColor(addresses);
  const label = colorOfWords([img.getAttribute('alt'), img.getAttribute('title')].join(' '));
  if (!official && !named && !label) return;
  for (let el: Element | null = img, depth = 0; el && depth < HANDLER_DEPTH; el = el.parentElement, depth++) {
    if (scan.seen.has(el)) return;
    const href = handlerLink(el, scan);
    if (href?.meant) {
      push(scan, el, href, img, order, active);
      return;
    }
  }
  const form = scan.forms ? img.closest('form[action]') : null;
  if (form && scan.seen.has(form)) return;
  const anchor = img.closest('a');
  if (anchor && scan.seen.has(anchor)) return;
  const href = anchor && hrefLink(anchor, scan);
  // A certificate link the link query missed (`/SiteName?…`, or past the element cap) is found through its image.
  if (anchor && href?.meant) {
    push(scan, anchor, href, img, order, active);
    return;
  }
  // Outside a certificate link, only a name that is the mark's own makes a mark: red.png may be a bullet.
  // Stryker disable next-line OptionalChaining: an unnamed image throws inside each() before the scan is touched, which skips it just as the return does
  if (!official && !named?.alone) return;
  scan.seen.add(img);
  if (anchor && href) {
    push(scan, anchor, href, img, order, active);
    return;
  }

  // Stryker disable next-line StringLiteral: any text without 党政机关 or 事业单位 names no colour, as the empty text does
  const color = colorOf(img, null, () => '');
  scan.candidates.push({
    kind: 'image-only',
    ...noScript,
    ...noLink,
    ...color,
    active: active && !inServerComment(img),
    html: img,
    order,
  });
}
