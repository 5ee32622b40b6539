/**
 * The detector's rule tables, one test row per entry (adding an entry = one table line + one row
 * here; a check below fails when a table entry has no row), and the linear-time text patterns
 * against their plain forms.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/seeded-random';
import { detectMarks } from '../../utils/engine/detect';
import { TEMPLATE_COMMENTS, TEMPLATE_SCRIPT_TYPES } from '../../utils/engine/detect/comment-syntaxes';
import { ADDRESS_ATTRIBUTES } from '../../utils/engine/detect/handlers';
import { colorOfImageName, colorOfWords, IMAGE_NAMES } from '../../utils/engine/detect/image-names';
import { IMAGE_ATTRIBUTES } from '../../utils/engine/detect/image-sources';
import { jsCommentRanges } from '../../utils/engine/detect/text-comments';
import { CERT_IN_TEXT, EMBED_IN_TEXT, PLAIN_CERT_IN_TEXT, PLAIN_EMBED_IN_TEXT } from '../../utils/engine/detect/text-patterns';
import { DOM_PARSERS, htmlPage } from './dom-parsers';

const ID = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
const CERT = `https://bszs.conac.cn/sitename?method=show&id=${ID}`;
const PAGE = 'https://www.example.gov.cn/index.html';
const parsers = DOM_PARSERS;
const page = htmlPage;

describe('IMAGE_NAMES: image names → colour', () => {
  // One row per table entry, each in a path form seen on real sites.
  const rows: [token: string, address: string, color: 'red' | 'blue', alone: boolean][] = [
    ['red', '/Template/Default/Skin/erms/img/red.png', 'red', false],
    ['blue', '/uploads/footer/conac-blue@2x.png', 'blue', false],
    ['dzjg', '/js/app/img/dzjg.3f2a9c1b.png', 'red', true],
    ['dangzhengjiguan', 'https://oss.example.com/upload/1681283744123_dangzhengjiguan.jpg', 'red', true],
    ['jiguan', '/wp-content/themes/zfcgw_red/images/jiguan.gif', 'red', true],
    ['zfjg', '@/assets/img/zfjg.gif', 'red', true],
    ['sydw', '/assets/sydw-Bx8kQ2.svg', 'blue', true],
    ['shiyedanwei', '/static/media/shiyedanwei.8c1f2a3b.png', 'blue', true],
    ['shiye', 'assets/images/footer/shiye.jpg', 'blue', true],
  ];
  it.each(rows)('%s: %s', (_token, address, color, alone) => {
    expect(colorOfImageName(address)).toEqual({ color, errorIcon: false, alone });
  });

  it('has a row for every entry', () => {
    expect(rows.map(([token]) => token).sort()).toEqual(IMAGE_NAMES.map((n) => n.token).sort());
  });

  it.each([
    ['/img/dzjglogo.png', 'red'],
    ['/uploadfile/2020/0817/20200817_sydwlogo.png', 'blue'],
    ['/images/icon_red.png', 'red'],
    ['/img/marks/red-110w.png', 'red'],
    ['#icon-dzjg', 'red'],
    ['/_next/image?url=%2Fimages%2Fsydw.png&w=64', 'blue'],
  ])('reads the name in %s', (address, color) => {
    expect(colorOfImageName(address)?.color).toBe(color);
  });

  it('reads the official error images', () => {
    expect(colorOfImageName('//dcs.conac.cn/image/blue_error.png')).toEqual({ color: 'blue', errorIcon: true, alone: false });
  });

  it.each([
    '/img/bluetooth.png',
    '/uploads/footer/shared_03.png',
    '/images/jiguanche.gif?v=2',
    '/images/redline-bg.png',
    '/images/MEPC_base_footer_v2019_14.png',
    'data:image/png;base64,cmVkLnBuZw==',
  ])('names no colour: %s', (address) => {
    expect(colorOfImageName(address)).toBeNull();
  });

  it.each([
    ['党政机关', 'red'],
    ['政府机关网站标识', 'red'],
    ['事业单位标识', 'blue'],
    ['党政机关、事业单位网站标识', null],
    ['网站标识', null],
  ])('the label %s names %s', (words, color) => {
    expect(colorOfWords(words)).toBe(color);
  });
});

describe.each(parsers)('rule tables in %s', (_name, parse) => {
  const scan = (body: string) => detectMarks(parse(page(body)), PAGE).marks;

  describe('ADDRESS_ATTRIBUTES: certificate addresses outside href', () => {
    const script = (name: string, value: string) => `<script>var app = { data() { return { ${name}: '${value}' }; } };</script>`;
    // One row per table entry: the markup that carries the address, as real footers write it.
    const rows: [attribute: string, markup: string][] = [
      ['onclick', `<a href="#" onclick="window.open('${CERT}','_blank')"><img src="/images/red.png"></a>`],
      ['@click', `<a href="javascript:void(0)" @click="go('${CERT}')"><img src="/images/red.png"></a>`],
      ['v-on:click', `<div v-on:click="openLink('${CERT}')"><img src="/images/red.png"></div>`],
      ['(click)', `<a href="javascript:void(0)" (click)="open('${CERT}')"><img src="/images/red.png"></a>`],
      ['ng-click', `<a href="" ng-click="open('${CERT}')"><img src="/images/red.png"></a>`],
      ['data-href', `<a href="#" data-href="${CERT}"><img src="/images/red.png"></a>`],
      ['data-url', `<span class="conac" data-url="${CERT}"><img src="/images/dzjg.png"></span>`],
      ['data-link', `<a href="javascript:;" data-link="${CERT}"><img src="/images/red.png"></a>`],
      [':href', `<a :href="linkHref"><img src="/images/red.png"></a>${script('linkHref', CERT)}`],
      ['v-bind:href', `<a v-bind:href="conacUrl"><img src="/images/red.png"></a>${script('conacUrl', CERT)}`],
      ['[href]', `<a [href]="conacUrl"><img src="/images/red.png"></a><script>class Footer { conacUrl = '${CERT}'; }</script>`],
    ];
    it('has a row for every entry', () => {
      expect(rows.map(([name]) => name)).toEqual(ADDRESS_ATTRIBUTES.map((a) => a.name));
    });
    // happy-dom drops attributes named with parentheses or brackets, which a browser keeps: those rows run in linkedom only.
    it.each(rows.filter(([attribute]) => _name !== 'happy-dom' || !/^[([]/.test(attribute)))('%s', (_attribute, markup) => {
      expect(scan(markup).map((m) => [m.kind, m.certId, m.linkHost, m.color, m.active])).toEqual([
        ['static-link', ID, 'bszs.conac.cn', 'red', true],
      ]);
    });
  });

  describe('IMAGE_ATTRIBUTES: the mark image wherever the page names it', () => {
    const rows: [attribute: string, markup: string][] = [
      ['src', '<img src="/images/sydw.png">'],
      ['data-src', '<img src="/images/blank.gif" data-src="/images/sydw.png">'],
      ['data-original', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-original="/images/sydw.png">'],
      ['lay-src', '<img lay-src="/static/img/sydw.png">'],
      ['data-lazy-src', '<img data-lazy-src="/static/img/sydw.png">'],
      ['data-echo', '<img src="/blank.gif" data-echo="/static/img/sydw.png">'],
      ['href', '<svg><image href="/images/sydw.png"></image></svg>'],
      ['xlink:href', '<svg><image xlink:href="/images/sydw.png"></image></svg>'],
    ];
    it('has a row for every entry', () => {
      expect(rows.map(([name]) => name)).toEqual(IMAGE_ATTRIBUTES);
    });
    it.each(rows)('%s', (_attribute, markup) => {
      const link = markup.startsWith('<svg')
        ? markup.replace('<image', `<a href="${CERT}"><image`).replace('</svg>', '</a></svg>')
        : `<a href="${CERT}">${markup}</a>`;
      expect(scan(link).map((m) => [m.certId, m.color])).toEqual([[ID, 'blue']]);
    });
    it.each([
      ['srcset', '<img srcset="/img/sydw.png 1x, /img/sydw@2x.png 2x">'],
      [
        '<picture><source>',
        '<picture><source srcset="/img/sydw.webp" type="image/webp"><img src="/img/foot-mark.png"></picture>',
      ],
      ['style background', '<span style="background-image:url(&quot;/static/sydw.png&quot;)"></span>'],
    ])('%s', (_form, markup) => {
      expect(scan(`<a href="${CERT}">${markup}</a>`).map((m) => [m.certId, m.color])).toEqual([[ID, 'blue']]);
    });
  });

  describe('TEMPLATE_COMMENTS and TEMPLATE_SCRIPT_TYPES: marks in template text', () => {
    const mark = `<a href="${CERT}"><img src="/img/sydw.png"></a>`;
    it.each(TEMPLATE_SCRIPT_TYPES.map((type) => [type]))('a mark in <script type="%s"> is script-made and shown', (type) => {
      expect(scan(`<script type="${type}">${mark}</script>`).map((m) => [m.kind, m.certId, m.active])).toEqual([
        ['js-generated', ID, true],
      ]);
    });
    // One row per syntax, with the template engine each belongs to in comment-syntaxes.ts.
    const rows: [open: string, close: string][] = [
      ['<%--', '--%>'],
      ['{{!--', '--}}'],
      ['{{!', '}}'],
      ['{#', '#}'],
      ['<#--', '-->'],
      ['@*', '*@'],
    ];
    it('has a row for every syntax', () => {
      expect(rows).toEqual(TEMPLATE_COMMENTS.map((s) => [s.open, s.close]));
    });
    it.each(rows)('a mark inside %s … %s in template text is not displayed', (open, close) => {
      expect(scan(`<script type="text/template">${open} ${mark} ${close}</script>`).map((m) => [m.certId, m.active])).toEqual([
        [ID, false],
      ]);
    });
    it('a mark inside an HTML comment in template text is not displayed', () => {
      expect(scan(`<script type="text/html"><!-- ${mark} --></script>`).map((m) => [m.certId, m.active])).toEqual([[ID, false]]);
    });
  });
});

describe('jsCommentRanges', () => {
  it.each([
    ["var a = '//bszs.conac.cn/x'; // dead", [[29, 36]]],
    ['var a = "/* no */"; /* dead */ b()', [[20, 30]]],
    ['var t = `a\n// in template`; //x', [[28, 31]]],
    ['<!-- old\nlive()', [[0, 8]]],
    ["var a = 'it\\'s // still a string'", []],
  ])('%j', (text, ranges) => {
    expect(jsCommentRanges(text)).toEqual(ranges);
  });
});

describe('linear-time text patterns match exactly what their plain forms match', () => {
  // Pieces that make the plain forms backtrack and the fast forms take their shortcuts.
  const PIECES = [
    '/',
    '//',
    'http:',
    'https://',
    'a',
    'Z',
    '.',
    '-',
    '%',
    '~',
    ':',
    '80',
    '?',
    '#',
    ' ',
    '"',
    "'",
    '(',
    '\\',
    'sitename',
    '/sitename?',
    'method=show&id=',
    'CA',
    '123456789012345678901',
    '.js',
    'CA123456789012345678901.js',
    'CA123456789012345678901.js',
    'conac.cn',
    '@',
    'é',
  ];
  const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
  it.each([
    ['EMBED_IN_TEXT', EMBED_IN_TEXT, PLAIN_EMBED_IN_TEXT],
    ['CERT_IN_TEXT', CERT_IN_TEXT, PLAIN_CERT_IN_TEXT],
  ])(
    '%s on 20,000 seeded random strings',
    (_name, fast, plain) => {
      const random = seededRandom(20261130);
      let nonEmpty = 0;
      let differs: { text: string; fast: unknown; plain: unknown } | null = null;
      for (let i = 0; i < 20_000 && !differs; i++) {
        const length = 1 + Math.floor(random() * 24);
        const text = Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
        const expected = matches(plain, text);
        if (expected.length) nonEmpty++;
        const got = matches(fast, text);
        if (JSON.stringify(got) !== JSON.stringify(expected)) differs = { text, fast: got, plain: expected };
      }
      expect(differs).toBeNull();
      // The strings exercise the patterns: many of them hold matches.
      expect(nonEmpty).toBeGreaterThan(2000);
    },
    60_000,
  );
});
