/** Where an element names the image it shows, and the colour read from it or from the words around it. */
import { describe, expect, it } from 'vitest';
import { colorOf, hasOfficialImage, imageAddresses } from '../../utils/engine/detect/image-sources';
import { htmlPage } from './dom-parsers';

const CERT = 'https://bszs.conac.cn/sitename?method=show&amp;id=7C2CCE7C2CDDC7939157AEB590C0C7A1';
const PAGE = 'https://www.example.gov.cn/index.html';

function parsed(html: string): Document {
  return new DOMParser().parseFromString(htmlPage(html), 'text/html');
}
const first = (html: string, selector: string) => parsed(html).querySelector(selector)!;

describe('the image addresses an element names', () => {
  it.each([
    ['a text link: its href is where it goes, not what it shows', `<a href="${CERT}">政府网站标识</a>`, 'a', []],
    [
      'a link with a background: only the background, trimmed inside url( )',
      `<a href="${CERT}" style="background: url( images/sydw.png ) no-repeat">　</a>`,
      'a',
      ['images/sydw.png'],
    ],
    [
      'an image map area: its href is where it goes',
      `<map name="ft"><area shape="rect" coords="0,0,60,80" href="${CERT}" alt="事业单位"></map>`,
      'area',
      [],
    ],
    ['a lazy-loaded link background', `<a href="${CERT}" data-original="/images/dzjg.png"></a>`, 'a', ['/images/dzjg.png']],
    [
      'an SVG link: neither href is an image',
      `<svg><a xlink:href="${CERT}" href="${CERT}"><image href="/img/dzjg.png"/></a></svg>`,
      'a',
      [],
    ],
    [
      'a srcset: each candidate without its descriptor',
      '<img src="/images/dzjg.png" srcset="/images/dzjg.png 1x, /images/dzjg@2x.png 2x">',
      'img',
      ['/images/dzjg.png', '/images/dzjg.png', '/images/dzjg@2x.png'],
    ],
    ['an element with a style but no image', '<span style="color: red">党政机关</span>', 'span', []],
  ])('%s', (_case, html, selector, expected) => {
    expect(imageAddresses(first(html, selector))).toEqual(expected);
  });

  it('reads an image at the top of a template, which has no parent element', () => {
    const template = first('<template id="ft"><img src="/images/dzjg.png"></template>', 'template') as HTMLTemplateElement;
    expect(imageAddresses(template.content.firstElementChild!)).toEqual(['/images/dzjg.png']);
  });
});

describe('the official image', () => {
  it.each([
    ['https://dcs.conac.cn/image/red.png', true],
    ['http://dcs.conac.cn:99999/image/red.png', false],
  ])('%s → %s', (address, expected) => {
    expect(hasOfficialImage([address], PAGE)).toBe(expected);
  });
});

describe('the colour of a mark', () => {
  it('is read from the alt of an image with no link around it', () => {
    const img = first('<img id="imgConac" src="/images/footer-logo.png" alt="党政机关">', 'img');
    expect(colorOf(img, null, () => '')).toEqual({ color: 'red', errorIcon: false });
  });

  it('is read from a background element itself, not from an icon drawn inside it', () => {
    const div = first('<div style="background-image: url(/images/dzjg.png)"><svg><use href="#arrow-right"/></svg></div>', 'div');
    expect(colorOf(div, null, () => '')).toEqual({ color: 'red', errorIcon: false });
  });
});
