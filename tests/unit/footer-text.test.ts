/**
 * The text the claims are read from: the end of the page, in page order, a line per block, cut off
 * once the footer has shown every label (主办, 标识码, ICP, 公网安备) and never longer than CLAIM_CHARS.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_CHARS, footerText } from '../../utils/engine/detect/claims';
import { DOM_PARSERS, htmlPage } from './dom-parsers';

const lines = (text: string) => text.split('\n').filter((line) => line.trim());

const FULL_FOOTER = `
  <div class="footer">
    <p>主办单位：某某市人民政府办公室</p>
    <p>网站标识码：3600000013　赣ICP备05004212号</p>
    <p>赣公网安备 36010202000123号</p>
  </div>`;

describe.each(DOM_PARSERS)('footerText in %s', (_name, parse) => {
  const footerOf = (body: string) => footerText(parse(htmlPage(body)));

  it('reads the footer line by line, in page order, and stops above a footer that printed every label', () => {
    const text = footerOf(`<div class="news">首页 新闻 某某科技有限公司主办的展会</div>${FULL_FOOTER}`);
    expect(lines(text)).toEqual([
      '主办单位：某某市人民政府办公室',
      '网站标识码：3600000013 赣ICP备05004212号',
      '赣公网安备 36010202000123号',
    ]);
  });

  it('reads on above a footer that lacks a label', () => {
    const text = footerOf('<div>网站标识码：3600000013</div><div>主办单位：某某县人民政府</div><div>赣ICP备05004212号</div>');
    expect(lines(text)).toEqual(['网站标识码：3600000013', '主办单位：某某县人民政府', '赣ICP备05004212号']);
  });

  it('a label split across inline elements (a CMS wrapping it in <span>/<strong>) still counts as shown', () => {
    const text = footerOf(
      `<div>旧版页脚 主办单位：某某科技有限公司</div><div><span>主</span><strong>办</strong>单位：某某市人民政府</div>
       <div>网站标识码：3600000013</div><div>赣ICP备05004212号</div><div>赣公网安备 36010202000123号</div>`,
    );
    expect(text).not.toContain('某某科技有限公司');
    expect(lines(text)[0]).toBe('主办单位：某某市人民政府');
  });

  it('inline elements stay on one line; block elements end lines', () => {
    const text = footerOf('<p>主办单位：<span>某某市</span><b>人民政府</b></p><p>协办：<a href="#">某某局</a></p>');
    expect(lines(text)).toEqual(['主办单位：某某市人民政府', '协办：某某局']);
  });

  it('a block met on the way up from its last child ends the line above it', () => {
    const text = footerOf('<div>主办单位：某某局<p>技术支持：某某公司</p></div>');
    expect(lines(text)).toEqual(['主办单位：某某局', '技术支持：某某公司']);
  });

  it('a <br> ends a line', () => {
    expect(lines(footerOf('<div>主办单位：某某局<br>承办单位：某某中心</div>'))).toEqual([
      '主办单位：某某局',
      '承办单位：某某中心',
    ]);
  });

  it('source line breaks and runs of spaces are one space', () => {
    expect(lines(footerOf('<p>主办单位：\n    某某市\t\t人民政府</p>'))).toEqual(['主办单位： 某某市 人民政府']);
  });

  it('script, style and template text is not page text', () => {
    const text = footerOf(
      '<p>主办单位：某某市人民政府</p><script>var footer = "主办单位：某某公司";</script><style>.a:after{content:"主办"}</style><template><p>主办单位：模板</p></template>',
    );
    expect(lines(text)).toEqual(['主办单位：某某市人民政府']);
  });

  it('never reads the head, however short the body', () => {
    const doc = parse('<!DOCTYPE html><html><head><title>某某公司主办</title></head><body><p>主办单位：某某局</p></body></html>');
    expect(lines(footerText(doc))).toEqual(['主办单位：某某局']);
  });

  it('an empty body is no text', () => {
    expect(footerOf('')).toBe('');
  });

  it.each([CLAIM_CHARS - 3, CLAIM_CHARS - 2, CLAIM_CHARS - 1, CLAIM_CHARS, CLAIM_CHARS + 1, CLAIM_CHARS * 3])(
    'a footer of %i characters: at most CLAIM_CHARS, its end kept',
    (size) => {
      const filler = '某'.repeat(size - 8);
      const text = footerOf(`<div><p>${filler}主办单位：某某局</p></div>`);
      expect(text.length).toBeLessThanOrEqual(CLAIM_CHARS);
      expect(text.replaceAll('\n', '').endsWith(`${filler.slice(-100)}主办单位：某某局`)).toBe(true);
      expect(text.replaceAll('\n', '').length).toBe(Math.min(size, CLAIM_CHARS - 2));
    },
  );

  it('a long page above the footer is not read past CLAIM_CHARS', () => {
    const article = '<p>正文正文正文正文正文正文正文正文正文正文</p>'.repeat(1000);
    const text = footerOf(`${article}<p>主办单位：某某局</p>`);
    expect(text.length).toBeLessThanOrEqual(CLAIM_CHARS);
    expect(lines(text).at(-1)).toBe('主办单位：某某局');
  });
});

describe('footerText walks at most 2,500 nodes (happy-dom)', () => {
  const parse = DOM_PARSERS[0][1];
  // Each empty inline element is one step; the <p> is one more and its text another.
  const page = (emptyElements: number) => parse(htmlPage(`<p>主办单位：某某局</p>${'<i></i>'.repeat(emptyElements)}`));
  it('reaches a footer line 2,499 steps up', () => {
    expect(footerText(page(2498))).toContain('主办单位：某某局');
  });
  it('does not reach one 2,500 steps up', () => {
    expect(footerText(page(2499))).not.toContain('主办单位');
  });
});

it('text a script put beside the body, outside it, is not the body’s (a live page; happy-dom)', () => {
  const doc = new DOMParser().parseFromString(htmlPage('<p>主办单位：某某局</p>'), 'text/html');
  const outside = doc.createElement('div');
  outside.textContent = '主办单位：某某科技有限公司';
  doc.documentElement.insertBefore(outside, doc.body);
  expect(lines(footerText(doc))).toEqual(['主办单位：某某局']);
});

describe('footerText on documents without an HTML body', () => {
  it('reads the root element of an XML document', () => {
    const doc = new DOMParser().parseFromString('<root><p>主办单位：某某局</p></root>', 'application/xml');
    expect(footerText(doc as unknown as Document)).toContain('主办单位：某某局');
  });
  it('an empty document is no text', () => {
    expect(footerText(document.implementation.createDocument(null, null))).toBe('');
  });
});
