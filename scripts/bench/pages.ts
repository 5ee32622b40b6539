/**
 * Generated pages for the benchmark: a government-portal-like page of a given element count,
 * deterministic (seeded), with or without a CONAC mark in its footer.
 */

import { seededRandom } from '../seeded-random';

export const BENCH_CERT_ID = '2100248D951EAB04708D314CFF95473E';
export const BENCH_SCRIPT_CODE = 'CA010000000604299710001';

const WORDS = [
  '政务公开',
  '通知公告',
  '政策解读',
  '办事服务',
  '互动交流',
  '新闻动态',
  '数据开放',
  '专题专栏',
  '机构概况',
  '领导信息',
];

/** The official embed as it is after the script ran: the rendered span plus the script tag. */
export function markHtml(certId = BENCH_CERT_ID, scriptCode = BENCH_SCRIPT_CODE): string {
  const d = scriptCode.slice(2);
  const path = `/js/${d.slice(0, 2)}/${d.slice(2, 5)}/${d.slice(5, 9)}/${d.slice(9, 17)}/${scriptCode}.js`;
  return (
    `<span id="_ideConac"><a href="//bszs.conac.cn/sitename?method=show&amp;id=${certId}" target="_blank">` +
    `<img id="imgConac" vspace="0" hspace="0" border="0" src="//dcs.conac.cn/image/red.png"></a></span>` +
    `<script type="text/javascript" src="https://dcs.conac.cn${path}"></script>`
  );
}

/**
 * About `elements` elements: a header, navigation, news lists and tables in nested blocks,
 * a few inline scripts and comments, and a footer naming the 主办单位.
 */
export function generatedPage(elements: number, withMark: boolean, seed = 1): string {
  const rand = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const parts: string[] = [];
  let count = 0;
  // One news item: li > a + span (3 elements).
  const item = () => {
    count += 3;
    const n = Math.floor(rand() * 1e6);
    return `<li><a href="/art/2024/${n}.html" title="${pick(WORDS)}">${pick(WORDS)}关于${pick(WORDS)}的通知（${n}）</a><span class="date">2024-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}</span></li>`;
  };
  // A table row of 4 cells (5 elements).
  const row = () => {
    count += 5;
    return `<tr><td>${pick(WORDS)}</td><td><a href="/bs/${Math.floor(rand() * 1e5)}">${pick(WORDS)}</a></td><td>${Math.floor(rand() * 100)}</td><td class="c">办理</td></tr>`;
  };
  parts.push(
    `<div class="header"><h1>某某市人民政府</h1><ul class="nav">${WORDS.map((w) => `<li><a href="/${w}/">${w}</a></li>`).join('')}</ul></div>`,
  );
  count += 3 + WORDS.length * 2;
  let block = 0;
  while (count < elements - 40) {
    block++;
    parts.push(
      `<div class="block b${block % 7}"><div class="title"><h3>${pick(WORDS)}</h3><a class="more" href="/more/${block}">更多</a></div>`,
    );
    count += 5;
    if (block % 3 === 0) {
      parts.push('<table class="list"><tbody>');
      count += 2;
      for (let i = 0; i < 10 && count < elements - 40; i++) parts.push(row());
      parts.push('</tbody></table>');
    } else {
      parts.push('<ul class="news">');
      count += 1;
      for (let i = 0; i < 12 && count < elements - 40; i++) parts.push(item());
      parts.push('</ul>');
    }
    if (block % 5 === 0) {
      parts.push(`<img src="/images/banner${block}.jpg" alt="${pick(WORDS)}">`);
      count += 1;
    }
    if (block % 25 === 0) {
      parts.push(
        `<!-- ${pick(WORDS)} 栏目 ${block} --><script>var _col${block} = { id: ${block}, name: "${pick(WORDS)}" };</script>`,
      );
      count += 1;
    }
    parts.push('</div>');
  }
  parts.push(
    `<div class="footer"><div class="links"><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></div>` +
      `<div class="conac">${withMark ? markHtml() : ''}</div>` +
      `<p>主办单位：某某市人民政府办公室　承办单位：某某市大数据中心</p>` +
      `<p>网站标识码：1100000088　京ICP备05060933号　京公网安备 11010502030003号</p></div>`,
  );
  count += withMark ? 14 : 10;
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某某市人民政府</title>` +
    `<script>var _hmt = _hmt || [];</script></head><body>${parts.join('\n')}</body></html>`
  );
}
