import { describe, expect, it } from 'vitest';
import { detectMarks } from '../../utils/engine/detect';
import { findTarget, markPlace, markTarget } from '../../utils/extension/locate-mark';
import { mark } from './helpers';

const ID_A = '2100248D951EAB04708D314CFF95473E';
const ID_B = '7A1C1D4C0D1E4F0B8E2F3A4B5C6D7E8F';
const URL_A = `https://bszs.conac.cn/sitename?method=show&id=${ID_A}`;

function page(body: string, url = 'https://www.example.gov.cn/news/') {
  const doc = document.implementation.createHTMLDocument('t');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.append(base);
  doc.body.innerHTML = body;
  return doc;
}

describe('where a mark is', () => {
  it.each([
    ['a displayed link', mark(), 'page'],
    ['a mark in an HTML comment', mark({ kind: 'commented-out', active: false }), 'comment'],
    ['a mark only in script text', mark({ kind: 'js-generated', active: true }), 'script'],
    ['an embed that never rendered', mark({ kind: 'live-script', active: false }), 'not-displayed'],
  ])('%s', (_name, m, place) => {
    expect(markPlace(m)).toBe(place);
  });
});

describe('finding a reported mark on the page again', () => {
  const locate = (doc: Document, index: number) => {
    const { marks } = detectMarks(doc, doc.baseURI);
    const target = markTarget(marks, index, doc.baseURI);
    return target && findTarget(doc, target);
  };

  it('finds the image inside the certificate link, written with &amp; and protocol-relative', () => {
    const doc = page(
      `<p><a href="/about">about</a></p><a href="//bszs.conac.cn/sitename?method=show&amp;id=${ID_A}"><img id="want" src="/red.png"></a>`,
    );
    expect(locate(doc, 0)?.id).toBe('want');
  });

  it('finds each of several marks by its own link', () => {
    const doc = page(
      `<a id="a" href="${URL_A}">党政机关</a><a id="b" href="https://bszs.conac.cn/sitename?method=show&id=${ID_B}">党政机关</a>`,
    );
    expect(detectMarks(doc, doc.baseURI).marks.map((m) => m.certId)).toEqual([ID_A, ID_B]);
    expect(locate(doc, 0)?.id).toBe('a');
    expect(locate(doc, 1)?.id).toBe('b');
  });

  it('tells marks with the same link apart by their order', () => {
    const doc = page(`<a id="first" href="${URL_A}">党政机关</a><a id="second" href="${URL_A}">党政机关</a>`);
    const marks = [mark({ linkUrl: URL_A, kind: 'text-link' }), mark({ linkUrl: URL_A, kind: 'text-link' })];
    expect(findTarget(doc, markTarget(marks, 0, doc.baseURI)!)?.id).toBe('first');
    expect(findTarget(doc, markTarget(marks, 1, doc.baseURI)!)?.id).toBe('second');
  });

  it('finds an image with no link by its address', () => {
    const doc = page('<div><img id="want" src="//dcs.conac.cn/image/red.png?a=1&amp;b=2"></div>');
    const { marks } = detectMarks(doc, doc.baseURI);
    expect(marks.map((m) => m.kind)).toEqual(['image-only']);
    expect(locate(doc, 0)?.id).toBe('want');
  });

  it('has no target for marks that are not on the page, and finds nothing once the page lost the mark', () => {
    expect(markTarget([mark({ kind: 'commented-out', active: false })], 0, 'https://x.gov.cn/')).toBeNull();
    expect(markTarget([mark()], 3, 'https://x.gov.cn/')).toBeNull();
    const target = markTarget([mark({ linkUrl: URL_A })], 0, 'https://x.gov.cn/')!;
    expect(target).toEqual({ attribute: 'href', url: URL_A, nth: 0 });
    expect(findTarget(page('<p>changed</p>'), target)).toBeNull();
  });
});
