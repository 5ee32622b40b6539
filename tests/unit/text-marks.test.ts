/**
 * Marks read out of script text and comments: embed scripts, string-built footers, document.write,
 * template blocks, commented-out marks; their limits (characters read, matches taken) and the escapes
 * they are written with.
 */
import { describe, expect, it } from 'vitest';
import { detectMarks } from '../../utils/engine/detect';
import { MAX_TEXT_CHARS, MAX_TEXT_HITS, type Scan, startScan } from '../../utils/engine/detect/context';
import { scanComments, scanText, visitScript } from '../../utils/engine/detect/text-marks';
import type { Mark } from '../../utils/engine/scan';
import { htmlPage } from './dom-parsers';

const PAGE = 'https://www.example.gov.cn/index.html';
const ID = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
const ID2 = '0F1E2D3C4B5A69788796A5B4C3D2E1F0';
const CERT = `https://bszs.conac.cn/sitename?method=show&id=${ID}`;
const CERT2 = `https://bszs.conac.cn/sitename?method=show&id=${ID2}`;
const CODE = 'CA330000000000000000001';
const CODE2 = 'CA110000000000000000048';
const EMBED = `https://dcs.conac.cn/js/33/000/0000/60429971/${CODE}.js`;
const EMBED2 = `https://dcs.conac.cn/js/11/000/0000/40536411/${CODE2}.js`;

const doc = (body: string) => new DOMParser().parseFromString(htmlPage(body), 'text/html');
const detect = (body: string, url = PAGE) => detectMarks(doc(body), url);
const marksOf = (body: string) => detect(body).marks;
type Field = keyof Mark;
const pick = (marks: Mark[], ...fields: Field[]) => marks.map((m) => fields.map((f) => m[f]));

/** A scan in progress, as detectMarks starts it. */
function newScan(overrides: Partial<Scan> = {}): Scan {
  return { ...startScan(PAGE, false, () => ''), ...overrides };
}

const scriptElement = (html: string) => doc(html).querySelector('script')!;

describe('embed scripts by their address', () => {
  it('the official embed script is a live-script mark with its code and address', () => {
    expect(pick(marksOf(`<script src="${EMBED}"></script>`), 'kind', 'scriptCode', 'scriptUrl')).toEqual([
      ['live-script', CODE, EMBED],
    ]);
  });

  it('a script from dcs.conac.cn/js/ is the official embed even without a code in its name', () => {
    const url = 'https://dcs.conac.cn/js/33/000/0000/60429971/ideConac.js';
    expect(pick(marksOf(`<script src="${url}"></script>`), 'kind', 'scriptCode', 'scriptUrl')).toEqual([
      ['live-script', null, url],
    ]);
  });

  it.each([
    ['a script name that merely contains CA', '/js/CAPTCHA.js'],
    ['a self-hosted script named after conac', '/static/js/conac-footer.js'],
  ])('%s is no embed', (_case, src) => {
    expect(marksOf(`<script src="${src}"></script>`)).toEqual([]);
  });

  it('two embeds of two certificates are two marks', () => {
    const body = `<script src="${EMBED}"></script><script src="${EMBED2}"></script>`;
    expect(pick(marksOf(body), 'scriptCode')).toEqual([[CODE], [CODE2]]);
  });

  it('one embed written with two addresses (http and https) is one mark', () => {
    const body = `<script src="${EMBED}"></script><script src="${EMBED.replace('https:', 'http:')}"></script>`;
    expect(pick(marksOf(body), 'scriptCode', 'scriptUrl')).toEqual([[CODE, EMBED]]);
  });

  it('an embed loaded and then written again by document.write is reported from the first', () => {
    const body = `<script src="${EMBED}"></script><script>document.write('<script src="${EMBED}"><\\/script>');</script>`;
    const marks = marksOf(body);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.html).toBe(`<script src="${EMBED}"></script>`);
  });
});

describe('the 找错 badge: its sitecode attribute is the site code', () => {
  const badge = (code: string) =>
    `<script id="_jiucuo_" sitecode="${code}" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>`;
  it.each([
    ['1100000088', '1100000088'],
    ['bad', null],
    ['11000000881', null],
    ['110000008', null],
  ])('sitecode="%s" → %s', (code, expected) => {
    expect(detect(badge(code)).claims.siteCode).toBe(expected);
  });
});

describe('inline script text', () => {
  it('a document.write of the official embed is the live embed, not a copy', () => {
    const body = `<script>document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='${EMBED}' type='text/javascript'%3E%3C/script%3E"));</script>`;
    expect(pick(marksOf(body), 'kind', 'scriptCode', 'scriptUrl')).toEqual([['live-script', CODE, EMBED]]);
  });

  it('a jQuery string-built footer is a js-generated mark, displayed', () => {
    const body = `<script>$('#footer').append('<a href="${CERT}" target="_blank"><img src="/images/dzjg.png"></a>');</script>`;
    expect(pick(marksOf(body), 'kind', 'certId', 'color', 'active')).toEqual([['js-generated', ID, 'red', true]]);
  });

  it.each([['text/x-handlebars-template'], [' Text/X-Handlebars-Template ']])(
    'a script of type "%s" is a template: a mark in its comment is not displayed',
    (type) => {
      const body = `<script type="${type}">{{! <a href="${CERT}"><img src="/images/dzjg.png"></a> }}</script>`;
      expect(pick(marksOf(body), 'kind', 'certId', 'active')).toEqual([['js-generated', ID, false]]);
    },
  );

  it('script text naming no conac, sitename or sitecode is not read', () => {
    const body = `<script>document.write('<script src="/static/${CODE}.js"><\\/script>');</script>`;
    expect(marksOf(body)).toEqual([]);
  });

  it('a sitecode in script code is the site code', () => {
    expect(
      detect(`<script>var _jiucuo_config = { sitecode: 'x', id: 1 }; var sitecode = '1100000088';</script>`).claims.siteCode,
    ).toBe('1100000088');
  });

  it.each([
    ['a comment', '<!-- sitecode="1100000088" -->'],
    ['a template', '<script type="text/template">sitecode="1100000088"</script>'],
  ])('a sitecode in %s is not the site code', (_case, body) => {
    expect(detect(body).claims.siteCode).toBeNull();
  });

  it('script text with a hint and no mark adds nothing and keeps the scan going', () => {
    const scan = newScan();
    expect(() => scanText('var conacEnabled = true; // sitename pending', 'script', 0, scan)).not.toThrow();
    expect([scan.candidates, scan.embeds.size, scan.siteCode]).toEqual([[], 0, null]);
  });
});

describe('the page budget of script and comment text', () => {
  const body = `<script>$('#footer').append('<a href="${CERT}"></a>');</script>`;
  it('a script that fits exactly in the budget is read', () => {
    const el = scriptElement(body);
    const scan = newScan({ textChars: MAX_TEXT_CHARS - el.textContent!.length });
    visitScript(el, 0, scan);
    expect(scan.candidates.map((c) => c.certId)).toEqual([ID]);
  });

  it('a script past the budget is not read', () => {
    const el = scriptElement(body);
    const scan = newScan({ textChars: MAX_TEXT_CHARS - el.textContent!.length + 1 });
    visitScript(el, 0, scan);
    expect(scan.candidates).toEqual([]);
  });

  it('scripts without a mark count against the budget too', () => {
    const scan = newScan({ textChars: MAX_TEXT_CHARS - 100 });
    visitScript(scriptElement(`<script>${'x'.repeat(60)}</script>`), 0, scan);
    visitScript(scriptElement(body), 1, scan);
    expect(scan.candidates).toEqual([]);
  });

  const comment = `<!-- <a href="${CERT}"><img src="/images/dzjg.png"></a> -->`;
  const commentLength = comment.length - '<!---->'.length;
  it('a comment that fits exactly in the budget is read; one past it is not', () => {
    const fits = newScan({ textChars: MAX_TEXT_CHARS - commentLength });
    scanComments(doc(comment).body, fits);
    const past = newScan({ textChars: MAX_TEXT_CHARS - commentLength + 1 });
    scanComments(doc(comment).body, past);
    expect([fits.candidates.map((c) => c.certId), past.candidates]).toEqual([[ID], []]);
  });

  it('comments with marks count against the budget', () => {
    const scan = newScan({ textChars: MAX_TEXT_CHARS - commentLength - 10 });
    scanComments(doc(comment + comment.replace(ID, ID2)).body, scan);
    expect(scan.candidates.map((c) => c.certId)).toEqual([ID]);
  });
});

describe('comments', () => {
  it('two commented-out marks are reported in page order', () => {
    const body = `<!-- <a href="${CERT}">党政机关</a> --><p>正文</p><!-- <a href="${CERT2}">事业单位</a> -->`;
    expect(pick(marksOf(body), 'kind', 'certId', 'color', 'active')).toEqual([
      ['commented-out', ID, 'red', false],
      ['commented-out', ID2, 'blue', false],
    ]);
  });

  it('a comment naming no conac, sitename or sitecode is not read', () => {
    expect(marksOf(`<!-- <script src="/static/${CODE}.js"></script> -->`)).toEqual([]);
  });

  it('a DOM without tree walkers leaves comments unread instead of failing', () => {
    const root = { ownerDocument: {} } as unknown as Node;
    const scan = newScan();
    expect(() => scanComments(root, scan)).not.toThrow();
    expect(scan.candidates).toEqual([]);
  });

  it('an official image beside a commented-out embed is that embed’s, not a second mark', () => {
    const body = `<!-- <span id="_ideConac"><img src="//dcs.conac.cn/image/red.png"></span><script src="${EMBED}"></script> -->`;
    expect(pick(marksOf(body), 'kind', 'scriptCode')).toEqual([['commented-out', CODE]]);
  });

  it('a commented-out embed is a commented-out mark with its code', () => {
    expect(pick(marksOf(`<!-- <script src="${EMBED}"></script> -->`), 'kind', 'scriptCode', 'scriptUrl', 'active')).toEqual([
      ['commented-out', CODE, EMBED, false],
    ]);
  });
});

describe('the official image without a certificate link', () => {
  it('in a comment: a commented-out mark of its colour', () => {
    expect(
      pick(marksOf('<!-- <img src="//dcs.conac.cn/image/red_error.png"> -->'), 'kind', 'certId', 'color', 'errorIcon', 'active'),
    ).toEqual([['commented-out', null, 'red', true, false]]);
  });

  it('in live script code: displayed; in a line comment of the script: not', () => {
    const body = `<script>
      // $('#old').html('<img src="https://dcs.conac.cn/image/red.png">');
      $('#conac').html('<img src="https://dcs.conac.cn/image/blue.png">');
    </script>`;
    // Only the first official image of a text is taken.
    expect(pick(marksOf(body), 'color', 'active')).toEqual([['red', false]]);
    const live = `<script>$('#conac').html('<img src="https://dcs.conac.cn/image/blue.png">');</script>`;
    expect(pick(marksOf(live), 'kind', 'color', 'active')).toEqual([['js-generated', 'blue', true]]);
  });

  it('an unknown image of dcs.conac.cn has no colour', () => {
    expect(pick(marksOf('<!-- <img src="//dcs.conac.cn/image/gov.png"> -->'), 'kind', 'color', 'errorIcon')).toEqual([
      ['commented-out', null, false],
    ]);
  });

  it('is not taken when the text has a certificate link', () => {
    const body = `<!-- <a href="${CERT}"><img src="//dcs.conac.cn/image/red.png"></a> -->`;
    expect(pick(marksOf(body), 'certId', 'color')).toEqual([[ID, 'red']]);
  });
});

describe('at most MAX_TEXT_HITS matches are taken from a page’s text', () => {
  it('embeds: the hundredth is taken, the next is not', () => {
    const scan = newScan({ textHits: MAX_TEXT_HITS - 1 });
    scanText(`document.write('<script src="${EMBED}"><\\/script><script src="${EMBED2}"><\\/script>')`, 'script', 0, scan);
    expect([...scan.embeds.keys()]).toEqual([CODE]);
  });

  it('certificate links: the hundredth is taken, the next are not', () => {
    const scan = newScan({ textHits: MAX_TEXT_HITS - 1 });
    scanText(`<a href="${CERT}"></a><a href="${CERT2}"></a><a href="${CERT}&x=1"></a>`, 'comment', 0, scan);
    expect(scan.candidates.map((c) => c.certId)).toEqual([ID]);
  });

  it('official images: the hundredth is taken, the next is not', () => {
    const scan = newScan({ textHits: MAX_TEXT_HITS - 1 });
    scanText('<img src="//dcs.conac.cn/image/red.png">', 'comment', 0, scan);
    scanText('<img src="//dcs.conac.cn/image/blue.png">', 'comment', 1, scan);
    expect(scan.candidates.map((c) => c.color)).toEqual(['red']);
  });

  it('none once the limit is reached', () => {
    const scan = newScan({ textHits: MAX_TEXT_HITS });
    scanText(`<img src="//dcs.conac.cn/image/red.png"> <a href="${CERT}"></a>`, 'comment', 0, scan);
    scanText('<img src="//dcs.conac.cn/image/red.png">', 'comment', 1, scan);
    expect(scan.candidates).toEqual([]);
  });
});

describe('addresses that cannot be resolved', () => {
  it('a relative embed on a page of unknown address keeps its code', () => {
    const script = newScan({ base: undefined });
    scanText(`document.write('<script src="/js/33/${CODE}.js"><\\/script>')`, 'script', 0, script);
    const comment = newScan({ base: undefined });
    scanText(`<script src="/js/33/${CODE}.js"></script>`, 'comment', 0, comment);
    expect([
      [...script.embeds.values()].map((e) => [e.code, e.url]),
      comment.candidates.map((c) => [c.scriptCode, c.scriptUrl]),
    ]).toEqual([[[CODE, null]], [[CODE, null]]]);
  });

  it('a relative certificate address on a page of unknown address is no mark', () => {
    const scan = newScan({ base: undefined });
    scanText(`<a href="/sitename?method=show&id=${ID}"></a>`, 'comment', 0, scan);
    expect(scan.candidates).toEqual([]);
  });

  it('a /sitename address that is no certificate link is no mark', () => {
    expect(marksOf('<!-- 站群导航 conac：<a href="https://www.example.gov.cn/sitename?page=2">更多站点</a> -->')).toEqual([]);
  });
});

describe('the colour that goes with a certificate link in text', () => {
  // The footer also names a 事业单位, so the words around the link name both types: only the alt decides.
  const footer = (img: string) =>
    `<script>$('#footer').html('<a href="${CERT}">${img}</a><p>主办：示例市机关事务服务中心（事业单位）</p>');</script>`;
  it.each([
    ['alt="党政机关"', '<img src="/images/gh.png" alt="党政机关">', 'red'],
    ['alt = "党政机关" with spaces', '<img src="/images/gh.png" alt = "党政机关">', 'red'],
    ['title="党政机关网站标识"', '<img src="/images/gh.png" title="党政机关网站标识">', 'red'],
    ['escaped quotes alt=\\"…\\"', '<img src=\\"/images/gh.png\\" alt=\\"党政机关\\">', 'red'],
  ])('%s', (_case, img, color) => {
    expect(pick(marksOf(footer(img)), 'certId', 'color', 'errorIcon')).toEqual([[ID, color, false]]);
  });

  it('an object literal `alt: "…"`', () => {
    const body = `<script>var mark = { href: "${CERT}", alt: "事业单位", note: "党政机关网站另见" };</script>`;
    expect(pick(marksOf(body), 'color')).toEqual([['blue']]);
  });

  it('words up to the end of the text count', () => {
    expect(pick(marksOf(`<!--${CERT} 党政机关-->`), 'certId', 'color')).toEqual([[ID, 'red']]);
  });

  it('each link takes the words up to the next link', () => {
    const body = `<!-- <a href="${CERT}">党政机关</a><a href="${CERT2}">事业单位</a> -->`;
    expect(pick(marksOf(body), 'certId', 'color')).toEqual([
      [ID, 'red'],
      [ID2, 'blue'],
    ]);
  });
});

describe('escapes in script and comment text', () => {
  it.each([
    [
      'hex escapes',
      `document.write("\\x3Ca href=\\x22https:\\x2F\\x2Fbszs.conac.cn\\x2Fsitename\\x3Fmethod=show\\x26id=${ID}\\x22\\x3E\\x3C/a\\x3E")`,
    ],
    [
      'percent escapes',
      `document.write(unescape("%3Ca href=%22https%3A%2F%2Fbszs.conac.cn%2Fsitename%3Fmethod%3Dshow%26id%3D${ID}%22%3E%3C/a%3E"))`,
    ],
    ['JSON escapes', `var footer = {"link":"https:\\/\\/bszs.conac.cn\\/sitename?method=show\\u0026id=${ID}"};`],
  ])('%s are read', (_case, code) => {
    expect(pick(marksOf(`<script>${code}</script>`), 'certId', 'linkUrl')).toEqual([[ID, CERT]]);
  });

  it('escapes of characters that shape no markup stay as written', () => {
    const code = `document.write(unescape("%3Ca href=%22${CERT}&from=%E9%A6%96%E9%A1%B5%22%3E%3C/a%3E"))`;
    expect(pick(marksOf(`<script>${code}</script>`), 'linkUrl')).toEqual([[`${CERT}&from=%E9%A6%96%E9%A1%B5`]]);
  });

  // A CMS that stores HTML escaped leaves it so in comments.
  it.each([
    [
      '&amp; between parameters',
      `&lt;a href=&quot;https://bszs.conac.cn/sitename?method=show&amp;id=${ID}&quot;&gt;&lt;/a&gt;`,
      [[ID, null]],
    ],
    [
      '&quot; around the alt',
      `&lt;a href=&quot;${CERT}&quot;&gt;&lt;img alt=&quot;党政机关&quot;&gt;&lt;/a&gt; 主办：示例中心（事业单位）`,
      [[ID, 'red']],
    ],
    [
      '&#39; around the alt',
      `&lt;a href=&#39;${CERT}&#39;&gt;&lt;img alt=&#39;党政机关&#39;&gt;&lt;/a&gt; 主办：示例中心（事业单位）`,
      [[ID, 'red']],
    ],
    ['&gt; right after the address', `&lt;a href=${CERT}&gt;党政机关&lt;/a&gt;`, [[ID, 'red']]],
    ['&lt; right after the address', `&lt;a&gt;${CERT}&lt;/a&gt;`, [[ID, null]]],
  ])('entities in a comment: %s', (_case, text, expected) => {
    expect(pick(marksOf(`<!-- 原标识代码：${text} -->`), 'certId', 'color')).toEqual(expected);
  });

  // 48 escapes, 144 characters fewer once read: a comment is looked for where the mark is written.
  const menu = `var menu = '${'\\x3Cli\\x3E·\\x3C/li\\x3E'.repeat(12)}';`;
  const notice =
    '以下为导航菜单，由栏目管理系统生成，请勿手工修改；如需调整请联系信息中心（电话 0571-12345678）。Generated by TRS WCM 7.0, do not edit by hand.';
  it.each([
    ['after escaped text, inside a block comment', `${menu} /* ${CERT} */`, false],
    ['after escaped text, before a line comment', `${menu} document.write('<a href="${CERT}">'); // ${notice}`, true],
    ['before a comment followed by escaped text', `document.write('<a href="${CERT}">'); /* ${notice} */ ${menu}`, true],
  ])('a mark %s', (_case, code, active) => {
    expect(pick(marksOf(`<script>${code}</script>`), 'certId', 'active')).toEqual([[ID, active]]);
  });
});
