import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser as LinkedomParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectMarks, draftScan, MAX_MARKS, readClaims } from '../../utils/engine/detect';
import type { Mark } from '../../utils/engine/scan';

const ID1 = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
const ID2 = '0F1E2D3C4B5A69788796A5B4C3D2E1F0';
const ID3 = 'BEEFCAFE0123456789ABCDEF01234567';
const ID4 = 'C0FFEE00112233445566778899AABBCC';
const CODE_A = 'CA110000000000123450001';
const CODE_B = 'CA330000000600000000001';
const CODE_C = 'CA200000000400012340002';
const SCRIPT_A = `https://dcs.conac.cn/js/11/000/0000/00012345/${CODE_A}.js`;
const SCRIPT_B = `https://dcs.conac.cn/js/33/000/0000/60000000/${CODE_B}.js`;
const PAGE = 'https://www.example.gov.cn/sub/index.html';

// The content script sees a browser DOM (happy-dom stands in); the command line sees linkedom's.
const parsers: [string, (html: string) => Document][] = [
  ['happy-dom', (html) => new DOMParser().parseFromString(html, 'text/html')],
  ['linkedom', (html) => new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document],
];

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/pages', name), 'utf8');
const cert = (id: string, origin = 'https://bszs.conac.cn') => `${origin}/sitename?method=show&id=${id}`;
const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

type Expected = Omit<Mark, 'html'>;
function mark(kind: Mark['kind'], fields: Partial<Expected> = {}): Expected {
  return {
    kind,
    certId: null,
    scriptCode: null,
    scriptUrl: null,
    color: null,
    errorIcon: false,
    linkUrl: null,
    linkHost: null,
    certificateLink: false,
    active: true,
    ...fields,
  };
}
const linked = (id: string, origin = 'https://bszs.conac.cn') => ({
  certId: id,
  linkUrl: cert(id, origin),
  linkHost: new URL(origin).hostname,
  certificateLink: true,
});
const withoutHtml = (marks: Mark[]) => marks.map(({ html: _, ...rest }) => rest);

describe.each(parsers)('detectMarks with %s', (_name, parse) => {
  const scan = (file: string, options?: { live?: boolean }, url = PAGE) => detectMarks(parse(fixture(file)), url, options);
  const scanHtml = (html: string, options?: { live?: boolean }, url = PAGE) => detectMarks(parse(html), url, options);

  describe('live-script', () => {
    it('reports a rendered official embed once, despite a second empty span', () => {
      for (const live of [false, true]) {
        const result = scan('live-rendered.html', { live });
        expect(withoutHtml(result.marks)).toEqual([
          mark('live-script', { scriptCode: CODE_A, scriptUrl: SCRIPT_A, ...linked(ID1), color: 'red' }),
        ]);
        expect(result.marks[0].html).toContain('id="_ideConac"');
        expect(result.marks[0].html).toContain('imgConac');
        expect(result.url).toBe(PAGE);
      }
    });

    it('calls an unrendered official script active in static HTML and broken in a live page', () => {
      const expected = mark('live-script', { scriptCode: CODE_B, scriptUrl: SCRIPT_B.replace('https:', 'http:') });
      expect(withoutHtml(scan('live-unrendered.html').marks)).toEqual([expected]);
      expect(withoutHtml(scan('live-unrendered.html', { live: true }).marks)).toEqual([{ ...expected, active: false }]);
    });

    it('reads the official document.write embed from the inline script text', () => {
      const expected = mark('live-script', { scriptCode: CODE_B, scriptUrl: SCRIPT_B });
      const result = scan('docwrite-embed.html');
      expect(withoutHtml(result.marks)).toEqual([expected]);
      expect(result.marks[0].html).toContain(`${CODE_B}.js`);
      expect(withoutHtml(scan('docwrite-embed.html', { live: true }).marks)).toEqual([{ ...expected, active: false }]);
    });

    it('merges the document.write embed, the span it rendered and the script it loaded', () => {
      expect(withoutHtml(scan('docwrite-embed-run.html', { live: true }).marks)).toEqual([
        mark('live-script', { scriptCode: CODE_B, scriptUrl: SCRIPT_B, ...linked(ID2), color: 'red' }),
      ]);
    });

    it('recognises a class="_ideConac" container and a script copied under a relative path', () => {
      expect(withoutHtml(scan('local-embed-class.html').marks)).toEqual([
        mark('live-script', {
          scriptCode: CODE_C,
          scriptUrl: `https://www.example.gov.cn/sub/js/${CODE_C}.js`,
          ...linked(ID3, 'http://bszs.conac.cn'),
          color: 'blue',
        }),
      ]);
    });

    it('resolves a relative embed against <base href>', () => {
      const result = scanHtml(
        `<html><head><base href="https://mirror.example/site/"></head><body><span id="_ideConac"></span><script src="js/${CODE_A}.js"></script></body></html>`,
      );
      expect(result.marks.map((m) => m.scriptUrl)).toEqual([`https://mirror.example/site/js/${CODE_A}.js`]);
    });

    it('reports an embed script copied to a lookalike host with that host, for the verifier to judge', () => {
      const src = `https://dcs.conac.cn.evil.example/js/11/000/0000/00012345/${CODE_A}.js`;
      expect(
        scanHtml(page(`<span id="_ideConac"></span><script src="${src}"></script>`)).marks.map((m) => [
          m.kind,
          m.scriptCode,
          m.scriptUrl,
        ]),
      ).toEqual([['live-script', CODE_A, src]]);
    });

    it('reports the error image', () => {
      expect(withoutHtml(scan('error-icon.html', { live: true }).marks)).toEqual([
        mark('live-script', { scriptCode: CODE_A, scriptUrl: SCRIPT_A, ...linked(ID1), color: 'red', errorIcon: true }),
      ]);
    });

    it('reports a lone empty container as an embed that never rendered', () => {
      expect(withoutHtml(scanHtml(page('<span id="_ideConac"></span>')).marks)).toEqual([mark('live-script', { active: false })]);
    });

    it('reports a container holding only an image as image-only', () => {
      expect(withoutHtml(scanHtml(page('<span id="_ideConac"><img src="/img/blue.png"></span>')).marks)).toEqual([
        mark('image-only', { color: 'blue' }),
      ]);
    });
  });

  describe('static-link and text-link', () => {
    it('reads an http link with &amp; around a site-hosted image, colour from alt', () => {
      const result = scan('static-http.html');
      expect(withoutHtml(result.marks)).toEqual([mark('static-link', { ...linked(ID1, 'http://bszs.conac.cn'), color: 'red' })]);
      expect(result.marks[0].html).toMatch(/^<a href="http:\/\/bszs\.conac\.cn\/sitename\?method=show&(amp;)?id=/);
    });

    it('reads an https link around a bundler-hashed image without a colour hint', () => {
      expect(withoutHtml(scan('static-https-hashed.html').marks)).toEqual([mark('static-link', { ...linked(ID2), color: null })]);
    });

    it('resolves a protocol-relative link against the page, upper-cases the id, reads a data: image', () => {
      const [m] = scan('static-protocol-relative-data.html', {}, 'http://www.example.ac.cn/').marks;
      expect(m).toMatchObject({
        kind: 'static-link',
        certId: ID3,
        linkHost: 'bszs.conac.cn',
        certificateLink: true,
        color: 'blue',
        active: true,
      });
      expect(m.linkUrl).toBe(`http://bszs.conac.cn/sitename?id=${ID3.toLowerCase()}&method=show`);
    });

    it.each([
      ['/wp-content/themes/zfcgw_red/images/jiguan.jpg', 'red'],
      ['/@web/hss_whj/images/dzjg.png', 'red'],
      ['//www.scio.gov.cn/images/dzjglogo.png', 'red'],
      ['/Template/Default/Skin/erms/img/blue.png', 'blue'],
      ['/images/MEPC_base_footer_v2019_14.png', null],
      ['/images/jiguanche.gif?v=2', null],
    ])('reads the colour a self-hosted copy of the image names (%s)', (src, color) => {
      // File names as found on real government portals.
      const [m] = scanHtml(
        page(`<a href="https://bszs.conac.cn/sitename?method=show&amp;id=${ID1}"><img src="${src}" alt=""></a>`),
      ).marks;
      expect(m).toMatchObject({ kind: 'static-link', certId: ID1, color });
    });

    it('treats a CSS sprite link as an image link', () => {
      expect(withoutHtml(scan('static-sprite.html').marks)).toEqual([mark('static-link', { ...linked(ID4), color: 'red' })]);
    });

    it('accepts a double-escaped &amp;amp; from a saved template', () => {
      const result = scanHtml(
        page(`<a href="http://bszs.conac.cn/sitename?method=show&amp;amp;id=${ID1}"><img src="/a.png"></a>`),
      );
      expect(result.marks.map((m) => [m.kind, m.certId, m.certificateLink])).toEqual([['static-link', ID1, true]]);
    });

    it('reads a text-only link and its colour from the words', () => {
      expect(withoutHtml(scan('text-link.html').marks)).toEqual([mark('text-link', { ...linked(ID2), color: 'red' })]);
    });

    it('reads an empty link', () => {
      expect(withoutHtml(scan('empty-link.html').marks)).toEqual([mark('text-link', { ...linked(ID2) })]);
    });

    it('reports different certificates separately and the same one once', () => {
      expect(withoutHtml(scan('two-certificates.html').marks)).toEqual([
        mark('static-link', { ...linked(ID1), color: 'red' }),
        mark('static-link', { ...linked(ID2), color: 'blue' }),
      ]);
    });
  });

  describe('spoofed and unverifiable links', () => {
    it('reports every link around the mark image with the host the URL standard gives', () => {
      // Certificate-shaped links first, then the other links around official images.
      const marks = scan('spoofed-links.html').marks;
      expect(marks.every((m) => m.kind === 'static-link' && m.active)).toBe(true);
      expect(marks.map((m) => [m.linkHost, m.certificateLink, m.certId, m.color])).toEqual([
        ['bszs.conac.cn.evil.example', true, ID1, 'red'],
        ['bszs-conac.cn', true, ID1, 'red'],
        ['evil.example', true, ID1, 'red'],
        ['bszs.conac.cn', false, null, 'red'],
        ['', false, null, 'red'],
        ['', false, null, 'blue'],
        ['evil.example', false, null, 'red'],
      ]);
      expect(marks[2].linkUrl).toBe(`http://bszs.conac.cn@evil.example/sitename?method=show&id=${ID1}`);
      expect(marks[3].linkUrl).toBe('http://bszs.conac.cn/sitename?method=show&id=12345');
      expect(marks[4].linkUrl).toBe('javascript:void(0)');
      expect(marks[5].linkUrl).toMatch(/^data:text\/html,/);
    });

    it('reports the official image without any link as image-only', () => {
      expect(withoutHtml(scan('image-only.html').marks)).toEqual([mark('image-only', { color: 'blue' })]);
    });

    it('reports an official image inside a link without href as image-only', () => {
      expect(withoutHtml(scanHtml(page('<a name="x"><img src="https://dcs.conac.cn/image/red_error.png"></a>')).marks)).toEqual([
        mark('image-only', { color: 'red', errorIcon: true }),
      ]);
    });
  });

  describe('js-generated and commented-out', () => {
    it('reads a document.write string, and calls a copy behind // dead', () => {
      const result = scan('js-docwrite.html');
      expect(withoutHtml(result.marks)).toEqual([
        mark('js-generated', { ...linked(ID3), color: 'red' }),
        mark('js-generated', { ...linked(ID4), color: 'red', active: false }),
      ]);
      expect(result.marks[0].html).toContain('document.write');
    });

    it('reads a Vue render function with JSON escapes, and keeps script text out of the claims', () => {
      const result = scan('js-vue-render.html');
      expect(withoutHtml(result.marks)).toEqual([mark('js-generated', { ...linked(ID4), color: 'blue' })]);
      expect(result.claims.owner).toBeNull();
    });

    it('keeps a script-made mark active in a live page even before it renders', () => {
      expect(scan('js-vue-render.html', { live: true }).marks.map((m) => [m.kind, m.active])).toEqual([['js-generated', true]]);
    });

    it('reports a mark once when it is rendered, in script text and in a comment', () => {
      expect(withoutHtml(scan('rendered-and-script.html').marks)).toEqual([
        mark('static-link', { ...linked(ID1), color: 'red' }),
      ]);
    });

    it('reads a commented-out link', () => {
      const result = scan('commented-link.html');
      expect(withoutHtml(result.marks)).toEqual([
        mark('commented-out', { ...linked(ID2, 'http://bszs.conac.cn'), color: 'red', active: false }),
      ]);
      expect(result.marks[0].html).toContain('bszs.conac.cn/sitename');
    });

    it('reads a commented-out embed script', () => {
      expect(withoutHtml(scan('commented-script.html').marks)).toEqual([
        mark('commented-out', { scriptCode: CODE_A, scriptUrl: SCRIPT_A, active: false }),
      ]);
    });

    it('drops commented-out markup without an id when the page shows a mark', () => {
      const html = page(`<!-- <img src="//dcs.conac.cn/image/red.png"> --><a href="${cert(ID1)}"><img src="/red.png"></a>`);
      expect(scanHtml(html).marks.map((m) => m.kind)).toEqual(['static-link']);
    });
  });

  describe('not marks', () => {
    it('ignores the jiucuo badge, trust seals, decorative 党政机关 images and registry links', () => {
      const result = scan('not-marks.html');
      expect(result.marks).toEqual([]);
      expect(result.claims).toEqual({
        owner: '广东省人民政府办公厅',
        owners: ['广东省人民政府办公厅'],
        siteCode: '4400000127',
        icp: null,
        psb: null,
      });
    });

    it('finds nothing on an ordinary page', () => {
      const result = scan('no-mark.html', { live: true });
      expect(result.marks).toEqual([]);
      expect(result.claims).toEqual({
        owner: '某某科技有限公司',
        owners: ['某某科技有限公司'],
        siteCode: null,
        icp: '沪ICP备12345678号-2',
        psb: null,
      });
    });
  });

  describe('hostile and broken pages', () => {
    it(`caps a flood of fake marks at ${MAX_MARKS}`, () => {
      const id = (i: number) => i.toString(16).toUpperCase().padStart(32, '0');
      const links = Array.from({ length: 1200 }, (_, i) => `<a href="${cert(id(i))}"><img src="/x.png"></a>`).join('');
      const marks = scanHtml(page(links)).marks;
      expect(marks).toHaveLength(MAX_MARKS);
      expect(marks[0].certId).toBe(id(0));
      expect(marks.every((m) => m.html.length <= 501)).toBe(true);
    });

    it('caps a flood inside script text', () => {
      const writes = Array.from(
        { length: 5000 },
        (_, i) => `document.write('<a href="${cert(i.toString(16).padStart(32, 'a'))}">x</a>');`,
      ).join('\n');
      expect(scanHtml(page(`<script>${writes}</script>`)).marks).toHaveLength(MAX_MARKS);
    });

    it('collapses a flood of identical marks into one', () => {
      const links = `<a href="${cert(ID1)}"><img src="/x.png"></a>`.repeat(1200);
      expect(scanHtml(page(links)).marks).toHaveLength(1);
    });

    it('never throws', () => {
      expect(detectMarks({} as Document, PAGE)).toEqual({
        url: PAGE,
        marks: [],
        claims: { owner: null, owners: [], siteCode: null, icp: null, psb: null },
      });
      const relative = page(`<a href="/sitename?method=show&id=${ID1}">党政机关</a>`);
      expect(scanHtml(relative, {}, 'not a url').marks).toEqual([]);
      expect(scanHtml(relative, {}, 'https://mirror.example/').marks.map((m) => m.linkHost)).toEqual(['mirror.example']);
      expect(
        scanHtml(page('<a href="http://[broken"><img src="//dcs.conac.cn/image/red.png"></a>')).marks.map((m) => [
          m.linkUrl,
          m.linkHost,
        ]),
      ).toEqual([['http://[broken', '']]);
    });
  });

  describe('claims', () => {
    it('reads the owner, site code, ICP and public-security numbers of a portal footer', () => {
      expect(scan('live-rendered.html').claims).toEqual({
        owner: '北京市人民政府办公厅',
        owners: ['北京市人民政府办公厅'],
        siteCode: '1100000088',
        icp: '京ICP备05060933号',
        psb: '京公网安备11010502030003号',
      });
    });

    it.each([
      [
        '主办 with 承办 after it',
        '<p>主办单位：北京市人民政府办公厅&nbsp;&nbsp;承办单位：北京市政务服务和数据管理局</p>',
        '北京市人民政府办公厅',
      ],
      ['版权所有 with a colon', '<p>版权所有：中华人民共和国教育部</p><p>京ICP备10028400号</p>', '中华人民共和国教育部'],
      ['unit before 版权所有', '<div class="copy">© 2024 杭州市人民政府 版权所有</div>', '杭州市人民政府'],
      [
        'value in the next table cell',
        '<table><tr><td>主办单位：</td><td>广东省人民政府办公厅</td></tr></table>',
        '广东省人民政府办公厅',
      ],
      ['主管 ignored', '<p>主管单位：某省人民政府 主办单位：某省人民政府办公厅</p>', '某省人民政府办公厅'],
      ['unit before 主办', '<p>中华人民共和国生态环境部主办　京ICP备05009132号</p>', '中华人民共和国生态环境部'],
      ['主办 outranks 版权所有', '<p>主办单位：某市人民政府</p><p>版权所有：某市大数据中心</p>', '某市人民政府'],
      ['cut at the site code', '<p>主办单位：某市人民政府网站标识码：3301000001</p>', '某市人民政府'],
      ['cut at the phone', '<p>主办：某某区人民政府 电话：010-12345678</p>', '某某区人民政府'],
      ['ASCII colon and an inline link', '<p>主办单位:<a href="/">国家税务总局</a></p>', '国家税务总局'],
      ['boilerplate after 版权所有', '<p>版权所有 翻版必究</p><p>某县人民政府 版权所有</p>', '某县人民政府'],
      ['Copyright only', '<p>Copyright © 2001-2024 重庆市人民政府 All Rights Reserved</p>', '重庆市人民政府'],
      [
        'the footer over an article above it',
        '<div class="article"><p>主办单位：市文化局</p></div><div class="footer"><p>主办单位：某市人民政府</p></div>',
        '某市人民政府',
      ],
      ['script text skipped', '<p>主办单位：某市人民政府</p><script>var s = "主办单位：假冒单位";</script>', '某市人民政府'],
      ['nothing printed', '<p>联系我们 | 网站地图</p>', null],
    ])('owner: %s', (_label, body, owner) => {
      expect(readClaims(parse(page(body))).owner).toBe(owner);
    });

    it('reads site code, ICP and 公网安备 numbers in their common spellings', () => {
      const claims = readClaims(
        parse(page('<p>网站标识码:bm35000001 | 京ICP备05070218号-1 | <a>京公网安备 11010202000001号</a></p>')),
      );
      expect(claims).toEqual({
        owner: null,
        owners: [],
        siteCode: 'bm35000001',
        icp: '京ICP备05070218号-1',
        psb: '京公网安备11010202000001号',
      });
    });

    it('takes the numbers the footer prints, not those an article above it quotes', () => {
      const article =
        '<div class="article"><p>参照粤ICP备11111111号、网站标识码4400000001、粤公网安备 44000000000001号的做法</p></div>';
      const footer =
        '<div class="footer"><p>主办单位：某市人民政府 网站标识码：3301000001</p><p>浙ICP备05009132号 浙公网安备 33010002000001号</p></div>';
      expect(readClaims(parse(page(article + footer)))).toEqual({
        owner: '某市人民政府',
        owners: ['某市人民政府'],
        siteCode: '3301000001',
        icp: '浙ICP备05009132号',
        psb: '浙公网安备33010002000001号',
      });
      // A footer without an ICP number is read further up, into the article: its number is the only one.
      expect(readClaims(parse(page(article + footer.replace('浙ICP备05009132号 ', ''))))).toMatchObject({
        siteCode: '3301000001',
        icp: '粤ICP备11111111号',
      });
    });

    it('reads the footer of a long page', () => {
      const body = `<div>${'<p>正文段落，内容很长。</p>'.repeat(5000)}</div><div class="footer"><p>主办单位：某市人民政府</p></div>`;
      expect(readClaims(parse(page(body))).owner).toBe('某市人民政府');
    });

    it('drafts the scan the content script sends: the end of the text, at most 6,000 characters, nothing read from it yet', () => {
      const body = `<div>${'<p>正文段落，内容很长。</p>'.repeat(5000)}</div><div class="footer"><p>主办单位：某市人民政府</p></div>`;
      const draft = draftScan(parse(page(body)), PAGE);
      expect(draft.claimText).toHaveLength(6000);
      expect(draft.claimText).toMatch(/\n主办单位：某市人民政府\s*$/);
      expect(Object.keys(draft).sort()).toEqual(['claimText', 'marks', 'siteCode', 'url']);
      // A page without a mark off government domains is not read at all (the content script's option).
      const shop = draftScan(parse(page(body)), 'https://www.example-shop.com/', { live: true, claims: 'relevant' });
      expect(shop.claimText).toBe('');
    });
  });
});
