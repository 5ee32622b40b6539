/**
 * Where a click goes, read from the element without running page code: its href, its handler
 * (with the page functions the handler calls), a bound attribute, a data attribute, or the form
 * around it. The page's inline scripts are handed in as text, as the detector reads them.
 */
import { describe, expect, it } from 'vitest';
import { type Scan, startScan } from '../../utils/engine/detect/context';
import { formLink, handlerLink, hrefLink } from '../../utils/engine/detect/links';
import { htmlPage } from './dom-parsers';

const ID = '7C2CCE7C2CDDC7939157AEB590C0C7A1';
const OTHER = '8F2A9C1B3D4E5F60718293A4B5C6D7E8';
const CERT = `https://bszs.conac.cn/sitename?method=show&id=${ID}`;
const PAGE = 'https://www.example.gov.cn/index.html';

/** A scan of the page at PAGE whose inline scripts are `scripts`. */
function scanWith(scripts = ''): Scan {
  return startScan(PAGE, false, () => scripts);
}

/** The first element of a footer fragment. */
function element(html: string): Element {
  return new DOMParser().parseFromString(htmlPage(html), 'text/html').body.firstElementChild!;
}

/** The certificate, host and intent of the link a handler, bound or data attribute opens. */
function handled(html: string, scripts = '') {
  const href = handlerLink(element(html), scanWith(scripts));
  return href && { certId: href.link.certId, host: href.link.linkHost, meant: href.meant };
}
const genuine = { certId: ID, host: 'bszs.conac.cn', meant: true };
const redirected = { certId: ID, host: 'www.example.gov.cn', meant: true };

describe('an href that does not parse', () => {
  it('goes nowhere: no host, not a mark, its text kept trimmed', () => {
    const typo = `https://bszs.conac.cn:80a/sitename?method=show&id=${ID}`;
    expect(hrefLink(element(`<a href="  ${typo}  "><img src="/images/dzjg.png"></a>`), scanWith())).toEqual({
      link: { certId: null, linkUrl: typo, linkHost: '', certificateLink: false },
      meant: false,
    });
  });
});

describe('handlers (onclick and its framework spellings)', () => {
  it.each([
    [
      'a template that escaped the handler twice (&quot; and &amp; left in the value), joined with +',
      `<a href="#" onclick="location.href=&amp;quot;https://bszs.conac.cn/sitename?method=show&amp;amp;id=&amp;quot; + &amp;quot;${ID}&amp;quot;"><img src="/images/dzjg.png"></a>`,
      '',
      genuine,
    ],
    [
      'minified pieces joined without spaces',
      `<a href="javascript:void(0)" onclick="window.open('https://bszs.conac.cn/sitename?method=show&amp;id='+'${ID}')"><img src="/images/red.png"></a>`,
      '',
      genuine,
    ],
    [
      'a site page named /sitename before the certificate (not a certificate: the next address is)',
      `<a href="#" onclick="if (isMobile) location.href='/sitename?lang=en'; else window.open('${CERT}')"><img src="/images/red.png"></a>`,
      '',
      genuine,
    ],
    [
      'an address that does not parse before the certificate',
      `<a href="#" onclick="window.open('https://bszs.conac.cn:8o/sitename?method=show&amp;id=${ID}') || window.open('${CERT}')"><img src="/images/red.png"></a>`,
      '',
      genuine,
    ],
    [
      'a data attribute after a tracking handler that opens nothing',
      `<a href="javascript:;" onclick="_hmt.push(['_trackEvent', 'footer', 'conac'])" data-link="${CERT}"><img src="/images/dzjg.png"></a>`,
      '',
      genuine,
    ],
    [
      'a data attribute holds the address itself, never a property name',
      '<a href="#" data-href="conacUrl"><img src="/images/dzjg.png"></a>',
      `var conacUrl = '${CERT}';`,
      null,
    ],
  ])('%s', (_case, html, scripts, expected) => {
    expect(handled(html, scripts)).toEqual(expected);
  });
});

describe('a certificate handed to another address (a redirector)', () => {
  const tracking = `; _hmt.push(['_trackEvent', 'footer', 'conac', '${'政府网站标识'.repeat(40)}'])`;
  it.each([
    ['minified', `window.open('/go?target='+encodeURIComponent('${CERT}'))`, redirected],
    ['with a space inside the call', `window.open('/go?target=' + encodeURIComponent( '${CERT}' ))`, redirected],
    ['at the start of a long handler', `window.open('/go?target=' + encodeURIComponent('${CERT}'))${tracking}`, redirected],
    [
      'only when the address is the one handed over: an earlier encoded value is not it',
      `track('/log?u=' + encodeURIComponent('/footer')); window.open('${CERT}')`,
      genuine,
    ],
  ])('%s', (_case, code, expected) => {
    expect(handled(`<a href="#" onclick="${code}"><img src="/images/red.png"></a>`)).toEqual(expected);
  });
});

describe('the page functions a handler calls', () => {
  it.each([
    [
      'a function whose name says sitename (a call, not an address)',
      '<img src="/images/sydw.gif" onclick="openSiteName()">',
      `function openSiteName() { window.open('${CERT}', '_blank'); }`,
      genuine,
    ],
    [
      'a method of a page object',
      '<img src="/images/sydw.gif" onclick="Footer.openConac()">',
      `var Footer = { openConac: function () { window.open('${CERT}', '_blank'); } };`,
      genuine,
    ],
    [
      'a function the page does not define: the certificate elsewhere in the scripts is not its',
      '<img src="/images/sydw.gif" onclick="track()">',
      `var oldConac = 'https://bszs.conac.cn/sitename?method=show&id=${OTHER}';`,
      null,
    ],
    [
      'only the function itself (600 characters from its start), not the scripts after it',
      '<img src="/images/sydw.gif" onclick="showConac()">',
      `function showConac() { openWin(conacUrl); }\n/* ${'-'.repeat(700)} */\nvar legacy = 'https://bszs.conac.cn/sitename?method=show&id=${OTHER}';`,
      null,
    ],
  ])('%s', (_case, html, scripts, expected) => {
    expect(handled(html, scripts)).toEqual(expected);
  });
});

describe('bound attributes (Vue :href, Angular [href])', () => {
  it.each([
    ['a literal address', `<a :href="'${CERT}'"><img src="/images/dzjg.png"></a>`, '', genuine],
    [
      'a property name with spaces around it',
      '<a :href=" conacUrl "><img src="/images/dzjg.png"></a>',
      `data() { return { conacUrl: '${CERT}' }; }`,
      genuine,
    ],
    [
      'a page-level variable at the very start of the scripts',
      '<a v-bind:href="conacUrl"><img src="/images/dzjg.png"></a>',
      `\nconacUrl = '${CERT}';\n`,
      genuine,
    ],
    [
      'a property read from its own line only: the next property is not its value',
      '<a [href]="conacUrl"><img src="/images/dzjg.png"></a>',
      `conacUrl = '#';\n  legacyUrl = 'https://bszs.conac.cn/sitename?method=show&id=${OTHER}';`,
      null,
    ],
    [
      'a literal address joined with a variable is read as written: a certificate link whose id cannot be read',
      `<a :href="'https://bszs.conac.cn/sitename?method=show&id=' + siteId"><img src="/images/dzjg.png"></a>`,
      `data() { return { siteId: '${ID}' }; }`,
      { certId: null, host: 'bszs.conac.cn', meant: true },
    ],
  ])('%s', (_case, html, scripts, expected) => {
    expect(handled(html, scripts)).toEqual(expected);
  });
});

describe('forms that submit to the certificate page', () => {
  const form = (attributes: string, fields: string) =>
    formLink(element(`<form ${attributes}>${fields}<input type="image" src="/images/dzjg.png"></form>`), scanWith());
  const idFields = `<input type="hidden" name="method" value="show"><input type="hidden" name="id" value="${ID}">`;

  it('submit by GET when no method is given', () => {
    expect(form('action="https://bszs.conac.cn/sitename" target="_blank"', idFields)?.link.certId).toBe(ID);
  });

  it('are no certificate link when they POST (the registry shows certificates on GET)', () => {
    expect(form('action="https://bszs.conac.cn/sitename" method="post"', idFields)).toBeNull();
  });

  it('are no link at all when the action does not parse', () => {
    expect(form('action="https://bszs.conac.cn:8o/sitename"', idFields)).toBeNull();
  });

  it('replace the query of the action with their fields, without the buttons', () => {
    const fields = `${idFields}<input name="from"><input type="submit" name="go" value="查看"><input type="button" name="back" value="返回"><input type="IMAGE" name="mark" src="/images/dzjg.png">`;
    expect(form(`action="https://bszs.conac.cn/sitename?method=list&amp;id=${OTHER}" method="GET"`, fields)).toEqual({
      link: {
        certId: ID,
        linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${ID}&from=`,
        linkHost: 'bszs.conac.cn',
        certificateLink: true,
      },
      meant: true,
    });
  });
});
