/**
 * The image an element shows, wherever the page names it, and the colour it names. Lazy loaders
 * keep the real address out of `src` until scrolled to; `srcset` and `<picture>` offer several.
 */
import { isOfficialImageUrl } from '../conac';
import type { ColorFields } from './context';
import { colorOfImageName, colorOfWords, type NamedColor } from './image-names';

/** Attributes that hold one image address. */
export const IMAGE_ATTRIBUTES: readonly string[] = [
  'src', // every <img>
  'data-src', // lazysizes, vanilla-lazyload, most CMS themes
  'data-original', // jquery.lazyload (older county portals)
  'lay-src', // layui flow lazyimg
  'data-lazy-src', // WordPress lazy-load plugins
  'data-echo', // echo.js
  'href', // SVG <image>, <use href="#icon-dzjg">
  'xlink:href', // SVG 1.1 <image>, <use>
];
/** Attributes that hold a candidate list (`a.png 1x, b.png 2x`). */
const SET_ATTRIBUTES = ['srcset', 'data-srcset'];
const STYLE_URL = /url\(\s*(?:&quot;|["'])?([^"')&]+)/gi;

/** Every image address an element names: its own attributes, <picture> sources, inline background. */
export function imageAddresses(el: Element): string[] {
  const found: string[] = [];
  const link = ['a', 'area'].includes(el.tagName.toLowerCase());
  for (const name of IMAGE_ATTRIBUTES) {
    // A link's href is where it goes, not what it shows.
    const value = link && name.endsWith('href') ? null : el.getAttribute(name);
    if (value) found.push(value);
  }
  const sets = [el, ...(el.parentElement?.tagName.toLowerCase() === 'picture' ? el.parentElement.children : [])];
  for (const source of sets)
    for (const name of SET_ATTRIBUTES) {
      const value = source.getAttribute(name);
      if (value) for (const candidate of value.split(',')) found.push(candidate.trim().split(/\s/, 1)[0]!);
    }
  const style = el.getAttribute('style');
  if (style) for (const m of style.matchAll(STYLE_URL)) found.push(m[1]!.trim());
  return found;
}

/** The colour the first image address that names one names. */
export function namedColor(addresses: readonly string[]): NamedColor | null {
  for (const address of addresses) {
    const named = colorOfImageName(address);
    if (named) return named;
  }
  return null;
}

export function hasOfficialImage(addresses: readonly string[], base: string | undefined): boolean {
  return addresses.some((a) => /conac/i.test(a) && isOfficial(a, base));
}

function isOfficial(address: string, base: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return false;
  }
  return isOfficialImageUrl(url);
}

/** The image's name says it best; else the words around it (alt, title, link text, SVG <title>). */
export function colorOf(shown: Element | null, around: Element | null, aroundText: () => string): ColorFields {
  const image = shown && imageOf(shown);
  const named = image && namedColor(imageAddresses(image));
  if (named) return { color: named.color, errorIcon: named.errorIcon };
  const own = around && namedColor(imageAddresses(around));
  if (own) return { color: own.color, errorIcon: own.errorIcon };
  const labels = [
    image?.getAttribute('alt'),
    image?.getAttribute('title'),
    around?.getAttribute('alt'),
    around?.getAttribute('title'),
  ];
  for (const words of labels) {
    // An alt naming both types, or neither, says nothing; the next label may.
    const color = words ? colorOfWords(words) : null;
    if (color) return { color, errorIcon: false };
  }
  return { color: colorOfWords(aroundText()), errorIcon: false };
}

/** The element that names the image: a <picture>'s <img>, an <svg>'s <image> or <use>. */
function imageOf(el: Element): Element {
  const tag = el.tagName.toLowerCase();
  if (tag === 'picture') return el.querySelector('img') ?? el;
  if (tag === 'svg') return el.querySelector('image, use') ?? el;
  return el;
}
