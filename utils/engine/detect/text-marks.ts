/**
 * Marks in script text and comments, read by pattern: page code is never run, and comment text is
 * never parsed as HTML (it could load images or run handlers).
 */
import { isEmbedScriptUrl, SCRIPT_CODE_PATTERN } from '../conac';
import type { MarkKind } from '../scan';
import { hrefOf } from './cert-url';
import { TEMPLATE_SCRIPT_TYPES } from './comment-syntaxes';
import { excerpt, FROM_COMMENT, MAX_TEXT_CHARS, MAX_TEXT_HITS, noColor, noLink, noScript, parse, type Scan } from './context';
import { colorOfImageName, colorOfWords } from './image-names';
import { inRanges, jsCommentRanges, type Range, templateCommentRanges } from './text-comments';
import { CERT_IN_TEXT, EMBED_IN_TEXT, OFFICIAL_IMAGE_IN_TEXT, SITECODE_IN_TEXT, TEXT_HINT } from './text-patterns';

export function addEmbed(scan: Scan, code: string | null, url: string | null, html: string | Element, order: number): void {
  // One of the two is always known: a script address without a code, or a code in text.
  const key = code ?? url!;
  if (!scan.embeds.has(key)) scan.embeds.set(key, { code, url, html, order });
}

export function visitScript(el: Element, order: number, scan: Scan): void {
  const src = el.getAttribute('src');
  if (src == null) {
    const text = el.textContent;
    if (scan.textChars + text.length > MAX_TEXT_CHARS) return;
    scan.textChars += text.length;
    if (!TEXT_HINT.test(text)) return;
    const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
    scanText(text, TEMPLATE_SCRIPT_TYPES.includes(type) ? 'template' : 'script', order, scan);
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

/**
 * Comments cannot be selected. A SHOW_COMMENT walk is native everywhere, measured 4-5x faster
 * than an XPath comment query in Chromium, and linkedom and happy-dom have no XPath at all.
 */
export function scanComments(root: Node, scan: Scan, order = FROM_COMMENT): void {
  const doc = root.ownerDocument ?? (root as Document);
  if (typeof doc.createTreeWalker !== 'function') return;
  const walker = doc.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Comment).data;
    if (!TEXT_HINT.test(text)) continue;
    if (scan.textChars + text.length > MAX_TEXT_CHARS) continue;
    scan.textChars += text.length;
    scanText(text, 'comment', order++, scan);
  }
}

type Source = 'script' | 'template' | 'comment';

/** Reads marks out of script, template or comment text. */
export function scanText(raw: string, source: Source, order: number, scan: Scan): void {
  const { text, rawIndex } = unescapeText(raw);
  const kind: MarkKind = source === 'comment' ? 'commented-out' : 'js-generated';
  // Comment ranges are found in the text as written: unescaping `\x27` would end strings early.
  let comments: Range[] | null = null;
  const hidden = (index: number) => {
    if (source === 'comment') return true;
    comments ??= source === 'template' ? templateCommentRanges(raw) : jsCommentRanges(raw);
    return inRanges(comments, rawIndex(index));
  };
  let found = false;
  for (const m of text.matchAll(EMBED_IN_TEXT)) {
    if (++scan.textHits > MAX_TEXT_HITS) return;
    found = true;
    const url = parse(m[0], scan.base);
    // The match ends in the code (`CA` + 21 digits + `.js`).
    const code = SCRIPT_CODE_PATTERN.exec(m[0])![0];
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
    found = true;
    const color = colorAfter(text, m.index + m[0].length);
    scan.candidates.push({
      kind,
      ...noScript,
      ...href.link,
      ...color,
      active: !hidden(m.index),
      html: excerpt(text, m.index),
      order,
    });
  }
  if (!found) {
    // Mark markup without a certificate link (the id is computed, or there is none).
    const m = OFFICIAL_IMAGE_IN_TEXT.exec(text);
    OFFICIAL_IMAGE_IN_TEXT.lastIndex = 0;
    if (m && scan.textHits++ < MAX_TEXT_HITS) {
      const named = colorOfImageName(m[0]);
      const color = named ? { color: named.color, errorIcon: named.errorIcon } : noColor;
      scan.candidates.push({
        kind,
        ...noScript,
        ...noLink,
        ...color,
        active: !hidden(m.index),
        html: excerpt(text, m.index),
        order,
      });
    }
  }
  if (source === 'script') scan.siteCode ??= SITECODE_IN_TEXT.exec(text)?.[1] ?? null;
}

/** An image address in markup or code text: `src="…"`, `"src": "…"`, `url(…)`, srcset candidates. */
const IMAGE_IN_TEXT = /[^\s"'()\\<>=,]+\.(?:png|gif|jpe?g|webp|svg|avif)\b/gi;

/** The image and words that go with a link in text follow it, up to the next link. */
function colorAfter(text: string, from: number) {
  let tail = text.slice(from, from + 400);
  const next = tail.search(/\/sitename\?/i);
  if (next !== -1) tail = tail.slice(0, next);
  for (const m of tail.matchAll(IMAGE_IN_TEXT)) {
    const named = colorOfImageName(m[0]);
    if (named) return { color: named.color, errorIcon: named.errorIcon };
  }
  const alt = /(?:alt|title)\s*[=:]\s*\\?["']([^"'\\]*)/i.exec(tail)?.[1];
  // Stryker disable next-line StringLiteral: any text without 党政机关 or 事业单位 names no colour, as the empty string does
  return { color: colorOfWords(alt ?? '') ?? colorOfWords(tail), errorIcon: false };
}

/**
 * JSON escapes, `unescape('%3C…')` as in the official embed, and entities in comments; with a map
 * back to positions in the text as written.
 */
function unescapeText(raw: string): { text: string; rawIndex: (index: number) => number } {
  // Stryker disable next-line ArrayDeclaration: a string entry destructures to letters, which compare false with every index
  const shifts: [at: number, by: number][] = [];
  let removed = 0;
  const text = raw.replace(
    /\\\/|\\u00([0-9a-f]{2})|\\x([0-9a-f]{2})|%([0-9a-f]{2})|&(amp|quot|#39|lt|gt);/gi,
    (all, u, x, p, entity, offset: number) => {
      let out = all;
      if (all === '\\/') out = '/';
      else if (entity) out = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' }[entity.toLowerCase() as 'amp'];
      else {
        const char = String.fromCharCode(parseInt(u ?? x ?? p, 16));
        // Only the characters that shape markup and URLs; other escapes stay as written.
        if ('"&\'/:<=>?'.includes(char)) out = char;
      }
      if (out.length !== all.length) {
        removed += all.length - out.length;
        shifts.push([offset + all.length - removed, removed]);
      }
      return out;
    },
  );
  const rawIndex = (index: number) => {
    let by = 0;
    for (const [at, shift] of shifts) if (at <= index) by = shift;
    return index + by;
  };
  return { text, rawIndex };
}
