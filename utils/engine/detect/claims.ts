/**
 * The text a page's claims about itself — its owner (主办单位 …), 网站标识码, ICP and 公网安备
 * numbers — are read from: the text at the end of the page. Pure: reads only the Document it is
 * given. The claims themselves are read by complete.ts, outside the content script.
 */

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

/** A footer that prints all of these is complete: text further up cannot outrank it. */
const FOOTER_LABELS = [/主办/, /标识码/, /ICP/i, /公网安备/];

/**
 * The body's last text, in page order, with a line break at each block boundary so that
 * values end where the page's lines end. Walks backwards from the end so the cost is bounded
 * by the footer, not by the page, and stops at the first line above which the footer has shown
 * every label it is read for; script and style text is skipped.
 */
export function footerText(doc: Document): string {
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
    // Stryker disable next-line MethodExpression: the lines below were tested when they ended, so testing them again changes nothing
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
