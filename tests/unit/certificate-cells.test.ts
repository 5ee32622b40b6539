/**
 * The certificate page cut into cells: runs of visible text, the break before each, where each
 * sits in the element tree, and whether it is a label or a heading. Expected cells written by hand
 * from the markup (depth = number of open elements around the text).
 */
import { describe, expect, it } from 'vitest';
import { HARD, NOT_TERM, SOFT, STRONG_TERM, toCells, WEAK_TERM } from '../../utils/engine/certificate-cells';

const texts = (html: string) => toCells(html).map((c) => c.text);

describe('a cell is a run of visible text', () => {
  it('is trimmed of the spaces around it', () => {
    expect(texts('<td>\n    某某县教育局  \n</td>')).toEqual(['某某县教育局']);
  });

  it('is not made by zero-width characters alone', () => {
    expect(texts('<p>机构名称</p><p>\u200b\ufeff</p><p>某某县教育局</p>')).toEqual(['机构名称', '某某县教育局']);
  });

  it('block tags, opening or closing, end a cell; inline tags do not', () => {
    expect(texts('<div>机构名称<div>某某县教育局</div>域名</div>')).toEqual(['机构名称', '某某县教育局', '域名']);
    expect(texts('<p>某某<b>县</b><font color="red">教育</font>局</p>')).toEqual(['某某县教育局']);
  });

  it('keeps the strongest break met since the previous cell', () => {
    // </p> is a hard break, <span> a soft one: the cell after both follows a hard break.
    expect(toCells('<p>机构名称</p><span>某某县教育局</span>').map((c) => c.brk)).toEqual([HARD, HARD]);
    expect(toCells('<p>机构名称<span>某某</span>县</p>').map((c) => c.brk)).toEqual([HARD, SOFT, SOFT]);
    expect(toCells('<p>某某<b>县</b></p>').map((c) => c.brk)).toEqual([HARD]);
  });

  it('holds at most 4000 characters, and reads no more source text once it has 4000', () => {
    expect(texts(`<p>${'局'.repeat(5000)}</p>`)).toEqual(['局'.repeat(4000)]);
    // 4000 characters read (one letter and 3999 spaces): the text after the inline tag is not.
    expect(texts(`<p>a${' '.repeat(3999)}<b>b</b></p>`)).toEqual(['a']);
    expect(texts(`<p>a${' '.repeat(3998)}<b>b</b></p>`)).toEqual(['a b']);
  });

  it('a cell starts at its first visible text: blank source formatting before it counts for nothing', () => {
    // Pretty-printed templates put a newline and indent before an inline label element.
    expect(toCells('<div>\n  <b class="lbl">机构类型</b></div>').map((c) => c.term)).toEqual([WEAK_TERM]);
  });
});

describe('where a cell sits in the element tree', () => {
  it('inLo is the lowest depth within the cell, gapLo the lowest depth between it and the previous one', () => {
    // 机构名称 sits in div>b (depth 2) and runs out of the b to depth 1; 某局 sits in p (depth 2)
    // after </b> and the hard break of <p>, so the lowest depth between them is 1.
    expect(toCells('<div><b>机构名称</b>：<p>某局</p></div>')).toEqual([
      { text: '机构名称：', brk: HARD, gapLo: 0, inLo: 1, term: NOT_TERM, heading: false },
      { text: '某局', brk: HARD, gapLo: 1, inLo: 2, term: NOT_TERM, heading: false },
    ]);
  });

  it('the gap stays at the lowest depth reached after the previous cell ended', () => {
    // AB ends when <p> opens inside div>b (depth 2); the span opens deeper: the gap before C is 2.
    const cells = toCells('<div>A<b>B<p><span>C</span></p></b></div>');
    expect(cells.map((c) => [c.text, c.gapLo, c.inLo])).toEqual([
      ['AB', 0, 1],
      ['C', 2, 4],
    ]);
  });

  it('text that vanishes (zero-width only) still counts as the gap it closed to', () => {
    // The invisible run starts in div>b (depth 2) and leaves the b (depth 1) before the next <p>.
    const cells = toCells('<div><b><p>A</p>\u200b</b><p>B</p></div>');
    expect(cells.map((c) => [c.text, c.gapLo])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
  });
});

describe('a heading of the page', () => {
  it.each([
    ['<h2>标识证书基本信息</h2><p>机构名称</p>', [true, false]],
    ['<h3><span>标识证书</span><span>（已撤销）</span></h3><p>机构名称</p>', [true, true, false]],
    ['<p>标识证书基本信息</p>', [false]],
    ['<div><h1>网站标识</h1>说明</div>', [true, false]],
  ] as [string, boolean[]][])('%s', (html, headings) => {
    expect(toCells(html).map((c) => c.heading)).toEqual(headings);
  });
});

describe('a label cell', () => {
  it.each([
    [
      'in th, dt or label',
      '<tr><th>机构名称</th><td>某局</td></tr><dl><dt>域名</dt><dd>a.gov.cn</dd></dl><label>状态</label>',
      [STRONG_TERM, NOT_TERM, STRONG_TERM, NOT_TERM, STRONG_TERM],
    ],
    [
      'in an element whose class names a label',
      '<span class="form-label">机构名称</span><span class="lblValue x">某局</span><span>备注</span>',
      [WEAK_TERM, WEAK_TERM, NOT_TERM],
    ],
    [
      'not by its id (ASP.NET renders values into span id="lblXxx")',
      '<span id="ctl00_lblJGMC" title="label">某局</span>',
      [NOT_TERM],
    ],
    [
      'a th with a label class is a label once, and what follows is not',
      '<table><tr><th class="label">域名</th><td>a.gov.cn</td></tr></table>',
      [STRONG_TERM, NOT_TERM],
    ],
    [
      'an element counts once however many label classes it names',
      '<span class="label" class="lbl">机构名称</span><div>某局</div>',
      [WEAK_TERM, NOT_TERM],
    ],
    [
      'a hidden label cell ends cleanly: what follows is no label',
      '<table><tr><th hidden>备注</th><td>某局</td></tr></table>',
      [NOT_TERM],
    ],
  ] as [string, string, number[]][])('%s', (_case, html, terms) => {
    expect(toCells(html).map((c) => c.term)).toEqual(terms);
  });
});

describe('what a person cannot see is no cell', () => {
  it.each([
    ['the hidden attribute', '<p hidden>www.gov-copycat.cn</p><p>某局</p>', ['某局']],
    ['aria-hidden="true", however written', '<p aria-hidden=" TRUE ">www.gov-copycat.cn</p><p>某局</p>', ['某局']],
    ['not aria-hidden="false"', '<p aria-hidden="false">某局</p>', ['某局']],
    ['display:none in a style', '<div><p style="display:none">x.cn</p></div><p>某局</p>', ['某局']],
    ['not display:none in another attribute', '<p data-style="display:none" title="display:none">某局</p>', ['某局']],
    [
      'two hiding attributes on one element hide it once',
      '<table><tr hidden style="display:none"><td>x.cn</td></tr><tr><td>某局</td></tr></table>',
      ['某局'],
    ],
    ['a hidden element inside a hidden one', '<div hidden><p style="visibility:hidden">x.cn</p>y.cn</div><p>某局</p>', ['某局']],
  ] as [string, string, string[]][])('%s', (_case, html, expected) => {
    expect(texts(html)).toEqual(expected);
  });
});

describe('bounds on the work done for any input', () => {
  it('reads text nested 1000 elements deep, and cuts off deeper nesting', () => {
    expect(texts(`${'<div>'.repeat(1000)}某局`)).toEqual(['某局']);
    expect(texts(`${'<div>'.repeat(1001)}某局`)).toEqual([]);
  });

  it('keeps at most 20000 cells', () => {
    expect(toCells('<p>x</p>'.repeat(20_001))).toHaveLength(20_000);
  });

  it('reads the first million characters of the page and no more', () => {
    const head = '<p>机构名称</p>';
    const pad = ' '.repeat(1_000_000 - head.length - '<p>某局'.length);
    expect(texts(`${head}${pad}<p>某局`)).toEqual(['机构名称', '某局']);
    expect(texts(`${head}${' '.repeat(1_000_000 - head.length)}<p>某局`)).toEqual(['机构名称']);
  });
});
