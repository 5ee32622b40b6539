/**
 * Where an element's click goes: `href` (HTML and SVG), an event handler, a bound attribute, a
 * data attribute, or the form around it. Page code is never run: addresses are read from the text.
 */

import { hrefOf } from './cert-url';
import { type Href, parse, type Scan } from './context';
import { ADDRESS_ATTRIBUTES } from './handlers';
import { CERT_IN_TEXT } from './text-patterns';

/** The element's `href` (or SVG `xlink:href`), as the browser resolves it. */
export function hrefLink(el: Element, scan: Scan): Href | null {
  const raw = el.getAttribute('href') ?? el.getAttribute('xlink:href');
  if (raw == null) return null;
  const url = parse(raw, scan.base);
  // An unparseable href behaves like a hostless link in the browser: it goes nowhere.
  return url ? hrefOf(url) : { link: { certId: null, linkUrl: raw.trim(), linkHost: '', certificateLink: false }, meant: false };
}

/** A certificate address the element opens from a handler, bound attribute or data attribute. */
export function handlerLink(el: Element, scan: Scan): Href | null {
  for (const { name, carries } of ADDRESS_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (!value) continue;
    const code = carries === 'url' ? value : carries === 'code' ? withCalledFunctions(value, scan) : boundValue(value, scan);
    const found = addressIn(code, scan);
    if (found) return found;
  }
  return null;
}

/** A `<form action>` that submits to a certificate page (its fields make the query). */
export function formLink(form: Element, scan: Scan): Href | null {
  const action = form.getAttribute('action');
  if (!action || !/itename/i.test(action)) return null;
  if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'get') return null;
  const url = parse(action, scan.base);
  if (!url) return null;
  url.search = '';
  for (const input of form.querySelectorAll('input[name]')) {
    const type = input.getAttribute('type')?.toLowerCase();
    if (type !== 'image' && type !== 'submit' && type !== 'button')
      url.searchParams.append(input.getAttribute('name')!, input.getAttribute('value') ?? '');
  }
  return hrefOf(url);
}

/**
 * The first certificate address in script text. A certificate handed to another address
 * (`'/go?target=' + encodeURIComponent('…')`) is carried by that address: a redirector.
 */
function addressIn(code: string, scan: Scan): Href | null {
  if (!/itename/i.test(code)) return null;
  // Entities a template left in the handler, and string pieces joined with `+` (`'…&id=' + '…'`).
  const text = code
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/(['"])\s*\+\s*\1/g, '');
  for (const m of text.matchAll(CERT_IN_TEXT)) {
    const url = parse(m[0], scan.base);
    const href = url && hrefOf(url);
    if (!href?.meant) continue;
    const outer = /(['"])([^'"\s]*[?&#][\w-]*=)\1\s*\+\s*(?:encodeURIComponent|encodeURI|escape)\(\s*['"]$/.exec(
      text.slice(Math.max(0, m.index - 300), m.index),
    );
    const carrier = outer && parse(outer[2] + encodeURIComponent(m[0]), scan.base);
    return carrier ? hrefOf(carrier) : href;
  }
  return null;
}

/**
 * Handler code plus the bodies of the page functions it calls (`onclick="showConac()"`). Looked up
 * even when the handler names `sitename` itself: `openSiteName()` is a call, not an address.
 */
function withCalledFunctions(code: string, scan: Scan): string {
  const scripts = inlineScripts(scan);
  let text = code;
  for (const m of code.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)) {
    const at = scripts.search(new RegExp(`function\\s+${m[1]}\\s*\\(|\\b${m[1]}\\s*[:=]\\s*function\\b`));
    if (at !== -1) text += `\n${scripts.slice(at, at + 600)}`;
  }
  return text;
}

/** What a bound attribute (`:href="linkHref"`) is set to in the page's script: `linkHref: '…'`. */
function boundValue(expression: string, scan: Scan): string {
  const name = /^\s*(?:this\.)?([A-Za-z_$][\w$]*)\s*$/.exec(expression)?.[1];
  if (!name) return expression;
  const scripts = inlineScripts(scan);
  const at = scripts.search(new RegExp(`\\b${name}\\s*[:=]\\s*['"\`]`));
  // Stryker disable next-line StringLiteral: a name the scripts never set resolves to no address, and any text without `sitename` is none
  return at === -1 ? '' : scripts.slice(at, at + 300).split(/\r?\n/, 1)[0]!;
}

/** The page's inline script text, read once when a handler needs it. */
function inlineScripts(scan: Scan): string {
  scan.scriptText ??= scan.readScripts();
  return scan.scriptText;
}
