/**
 * The detector's shared helpers (utils/engine/detect/context.ts): how an address on the page is read,
 * how many elements are examined, and how much of a mark's markup and text is kept as evidence.
 */
import { describe, expect, it } from 'vitest';
import { each, excerpt, MAX_ELEMENTS, outerHtml, parse, textStart } from '../../utils/engine/detect/context';

describe('parse: an address as the page wrote it', () => {
  it.each([
    ['a no-break space before it (a CMS rich-text editor)', '\u00a0https://bszs.conac.cn/sitename?method=show', 'bszs.conac.cn'],
    ['an ideographic space after it', 'https://bszs.conac.cn/sitename?method=show\u3000', 'bszs.conac.cn'],
  ])('ignores %s', (_what, raw, host) => {
    const url = parse(raw, 'https://www.example.gov.cn/');
    expect(url?.hostname).toBe(host);
    expect(url?.pathname).toBe('/sitename');
  });

  it('reads a double-escaped ampersand (&amp;amp;id=) as the separator the author meant', () => {
    expect(parse('/sitename?method=show&amp;id=ABC', 'https://bszs.conac.cn/')?.searchParams.get('id')).toBe('ABC');
  });

  it('is null for an address no browser can follow', () => {
    expect(parse('http://[::1')).toBeNull();
  });
});

describe('each: examines at most the cap, one odd element stopping nothing', () => {
  it('visits the elements in order up to the limit', () => {
    const seen: number[] = [];
    each([10, 20, 30, 40], (n) => seen.push(n), 3);
    expect(seen).toEqual([10, 20, 30]);
  });

  it('stops a flood at MAX_ELEMENTS (1,000)', () => {
    let visits = 0;
    each(
      Array.from({ length: 1001 }, (_, i) => i),
      () => visits++,
    );
    expect(MAX_ELEMENTS).toBe(1000);
    expect(visits).toBe(1000);
  });

  it('goes on after an element that throws', () => {
    const seen: number[] = [];
    each([1, 2, 3], (n) => {
      if (n === 2) throw new Error('odd element');
      seen.push(n);
    });
    expect(seen).toEqual([1, 3]);
  });
});

describe('evidence is capped at 500 characters', () => {
  const element = (html: string) => ({ outerHTML: html }) as unknown as Element;

  it.each([
    [499, 499, false],
    [500, 500, false],
    [501, 500, true],
  ])('markup of %i characters keeps %i, with an ellipsis: %s', (length, kept, ellipsis) => {
    const html = 'x'.repeat(length);
    expect(outerHtml(element(html))).toBe(`${'x'.repeat(kept)}${ellipsis ? '…' : ''}`);
  });

  it('markup that cannot be serialised is empty evidence', () => {
    const broken = {
      get outerHTML(): string {
        throw new Error('detached');
      },
    } as unknown as Element;
    expect(outerHtml(broken)).toBe('');
  });

  it('an excerpt of script text starts 100 characters before the match and runs 500 characters on, capped', () => {
    const text = `${'a'.repeat(150)}${'b'.repeat(600)}`;
    expect(excerpt(text, 150)).toBe(`${'a'.repeat(100)}${'b'.repeat(400)}…`);
  });

  it('an excerpt near the start begins at the start', () => {
    expect(excerpt('var conac = "https://dcs.conac.cn/js/33/000/0000/60429971/CA330000000604299710002.js";', 4)).toBe(
      'var conac = "https://dcs.conac.cn/js/33/000/0000/60429971/CA330000000604299710002.js";',
    );
  });
});

describe('textStart: the start of an element’s text', () => {
  const doc = () => new DOMParser().parseFromString('<p id="t">党政<b>机关</b><!-- 注释 -->网站标识</p>', 'text/html');

  it('joins the text nodes, comments left out, up to the limit', () => {
    const p = doc().getElementById('t')!;
    expect(textStart(p, 100)).toBe('党政机关网站标识');
    expect(textStart(p, 3)).toBe('党政机');
    expect(textStart(p, 1)).toBe('党');
  });

  it('without a tree walker (a minimal DOM) falls back to textContent', () => {
    expect(textStart({ ownerDocument: null, textContent: '事业单位标识' } as unknown as Element, 4)).toBe('事业单位');
    expect(textStart({ ownerDocument: {}, textContent: null } as unknown as Element, 4)).toBe('');
  });
});
