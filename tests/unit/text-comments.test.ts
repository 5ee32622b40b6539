/**
 * Where comments are in script and template text, and when a mark sits inside a server-side template
 * comment left in the served HTML. Ranges are [start, end): counted by hand on the strings below.
 */
import { describe, expect, it } from 'vitest';
import { detectMarks } from '../../utils/engine/detect';
import { TEMPLATE_COMMENTS } from '../../utils/engine/detect/comment-syntaxes';
import { inRanges, jsCommentRanges, templateCommentRanges } from '../../utils/engine/detect/text-comments';
import { htmlPage } from './dom-parsers';

const ID = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
const CERT = `https://bszs.conac.cn/sitename?method=show&id=${ID}`;
const LINK = `<a href="${CERT}"><img src="/images/dzjg.png" alt="党政机关"></a>`;

describe('jsCommentRanges: comments in script code, strings skipped', () => {
  it.each([
    // A string left open at the end of a line ends there (a syntax error the browser recovers from line by line).
    ["var a = 'oops\n// dead", [[14, 21]]],
    ['var a = "oops\n/* dead */', [[14, 24]]],
    // Every line comment is found, not only the first.
    [
      'a(); // one\nb(); // two',
      [
        [5, 11],
        [17, 23],
      ],
    ],
    // `<` and `*` and `/` in code are operators, not comment openers.
    ['if (n < 2) run(); // old', [[18, 24]]],
    ['var w = n * 88; /* old */', [[16, 25]]],
    ['var half = w / 2; /* old */', [[18, 27]]],
    // The empty block comment and the `/*/` toggle close at the first `*/` after their opener.
    ['a(/**/)', [[2, 6]]],
    ['/*/ banner */ x()', [[0, 13]]],
    // Adjacent comments of concatenated bundles.
    [
      '/*! a *//*! b */',
      [
        [0, 8],
        [8, 16],
      ],
    ],
    // An unclosed block comment runs to the end of the text.
    ['a(); /* old footer', [[5, 18]]],
  ])('%j', (text, ranges) => {
    expect(jsCommentRanges(text)).toEqual(ranges);
  });
});

describe('templateCommentRanges: HTML and server-side template comments', () => {
  it.each([
    ['<p>{# old #}</p>', [[3, 12]]],
    // The comment that opens first is taken, whichever syntax is listed first.
    [
      '<%-- a --%> {# b #}',
      [
        [0, 11],
        [12, 19],
      ],
    ],
    [
      '{# a #} <%-- b --%>',
      [
        [0, 7],
        [8, 19],
      ],
    ],
    // At one position the longer Handlebars opener wins: `{{!--` closes at `--}}`, not at the first `}}`.
    ['{{!-- {{#if conac}}x{{/if}} --}}', [[0, 32]]],
    // The close is looked for after the opener: a `}}` before it closes nothing.
    ['{{title}}{{! conac mark removed }}', [[9, 34]]],
    // Several comments of one syntax, and an unclosed one running to the end.
    [
      '<!-- a --><!-- b -->',
      [
        [0, 10],
        [10, 20],
      ],
    ],
    [
      'x{# a #} {# b',
      [
        [1, 8],
        [9, 13],
      ],
    ],
    ['no comment here', []],
  ])('%j', (text, ranges) => {
    expect(templateCommentRanges(text)).toEqual(ranges);
  });

  it('reads only the syntaxes it is given', () => {
    expect(templateCommentRanges('<!-- a --> {# b #}', TEMPLATE_COMMENTS)).toEqual([[11, 18]]);
  });
});

describe('inRanges: a range holds its start, not its end', () => {
  it.each([
    [4, false],
    [5, true],
    [9, true],
    [10, false],
  ])('%i in [5, 10): %s', (index, inside) => {
    expect(inRanges([[5, 10]], index)).toBe(inside);
  });
});

describe('inServerComment: a mark inside a server-side template comment left in the HTML is not displayed', () => {
  const activeOf = (body: string) =>
    detectMarks(new DOMParser().parseFromString(htmlPage(body), 'text/html'), 'https://www.example.gov.cn/').marks.map((m) => [
      m.certId,
      m.active,
    ]);

  it.each([
    ['open before the mark', `<div class="foot">{# 旧版标识 ${LINK} </div>`, false],
    ['closed before the mark, text between', `<div class="foot">{# 旧版标识 #} ${LINK}</div>`, true],
    ['closed right before the mark', `<div class="foot">{# 旧版标识 #}${LINK}</div>`, true],
    ['no comment at all', `<div class="foot">主办单位：示例市人民政府 ${LINK}</div>`, true],
  ])('%s', (_case, body, active) => {
    expect(activeOf(body)).toEqual([[ID, active]]);
  });

  // The walk is bounded (it runs for every mark): four levels up, eight siblings back.
  const nested = (levels: number) => `${'<div>'.repeat(levels)}${LINK}${'</div>'.repeat(levels)}`;
  it.each([
    ['three levels above the link', `{# ${nested(3)} #}`, false],
    ['four levels above the link (out of reach)', `{# ${nested(4)} #}`, true],
  ])('an opener %s', (_case, body, active) => {
    expect(activeOf(body)).toEqual([[ID, active]]);
  });

  const siblings = (count: number) => '<span>·</span>'.repeat(count);
  it.each([
    ['seven elements before the link', `<p>{# ${siblings(7)}${LINK} #}</p>`, false],
    ['eight elements before the link (out of reach)', `<p>{# ${siblings(8)}${LINK} #}</p>`, true],
  ])('an opener %s', (_case, body, active) => {
    expect(activeOf(body)).toEqual([[ID, active]]);
  });
});
