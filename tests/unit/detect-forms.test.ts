/**
 * The forms of the mark issue #10 names, one realistic footer each (JSP, ASP.NET, CMS, Vue,
 * jQuery), in both DOMs the detector reads.
 */
import { DOMParser as LinkedomParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectMarks } from '../../utils/engine/detect';
import type { Mark } from '../../utils/engine/scan';
import { DOM_PARSERS, htmlPage } from './dom-parsers';

const ID = '7C2CCE7C2CDDC7939157AEB590C0C7A1';
const OTHER = '8F2A9C1B3D4E5F60718293A4B5C6D7E8';
const CERT = `https://bszs.conac.cn/sitename?method=show&id=${ID}`;
const PAGE = 'https://www.example.gov.cn/index.html';
const parsers = DOM_PARSERS;
const page = htmlPage;
const brief = (m: Mark) => ({ kind: m.kind, certId: m.certId, host: m.linkHost, color: m.color, active: m.active });

describe.each(parsers)('issue #10 forms in %s', (_name, parse) => {
  const scan = (body: string) => detectMarks(parse(page(body)), PAGE).marks.map(brief);

  it('reads the id of a JSP link with ;jsessionid (32 hex itself) and a percent-encoded path', () => {
    const footer = `<div class="foot"><a href="https://bszs.conac.cn/%73itename;jsessionid=${OTHER}?method=show&amp;id=${ID}" target="_blank"><img src="/images/dzjg_logo.png"></a></div>`;
    expect(scan(footer)).toEqual([{ kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'red', active: true }]);
  });

  it('calls a redirector carrying the certificate an imitation of that certificate', () => {
    const encoded = encodeURIComponent(CERT);
    expect(scan(`<a href="/r?u=${encoded}"><img src="/upload/1681283744123_dangzhengjiguan.jpg"></a>`)).toEqual([
      { kind: 'static-link', certId: ID, host: 'www.example.gov.cn', color: 'red', active: true },
    ]);
    expect(
      scan(`<a href="#" onclick="window.open('/go?target=' + encodeURIComponent('${CERT}'))"><img src="/images/red.png"></a>`),
    ).toEqual([{ kind: 'static-link', certId: ID, host: 'www.example.gov.cn', color: 'red', active: true }]);
  });

  it('finds the address in the page function an ASP.NET footer handler calls, joined from pieces', () => {
    const footer = `<img src="/images/sydw.gif" onclick="showConac()" alt=""><script>function showConac() { window.open('https://bszs.conac.cn/sitename?method=show&id=' + '${ID}', '_blank'); }</script>`;
    expect(scan(footer)).toEqual([{ kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'blue', active: true }]);
  });

  it('reads an image map and a GET form around the image', () => {
    const map = `<img src="/images/footer.jpg" usemap="#ft"><map name="ft"><area shape="rect" coords="0,0,60,80" href="${CERT}" alt="事业单位"></map>`;
    expect(scan(map)).toEqual([{ kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'blue', active: true }]);
    const form = `<form action="https://bszs.conac.cn/sitename" target="_blank"><input type="hidden" name="id" value="${ID}"><input type="hidden" name="method" value="show"><input type="image" src="/images/dzjg.png"></form>`;
    expect(scan(form)).toEqual([{ kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'red', active: true }]);
  });

  it('tells a jQuery footer string from the copy a // comment keeps, with // in a string', () => {
    const script = `<script>
      var conac = '//bszs.conac.cn/sitename?method=show&id=${ID}'; /* not a comment start: '/*' */
      // $('#ft').append('<a href="https://bszs.conac.cn/sitename?method=show&id=${OTHER}"><img src="/img/dzjg.png"></a>');
      $('#ft').append('<a href="' + conac + '"><img src="/img/dzjg.png"></a>');
    </script>`;
    expect(scan(script)).toEqual([
      { kind: 'js-generated', certId: ID, host: 'bszs.conac.cn', color: null, active: true },
      { kind: 'js-generated', certId: OTHER, host: 'bszs.conac.cn', color: 'red', active: false },
    ]);
  });

  it('reads a template only when a script stamps it out', () => {
    const template = (id: string) => `<template id="${id}"><a href="${CERT}"><img src="/img/zfjg.png"></a></template>`;
    expect(scan(template('ft-old'))).toEqual([
      { kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'red', active: false },
    ]);
    expect(
      scan(`${template('ft')}<script>document.body.append(document.getElementById('ft').content.cloneNode(true));</script>`),
    ).toEqual([{ kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'red', active: true }]);
  });

  it('folds an unlinked mobile copy into the linked mark of its colour, and keeps one of another colour', () => {
    const linked = `<a href="${CERT}"><img src="/images/dzjg.png"></a>`;
    expect(scan(`${linked}<div class="m-foot"><img src="/images/dzjg.png"></div>`)).toHaveLength(1);
    expect(scan(`${linked}<div class="units"><img src="/images/sydw.png"></div>`)).toEqual([
      { kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'red', active: true },
      { kind: 'image-only', certId: null, host: null, color: 'blue', active: true },
    ]);
  });
});

describe('server-side comments left in the page (linkedom keeps their text, as a browser does)', () => {
  it.each([
    ['<%--', '--%>'],
    ['{#', '#}'],
  ])('a mark inside %s … %s is not displayed', (open, close) => {
    const doc = new LinkedomParser().parseFromString(
      page(`<div class="ft">${open} 旧标识 <a href="${CERT}"><img src="/images/dzjg_old.png"></a> ${close}</div>`),
      'text/html',
    ) as unknown as Document;
    expect(detectMarks(doc, PAGE).marks.map(brief)).toEqual([
      { kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'red', active: false },
    ]);
  });
});
