/**
 * How the certificate reader finds labels and runs a value on from its label, and what it makes
 * of the value: written as rules, each with the smallest realistic layout that shows it.
 */
import { describe, expect, it, vi } from 'vitest';
import { type Certificate, type CertificateParse, parseCertificate } from '../../utils/engine/certificate';

const ID = '0123456789ABCDEF0123456789ABCDEF';
const HOLDER = '某某县教育局';
const DOMAIN = 'jyj.mm.gov.cn';
const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;
const table = (...rows: string[]) => `<html><body><table>${rows.join('')}</table></body></html>`;

function read(html: string): Certificate {
  const result = parseCertificate(html, ID);
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.certificate;
}
const parse = (html: string): CertificateParse => parseCertificate(html, ID);

describe('a cell that is a label by itself', () => {
  it.each([
    ['with its alternative in brackets', '机构职能（业务范围）'],
    ['spaced out for alignment', '机&nbsp;构&nbsp;职&nbsp;能'],
    ['between brackets', '【机构职能】'],
  ])('%s', (_case, label) => {
    expect(read(table(row('机构名称', HOLDER), row('域名', DOMAIN), row(label, '负责全县教育工作'))).functions).toBe(
      '负责全县教育工作',
    );
  });

  it('keeps its field when its bracket names history: only a domain label names past domains', () => {
    const c = read(
      table(row('机构名称', HOLDER), row('域名', DOMAIN), row('机构职能（历史沿革）', '1950年设立，负责全县教育工作')),
    );
    expect(c.functions).toBe('1950年设立，负责全县教育工作');
  });

  it('is at most 40 characters long (a label with dotted leaders)', () => {
    const leaders = (n: number) => `机构名称${'·'.repeat(n)}`;
    expect(leaders(36)).toHaveLength(40);
    expect(read(table(row(leaders(36), HOLDER), row('域名', DOMAIN))).holder).toBe(HOLDER);
    expect(parse(table(row(leaders(37), HOLDER), row('域名', DOMAIN)))).toEqual({
      status: 'unreadable',
      detail: 'no 机构名称 label',
    });
  });

  it('starts with the label, after at most three punctuation marks', () => {
    expect(read(table(row('……机构名称', HOLDER), row('域名', DOMAIN))).holder).toBe(HOLDER);
    expect(parse(table(row('（注）机构名称', HOLDER), row('域名', DOMAIN)))).toEqual({
      status: 'unreadable',
      detail: 'no 机构名称 label',
    });
  });

  it('a spaced-out label followed by a space and its value', () => {
    expect(read(`<p>机&nbsp;构&nbsp;名&nbsp;称 ${HOLDER}</p><p>域名：${DOMAIN}</p>`).holder).toBe(HOLDER);
  });
});

describe('a value runs on from its label', () => {
  it('across inline spans, joined without a space', () => {
    expect(read(`<p>机构名称：某某<span>县</span>教育局</p><p>域名：${DOMAIN}</p>`).holder).toBe(HOLDER);
  });

  it('up to the next label, keeping the text before it: without a space after a span, with one after a line break', () => {
    expect(read(`<p>机构名称：</p><p>某某县教育局 域名：${DOMAIN}</p>`).holder).toBe(HOLDER);
    expect(read(`<p>机构名称：某某县<span>教育局 域名：${DOMAIN}</span></p>`).holder).toBe(HOLDER);
    expect(read(`<td>机构名称：某某县<br>教育局 域名：${DOMAIN}</td>`).holder).toBe('某某县 教育局');
  });

  it('only from the last label of its cell: an earlier label on the line ends at the next', () => {
    const c = read(
      `<table><tr><td>机构名称：${HOLDER} 机构类型：党政机关<br>参照公务员法管理</td><td>域名：${DOMAIN}</td></tr></table>`,
    );
    expect([c.holder, c.holderTypeText]).toEqual([HOLDER, '党政机关 参照公务员法管理']);
  });

  it('with its first text beside the label, to the end of the element holding the label', () => {
    // A CMS wraps a block in an inline element: the value leaves the b but not the div.
    const c = read(`<div>机构名称：某某县<b>教育局<p>（机关）</p></b>（参照公务员法管理）</div><p>域名：${DOMAIN}</p>`);
    expect(c.holder).toBe('某某县教育局 （机关） （参照公务员法管理）');
  });

  it('over at most 100 cells (a name written one character per span)', () => {
    const spans = (n: number) => Array.from({ length: n }, (_, i) => `<span>${'甲乙丙丁戊己庚辛壬癸'[i % 10]}</span>`).join('');
    const name = (n: number) => '甲乙丙丁戊己庚辛壬癸'.repeat(11).slice(0, n);
    expect(read(`<div>机构名称：${spans(100)}</div><p>域名：${DOMAIN}</p>`).holder).toBe(name(100));
    expect(read(`<div>机构名称：${spans(101)}</div><p>域名：${DOMAIN}</p>`).holder).toBe(name(100));
  });
});

describe('an empty label does not hide a less trusted one', () => {
  it.each([
    ['its own line, the next line a label', `<p>机构名称：</p><p>域名：${DOMAIN}</p><p>单位名称：${HOLDER}</p>`],
    ['followed on its line by another label', `<p>机构名称： 域名：${DOMAIN}</p><p>单位名称：${HOLDER}</p>`],
  ])('%s', (_case, html) => {
    expect(read(html).holder).toBe(HOLDER);
  });
});

describe('a label cell is not a notice of the page', () => {
  it('网站域名（已注销） labels past domains; it does not say the certificate is revoked', () => {
    const c = read(table(row('机构名称', HOLDER), row('网站域名', DOMAIN), row('网站域名（已注销）', 'old.mm.gov.cn')));
    expect(c.domains).toEqual([DOMAIN]);
  });
});

describe('a domain list', () => {
  it('printed one per line is read to the 50-domain cap, past the 500 characters of a value (BUG fix: was cut at 26 of 40)', () => {
    const domains = Array.from({ length: 40 }, (_, i) => `site${i + 1}.mmcity.gov.cn`);
    const c = read(table(row('机构名称', '某某市人民政府'), row('域名', domains.join('<br>'))));
    expect(c.domains).toHaveLength(40);
    expect(c.domains[39]).toBe('site40.mmcity.gov.cn');
  });

  it('is read up to 4000 characters, counting the first domain in the label cell', () => {
    // Each domain 100 characters: the label cell's and 39 more lines fill 4000.
    const long = (i: number) => `d${String(i).padStart(2, '0')}${'a'.repeat(57)}.${'b'.repeat(32)}.gov.cn`;
    expect(long(7)).toHaveLength(100);
    const lines = Array.from({ length: 45 }, (_, i) => long(i));
    const c = read(`<div>机构名称：${HOLDER}</div><div>域名：${lines.join('<br>')}</div>`);
    expect(c.domains).toHaveLength(40);
    expect(c.domains[39]).toBe(long(39));
  });

  it('takes a host with a trailing dot and a port, and no port-like colon inside a host', () => {
    expect(read(table(row('机构名称', HOLDER), row('域名', `http://${DOMAIN}.:8080/`))).domains).toEqual([DOMAIN]);
    expect(read(table(row('机构名称', HOLDER), row('域名', `${DOMAIN} www.mm.gov.cn:80.cn`))).domains).toEqual([DOMAIN]);
  });

  it('with no valid domain under 网址 says the label has no valid domain', () => {
    expect(parse(`<p>机构名称：${HOLDER}</p><p>网址：暂无</p>`)).toEqual({
      status: 'unreadable',
      detail: '域名 label has no valid domain',
    });
  });
});

describe('a value is capped at 500 characters', () => {
  const holder = (value: string) => read(`<p>机构名称：${value}</p><p>域名：${DOMAIN}</p>`).holder;
  it('never ending in half of a character outside the BMP', () => {
    expect(holder(`${'局'.repeat(499)}𠀀局`)).toBe('局'.repeat(499));
    expect(holder(`𠀀${'局'.repeat(600)}`)).toBe(`𠀀${'局'.repeat(498)}`);
  });
  it('without a space at its end', () => {
    expect(holder(`${'局'.repeat(499)} 局局`)).toBe('局'.repeat(499));
  });
});

describe('the credit code', () => {
  const code = (value: string) =>
    read(`<p>机构名称：${HOLDER}</p><p>域名：${DOMAIN}</p><p>统一社会信用代码：${value}</p>`).creditCode;
  it('is the 18-character code standing alone, whatever other code-like text is printed', () => {
    expect(code('（2015年换发）12100000400000624D（有效）')).toBe('12100000400000624D');
    expect(code('12100000400000624D')).toBe('12100000400000624D');
  });
  it('else the first code-like text, at most 32 characters', () => {
    expect(code('1234567890123456789012345678901234567890')).toBe('12345678901234567890123456789012');
  });
});

describe('an empty page', () => {
  it('is a page of nothing but white space', () => {
    expect(parse(' \n\t ')).toEqual({ status: 'unreadable', detail: 'empty page' });
  });
});

describe('a failure while reading', () => {
  // The reader never throws: an unforeseen failure (here forced inside the domain reading) is "could not verify".
  const failing = (thrown: unknown) => {
    const spy = vi.spyOn(String.prototype, 'normalize').mockImplementation(() => {
      throw thrown;
    });
    try {
      return parse(table(row('机构名称', HOLDER), row('域名', DOMAIN)));
    } finally {
      spy.mockRestore();
    }
  };
  it('is unreadable, with its message cut to 200 characters', () => {
    expect(failing(new Error('boom'))).toEqual({ status: 'unreadable', detail: 'parse error: boom' });
    expect(failing('not an Error')).toEqual({ status: 'unreadable', detail: 'parse error: not an Error' });
    expect(failing(new Error('x'.repeat(300)))).toEqual({ status: 'unreadable', detail: `parse error: ${'x'.repeat(187)}` });
  });
});
