/**
 * The certificate page as the reader sees it: runs of visible text ("cells") with where they sit
 * in the element tree. DOM-free (htmlparser2's parser), because a service worker has no DOMParser.
 */

import { Parser } from 'htmlparser2';

// Bounds on the work done for any input. htmlparser2 keeps its open elements in an array it
// unshifts, so each tag costs O(depth): deep nesting is cut off rather than parsed quadratically.
const MAX_INPUT_CHARS = 1_000_000;
const MAX_DEPTH = 1000;
const MAX_CELLS = 20_000;
const MAX_CELL_CHARS = 4000;

/** How a tag separates the text around it. */
export const NONE = 0; // inline: the text runs on
export const SOFT = 1; // a new cell, but a value running across it gets no space (span, label, unknown tags)
export const HARD = 2; // a new cell, and a space in a value running across it

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));
const INLINE_TAGS = words(`
  a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark nobr q rp rt ruby s samp
  small strike strong sub sup time tt u var wbr script style`);
const HARD_TAGS = words(`
  address article aside blockquote body br button caption center dd details dialog dir div dl dt
  fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe legend
  li main menu nav noscript ol option p pre section select summary table tbody td template textarea
  tfoot th thead title tr ul`);
/** Text inside these is not shown to the reader. */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'title', 'textarea', 'xmp']);
/**
 * What a person cannot see is not a field: the hidden attribute, an inline display:none or
 * visibility:hidden, and aria-hidden="true" (evidence: rows a template hides but still fills).
 */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
function hides(name: string, value: string): boolean {
  if (name === 'hidden') return true;
  if (name === 'aria-hidden') return value.trim().toLowerCase() === 'true';
  return name === 'style' && HIDDEN_STYLE.test(value);
}
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that hold a label and never a value. */
const TERM_TAGS = new Set(['dt', 'th', 'label']);
/** A class named like a label: such an element ends a running value, but may hold one (Bootstrap's .label). */
const TERM_CLASS = /label|lbl/i;

const SKIP_FLAG = 1;
const TERM_FLAG = 2;
const WEAK_TERM_FLAG = 4;
const HEADING_FLAG = 8;

/** Cell.term: not inside a label element, inside one named by its class, inside dt/th/label. */
export const NOT_TERM = 0;
export const WEAK_TERM = 1;
export const STRONG_TERM = 2;

const breakOf = (tag: string): number => (INLINE_TAGS.has(tag) ? NONE : HARD_TAGS.has(tag) ? HARD : SOFT);

// Direction overrides could make a holder name display as another; zero-width characters hide.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const SPACES = /[\s\u0000-\u001f\u007f-\u009f]+/g;
const clean = (s: string): string => s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();

/** A run of text between tags that break it, with where it sits in the element tree. */
export interface Cell {
  text: string;
  /** The strongest break between the previous cell and this one. */
  brk: number;
  /** The lowest nesting depth reached between the previous cell and this one. */
  gapLo: number;
  /** The lowest nesting depth within this cell. */
  inLo: number;
  /** NOT_TERM, WEAK_TERM or STRONG_TERM. */
  term: number;
  /** Inside h1–h6: a heading of the page. */
  heading: boolean;
}

export function toCells(html: string): Cell[] {
  const cells: Cell[] = [];
  // Stryker disable next-line ArrayDeclaration: htmlparser2 closes only what it opened, so the stack's bottom is never read
  const flags: number[] = [];
  let depth = 0;
  let skip = 0;
  let terms = 0;
  let weakTerms = 0;
  let headings = 0;
  // Stryker disable next-line BooleanLiteral: read only for a cell, after its first text has set it
  let heading = false;
  let pieces: string[] = [];
  let chars = 0;
  let brk = HARD;
  let gapLo = 0;
  let inLo = 0;
  let term = NOT_TERM;

  const endCell = (b: number): void => {
    if (pieces.length) {
      const text = clean(pieces.join('')).slice(0, MAX_CELL_CHARS);
      pieces = [];
      chars = 0;
      if (text) {
        cells.push({ text, brk, gapLo, inLo, term, heading });
        brk = b;
        gapLo = depth;
        if (cells.length >= MAX_CELLS) parser.pause();
        return;
      }
      gapLo = Math.min(gapLo, inLo);
    }
    brk = Math.max(brk, b);
  };

  const parser = new Parser(
    {
      // Names and attributes rather than onopentag: htmlparser2 then builds no attribute objects.
      onopentagname(name) {
        const b = breakOf(name);
        if (b !== NONE) endCell(b);
        let f = 0;
        if (SKIPPED_TAGS.has(name)) {
          f |= SKIP_FLAG;
          skip++;
        }
        if (TERM_TAGS.has(name)) {
          f |= TERM_FLAG;
          terms++;
        }
        if (HEADING_TAGS.has(name)) {
          f |= HEADING_FLAG;
          headings++;
        }
        flags.push(f);
        if (++depth > MAX_DEPTH) parser.pause();
      },
      // Always between onopentagname and the tag's end: the top of the stack is this element.
      onattribute(name, value) {
        const top = flags.length - 1;
        if (!(flags[top] & SKIP_FLAG) && hides(name.toLowerCase(), value)) {
          flags[top] |= SKIP_FLAG;
          skip++;
        }
        if (name === 'class' && !(flags[top] & (TERM_FLAG | WEAK_TERM_FLAG)) && TERM_CLASS.test(value)) {
          flags[top] |= WEAK_TERM_FLAG;
          weakTerms++;
        }
      },
      onclosetag(name) {
        const b = breakOf(name);
        if (b !== NONE) endCell(b);
        const f = flags.pop() ?? 0;
        if (f & SKIP_FLAG) skip--;
        if (f & TERM_FLAG) terms--;
        if (f & WEAK_TERM_FLAG) weakTerms--;
        if (f & HEADING_FLAG) headings--;
        depth--;
        if (pieces.length) inLo = Math.min(inLo, depth);
        else gapLo = Math.min(gapLo, depth);
      },
      ontext(data) {
        if (skip > 0 || chars >= MAX_CELL_CHARS) return;
        if (!pieces.length) {
          if (!/\S/.test(data)) return;
          inLo = depth;
          term = terms > 0 ? STRONG_TERM : weakTerms > 0 ? WEAK_TERM : NOT_TERM;
          heading = headings > 0;
        }
        pieces.push(data);
        chars += data.length;
      },
    },
    // Stryker disable next-line ObjectLiteral: htmlparser2 decodes entities by default; stated so a new default cannot turn it off
    { decodeEntities: true },
  );
  parser.end(html.slice(0, MAX_INPUT_CHARS));
  endCell(HARD);
  return cells;
}
