/**
 * Marks read from a page's elements (utils/engine/detect/dom-marks.ts): the order marks are reported
 * in, what belongs to the official container, which images are marks and which link, handler or form
 * is theirs, template content, and whether a mark is displayed. Every rule runs on both DOMs the
 * detector reads (happy-dom for the browser, linkedom for the command line).
 */
import { describe, expect, it } from 'vitest';
import { detectMarks } from '../../utils/engine/detect';
import type { Scan } from '../../utils/engine/detect/context';
import { scanElements } from '../../utils/engine/detect/dom-marks';
import type { Mark } from '../../utils/engine/scan';
import { DOM_PARSERS, htmlPage } from './dom-parsers';

const PAGE = 'https://www.example.gov.cn/index.html';
/** Certificate ids that differ in their last two digits: `n` names certificate n in the expectations. */
const id = (n: number) => `3A7F0C2B9D1E4F5A6B7C8D9E0F1A2B${String(n).padStart(2, '0')}`;
const cert = (n: number) => `https://bszs.conac.cn/sitename?method=show&amp;id=${id(n)}`;
const RED = 'https://dcs.conac.cn/image/red.png';
const BLUE = 'https://dcs.conac.cn/image/blue.png';
/** The handler the common CMS footers put on a mark image. */
const opens = (n: number) => `window.open('${cert(n)}')`;
/** A template some footer script stamps out (so its content is displayed). */
const usedTemplate = (tid: string, inner: string) =>
  `<template id="${tid}">${inner}</template><script>document.body.appendChild(document.getElementById('${tid}').content.cloneNode(true));</script>`;

/** Certificate n as the number the expectations name it by, or null. */
const which = (m: Mark) => (m.certId ? Number(m.certId.slice(-2)) : null);

describe.each(DOM_PARSERS)('%s', (_name, parse) => {
  const marks = (body: string) => detectMarks(parse(htmlPage(body)), PAGE).marks;
  const certs = (body: string) => marks(body).map(which);

  describe('marks are reported in page order within each source, and the sources in a fixed order', () => {
    const rows: [rule: string, body: string, order: number[]][] = [
      [
        'two official containers with one id (a saved page): page order',
        `<div id="_ideConac"><a href="${cert(1)}"><img src="${RED}"></a></div><p>网站地图</p><div id="_ideConac"><a href="${cert(2)}"><img src="${BLUE}"></a></div>`,
        [1, 2],
      ],
      [
        'two containers by class (a CMS footer and its mobile copy): page order',
        `<span class="_ideConac"><a href="${cert(1)}"><img src="${RED}"></a></span><span class="_ideConac"><a href="${cert(2)}"><img src="${RED}"></a></span>`,
        [1, 2],
      ],
      [
        'a certificate link comes before an image-map area even when the map is first on the page',
        `<img src="/images/footer_dzjg.png" usemap="#conac"><map name="conac"><area shape="rect" coords="0,0,60,70" href="${cert(1)}"></map><a href="${cert(2)}">党政机关</a>`,
        [2, 1],
      ],
      [
        'two image-map areas: page order',
        `<img src="/images/foot.png" usemap="#foot"><map name="foot"><area shape="rect" coords="0,0,60,70" href="${cert(1)}"><area shape="rect" coords="80,0,140,70" href="${cert(2)}"></map>`,
        [1, 2],
      ],
      [
        'a certificate form comes after the certificate links',
        `<form action="https://bszs.conac.cn/sitename" method="get"><input type="hidden" name="method" value="show"><input type="hidden" name="id" value="${id(1)}"><input type="image" src="/images/dzjg.png"></form><a href="${cert(2)}">党政机关</a>`,
        [2, 1],
      ],
      [
        'two certificate forms: page order',
        `<form action="https://bszs.conac.cn/sitename"><input type="hidden" name="method" value="show"><input type="hidden" name="id" value="${id(1)}"><input type="submit" value="党政机关"></form><form action="https://bszs.conac.cn/sitename"><input type="hidden" name="method" value="show"><input type="hidden" name="id" value="${id(2)}"><input type="submit" value="党政机关"></form>`,
        [1, 2],
      ],
      [
        'an SVG link comes after the forms',
        `<svg width="60" height="70"><a xlink:href="${cert(1)}"><image href="/images/dzjg.png" width="60" height="70"></image></a></svg><form action="https://bszs.conac.cn/sitename"><input type="hidden" name="method" value="show"><input type="hidden" name="id" value="${id(2)}"><input type="submit" value="党政机关"></form>`,
        [2, 1],
      ],
      [
        'two SVG links in two drawings: page order',
        `<svg><a xlink:href="${cert(1)}"><title>党政机关</title><rect width="60" height="70"></rect></a></svg><svg><a xlink:href="${cert(2)}"><title>党政机关</title><rect width="60" height="70"></rect></a></svg>`,
        [1, 2],
      ],
      [
        'a mark image with a handler comes after the links',
        `<img src="/images/dzjg.png" onclick="${opens(1)}"><a href="${cert(2)}">党政机关</a>`,
        [2, 1],
      ],
      [
        'a non-image #imgConac comes after the images',
        `<div id="imgConac" style="background:url(${RED})" onclick="${opens(1)}"></div><img src="/images/dzjg.png" onclick="${opens(2)}">`,
        [2, 1],
      ],
      [
        'two non-image #imgConac (duplicate ids): page order',
        `<div id="imgConac" style="background:url(${RED})" onclick="${opens(1)}"></div><div id="imgConac" style="background:url(${RED})" onclick="${opens(2)}"></div>`,
        [1, 2],
      ],
      [
        'a link stamped from a template comes after the page’s own links',
        `${usedTemplate('ft-tpl', `<a href="${cert(1)}">党政机关</a>`)}<a href="${cert(2)}">党政机关</a>`,
        [2, 1],
      ],
      [
        'an image-map area stamped from a template comes after the page’s links',
        `${usedTemplate('ft-tpl', `<img src="/images/foot.png" usemap="#tm"><map name="tm"><area shape="rect" coords="0,0,60,70" href="${cert(1)}"></map>`)}<a href="${cert(2)}">党政机关</a>`,
        [2, 1],
      ],
      [
        'a form stamped from a template comes after the page’s links',
        `${usedTemplate('ft-tpl', `<form action="https://bszs.conac.cn/sitename"><input type="hidden" name="method" value="show"><input type="hidden" name="id" value="${id(1)}"><input type="submit" value="党政机关"></form>`)}<a href="${cert(2)}">党政机关</a>`,
        [2, 1],
      ],
      [
        'an SVG link stamped from a template comes after the page’s links',
        `${usedTemplate('ft-tpl', `<svg><a xlink:href="${cert(1)}"><title>党政机关</title><rect width="60" height="70"></rect></a></svg>`)}<a href="${cert(2)}">党政机关</a>`,
        [2, 1],
      ],
      [
        'a mark image stamped from a template comes after the page’s images',
        `${usedTemplate('ft-tpl', `<img src="/images/dzjg.png" onclick="${opens(1)}">`)}<img src="/images/dzjg.png" onclick="${opens(2)}">`,
        [2, 1],
      ],
      [
        'a non-image #imgConac stamped from a template comes after the page’s images',
        `${usedTemplate('ft-tpl', `<div id="imgConac" style="background:url(${RED})" onclick="${opens(1)}"></div>`)}<img src="/images/dzjg.png" onclick="${opens(2)}">`,
        [2, 1],
      ],
      [
        'two stamped templates: page order',
        `${usedTemplate('ft-pc', `<a href="${cert(1)}">党政机关</a>`)}${usedTemplate('ft-m', `<a href="${cert(2)}">党政机关</a>`)}`,
        [1, 2],
      ],
      [
        'two scripts that write a mark (jQuery string-built footers): page order',
        `<script>$('#ft').append('<a href="${cert(1)}" target="_blank">党政机关</a>');</script><script>$('#ft-m').append('<a href="${cert(2)}" target="_blank">党政机关</a>');</script>`,
        [1, 2],
      ],
    ];
    it.each(rows)('%s', (_rule, body, order) => {
      expect(certs(body)).toEqual(order);
    });
  });

  describe('the official container', () => {
    it('a container inside another is part of it: only the outer one is a mark', () => {
      const body = `<div id="_ideConac"><a href="${cert(1)}"><img src="${RED}"></a><span class="_ideConac"><a href="${cert(2)}"><img src="${RED}"></a></span></div>`;
      expect(marks(body).map((m) => [m.kind, which(m)])).toEqual([['live-script', 1]]);
    });

    it.each([
      ['a second certificate link', `<a href="${cert(2)}">党政机关</a>`],
      [
        'an image-map area',
        `<img src="/images/foot.png" usemap="#in"><map name="in"><area shape="rect" coords="0,0,60,70" href="${cert(2)}"></map>`,
      ],
      ['a mark image with its own handler', `<img src="/images/dzjg.png" onclick="${opens(2)}">`],
      [
        'a non-image #imgConac with its own handler',
        `<div id="imgConac" style="background:url(${BLUE})" onclick="${opens(2)}"></div>`,
      ],
    ])('%s inside the container is the container’s, not a mark of its own', (_what, extra) => {
      const body = `<div id="_ideConac"><a href="${cert(1)}"><img src="${RED}"></a>${extra}</div>`;
      expect(marks(body).map((m) => [m.kind, which(m)])).toEqual([['live-script', 1]]);
    });

    it('the official class on the root element makes the whole page the container', () => {
      const doc = parse(`<!DOCTYPE html><html class="_ideConac"><body><a href="${cert(1)}"><img src="${RED}"></a></body></html>`);
      expect(detectMarks(doc, PAGE).marks.map((m) => [m.kind, which(m)])).toEqual([['live-script', 1]]);
    });

    it.each([
      ['ids', (body: string) => `<span id="_ideConac">${body}</span>`],
      ['classes', (body: string) => `<span class="_ideConac">${body}</span>`],
    ])('a flood of 1,001 containers (%s): a link in the one past the cap is still inside a container', (_by, wrap) => {
      const body = `${wrap('').repeat(1000)}${wrap(`<a href="${cert(1)}">党政机关</a>`)}<p><a href="${cert(2)}">党政机关</a></p>`;
      const found = marks(body);
      expect(found.map((m) => m.certId)).not.toContain(id(1));
      // A certificate link outside every container is still a mark of its own.
      expect(found.map((m) => [m.kind, which(m), m.active])).toEqual([
        ['text-link', 2, true],
        ['live-script', null, false],
      ]);
    });
  });

  describe('which images are marks, and which link is theirs', () => {
    it('#imgConac is the official image whatever its source (a saved copy)', () => {
      expect(marks('<img id="imgConac" src="/uploads/images/biaoshi.png">').map((m) => [m.kind, m.certId, m.active])).toEqual([
        ['image-only', null, true],
      ]);
    });

    it('a non-image #imgConac with the official background is a mark', () => {
      expect(marks(`<div id="imgConac" style="background:url(${BLUE}) no-repeat"></div>`).map((m) => [m.kind, m.color])).toEqual([
        ['image-only', 'blue'],
      ]);
    });

    it.each([
      ['alt', `<img src="/uploadfiles/2019/footer_07.png" alt="党政机关" onclick="${opens(1)}">`],
      ['title', `<img src="/uploadfiles/2019/footer_07.png" title="党政机关网站标识" onclick="${opens(1)}">`],
    ])('an image its %s names as a mark opens its certificate from a handler', (_attr, body) => {
      expect(marks(body).map((m) => [m.kind, which(m), m.color])).toEqual([['static-link', 1, 'red']]);
    });

    it('an image with no mark name, label or official source is no mark, whatever its handler opens', () => {
      expect(marks(`<img src="/uploadfiles/2019/footer_07.png" alt="网站地图" onclick="${opens(1)}">`)).toEqual([]);
    });

    it('the handler is looked for on the image and up to three elements above it, no further', () => {
      const nest = (levels: number) => `${'<span>'.repeat(levels)}<img src="/images/dzjg.png">${'</span>'.repeat(levels)}`;
      const near = marks(`<div onclick="${opens(1)}">${nest(2)}</div>`);
      expect(near.map((m) => [m.kind, which(m)])).toEqual([['static-link', 1]]);
      const far = marks(`<div onclick="${opens(1)}">${nest(3)}</div>`);
      expect(far.map((m) => [m.kind, which(m), m.color])).toEqual([['image-only', null, 'red']]);
    });

    it('a link reported by its href is not reported again from its own handler', () => {
      const body = `<a href="${cert(1)}" onclick="${opens(2)}"><img src="/images/icon-gov.gif"><img src="/images/dzjg.png"></a>`;
      expect(certs(body)).toEqual([1]);
    });

    it.each([
      ['the official image', RED, 'red'],
      ['an image named only by its colour', '/images/red.png', 'red'],
    ])('BUG FIX: a certificate link the link query misses (SiteName in capitals) is found through %s', (_what, src, color) => {
      const body = `<a href="https://bszs.conac.cn/SiteName?method=show&amp;id=${id(1)}" target="_blank"><img src="${src}"></a>`;
      expect(marks(body).map((m) => [m.kind, which(m), m.linkHost, m.color])).toEqual([
        ['static-link', 1, 'bszs.conac.cn', color],
      ]);
    });

    it('alt and title are separate labels: a word never spans the two', () => {
      expect(marks(`<img src="/uploadfiles/2019/footer_07.png" alt="党政" title="机关" onclick="${opens(1)}">`)).toEqual([]);
    });

    it('an image deep inside a link already reported (its mobile copy) adds nothing', () => {
      const deep = `<div><div><div><div><img src="${RED}"></div></div></div></div>`;
      const body = `<a href="javascript:void(0)" onclick="${opens(1)}"><img src="/images/dzjg.png">${deep}</a>`;
      expect(marks(body).map((m) => [m.kind, which(m)])).toEqual([['static-link', 1]]);
    });

    it('a mark image in an ASP.NET page-wide form is still found', () => {
      const body = `<form method="post" action="./Default.aspx" id="form1"><div class="footer"><img src="${RED}" alt=""></div></form>`;
      expect(marks(body).map((m) => [m.kind, m.color, m.active])).toEqual([['image-only', 'red', true]]);
    });

    it('every image inside a certificate form belongs to the form’s mark', () => {
      const body = `<form action="https://bszs.conac.cn/sitename" method="get"><input type="hidden" name="method" value="show"><input type="hidden" name="id" value="${id(1)}"><table><tr><td><img src="/images/spacer.gif"></td><td><img src="/images/dzjg.png"></td></tr></table><input type="submit" value="查看"></form>`;
      expect(marks(body).map((m) => [m.kind, which(m)])).toEqual([['static-link', 1]]);
    });
  });

  describe('links and image maps', () => {
    it('an image-map area takes its colour from the image that uses its map, not from the first image on the page', () => {
      const body = `<img src="/images/banner.jpg"><img src="/images/dzjg.png" usemap="#conac"><map name="conac"><area shape="rect" coords="0,0,60,70" href="${cert(1)}"></map>`;
      expect(marks(body).map((m) => [m.kind, which(m), m.color])).toEqual([['static-link', 1, 'red']]);
    });

    it('a link with a background image is a mark image link; with only words it is a text link', () => {
      const body = `<a href="${cert(1)}" style="display:block;width:60px;height:70px;background:url(/images/bg-conac.png)"></a><a href="${cert(2)}">党政机关</a>`;
      expect(marks(body).map((m) => [which(m), m.kind])).toEqual([
        [1, 'static-link'],
        [2, 'text-link'],
      ]);
    });

    it('an image map with an empty name (a CMS variable left blank) is used by no image', () => {
      const body = `<img src="/images/red.png" usemap="#"><map name=""><area shape="rect" coords="0,0,60,70" href="${cert(1)}"></map>`;
      expect(marks(body).map((m) => [m.kind, which(m), m.color])).toEqual([['static-link', 1, null]]);
    });

    it('an area stamped from a template with no map around it is still a certificate link', () => {
      const body = usedTemplate('ft-tpl', `<area shape="rect" coords="0,0,60,70" href="${cert(1)}">`);
      expect(marks(body).map((m) => [m.kind, which(m), m.active])).toEqual([['static-link', 1, true]]);
    });

    it('a stray <use> outside SVG is no image: the link around it is a text link', () => {
      expect(marks(`<a href="${cert(1)}"><use></use>党政机关</a>`).map((m) => m.kind)).toEqual(['text-link']);
    });
  });

  describe('templates', () => {
    it.each(['shadowrootmode', 'shadowroot'])('a declarative shadow root (<template %s>) is not read', (attr) => {
      expect(marks(`<div><template ${attr}="open"><a href="${cert(1)}"><img src="${RED}"></a></template></div>`)).toEqual([]);
    });

    it('a template no script reads is not displayed: its mark is inactive', () => {
      expect(
        marks(`<template id="ft-tpl"><a href="${cert(1)}"><img src="${RED}"></a></template>`).map((m) => [which(m), m.active]),
      ).toEqual([[1, false]]);
    });

    it('a template without an id is not one a script reads, whatever quotes the scripts hold', () => {
      const body = `<template><img src="/images/dzjg.png" onclick="${opens(1)}"></template><script>var title = ''; var sub = "";</script>`;
      expect(marks(body).map((m) => [which(m), m.active])).toEqual([[1, false]]);
    });

    it.each([
      [
        'an image-map area',
        `<img src="/images/foot.png" usemap="#tm"><map name="tm"><area shape="rect" coords="0,0,60,70" href="${cert(1)}"></map>`,
      ],
      [
        'a certificate form',
        `<form action="https://bszs.conac.cn/sitename"><input type="hidden" name="method" value="show"><input type="hidden" name="id" value="${id(1)}"><input type="submit" value="党政机关"></form>`,
      ],
      ['an SVG link', `<svg><a xlink:href="${cert(1)}"><title>党政机关</title><rect width="60" height="70"></rect></a></svg>`],
      ['a non-image #imgConac with a handler', `<div id="imgConac" style="background:url(${RED})" onclick="${opens(1)}"></div>`],
    ])('BUG FIX (command line): %s in a template no script reads is inactive', (_what, inner) => {
      expect(marks(`<template id="ft-tpl">${inner}</template>`).map((m) => [which(m), m.active])).toEqual([[1, false]]);
    });

    it('an unread template’s mark image with no link is inactive', () => {
      expect(marks(`<template id="ft-tpl"><img src="${RED}"></template>`).map((m) => [m.kind, m.active])).toEqual([
        ['image-only', false],
      ]);
    });
  });

  it('a mark image inside a server template comment (Jinja/Twig {# … #}) is not displayed', () => {
    const body = `<div class="foot">{# 旧版标识 <img src="${RED}"> #}</div>`;
    expect(marks(body).map((m) => [m.kind, m.active])).toEqual([['image-only', false]]);
  });
});

describe('a container that cannot be checked (a DOM quirk) turns the container set off: marks are placed by a walk up the tree', () => {
  const list = (items: Element[]) => Object.assign(items, { item: (i: number) => items[i] ?? null });
  const pageWith = (container: Element) =>
    ({
      querySelectorAll: (selector: string) => list(selector === '#_ideConac' ? [container] : []),
      getElementsByClassName: () => list([]),
      getElementsByTagName: () => list([]),
      nodeType: 9,
    }) as unknown as Document;
  const freshScan = () =>
    ({ containers: [], containersAll: true, contained: null, seen: new Set(), forms: false }) as unknown as Scan;

  it('a container whose place in the tree cannot be read', () => {
    const quirk = {
      get parentElement(): Element {
        throw new Error('detached');
      },
    } as unknown as Element;
    const scan = freshScan();
    scanElements(pageWith(quirk), scan);
    expect(scan.containersAll).toBe(false);
    expect(scan.contained).toBeNull();
    expect(scan.containers).toEqual([]);
  });

  it('a container whose content cannot be queried', () => {
    const quirk = {
      parentElement: null,
      querySelectorAll: () => {
        throw new Error('detached');
      },
    } as unknown as Element;
    const scan = freshScan();
    scanElements(pageWith(quirk), scan);
    expect(scan.containers.map((c) => c.el)).toEqual([quirk]);
    expect(scan.contained).toBeNull();
  });
});
