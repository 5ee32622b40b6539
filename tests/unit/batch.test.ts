import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  type BatchEntry,
  CSV_COLUMNS,
  clampConcurrency,
  csvField,
  DEFAULT_CONCURRENCY,
  decodeInput,
  inputProblemMessage,
  normaliseAddress,
  parseCsv,
  parseInput,
  previousExport,
  remaining,
  runBatch,
  toBatchRecord,
  toCsv,
  toJson,
} from '../../utils/batch/batch';
import { checkAddress, disclosingRedirects } from '../../utils/batch/batch-check';
import { exportWriter } from '../../utils/batch/export-stream';
import { checkPage } from '../../utils/engine/check-page';
import type { ConacClient } from '../../utils/engine/conac-client';
import type { PageScan } from '../../utils/engine/scan';

const BEIJING_ID = '2100248D951EAB04708D314CFF95473E';

describe('normaliseAddress', () => {
  it.each([
    ['https://www.beijing.gov.cn', 'https://www.beijing.gov.cn/'],
    ['HTTP://WWW.Beijing.GOV.cn/a/b?x=1#top', 'http://www.beijing.gov.cn/a/b?x=1'],
    ['www.moe.gov.cn', 'https://www.moe.gov.cn/'],
    ['www.moe.gov.cn/path?q=1', 'https://www.moe.gov.cn/path?q=1'],
    ['//www.gd.gov.cn/', 'https://www.gd.gov.cn/'],
    ['localhost:8080/x', 'https://localhost:8080/x'],
    ['127.0.0.1:8080', 'https://127.0.0.1:8080/'],
    ['http://[::1]:8080/', 'http://[::1]:8080/'],
    ['某某县人民政府.政务', 'https://xn--gmq25jo2kfug1mda937e.xn--zfr164b/'],
    ['\u3000 https://www.mmcdc.cn/\u200b ', 'https://www.mmcdc.cn/'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseAddress(input)).toEqual({ ok: true, url: expected });
  });

  it.each([
    ['ftp://files.gov.cn/', 'unsupported-scheme', 'ftp'],
    ['javascript:alert(1)', 'unsupported-scheme', 'javascript'],
    ['mailto:a@b.gov.cn', 'unsupported-scheme', 'mailto'],
    ['file:///etc/passwd', 'unsupported-scheme', 'file'],
    ['not a url', 'not-a-url', undefined],
    ['某某县人民政府', 'not-a-url', undefined],
    ['https://', 'not-a-url', undefined],
    ['https://a.gov.cn,北京', 'not-a-url', undefined],
    ['https://user:secret@www.gov.cn/', 'credentials', undefined],
    [`https://www.gov.cn/${'a'.repeat(2100)}`, 'too-long', undefined],
    ['   ', 'empty-address', undefined],
  ])('%s is refused: %s', (input, reason, detail) => {
    expect(normaliseAddress(input)).toEqual({ ok: false, reason, ...(detail ? { detail } : {}) });
  });
});

describe('parseInput: a plain list', () => {
  it('takes one address per line, ignoring blank lines, comments and spaces, in order', () => {
    const parsed = parseInput('\n  https://www.beijing.gov.cn/ \r\n# a comment\r\n\r\nwww.moe.gov.cn\rhttp://www.mmcdc.cn\n\n');
    expect(parsed.format).toBe('lines');
    expect(parsed.urls).toEqual(['https://www.beijing.gov.cn/', 'https://www.moe.gov.cn/', 'http://www.mmcdc.cn/']);
    expect(parsed.lines).toEqual([2, 5, 6]);
    expect(parsed.errors).toEqual([]);
  });

  it('lists every bad line with its line number and reason, and keeps the good ones', () => {
    const long = `https://www.gov.cn/${'x'.repeat(2100)}`;
    const parsed = parseInput(
      ['https://www.gd.gov.cn/', 'ftp://www.gd.gov.cn/', '不是网址', long, 'https://www.mmcdc.cn/'].join('\n'),
    );
    expect(parsed.urls).toEqual(['https://www.gd.gov.cn/', 'https://www.mmcdc.cn/']);
    expect(parsed.errors.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 2, reason: 'unsupported-scheme' },
      { line: 3, reason: 'not-a-url' },
      { line: 4, reason: 'too-long' },
    ]);
    expect(parsed.errors[0]!.text).toBe('ftp://www.gd.gov.cn/');
    // Shown text is capped.
    expect(parsed.errors[2]!.text.length).toBeLessThanOrEqual(201);
  });

  it('checks a duplicate once and lists the repeat, naming the first line', () => {
    const parsed = parseInput('https://www.moe.gov.cn/\nwww.moe.gov.cn\nhttps://www.moe.gov.cn/#footer\nhttps://WWW.MOE.GOV.CN');
    expect(parsed.urls).toEqual(['https://www.moe.gov.cn/']);
    expect(parsed.errors.map((e) => [e.line, e.reason, e.detail])).toEqual([
      [2, 'duplicate', '1'],
      [3, 'duplicate', '1'],
      [4, 'duplicate', '1'],
    ]);
  });

  it('says a line with columns looks like a CSV without a header, but keeps commas inside an address', () => {
    const parsed = parseInput(
      'https://www.moe.gov.cn/,教育部\nwww.gd.gov.cn\t广东\nwww.a.gov.cn,www.b.gov.cn\nhttps://www.gov.cn/list?ids=1,2,3',
    );
    expect(parsed.urls).toEqual(['https://www.gov.cn/list?ids=1,2,3']);
    expect(parsed.errors.map((e) => [e.line, e.reason])).toEqual([
      [1, 'csv-without-header'],
      [2, 'csv-without-header'],
      [3, 'csv-without-header'],
    ]);
  });

  it('lists addresses over the limit instead of dropping them', () => {
    const parsed = parseInput('a.gov.cn\nb.gov.cn\nc.gov.cn', { maxUrls: 2 });
    expect(parsed.urls).toHaveLength(2);
    expect(parsed.errors).toMatchObject([{ line: 3, reason: 'too-many', detail: '2' }]);
  });

  it('explains each reason in both languages', () => {
    expect(inputProblemMessage({ reason: 'unsupported-scheme', detail: 'ftp' }, 'zh')).toBe('只支持 http 和 https（这里是 ftp）');
    expect(inputProblemMessage({ reason: 'duplicate', detail: '3' }, 'en')).toBe('the same as line 3; checked once');
  });
});

describe('parseInput: a CSV', () => {
  it('finds the address column by its header in any position', () => {
    const csv = '单位,备注,网址\n北京市人民政府,门户,https://www.beijing.gov.cn/\n教育部,,www.moe.gov.cn\n';
    const parsed = parseInput(csv);
    expect(parsed).toMatchObject({ format: 'csv', column: '网址' });
    expect(parsed.urls).toEqual(['https://www.beijing.gov.cn/', 'https://www.moe.gov.cn/']);
    expect(parsed.lines).toEqual([2, 3]);
  });

  it('reads quoted fields holding commas, quotes and line breaks, with the line each record starts on', () => {
    const csv = [
      'name,"Address",note',
      '"北京市人民政府, 首都之窗",https://www.beijing.gov.cn/,"他说""好"""',
      '"多行',
      '名称",www.moe.gov.cn,"一,二',
      '三"',
      'x,"https://www.gd.gov.cn/",y',
    ].join('\r\n');
    const parsed = parseInput(csv);
    expect(parsed.column).toBe('Address');
    expect(parsed.urls).toEqual(['https://www.beijing.gov.cn/', 'https://www.moe.gov.cn/', 'https://www.gd.gov.cn/']);
    expect(parsed.lines).toEqual([2, 3, 6]);
    expect(parsed.errors).toEqual([]);
  });

  it('ignores a byte order mark, blank lines and blank rows; lists rows without an address', () => {
    const csv = '\ufeffurl,name\r\n\r\nhttps://www.mmcdc.cn/,疾控\r\n,,\r\n,没有地址\r\nwww.gd.gov.cn,广东\r\n';
    const parsed = parseInput(csv);
    expect(parsed.urls).toEqual(['https://www.mmcdc.cn/', 'https://www.gd.gov.cn/']);
    expect(parsed.errors).toMatchObject([{ line: 5, reason: 'empty-address' }]);
  });

  it('reads tab- and semicolon-separated files (Excel "Unicode text", European Excel)', () => {
    expect(parseInput('名称\t网址\n北京\twww.beijing.gov.cn\n').urls).toEqual(['https://www.beijing.gov.cn/']);
    expect(parseInput('name;address\n"a;b";www.gd.gov.cn\n').urls).toEqual(['https://www.gd.gov.cn/']);
  });

  it('reports a quote left open instead of swallowing the rest silently', () => {
    const parsed = parseInput('address,name\nwww.gd.gov.cn,ok\nwww.moe.gov.cn,"open\nwww.mmcdc.cn,lost\n');
    expect(parsed.urls).toEqual(['https://www.gd.gov.cn/']);
    expect(parsed.errors).toMatchObject([{ line: 3, reason: 'unterminated-quote' }]);
  });

  it('lists bad addresses in a CSV with their line numbers', () => {
    const parsed = parseInput('address\nhttps://www.gd.gov.cn/\n"javascript:alert(1)"\nnot a url\n');
    expect(parsed.errors.map((e) => [e.line, e.reason])).toEqual([
      [3, 'unsupported-scheme'],
      [4, 'not-a-url'],
    ]);
  });
});

describe('parseCsv', () => {
  it('follows RFC 4180 and tolerates LF, CR and text after a closing quote', () => {
    expect(parseCsv('a,b\r\n"c,d","e""f"\n"g"h,\r"i\r\nj"').rows).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['c,d', 'e"f'], line: 2 },
      { cells: ['gh', ''], line: 3 },
      { cells: ['i\r\nj'], line: 4 },
    ]);
  });
});

describe('decodeInput', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 with a BOM, and GB 18030 (Excel on Chinese Windows)', () => {
    const text = 'address,单位\nwww.gd.gov.cn,广东省人民政府\n';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeInput(utf8)).toBe(text);
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    expect(decodeInput(utf16)).toBe(text);
    // 广东 in GBK
    const gbk = new Uint8Array([...new TextEncoder().encode('address,name\nwww.gd.gov.cn,'), 0xb9, 0xe3, 0xb6, 0xab]);
    expect(decodeInput(gbk)).toBe('address,name\nwww.gd.gov.cn,广东');
  });
});

// ---------------------------------------------------------------------------------------------

function scanOf(url: string, certId: string | null, owner: string | null): PageScan {
  return {
    url,
    claims: { owner, siteCode: null, icp: null, psb: null },
    marks: certId
      ? [
          {
            kind: 'static-link',
            certId,
            scriptCode: null,
            scriptUrl: null,
            color: 'red',
            errorIcon: false,
            linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${certId}`,
            linkHost: 'bszs.conac.cn',
            certificateLink: true,
            active: true,
            html: '<a href="…">=cmd|"/c calc"!A1</a>',
          },
        ]
      : [],
  };
}

const beijingClient: ConacClient = {
  async certificate(id) {
    return {
      status: 'ok',
      certificate: {
        id,
        siteName: '首都之窗',
        domains: ['www.beijing.gov.cn'],
        domainsAsPrinted: ['www.beijing.gov.cn', '北京市人民政府.政务'],
        holder: '北京市人民政府',
        holderType: 'organ',
        holderTypeText: '党政机关',
        address: null,
        functions: null,
        issuer: null,
        certNumber: null,
        issueDate: null,
        creditCode: null,
      },
    };
  },
  async scriptCertId() {
    return { status: 'unresolved', detail: 'none' };
  },
};

async function entries(): Promise<BatchEntry[]> {
  const at = () => Date.parse('2025-03-04T05:06:07Z');
  return [
    {
      address: 'https://www.beijing.gov.cn/',
      checkedAt: '2025-03-04T05:06:07.000Z',
      result: await checkPage(scanOf('https://www.beijing.gov.cn/', BEIJING_ID, '北京市人民政府'), beijingClient, at),
      page: { url: 'https://www.beijing.gov.cn/', fetchedAt: '2025-03-04T05:06:06.000Z', sha256: 'ab'.repeat(32), bytes: 1234 },
    },
    {
      address: 'http://copy.example.com/',
      checkedAt: '2025-03-04T05:06:07.000Z',
      // The page's owner text is attacker-controlled: "=…" must not become a spreadsheet formula.
      result: await checkPage(
        scanOf('https://mirror.example.com/landing', BEIJING_ID, '=HYPERLINK("http://evil","点我")'),
        beijingClient,
        at,
      ),
    },
    {
      address: 'https://www.shop.example.cn/',
      checkedAt: '2025-03-04T05:06:07.000Z',
      result: await checkPage(scanOf('https://www.shop.example.cn/', null, null), beijingClient, at),
    },
    {
      address: 'https://gone.gov.cn/',
      checkedAt: '2025-03-04T05:06:08.000Z',
      error: { cause: 'http-status', detail: 'HTTP 404' },
    },
  ];
}

describe('the exports', () => {
  it('streams the same bytes as toCsv and toJson, across Blob parts and for an empty run', async () => {
    const one = (await entries()).map((e) => toBatchRecord(e, 'zh', '1.2.3'));
    // Enough records for several megabyte-sized parts.
    const many = Array.from({ length: 1600 }, (_, i) => one[i % one.length]!);
    for (const records of [[], one, many])
      for (const kind of ['csv', 'json'] as const) {
        const writer = exportWriter(kind, 'zh');
        for (const record of records) writer.add(record);
        const blob = writer.finish();
        expect(await blob.text()).toBe(kind === 'csv' ? toCsv(records, 'zh') : toJson(records));
        expect(blob.type).toBe(kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
      }
    expect(toJson(many).length).toBeGreaterThan(2 * 2 ** 20);
  });

  it('has the documented columns, a BOM and CRLF line ends', async () => {
    const csv = toCsv(
      (await entries()).map((e) => toBatchRecord(e, 'zh', '1.2.3')),
      'zh',
    );
    expect(
      csv.startsWith(
        '\ufeffaddress,final_url,state,holder,holder_type,registered_domains,certificate_id,reasons,messages,checked_at,error,run,shard,list_index\r\n',
      ),
    ).toBe(true);
    expect(CSV_COLUMNS).toHaveLength(14);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('reads its own CSV back to resume a run: complete rows and their states, nothing else', async () => {
    const csv = toCsv(
      (await entries()).map((e) => toBatchRecord(e, 'zh', '1.2.3')),
      'zh',
    );
    const whole = previousExport(csv);
    if ('error' in whole) throw new Error(whole.error);
    expect([...whole.states.values()]).toHaveLength(4);
    expect(whole.states.get('https://www.beijing.gov.cn/')).toBe('verified');
    expect(whole.states.get('https://gone.gov.cn/')).toBe('unknown');
    // Re-serialised rows are the same text: a resumed CSV is the same file plus new rows.
    expect(`\ufeff${[CSV_COLUMNS.join(','), ...whole.rows.map((r) => r.map(csvField).join(','))].join('\r\n')}\r\n`).toBe(csv);
    // A run cut off mid-row, a duplicate and a row with no known state are not kept.
    const cut = csv.slice(0, csv.lastIndexOf('https://gone.gov.cn/') + 12);
    const damaged = `${csv}${csv.split('\r\n')[2]}\r\nhttps://x.gov.cn/,,maybe,,,,,,,,\r\n`;
    expect([...(previousExport(cut) as { states: Map<string, string> }).states.keys()]).not.toContain('https://gone.gov.cn/');
    expect((previousExport(damaged) as { rows: string[][] }).rows).toHaveLength(4);
    expect(previousExport('单位,网址\r\n某某,https://a.gov.cn/\r\n')).toEqual({
      error: 'its first line is not the export columns',
    });
    expect(previousExport('')).toEqual({ error: 'its first line is not the export columns' });
  });

  it('resumes from an export of the first version (11 columns), padding its rows with empty run cells', () => {
    const v1 =
      '\ufeffaddress,final_url,state,holder,holder_type,registered_domains,certificate_id,reasons,messages,checked_at,error\r\n' +
      'https://a.gov.cn/,https://a.gov.cn/,verified,某某,党政机关,a.gov.cn,ABC,domain-match,域名相符,2025-01-01T00:00:00.000Z,\r\n';
    const previous = previousExport(v1) as { rows: string[][]; states: Map<string, string> };
    expect(previous.states).toEqual(new Map([['https://a.gov.cn/', 'verified']]));
    expect(previous.rows[0]).toHaveLength(14);
    expect(previous.rows[0]!.slice(11)).toEqual(['', '', '']);
  });

  it('writes one row per address, derived from the record', async () => {
    const csv = toCsv(
      (await entries()).map((e) => toBatchRecord(e, 'zh', '1.2.3')),
      'zh',
    );
    const { rows } = parseCsv(csv.slice(1));
    const table = rows
      .filter((r) => r.cells.some(Boolean))
      .map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r.cells[i]])));
    expect(table).toHaveLength(5);
    const [, beijing, mirror, shop, gone] = table;
    expect(beijing).toMatchObject({
      address: 'https://www.beijing.gov.cn/',
      final_url: 'https://www.beijing.gov.cn/',
      state: 'verified',
      holder: '北京市人民政府',
      holder_type: '党政机关',
      registered_domains: 'www.beijing.gov.cn;北京市人民政府.政务',
      certificate_id: BEIJING_ID,
      reasons: 'domain-match;holder-match;color-match',
      checked_at: '2025-03-04T05:06:07.000Z',
      error: '',
    });
    expect(beijing!.messages).toContain('本站域名 www.beijing.gov.cn 在标识登记的域名之中。');
    expect(mirror).toMatchObject({
      address: 'http://copy.example.com/',
      final_url: 'https://mirror.example.com/landing',
      state: 'danger',
    });
    expect(mirror!.reasons.split(';')).toEqual(expect.arrayContaining(['domain-mismatch', 'holder-mismatch']));
    expect(shop).toMatchObject({ state: 'none', holder: '', certificate_id: '', reasons: '' });
    expect(gone).toMatchObject({
      address: 'https://gone.gov.cn/',
      final_url: '',
      state: 'unknown',
      reasons: '',
      error: '网站返回了错误（HTTP 404）',
    });
  });

  it('never lets a cell start a spreadsheet formula', async () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+86')).toBe("'+86");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(' padded')).toBe('" padded"');
    const csv = toCsv(
      (await entries()).map((e) => toBatchRecord(e, 'en', '1')),
      'en',
    );
    for (const row of parseCsv(csv.slice(1)).rows) for (const cell of row.cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('round-trips: an export imported again gives the same addresses, in order', async () => {
    const list = await entries();
    for (const lang of ['zh', 'en'] as const) {
      const csv = toCsv(
        list.map((e) => toBatchRecord(e, lang, '1.2.3')),
        lang,
      );
      const parsed = parseInput(csv);
      expect(parsed).toMatchObject({ format: 'csv', column: 'address', errors: [] });
      expect(parsed.urls).toEqual(list.map((e) => e.address));
      // Also as bytes read from a file.
      expect(parseInput(decodeInput(new TextEncoder().encode(csv))).urls).toEqual(parsed.urls);
    }
  });

  it('exports JSON as an array of records: the engine record with the address asked for, what was fetched, and errors', async () => {
    const records = JSON.parse(toJson((await entries()).map((e) => toBatchRecord(e, 'en', '1.2.3'))));
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({
      schema: 'govmark.check/1',
      version: '1.2.3',
      requestedUrl: 'https://www.beijing.gov.cn/',
      finalUrl: 'https://www.beijing.gov.cn/',
      redirected: false,
      certificate: { holder: '北京市人民政府' },
      page: { sha256: 'ab'.repeat(32), bytes: 1234 },
      error: null,
      verdict: { state: 'verified' },
    });
    expect(records[1]).toMatchObject({
      requestedUrl: 'http://copy.example.com/',
      finalUrl: 'https://mirror.example.com/landing',
      redirected: true,
    });
    expect(records[3]).toMatchObject({
      requestedUrl: 'https://gone.gov.cn/',
      finalUrl: null,
      verdict: { state: 'unknown', reasons: [] },
      error: { cause: 'http-status', detail: 'HTTP 404', message: 'the site answered with an error (HTTP 404)' },
    });
  });
});

// ---------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://s${i}.gov.cn/`);
const ok = (address: string): BatchEntry => ({ address, checkedAt: new Date(0).toISOString() });

describe('runBatch', () => {
  it('never runs more checks at a time than the limit, and reports each address once', async () => {
    for (const limit of [1, 3, 6]) {
      let running = 0;
      let peak = 0;
      const seen: string[] = [];
      const summary = await runBatch(
        urls(25),
        async (address) => {
          running++;
          peak = Math.max(peak, running);
          await sleep(1 + (address.length % 4));
          running--;
          return ok(address);
        },
        { concurrency: limit, onResult: (entry) => void seen.push(entry.address) },
      );
      expect(peak).toBe(limit);
      expect(summary).toEqual({ completed: 25, aborted: false });
      expect([...seen].sort()).toEqual([...urls(25)].sort());
    }
  });

  it('defaults to 6 at a time and keeps the limit within 1..16', () => {
    expect(DEFAULT_CONCURRENCY).toBe(6);
    expect(clampConcurrency(undefined)).toBe(6);
    expect(clampConcurrency(0)).toBe(1);
    expect(clampConcurrency(100)).toBe(16);
    expect(clampConcurrency(2.7)).toBe(2);
  });

  it('starts nothing new once aborted, and still reports the checks under way', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const reported: string[] = [];
    const summary = await runBatch(
      urls(20),
      async (address) => {
        started.push(address);
        if (started.length === 5) controller.abort();
        await sleep(5);
        return ok(address);
      },
      { concurrency: 3, signal: controller.signal, onResult: (e) => void reported.push(e.address) },
    );
    expect(started.length).toBeLessThanOrEqual(7);
    expect(reported.sort()).toEqual(started.sort());
    expect(summary).toEqual({ completed: started.length, aborted: true });
  });

  it('turns a check that throws into an error entry and goes on', async () => {
    const reported: BatchEntry[] = [];
    await runBatch(
      urls(3),
      async (address) => {
        if (address.includes('s1')) throw new Error('boom');
        return ok(address);
      },
      { onResult: (e) => void reported.push(e), now: () => 0 },
    );
    expect(reported.find((e) => e.address.includes('s1'))).toEqual({
      address: 'https://s1.gov.cn/',
      checkedAt: '1970-01-01T00:00:00.000Z',
      error: { cause: 'internal', detail: 'boom' },
    });
    expect(reported).toHaveLength(3);
  });

  it('waits for each result to be saved before that worker takes the next address', async () => {
    const events: string[] = [];
    await runBatch(
      urls(3),
      async (address) => {
        events.push(`check ${address.slice(8, 10)}`);
        return ok(address);
      },
      {
        concurrency: 1,
        onResult: async (e) => {
          await sleep(2);
          events.push(`saved ${e.address.slice(8, 10)}`);
        },
      },
    );
    expect(events).toEqual(['check s0', 'saved s0', 'check s1', 'saved s1', 'check s2', 'saved s2']);
  });
});

describe('resuming', () => {
  it('checks only the addresses without a result, in input order', async () => {
    const all = urls(6);
    const done = new Map([all[1], all[4]].map((a) => [a!, ok(a!)]));
    expect(remaining(all, new Set(done.keys()))).toEqual([all[0], all[2], all[3], all[5]]);
    expect(remaining(all, { [all[0]!]: 1 })).toEqual(all.slice(1));
    const checked: string[] = [];
    await runBatch(
      remaining(all, new Set(done.keys())),
      async (a) => {
        checked.push(a);
        return ok(a);
      },
      {
        concurrency: 1,
        onResult: () => undefined,
      },
    );
    expect(checked).toEqual([all[0], all[2], all[3], all[5]]);
  });
});

// ---------------------------------------------------------------------------------------------

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function fakeFetch(routes: Record<string, () => Response>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const route = routes[url];
    if (!route) throw new TypeError('fetch failed');
    return route();
  }) as typeof fetch;
}

describe('checkAddress', () => {
  const page = `<html><body><p>主办单位：北京市人民政府</p><a href="https://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}"><img src="/red.png"></a></body></html>`;

  it('fetches the page, follows redirects and checks the page where it ended', async () => {
    const fetch = fakeFetch({
      'http://beijing.gov.cn/': () => new Response(null, { status: 301, headers: { location: 'https://www.beijing.gov.cn/' } }),
      'https://www.beijing.gov.cn/': () => new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
    });
    const entry = await checkAddress('http://beijing.gov.cn/', { fetch, parseHtml, client: beijingClient });
    expect(entry.address).toBe('http://beijing.gov.cn/');
    expect(entry.page?.url).toBe('https://www.beijing.gov.cn/');
    expect(entry.result?.scan.url).toBe('https://www.beijing.gov.cn/');
    expect(entry.result?.verdict.state).toBe('verified');
  });

  it('gives an error entry, never a crash, for a page that cannot be had or is not a page', async () => {
    const fetch = fakeFetch({
      'https://gone.gov.cn/': () => new Response('no', { status: 404 }),
      'https://pdf.gov.cn/': () => new Response('%PDF', { headers: { 'content-type': 'application/pdf' } }),
    });
    const deps = { fetch, parseHtml, client: beijingClient, now: () => 0 };
    expect(await checkAddress('https://gone.gov.cn/', deps)).toEqual({
      address: 'https://gone.gov.cn/',
      checkedAt: '1970-01-01T00:00:00.000Z',
      error: { cause: 'http-status', detail: 'HTTP 404' },
    });
    expect((await checkAddress('https://pdf.gov.cn/', deps)).error).toEqual({ cause: 'not-html', detail: 'application/pdf' });
    expect((await checkAddress('https://down.gov.cn/', deps)).error).toEqual({ cause: 'network', detail: 'fetch failed' });
    const broken = await checkAddress('https://www.beijing.gov.cn/', {
      ...deps,
      fetch: fakeFetch({ 'https://www.beijing.gov.cn/': () => new Response(page) }),
      parseHtml: () => {
        throw new Error('parser broke');
      },
    });
    expect(broken.error).toEqual({ cause: 'internal', detail: 'parser broke' });
  });

  it('in a browser, where manual redirects are opaque, lets the browser follow and discloses the final address once', async () => {
    const calls: Array<[string, RequestRedirect | undefined]> = [];
    const browserFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(input), init?.redirect]);
      const response = new Response(page, { headers: { 'content-type': 'text/html' } });
      if (String(input) === 'http://beijing.gov.cn/') {
        Object.defineProperty(response, 'redirected', { value: true });
        Object.defineProperty(response, 'url', { value: 'https://www.beijing.gov.cn/' });
      }
      return response;
    }) as typeof fetch;
    const entry = await checkAddress('http://beijing.gov.cn/', {
      fetch: disclosingRedirects(browserFetch),
      parseHtml,
      client: beijingClient,
    });
    expect(entry.result?.scan.url).toBe('https://www.beijing.gov.cn/');
    expect(entry.result?.verdict.state).toBe('verified');
    // One real request: the disclosed redirect is answered with the response already received.
    expect(calls).toEqual([['http://beijing.gov.cn/', 'follow']]);
  });
});
