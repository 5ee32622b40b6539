/**
 * What a page prints about itself — 网站标识码, ICP and 公网安备 numbers, and the text its owner
 * (主办单位 …) is read from — taken from the text at the end of the page. Pure: reads only the
 * Document it is given. The owner itself is read by complete.ts, outside the content script.
 */

import type { PageClaims } from '../scan';

/** Footers are at the bottom: read this much text backwards from the end of the body. */
export const CLAIM_CHARS = 6_000;
const CLAIM_NODES = 2_500;
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'svg',
  'iframe',
  'object',
  'head',
  'title',
]);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** The record numbers the page prints, and the text its owner is read from (the end of the page). */
export function readClaimDraft(doc: Document): { claims: Omit<PageClaims, 'owner' | 'owners'>; text: string } {
  const text = footerText(doc);
  // The last one printed, as for the owner: an article above the footer may quote others.
  const last = (pattern: RegExp) => [...text.matchAll(pattern)].at(-1) ?? null;
  const siteCode = last(/网站标识码\s*[：:]?\s*([A-Za-z0-9]{10})(?![A-Za-z0-9])/g)?.[1] ?? null;
  const icp = last(/([\u4e00-\u9fff])\s*ICP\s*([备证])\s*[：:]?\s*(\d+)\s*号(?:\s*-\s*(\d+))?/gi);
  const psb = last(/([\u4e00-\u9fff])\s*公网安备\s*[：:]?\s*(\d+)\s*号?/g);
  return {
    claims: {
      siteCode,
      icp: icp ? `${icp[1]}ICP${icp[2]}${icp[3]}号${icp[4] ? `-${icp[4]}` : ''}` : null,
      psb: psb ? `${psb[1]}公网安备${psb[2]}号` : null,
    },
    text,
  };
}

/** A footer that prints all of these is complete: text further up cannot outrank it. */
const FOOTER_LABELS = [/主办/, /标识码/, /ICP/i, /公网安备/];

/**
 * The body's last text, in page order, with a line break at each block boundary so that
 * values end where the page's lines end. Walks backwards from the end so the cost is bounded
 * by the footer, not by the page, and stops at the first line above which the footer has shown
 * every label it is read for; script and style text is skipped.
 */
function footerText(doc: Document): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const parts: string[] = [];
  let chars = 0;
  let lineStart = 0;
  const unseen = new Set(FOOTER_LABELS);
  // Never past CLAIM_CHARS, not even by a line break: the text is sent to the service worker, which reads no more.
  const push = (s: string) => {
    const room = CLAIM_CHARS - chars;
    if (room <= 0) return;
    parts.push(s.length > room ? s.slice(-room) : s);
    chars += s.length;
  };
  // A line is whole once the walk passes its start; only then can its labels be counted.
  const endLine = () => {
    const line = parts.slice(lineStart).reverse().join('');
    for (const label of unseen) if (label.test(line)) unseen.delete(label);
    push('\n');
    lineStart = parts.length;
  };
  // Every DOM property read crosses into the browser: each node's type, name and neighbours are read once.
  let node: Node | null = root.lastChild;
  for (let steps = 0; node && steps < CLAIM_NODES && chars < CLAIM_CHARS && unseen.size; steps++) {
    const type = node.nodeType;
    // Source line breaks render as spaces; only block boundaries end a line.
    if (type === 3) push((node as Text).data.replace(/\s+/g, ' '));
    else if (type === 1) {
      const name = (node as Element).localName;
      if (!SKIPPED.has(name)) {
        if (BLOCKS.has(name)) endLine();
        const last: Node | null = node.lastChild;
        if (last) {
          node = last;
          continue;
        }
      }
    }
    let previous: Node | null = node.previousSibling;
    while (!previous) {
      const parent: Node | null = node.parentNode;
      if (!parent || parent === root) break;
      node = parent;
      if (parent.nodeType === 1 && BLOCKS.has((parent as Element).localName)) endLine();
      previous = parent.previousSibling;
    }
    node = previous;
  }
  return parts.reverse().join('');
}
