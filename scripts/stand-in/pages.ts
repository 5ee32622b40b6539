/** What bszs.conac.cn and dcs.conac.cn send back: certificate pages and embed scripts. */
import type { CertificateRecord, Layout } from './registry';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The labels vary between layouts on purpose: a parser must not depend on one spelling. */
const DOMAIN_LABEL: Record<Layout, string> = {
  table: '域名',
  dl: '中英文域名',
  spans: '域名名称',
  lines: '中英文域名',
  script: '域名',
};
const DOMAIN_SEPARATOR: Record<Layout, string> = { table: '<br/>', dl: '、', spans: '；', lines: '，', script: '<br/>' };

function fields(record: CertificateRecord): Array<[label: string, valueHtml: string]> {
  const e = escapeHtml;
  const rows: Array<[string, string]> = [
    ['机构名称', e(record.holder)],
    ['机构类型', e(record.holderType)],
    ['机构地址', e(record.address)],
    ['机构职能', e(record.functions)],
    ['网站名称', e(record.siteName)],
    [DOMAIN_LABEL[record.layout], record.domains.map(e).join(DOMAIN_SEPARATOR[record.layout])],
    ['标识证书发放单位', e(record.issuer)],
    ['标识证书编号', e(record.certNumber)],
    ['标识证书发放时间', e(record.issueDate)],
  ];
  if (record.creditCode) rows.push(['统一社会信用代码', e(record.creditCode)]);
  if (record.behaviour === 'revoked') rows.push(['证书状态', '已注销']);
  return rows;
}

function layoutHtml(record: CertificateRecord): string {
  const rows = fields(record);
  switch (record.layout) {
    case 'table':
      return `<table class="info" cellspacing="0" cellpadding="0">\n${rows
        .map(([l, v]) => `  <tr>\n    <td class="t1">${l}：</td>\n    <td class="t2">${v}</td>\n  </tr>`)
        .join('\n')}\n</table>`;
    case 'dl':
      return `<dl class="info">\n${rows.map(([l, v]) => `  <dt>${l}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`;
    case 'spans':
      return `<div class="info">\n${rows
        .map(([l, v]) => `  <div class="row"><span class="label">${l}:</span>&nbsp;<span class="value">${v}</span></div>`)
        .join('\n')}\n</div>`;
    case 'lines':
      return `<div class="info lines">\n${rows.map(([l, v]) => `${l}：${v}<br/>`).join('\n')}\n</div>`;
    case 'script':
      return scriptDrawn(rows);
  }
}

/**
 * The rows as ASCII-only JSON (every other character a \\u escape) and a script that draws them
 * as a table once the page has loaded: the HTML as sent holds no label and no value.
 */
function scriptDrawn(rows: Array<[string, string]>): string {
  const data = JSON.stringify(rows).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<div id="info"></div>
<script>
window.addEventListener('load', function () {
  setTimeout(function () {
    var rows = ${data.replace(/</g, '\\u003c')};
    var html = '<table class="info" cellspacing="0" cellpadding="0">';
    for (var i = 0; i < rows.length; i++) html += '<tr><td class="t1">' + rows[i][0] + '\\uff1a</td><td class="t2">' + rows[i][1] + '</td></tr>';
    document.getElementById('info').innerHTML = html + '</table>';
  }, 300);
});
</script>`;
}

const STYLE = `body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333;background:#f3f3f3}
.top{background:#b5121b;color:#fff;padding:12px 40px;font-size:20px}.top img{height:48px;vertical-align:middle;margin-right:12px}
.main{width:760px;margin:20px auto;background:#fff;border:1px solid #ddd;padding:20px 40px}
h2{text-align:center;color:#b5121b;font-size:22px;border-bottom:2px solid #b5121b;padding-bottom:8px}
table.info{width:100%;border-collapse:collapse}table.info td{border:1px solid #ddd;padding:6px 10px}td.t1{width:170px;background:#fafafa;text-align:right}
dl.info dt{float:left;clear:left;width:160px;font-weight:bold}dl.info dd{margin-left:170px}
.row .label{display:inline-block;width:160px;font-weight:bold}
.foot{text-align:center;color:#888;font-size:12px;padding:20px}`;

function frame(title: string, color: 'red' | 'blue', body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="top"><img src="/image/${color}.png" alt="">政务和公益机构域名注册管理中心 · 网上标识</div>
<div class="main">
${body}
</div>
<div class="foot">政务和公益机构域名注册管理中心 版权所有　京ICP备05071616号</div>
</body>
</html>
`;
}

export function certificatePage(record: CertificateRecord, filler = ''): string {
  return frame('标识证书基本信息', record.color, `<h2>标识证书基本信息</h2>\n${filler}${layoutHtml(record)}`);
}

export function notFoundPage(): string {
  return frame(
    '标识证书基本信息',
    'red',
    '<h2>标识证书基本信息</h2>\n<p class="msg">该标识证书不存在或已被注销，请核实后再查询。</p>',
  );
}

/** What the unlabelled record answers: an unrelated notice with none of the certificate labels. */
export function maintenancePage(): string {
  return frame(
    '系统维护公告',
    'red',
    '<h2>系统维护公告</h2>\n<p>尊敬的用户：为提供更优质的服务，本系统正在进行升级维护，维护期间暂停查询服务。给您带来的不便，敬请谅解。</p>\n<p style="text-align:right">2024年3月1日</p>',
  );
}

/** What the server-error record answers, with a 500: an error page that happens to say 证书不存在. */
export function serverErrorPage(): string {
  return frame('系统错误', 'red', '<h2>系统错误</h2>\n<p>查询失败：证书不存在或服务异常（错误代码 500）。</p>');
}

/** What the waf record answers, with a 200: a web application firewall's block page. */
export function wafPage(): string {
  return frame(
    '访问拦截',
    'red',
    '<h2>您的访问被拦截</h2>\n<p>您访问的页面不存在或包含非法参数，已被网站防火墙拦截。</p>\n<p>事件编号：waf-20240301-0001</p>',
  );
}

/** What the soft-404 record answers, with a 200: a "page not found" page. */
export function soft404Page(): string {
  return frame('404', 'red', '<h2>404</h2>\n<p>抱歉，您访问的信息不存在或已删除！</p>\n<p><a href="/">返回首页</a></p>');
}

const FILLER_PARAGRAPH =
  '<p>政务公开　信息发布　办事服务　互动交流　数据开放　政策解读　新闻动态　通知公告　专题专栏　机构概况</p>\n';

/** A page of at least `bytes` UTF-8 bytes whose certificate fields come only after the filler. */
export function hugeCertificatePage(record: CertificateRecord, bytes: number): string {
  const count = Math.ceil(bytes / Buffer.byteLength(FILLER_PARAGRAPH));
  return certificatePage(record, `<div class="filler">\n${FILLER_PARAGRAPH.repeat(count)}</div>\n`);
}

/** The start of a page that the endless record never finishes. */
export function endlessPageStart(): string {
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>标识证书基本信息</title>\n</head>\n<body>\n<div class="main">\n`;
}

export const ENDLESS_CHUNK = FILLER_PARAGRAPH;

/**
 * The embed script of dcs.conac.cn, in the shape of a real one (saved from a city portal): the
 * registry's page tracker, then the mark, with the `_error` image in the other branch. It writes
 * a span of its own after itself and fills the first `#_ideConac` on the page, which is the
 * page's own span when the page has one: real pages end with two spans, the second empty.
 * The real registry decides the branch on its server (`if(1)`); this one decides in the page,
 * by whether the page is on one of the certificate's domains. A `class="_ideConac"` is filled only
 * by a script that runs after parsing and finds no `#_ideConac` (a stand-in convenience).
 */
export function embedScript(record: CertificateRecord): string {
  const mark = (image: string) =>
    `'<a href="//bszs.conac.cn/sitename?method=show&id=${record.id}" target="_blank"><img id="imgConac" vspace="0" hspace="0" border="0" src="//dcs.conac.cn/image/${image}.png" data-bd-imgshare-binded="1"></a>'`;
  return `var WebDissector = WebDissector || { getTracker: function () { return { track: function () {} }; } };
var _registered = (function (domains) {
  function norm(host) {
    try { host = new URL('http://' + host).hostname; } catch (e) {}
    return host.toLowerCase().replace(/^www\\./, '');
  }
  for (var i = 0; i < domains.length; i++) if (norm(domains[i]) === norm(location.hostname)) return true;
  return false;
})(${JSON.stringify(record.domains)});
function _fillConac(html) {
  if (document.readyState === 'loading') document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E"));
  var span_msg = document.getElementById("_ideConac") || document.querySelector("._ideConac");
  if (span_msg) span_msg.innerHTML = html;
}
if (_registered) { var _zbbTracker = WebDissector.getTracker(${JSON.stringify(record.scriptCode)}); _zbbTracker.track(); _fillConac(${mark(record.color)}); }
else { _fillConac(${mark(`${record.color}_error`)}); }
`;
}
