/**
 * The detector's top level: which stages run, what each leaves when another fails, and the inline
 * script text the handler lookups read.
 */
import { describe, expect, it } from 'vitest';
import { detectMarks } from '../../utils/engine/detect';
import type { Mark } from '../../utils/engine/scan';
import { htmlPage } from './dom-parsers';

const ID = '7C2CCE7C2CDDC7939157AEB590C0C7A1';
const CERT = `https://bszs.conac.cn/sitename?method=show&id=${ID}`;
const parsed = (body: string) => new DOMParser().parseFromString(htmlPage(body), 'text/html');
const brief = (m: Mark) => ({ kind: m.kind, certId: m.certId, host: m.linkHost, color: m.color });

const FOOTER =
  '<div class="footer"><p>主办单位：某某市人民政府办公室　承办单位：某某市大数据中心</p>' +
  '<p>网站标识码：3301000001　<a href="https://beian.miit.gov.cn/">浙ICP备12345678号-1</a></p></div>';
const READ = {
  owner: '某某市人民政府办公室',
  owners: ['某某市人民政府办公室'],
  siteCode: '3301000001',
  icp: '浙ICP备12345678号-1',
  psb: null,
};
const UNREAD = { owner: null, owners: [], siteCode: null, icp: null, psb: null };

describe('what the page claims about itself', () => {
  it.each([
    ['read on every page by default', FOOTER, 'https://www.example.com/', undefined, READ],
    [
      "not read with 'relevant' on a page with no mark off government domains",
      FOOTER,
      'https://www.example.com/',
      'relevant',
      UNREAD,
    ],
    ["not read with 'relevant' on a host that only looks governmental", FOOTER, 'https://example-gov.cn/', 'relevant', UNREAD],
    ["read with 'relevant' on a government domain", FOOTER, 'https://www.example.gov.cn/', 'relevant', READ],
    [
      "read with 'relevant' on a government domain written with its final dot",
      FOOTER,
      'https://www.example.gov.cn./',
      'relevant',
      READ,
    ],
    [
      "read with 'relevant' on any page that carries a mark",
      `${FOOTER}<a href="${CERT}"><img src="/images/dzjg.png"></a>`,
      'https://www.example.com/',
      'relevant',
      READ,
    ],
  ] as const)('%s', (_case, body, page, claims, expected) => {
    expect(detectMarks(parsed(body), page, { claims }).claims).toEqual(expected);
  });
});

describe('each stage guards itself', () => {
  it('a DOM quirk while settling the marks leaves no marks, and the claims are still read', () => {
    const doc = parsed(`<div id="_ideConac"><a href="${CERT}"><img src="https://dcs.conac.cn/image/red.png"></a></div>${FOOTER}`);
    const container = doc.getElementById('_ideConac')!;
    container.querySelector = () => {
      throw new Error('a DOM quirk');
    };
    const scan = detectMarks(doc, 'https://www.example.com/');
    expect(scan.marks).toEqual([]);
    expect(scan.claims).toEqual(READ);
  });
});

describe('the inline scripts a handler lookup reads', () => {
  const handler = '<img src="/images/sydw.gif" onclick="showConac()">';
  const opener = `<script>function showConac() { window.open('${CERT}'); }</script>`;
  const linked = [{ kind: 'static-link', certId: ID, host: 'bszs.conac.cn', color: 'blue' }];
  const unlinked = [{ kind: 'image-only', certId: null, host: null, color: 'blue' }];
  /** A script whose text, with the line break after it, is `chars` long. */
  const padding = (chars: number) => `<script>var pad = '${'x'.repeat(chars - 14)}';</script>`;
  const marks = (body: string) => detectMarks(parsed(body), 'https://www.example.gov.cn/').marks.map(brief);

  it('finds the function in an inline script', () => {
    expect(marks(handler + opener)).toEqual(linked);
  });

  it('never reads the text inside a script with src (the browser does not run it)', () => {
    expect(marks(`${handler}<script src="/js/footer.js">function showConac() { window.open('${CERT}'); }</script>`)).toEqual(
      unlinked,
    );
  });

  it('reads scripts until their text passes 2,000,000 characters', () => {
    expect(marks(handler + padding(2_000_000) + opener)).toEqual(linked);
    expect(marks(handler + padding(2_000_001) + opener)).toEqual(unlinked);
  });
});
