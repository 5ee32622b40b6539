/** Where comments are in script and template text, in one linear pass each. */
import { type CommentSyntax, HTML_COMMENT, TEMPLATE_COMMENTS } from './comment-syntaxes';

export type Range = [start: number, end: number];

/**
 * JS comments: `//…`, `/*…*\/`, and the HTML-like `<!--` line comment. Strings (quotes and
 * template literals) are skipped, so a `//` in a protocol-relative URL or a `/*` in a string is
 * no comment. Regular-expression literals are not told from division (rare around marks).
 */
export function jsCommentRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote || (c === '\n' && quote !== '`')) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if ((c === '/' && text[i + 1] === '/') || text.startsWith('<!--', i)) {
      const end = text.indexOf('\n', i);
      ranges.push([i, end === -1 ? text.length : end]);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      ranges.push([i, end === -1 ? text.length : end + 2]);
      i = end === -1 ? text.length : end + 1;
    }
  }
  return ranges;
}

/** Comments of template text: HTML comments and the server-side template syntaxes. */
export function templateCommentRanges(
  text: string,
  syntaxes: readonly CommentSyntax[] = [HTML_COMMENT, ...TEMPLATE_COMMENTS],
): Range[] {
  const ranges: Range[] = [];
  const next = syntaxes.map((s) => text.indexOf(s.open));
  let pos = 0;
  for (;;) {
    let first = -1;
    for (let k = 0; k < syntaxes.length; k++) {
      if (next[k] !== -1 && next[k]! < pos) next[k] = text.indexOf(syntaxes[k]!.open, pos);
      if (next[k] !== -1 && (first === -1 || next[k]! < next[first]!)) first = k;
    }
    if (first === -1) return ranges;
    const start = next[first]!;
    const syntax = syntaxes[first]!;
    const close = text.indexOf(syntax.close, start + syntax.open.length);
    const end = close === -1 ? text.length : close + syntax.close.length;
    ranges.push([start, end]);
    pos = end;
  }
}

export function inRanges(ranges: readonly Range[], index: number): boolean {
  return ranges.some(([start, end]) => index >= start && index < end);
}

/**
 * The text nodes just before `el` (its own and its ancestors' preceding siblings, a few levels and
 * siblings deep), nearest last: where a server comment left around the mark opens. Bounded, as it
 * runs for every mark found and a flood of marks must stay linear.
 */
function textBefore(el: Element): string {
  // Stryker disable next-line StringLiteral: a start without a comment opener moves no range end away from the text's end
  let text = '';
  let node: Node | null = el;
  for (let depth = 0; node && depth < 4; node = node.parentNode, depth++) {
    let steps = 0;
    for (let sib = node.previousSibling; sib && steps < 8; sib = sib.previousSibling, steps++)
      if (sib.nodeType === 3) text = (sib as Text).data + text;
  }
  return text;
}

/** The element sits inside a server-side template comment left in the served HTML (`<%-- … --%>`, `{# … #}`). */
export function inServerComment(el: Element): boolean {
  const before = textBefore(el);
  const ranges = templateCommentRanges(before, TEMPLATE_COMMENTS);
  const last = ranges[ranges.length - 1];
  return (
    last !== undefined &&
    last[1] === before.length &&
    !before.endsWith(TEMPLATE_COMMENTS.find((s) => before.slice(last[0]).startsWith(s.open))!.close)
  );
}
