/**
 * Settling the marks a page carries: which copy of a mark is reported, what counts as the same
 * mark, how the official embed's renders pair with its scripts, and the order of the report.
 * Each rule on a footer in the form real portals print it, in both DOMs the detector reads.
 */
import { describe, expect, it } from 'vitest';
import { detectMarks } from '../../utils/engine/detect';
import type { Mark } from '../../utils/engine/scan';
import { DOM_PARSERS, htmlPage } from './dom-parsers';

const ID = '7C2CCE7C2CDDC7939157AEB590C0C7A1';
const OTHER = '8F2A9C1B3D4E5F60718293A4B5C6D7E8';
const THIRD = '0F1E2D3C4B5A69788796A5B4C3D2E1F0';
const cert = (id: string) => `https://bszs.conac.cn/sitename?method=show&amp;id=${id}`;
const CODE = 'CA330000000600000000001';
const CODE_B = 'CA330000000600000000002';
const embed = (code: string) =>
  `<script src="https://dcs.conac.cn/js/33/000/0000/60000000/${code}.js" type="text/javascript"></script>`;
/** What the official script leaves in its container on a live page. */
const render = (id: string, image = 'red') =>
  `<span id="_ideConac"><a href="//bszs.conac.cn/sitename?method=show&amp;id=${id}" target="_blank"><img id="imgConac" vspace="0" hspace="0" border="0" src="//dcs.conac.cn/image/${image}.png"></a></span>`;
const PAGE = 'https://www.example.gov.cn/index.html';

const brief = (m: Mark) => ({
  kind: m.kind,
  certId: m.certId,
  code: m.scriptCode,
  color: m.color,
  errorIcon: m.errorIcon,
  active: m.active,
});
type Brief = ReturnType<typeof brief>;
const mark = (kind: Mark['kind'], fields: Partial<Brief> = {}): Brief => ({
  kind,
  certId: null,
  code: null,
  color: null,
  errorIcon: false,
  active: true,
  ...fields,
});

describe.each(DOM_PARSERS)('settling in %s', (_name, parse) => {
  const marksOf = (body: string, live = false) => detectMarks(parse(htmlPage(body)), PAGE, { live }).marks;
  const scan = (body: string, live = false) => marksOf(body, live).map(brief);

  describe('which copy of a mark is reported', () => {
    it('the official render, when the footer also carries a static copy of its link', () => {
      const body = `<div class="ft"><a href="${cert(ID)}"><img src="/images/dzjg.png"></a></div>${render(ID)}${embed(CODE)}`;
      expect(scan(body, true)).toEqual([mark('live-script', { certId: ID, code: CODE, color: 'red' })]);
    });

    it('the mark image link, when a text link before it opens the same certificate', () => {
      const body = `<p><a href="${cert(ID)}">党政机关</a></p><p><a href="${cert(ID)}"><img src="/images/dzjg.png"></a></p>`;
      expect(scan(body)).toEqual([mark('static-link', { certId: ID, color: 'red' })]);
    });

    it('the first in the page, between two copies of the same link (desktop and mobile footers)', () => {
      const body = `<div class="pc-ft"><a href="${cert(ID)}"><img src="/images/dzjg.png" alt="pc"></a></div><div class="m-ft"><a href="${cert(ID)}"><img src="/m/images/dzjg.png" alt="mobile"></a></div>`;
      const marks = marksOf(body);
      expect(marks.map(brief)).toEqual([mark('static-link', { certId: ID, color: 'red' })]);
      expect(marks[0].html).toContain('alt="pc"');
    });

    it('the certificate link, over an image whose click handler opens the same certificate', () => {
      // The image is met first (the template is read after the page), but links come before images.
      const body = [
        `<img src="/images/dzjg.png" onclick="window.open('https://bszs.conac.cn/sitename?method=show&amp;id=${ID}')">`,
        `<template id="ft-tpl"><a href="${cert(ID)}"><img src="/images/dzjg.png"></a></template>`,
        `<script>document.body.append(document.getElementById('ft-tpl').content.cloneNode(true));</script>`,
      ].join('');
      const marks = marksOf(body);
      expect(marks.map(brief)).toEqual([mark('static-link', { certId: ID, color: 'red' })]);
      expect(marks[0].html).toMatch(/^<a href=/);
    });
  });

  describe('what is the same mark', () => {
    it('the embed script kept in an HTML comment is the live mark again', () => {
      const body = `${render(ID)}${embed(CODE)}<!-- 旧版 ${embed(CODE)} -->`;
      expect(scan(body, true)).toEqual([mark('live-script', { certId: ID, code: CODE, color: 'red' })]);
    });

    it('a commented-out embed of another code is another mark', () => {
      const body = `${render(ID)}${embed(CODE)}<!-- 旧版 ${embed(CODE_B)} -->`;
      expect(scan(body, true)).toEqual([
        mark('live-script', { certId: ID, code: CODE, color: 'red' }),
        mark('commented-out', { code: CODE_B, active: false }),
      ]);
    });

    it('the same link with a mangled id, in two footers, is one mark', () => {
      const link = `<a href="https://bszs.conac.cn/sitename?method=show&amp;id=7C2CCE7C2C"><img src="/images/dzjg.png"></a>`;
      expect(scan(`<div class="pc-ft">${link}</div><div class="m-ft">${link}</div>`)).toEqual([
        mark('static-link', { color: 'red' }),
      ]);
    });

    it('two unlinked copies of the same image are one mark', () => {
      expect(
        scan('<div class="pc-ft"><img src="/images/dzjg.png"></div><div class="m-ft"><img src="/images/dzjg.png"></div>'),
      ).toEqual([mark('image-only', { color: 'red' })]);
    });

    it('an unlinked official image of unknown colour is not folded into a linked mark of unknown colour', () => {
      const body = `<div class="ft"><a href="${cert(ID)}"><img src="/images/footer_bs.png"></a></div><div class="m-ft"><img src="//dcs.conac.cn/image/kp.png"></div>`;
      expect(scan(body)).toEqual([mark('static-link', { certId: ID }), mark('image-only')]);
    });

    it('an unlinked red and an unlinked blue image are two marks', () => {
      expect(scan('<div class="ft"><img src="/images/dzjg.png"><img src="/images/sydw.png"></div>')).toEqual([
        mark('image-only', { color: 'red' }),
        mark('image-only', { color: 'blue' }),
      ]);
    });
  });

  describe('script and comment markup without id or code', () => {
    // A jQuery footer that builds the mark image; the id comes from a variable the page computes.
    const built = `<script>$(".ft").append('<a href="' + conacUrl + '"><img src="//dcs.conac.cn/image/red.png"></a>');</script>`;

    it('is reported when the page shows no mark', () => {
      expect(scan(`<div class="ft"></div>${built}`)).toEqual([mark('js-generated', { color: 'red' })]);
    });

    it('is the source of the mark the page shows, and not reported again', () => {
      expect(scan(`<div class="ft"><a href="${cert(ID)}"><img src="/images/dzjg.png"></a></div>${built}`)).toEqual([
        mark('static-link', { certId: ID, color: 'red' }),
      ]);
    });

    it('a commented-out copy is the source of the mark the page shows', () => {
      const body = `<div class="ft"><a href="${cert(ID)}"><img src="/images/dzjg.png"></a><!-- <img src="//dcs.conac.cn/image/red.png"> --></div>`;
      expect(scan(body)).toEqual([mark('static-link', { certId: ID, color: 'red' })]);
    });
  });

  describe('the official embed: renders paired with scripts', () => {
    it('a container holding only a certificate link (its image blocked) is the live mark, its colour read from the text', () => {
      const body = `<span id="_ideConac"><a href="${cert(ID)}" target="_blank">党政机关</a></span>${embed(CODE)}`;
      expect(scan(body, true)).toEqual([mark('live-script', { certId: ID, code: CODE, color: 'red' })]);
    });

    it('two rendered containers of two embeds are two marks', () => {
      const body = `${render(ID)}${embed(CODE)}<div class="units">${render(OTHER, 'blue')}${embed(CODE_B)}</div>`;
      expect(scan(body, true)).toEqual([
        mark('live-script', { certId: ID, code: CODE, color: 'red' }),
        mark('live-script', { certId: OTHER, code: CODE_B, color: 'blue' }),
      ]);
    });

    it('two containers showing different images without a link are two marks', () => {
      const body =
        '<span id="_ideConac"><img src="//dcs.conac.cn/image/red.png"></span><span id="_ideConac"><img src="//dcs.conac.cn/image/blue.png"></span>';
      expect(scan(body, true)).toEqual([mark('image-only', { color: 'red' }), mark('image-only', { color: 'blue' })]);
    });

    it("a saved page's copy of the rendered error image is one mark", () => {
      const error = '<span id="_ideConac"><img id="imgConac" src="//dcs.conac.cn/image/red_error.png"></span>';
      expect(scan(`${error}${embed(CODE)}${error}`, true)).toEqual([
        mark('live-script', { code: CODE, color: 'red', errorIcon: true }),
      ]);
    });
  });

  describe('the order of the report', () => {
    it('the official render first, before the links the page carries', () => {
      const body = `<div class="ft"><a href="${cert(OTHER)}"><img src="/images/dzjg.png"></a></div>${render(ID)}${embed(CODE)}`;
      expect(scan(body, true)).toEqual([
        mark('live-script', { certId: ID, code: CODE, color: 'red' }),
        mark('static-link', { certId: OTHER, color: 'red' }),
      ]);
    });

    it('a container without script first, before the links the page carries', () => {
      const body = `<div class="ft"><a href="${cert(OTHER)}"><img src="/images/dzjg.png"></a></div><span id="_ideConac"><img src="/images/sydw.png"></span>`;
      expect(scan(body, true)).toEqual([
        mark('image-only', { color: 'blue' }),
        mark('static-link', { certId: OTHER, color: 'red' }),
      ]);
    });

    it('displayed marks first, each group in page order', () => {
      const body = [
        `<p><a href="${cert(ID)}">党政机关</a></p>`,
        `<p><a href="${cert(OTHER)}"><img src="/images/dzjg.png"></a></p>`,
        `<template id="old-ft"><a href="${cert(THIRD)}"><img src="/images/zfjg.png"></a></template>`,
        '<p><img src="/images/sydw.png"></p>',
      ].join('');
      expect(scan(body)).toEqual([
        mark('text-link', { certId: ID, color: 'red' }),
        mark('static-link', { certId: OTHER, color: 'red' }),
        mark('image-only', { color: 'blue' }),
        mark('static-link', { certId: THIRD, color: 'red', active: false }),
      ]);
    });
  });
});
