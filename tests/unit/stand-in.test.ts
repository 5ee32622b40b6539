// @vitest-environment node
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findById, recordByKey, registry, scriptPath, UNKNOWN_ID, withCreditCheck } from '../../scripts/stand-in/registry';
import { HUGE_BYTES, REDIRECT_TARGET, type StandIn, startStandIn } from '../../scripts/stand-in/server';
import { sampleSiteMap, sampleSites } from '../../scripts/stand-in/sites';
import { parseCertificate } from '../../utils/engine/certificate';
import { certIdInScript } from '../../utils/engine/conac-client';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Get {
  path: string;
  host?: string;
  https?: boolean;
  /** Give up (reject with 'timeout') after this long. */
  timeoutMs?: number;
}

function get(server: StandIn, { path, host = 'bszs.conac.cn', https = false, timeoutMs = 5000 }: Get): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = {
      host: '127.0.0.1',
      port: server.port,
      path,
      headers: { host },
      ...(https ? { rejectUnauthorized: false, servername: isIP(host) ? undefined : host } : {}),
    };
    const req = (https ? httpsRequest : httpRequest)(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * A streamed answer: resolves `chunks(n)` once n pieces of body have arrived (rejects if the answer
 * ends or fails first), and `outcome` once it is over: ended normally, or cut off.
 */
function stream(server: StandIn, path: string) {
  const waiting: Array<{ n: number; resolve: () => void; reject: (e: Error) => void }> = [];
  let received = 0;
  let over = false;
  const settle = (how: 'ended' | 'cut off', resolve: (how: 'ended' | 'cut off') => void) => {
    over = true;
    for (const w of waiting.splice(0)) w.reject(new Error(`${how} after ${received} chunks`));
    resolve(how);
  };
  let req: ReturnType<typeof httpRequest>;
  const outcome = new Promise<'ended' | 'cut off'>((resolve) => {
    req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers: { host: 'bszs.conac.cn' } }, (res) => {
      res.on('data', () => {
        received++;
        for (const w of waiting.filter((w) => w.n <= received)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve();
        }
      });
      res.on('end', () => settle('ended', resolve));
      res.on('close', () => over || settle('cut off', resolve));
      res.on('error', () => over || settle('cut off', resolve));
    });
    req.on('error', () => over || settle('cut off', resolve));
    req.end();
  });
  const chunks = (n: number) =>
    received >= n
      ? Promise.resolve()
      : over
        ? Promise.reject(new Error('already over'))
        : new Promise<void>((resolve, reject) => waiting.push({ n, resolve, reject }));
  return { chunks, outcome, hangUp: () => req.destroy() };
}

const certPath = (id: string) => `/sitename?method=show&id=${id}`;
const text = (a: Answer) => a.body.toString('utf8');

/** Runs an embed script against a minimal fake page and returns what it put into the mark elements. */
/**
 * Runs an embed script as a page being parsed would: it may write into the document, and
 * `#_ideConac` finds the first of the page's spans. Returns what it wrote and the spans after.
 */
function renderEmbed(script: string, hostname: string, pageSpans = 1): { written: string[]; spans: string[] } {
  const spans = Array.from({ length: pageSpans }, () => ({ innerHTML: '' }));
  const written: string[] = [];
  runInNewContext(script, {
    URL,
    location: { hostname },
    document: {
      readyState: 'loading',
      write: (html: string) => written.push(html),
      getElementById: (id: string) => (id === '_ideConac' ? (spans[0] ?? null) : null),
      querySelector: () => null,
    },
  });
  return { written, spans: spans.map((s) => s.innerHTML) };
}

describe('stand-in registry', () => {
  it('has unique, well-formed ids and script codes', () => {
    expect(new Set(registry.map((r) => r.id)).size).toBe(registry.length);
    expect(new Set(registry.map((r) => r.scriptCode)).size).toBe(registry.length);
    for (const r of registry) {
      expect(r.id).toMatch(/^[0-9A-F]{32}$/);
      expect(r.scriptCode).toMatch(/^CA\d{21}$/);
    }
    expect(findById(UNKNOWN_ID)).toBeUndefined();
  });

  // Check characters worked out by hand (GB 32100-2015, see tests/unit/credit-code.test.ts for the
  // method), e.g. beijing: 1×1+1×3+1×9+1×27+5×8+5×24+8×10+2×30+2×28 = 396; mod 31 = 24; 31-24 = 7.
  it.each([
    ['beijing', '111100000000558227'],
    ['moe', '11100000000013127D'],
    ['cdc', '12130100MB0A12345T'],
    ['county', '11510123MB1234567X'],
    ['fgw', '11110000000012776E'],
    ['guangdong', '11440000006939113U'],
  ])('gives %s a credit code with the right check character: %s', (key, code) => {
    expect(recordByKey(key).creditCode).toBe(code);
    expect(withCreditCheck(code.slice(0, 17))).toBe(code);
  });

  it('gives the library a pilot-style code whose check character is wrong', () => {
    expect(recordByKey('library').creditCode).toBe('12330100MB0F123450');
    // 1×1+2×3+3×9+3×27+1×26+21×20+11×29+15×13+1×8+2×24+3×10+4×30+5×28 = 1421; mod 31 = 26; 31-26 = 5, not 0.
    expect(withCreditCheck('12330100MB0F12345')).toBe('12330100MB0F123455');
  });

  it('derives the script path from the code', () => {
    expect(scriptPath('CA010000000604299710001')).toBe('/js/01/000/0000/60429971/CA010000000604299710001.js');
  });
});

describe('stand-in server', () => {
  let server: StandIn;
  beforeAll(async () => {
    server = await startStandIn({ sites: sampleSiteMap(), slowMs: 300 });
  });
  afterAll(() => server.close());

  it('answers http and https on one port', async () => {
    for (const https of [false, true]) {
      const a = await get(server, { path: certPath(recordByKey('beijing').id), https });
      expect(a.status).toBe(200);
      expect(a.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      expect(text(a)).toContain('北京市人民政府');
    }
    expect(server.requests.slice(-2).map((r) => r.scheme)).toEqual(['http', 'https']);
  });

  it('draws the script layout only after load: its HTML holds no label, so only a browser can read it', async () => {
    const r = recordByKey('scripted');
    const page = text(await get(server, { path: certPath(r.id), host: '127.0.0.1' }));
    for (const word of ['机构名称', '网站名称', '标识证书编号', r.holder]) expect(page).not.toContain(word);
    expect(parseCertificate(page, r.id).status).toBe('unreadable');
  });

  it('serves every normal certificate with its labels and fields', async () => {
    for (const r of registry.filter((r) => !r.behaviour && r.key !== 'hostile' && r.layout !== 'script')) {
      const page = text(await get(server, { path: certPath(r.id), host: '127.0.0.1' }));
      expect(page).toContain('<title>标识证书基本信息</title>');
      for (const value of [r.holder, r.holderType, r.siteName, r.certNumber, r.issueDate, r.issuer, ...r.domains]) {
        expect(page).toContain(value);
      }
      for (const label of [
        '机构名称',
        '机构类型',
        '机构地址',
        '机构职能',
        '网站名称',
        '标识证书发放单位',
        '标识证书编号',
        '标识证书发放时间',
      ]) {
        expect(page).toContain(label);
      }
      expect(page).toMatch(/域名/);
      if (r.creditCode) expect(page).toContain(`统一社会信用代码`);
    }
  });

  it('prints markup in fields as text', async () => {
    const page = text(await get(server, { path: certPath(recordByKey('hostile').id) }));
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;某某局');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<iframe');
  });

  it('answers not-found for unknown or missing ids', async () => {
    for (const path of [certPath(UNKNOWN_ID), '/sitename?method=show', certPath('nonsense')]) {
      const a = await get(server, { path });
      expect(a.status).toBe(200);
      expect(text(a)).toContain('该标识证书不存在');
      expect(text(a)).not.toContain('机构名称');
    }
  });

  it('serves the embed script for a registered code, 404 otherwise', async () => {
    const beijing = recordByKey('beijing');
    const a = await get(server, { path: scriptPath(beijing.scriptCode), host: 'dcs.conac.cn', https: true });
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toMatch(/^application\/javascript/);
    expect(text(a)).toContain(beijing.id);
    expect(text(a)).toContain('_ideConac');
    expect((await get(server, { path: '/js/01/000/0000/60429971/CA010000000604299719999.js' })).status).toBe(404);
    // The directories must agree with the code.
    expect((await get(server, { path: '/js/02/000/0000/60429971/CA010000000604299710001.js' })).status).toBe(404);
  });

  it('embed script shows the error image off the registered domains', async () => {
    const script = (key: string) => get(server, { path: scriptPath(recordByKey(key).scriptCode) }).then(text);
    const beijing = await script('beijing');
    const id = recordByKey('beijing').id;
    // As the real script: it writes a span of its own, and fills the first #_ideConac (the page's) only.
    const rendered = renderEmbed(beijing, 'www.beijing.gov.cn', 2);
    expect(rendered.written).toEqual([`<span id='_ideConac' ></span>`]);
    expect(rendered.spans[0]).toContain(`href="//bszs.conac.cn/sitename?method=show&id=${id}"`);
    expect(rendered.spans[0]).toContain('<img id="imgConac" vspace="0" hspace="0" border="0" src="//dcs.conac.cn/image/red.png"');
    expect(rendered.spans[1]).toBe('');
    expect(renderEmbed(beijing, 'beijing.gov.cn').spans[0]).toContain('/image/red.png');
    expect(renderEmbed(beijing, 'www.beijing-gov.com.cn').spans[0]).toContain('/image/red_error.png');
    const county = await script('county');
    expect(renderEmbed(county, new URL('http://某某县人民政府.政务').hostname).spans[0]).toContain('/image/red.png');
    expect(renderEmbed(await script('cdc'), 'localhost').spans[0]).toContain('/image/blue_error.png');
    // The engine reads the certificate id from the script as it would from the registry's.
    expect(certIdInScript(beijing)).toEqual({ status: 'ok', certId: id });
  });

  it('serves the four mark images as 65×80 PNGs', async () => {
    const bodies = new Map<string, Buffer>();
    for (const name of ['red', 'blue', 'red_error', 'blue_error']) {
      const a = await get(server, { path: `/image/${name}.png`, host: 'dcs.conac.cn' });
      expect(a.status).toBe(200);
      expect(a.headers['content-type']).toBe('image/png');
      expect(a.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect([a.body.readUInt32BE(16), a.body.readUInt32BE(20)]).toEqual([65, 80]);
      bodies.set(name, a.body);
    }
    expect(new Set([...bodies.values()].map((b) => b.toString('base64'))).size).toBe(4);
    expect((await get(server, { path: '/image/green.png' })).status).toBe(404);
  });

  it('routes sites by Host header', async () => {
    const home = await get(server, { path: '/', host: 'www.beijing.gov.cn', https: true });
    expect(home.status).toBe(200);
    expect(text(home)).toContain('主办单位：北京市人民政府');
    const withPort = await get(server, { path: '/?from=nav', host: `www.beijing.gov.cn:${server.port}` });
    expect(text(withPort)).toContain('首都之窗');
    const county = await get(server, { path: '/', host: new URL('http://某某县人民政府.政务').hostname });
    expect(text(county)).toContain('某某县人民政府');
    expect((await get(server, { path: '/news/1.html', host: 'www.beijing.gov.cn' })).status).toBe(404);
    expect((await get(server, { path: '/', host: 'www.unknown-host.com' })).status).toBe(404);
    // CONAC routes answer on any host, so the stand-in also works as --conac-origin.
    expect(text(await get(server, { path: certPath(recordByKey('moe').id), host: 'www.beijing.gov.cn' }))).toContain(
      '中华人民共和国教育部',
    );
  });

  it('records every request', async () => {
    const before = server.requests.length;
    await get(server, { path: '/', host: 'www.example-shop.com' });
    expect(server.requests.slice(before)).toEqual([{ host: 'www.example-shop.com', path: '/', scheme: 'http' }]);
  });

  it('drops CONAC connections while down, keeps serving sites', async () => {
    server.setDown(true);
    try {
      await expect(get(server, { path: certPath(recordByKey('beijing').id) })).rejects.toThrow();
      await expect(get(server, { path: '/image/red.png', https: true })).rejects.toThrow();
      await expect(get(server, { path: scriptPath(recordByKey('beijing').scriptCode) })).rejects.toThrow();
      expect((await get(server, { path: '/', host: 'www.beijing.gov.cn' })).status).toBe(200);
    } finally {
      server.setDown(false);
    }
    expect((await get(server, { path: certPath(recordByKey('beijing').id) })).status).toBe(200);
  });

  it('redirects the redirect record off-host', async () => {
    const r = recordByKey('redirect');
    const a = await get(server, { path: certPath(r.id), https: true });
    expect(a.status).toBe(302);
    expect(new URL(a.headers.location!).host).toBe('evil.example');
    expect(a.headers.location).toBe(`${REDIRECT_TARGET}sitename?method=show&id=${r.id}`);
    // The redirect target fools a client that follows it with a normal-looking certificate.
    const target = new URL(a.headers.location!);
    const landed = await get(server, { path: target.pathname + target.search, host: target.host });
    expect(landed.status).toBe(200);
    expect(text(landed)).toContain(r.holder);
  });

  it('answers the slow record only after slowMs', async () => {
    const started = Date.now();
    const a = await get(server, { path: certPath(recordByKey('slow').id) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(text(a)).toContain('某某市数据资源管理局');
  });

  it('never finishes the endless record: it keeps sending, and the answer is over when the client hangs up', async () => {
    const path = certPath(recordByKey('endless').id);
    const answer = stream(server, path);
    // Five pieces of body, and the answer is still open: it ends only when the client hangs up.
    await answer.chunks(5);
    expect(server.over.filter((r) => r.path === path)).toEqual([]);
    answer.hangUp();
    expect(await answer.outcome).toBe('cut off');
    await expect
      .poll(() => server.over.filter((r) => r.path === path))
      .toEqual([{ host: 'bszs.conac.cn', path, scheme: 'http' }]);
  });

  it('records an answer sent in full as over', async () => {
    const path = certPath(recordByKey('beijing').id);
    const before = server.over.length;
    await get(server, { path });
    await expect.poll(() => server.over.slice(before)).toEqual([{ host: 'bszs.conac.cn', path, scheme: 'http' }]);
  });

  it('puts the huge record’s fields after 5 MB', async () => {
    const a = await get(server, { path: certPath(recordByKey('huge').id) });
    expect(a.body.length).toBeGreaterThan(HUGE_BYTES);
    expect(a.body.indexOf(Buffer.from('机构名称'))).toBeGreaterThan(HUGE_BYTES);
  });

  it('serves the wrong content types and the unlabelled page', async () => {
    const octet = await get(server, { path: certPath(recordByKey('octet').id) });
    expect(octet.headers['content-type']).toBe('application/octet-stream');
    expect(text(octet)).toContain('某某市审计局');
    const image = await get(server, { path: certPath(recordByKey('image').id) });
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const unlabelled = await get(server, { path: certPath(recordByKey('unlabelled').id) });
    expect(unlabelled.status).toBe(200);
    expect(text(unlabelled)).not.toMatch(/机构名称|域名[：:]|标识证书编号/);
  });

  it('closes while a response is still streaming, cutting the answer off', async () => {
    const other = await startStandIn();
    const answer = stream(other, certPath(recordByKey('endless').id));
    await answer.chunks(1);
    await other.close();
    expect(await answer.outcome).toBe('cut off');
  });
});

describe('sample sites', () => {
  const ids = (html: string) =>
    [...html.matchAll(/bszs\.conac\.cn\/sitename\?method=show&(?:amp;)?id=([0-9A-F]{32})/g)].map((m) => m[1]!);
  const scripts = (html: string) => [...html.matchAll(/dcs\.conac\.cn(\/js\/[^'"]+\.js)/g)].map((m) => m[1]!);

  it('have unique hosts and real content', () => {
    expect(new Set(sampleSites.map((s) => s.host)).size).toBe(sampleSites.length);
    for (const s of sampleSites) {
      expect(s.html).toMatch(/^<!DOCTYPE html>/);
      expect(s.host).toBe(new URL(`http://${s.host}`).hostname);
    }
  });

  it('link verified sites to certificates of their own host and 主办单位', () => {
    for (const s of sampleSites.filter((s) => s.expect === 'verified')) {
      const codes = scripts(s.html).map((p) => p.match(/(CA\d{21})\.js$/)![1]);
      const records = [...ids(s.html).map((id) => findById(id)), ...codes.map((c) => registry.find((r) => r.scriptCode === c))];
      expect(records.length, s.host).toBeGreaterThan(0);
      for (const r of records) {
        expect(r, s.host).toBeDefined();
        expect(
          r!.domains.map((d) => new URL(`http://${d}`).hostname),
          s.host,
        ).toContain(s.host);
        expect(s.html, s.host).toContain(`主办单位：${r!.holder}`);
      }
    }
  });

  it('only reference embed scripts the stand-in serves', async () => {
    const server = await startStandIn();
    try {
      for (const path of sampleSites.flatMap((s) => scripts(s.html))) {
        expect((await get(server, { path, host: 'dcs.conac.cn' })).status, path).toBe(200);
      }
    } finally {
      await server.close();
    }
  });

  it('include a mark that is not on bszs.conac.cn and one with the error image', () => {
    expect(sampleSites.find((s) => s.host === 'www.bjzwfw-gov.com')!.html).toContain('bszs.conac.cn.verify-cert.com');
    expect(sampleSites.find((s) => s.host === 'www.bjhd.gov.cn')!.html).toContain('red_error.png');
    expect(sampleSites.find((s) => s.expect === 'none')!.html).not.toMatch(/conac/);
  });
});
