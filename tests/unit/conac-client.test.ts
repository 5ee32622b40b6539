// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { memoryStore, ttlCache, writeOnly } from '../../utils/engine/cache';
import { type CertificateLookup, createConacClient, embedScriptUrl, type ScriptLookup } from '../../utils/engine/conac-client';
import { BEIJING_ID } from './helpers';

const CERT_PAGE = `<table><tr><th>机构名称</th><td>北京市人民政府</td></tr><tr><th>机构类型</th><td>党政机关</td></tr>
<tr><th>网站名称</th><td>首都之窗</td></tr><tr><th>域名</th><td>www.beijing.gov.cn</td></tr></table>`;

const html = (body: string, init: ResponseInit = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });

function fakeFetch(handler: (url: string) => Response | Promise<Response>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    init?.signal?.throwIfAborted();
    return handler(String(input));
  }) as unknown as typeof fetch & ReturnType<typeof vi.fn>;
}

describe('certificate lookups', () => {
  it('asks only the certificate host, over https, for the id, and reads the page', async () => {
    const fetch = fakeFetch(() => html(CERT_PAGE));
    const lookup = await createConacClient({ fetch }).certificate(BEIJING_ID);
    expect(fetch).toHaveBeenCalledWith(
      `https://bszs.conac.cn/sitename?method=show&id=${BEIJING_ID}`,
      expect.objectContaining({ credentials: 'omit', redirect: 'manual' }),
    );
    expect(lookup).toMatchObject({ status: 'ok', certificate: { holder: '北京市人民政府', domains: ['www.beijing.gov.cn'] } });
    expect(lookup.status === 'ok' && lookup.receipt?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends requests to another origin when told to', async () => {
    const fetch = fakeFetch(() => html(CERT_PAGE));
    await createConacClient({ fetch, origin: 'http://127.0.0.1:9' }).certificate(BEIJING_ID);
    expect(fetch.mock.calls[0][0]).toBe(`http://127.0.0.1:9/sitename?method=show&id=${BEIJING_ID}`);
  });

  it('follows a redirect on the same host, and refuses one to another host', async () => {
    const same = fakeFetch((url) =>
      url.startsWith('https://bszs.conac.cn/sitename')
        ? new Response(null, { status: 302, headers: { location: '/cert/view' } })
        : html(CERT_PAGE),
    );
    expect((await createConacClient({ fetch: same }).certificate(BEIJING_ID)).status).toBe('ok');
    const off = fakeFetch(() => new Response(null, { status: 302, headers: { location: 'http://evil.example/' } }));
    expect(await createConacClient({ fetch: off }).certificate(BEIJING_ID)).toEqual({
      status: 'unreachable',
      cause: 'redirect',
      detail: 'evil.example',
    });
    expect(off).toHaveBeenCalledTimes(1);
  });

  it('gives up on an answer that never ends, at the timeout', async () => {
    const endless = new ReadableStream<Uint8Array>({ pull: () => new Promise((resolve) => setTimeout(resolve, 20)) });
    const fetch = fakeFetch(() => new Response(endless, { headers: { 'content-type': 'text/html' } }));
    const lookup = await createConacClient({ fetch, timeoutMs: 100 }).certificate(BEIJING_ID);
    expect(lookup).toEqual({ status: 'unreachable', cause: 'timeout', detail: 'no answer in 100 ms' });
  });

  it('stops reading past the size cap', async () => {
    const fetch = fakeFetch(() => html('x'.repeat(2000)));
    expect(await createConacClient({ fetch, maxBytes: 1000 }).certificate(BEIJING_ID)).toMatchObject({
      status: 'unreachable',
      cause: 'too-large',
    });
  });

  it('reports network failures and error statuses as unreachable', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect(await createConacClient({ fetch: down }).certificate(BEIJING_ID)).toEqual({
      status: 'unreachable',
      cause: 'network',
      detail: 'fetch failed',
    });
    // Node's fetch keeps what went wrong in the error's cause: it is worth saying.
    const unresolved = fakeFetch(() =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND bszs.conac.cn') })),
    );
    expect(await createConacClient({ fetch: unresolved }).certificate(BEIJING_ID)).toMatchObject({
      cause: 'network',
      detail: 'fetch failed: getaddrinfo ENOTFOUND bszs.conac.cn',
    });
    const broken = fakeFetch(() => html('oops', { status: 503 }));
    expect(await createConacClient({ fetch: broken }).certificate(BEIJING_ID)).toEqual({
      status: 'unreachable',
      cause: 'http-status',
      detail: 'HTTP 503',
    });
  });

  it('does not read an answer of the wrong type', async () => {
    const fetch = fakeFetch(() => new Response(new Uint8Array([0x89, 0x50]), { headers: { 'content-type': 'image/png' } }));
    expect(await createConacClient({ fetch }).certificate(BEIJING_ID)).toEqual({
      status: 'unreadable',
      detail: 'answered with image/png',
    });
  });

  it('decodes a GBK page', async () => {
    const gbk = new Uint8Array(
      Buffer.from(
        '<table><tr><th>\xbb\xfa\xb9\xb9\xc3\xfb\xb3\xc6</th><td>\xb1\xb1\xbe\xa9</td></tr><tr><th>\xd3\xf2\xc3\xfb</th><td>www.beijing.gov.cn</td></tr></table>',
        'latin1',
      ),
    );
    const fetch = fakeFetch(() => new Response(gbk, { headers: { 'content-type': 'text/html; charset=GBK' } }));
    expect(await createConacClient({ fetch }).certificate(BEIJING_ID)).toMatchObject({
      status: 'ok',
      certificate: { holder: '北京' },
    });
  });
});

describe('caching', () => {
  it('keeps answers for their time to live, and never keeps failures', async () => {
    let now = 0;
    const cache = ttlCache<CertificateLookup | ScriptLookup>(memoryStore(), () => now);
    let up = false;
    const fetch = fakeFetch(() => (up ? html(CERT_PAGE) : Promise.reject(new TypeError('down'))));
    const client = createConacClient({ fetch, cache, now: () => now });
    expect((await client.certificate(BEIJING_ID)).status).toBe('unreachable');
    up = true;
    expect((await client.certificate(BEIJING_ID)).status).toBe('ok');
    expect((await client.certificate(BEIJING_ID)).status).toBe('ok');
    expect(fetch).toHaveBeenCalledTimes(2);
    now += 25 * 60 * 60 * 1000;
    await client.certificate(BEIJING_ID);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('a write-only cache asks afresh but refreshes what others read', async () => {
    const cache = ttlCache<CertificateLookup | ScriptLookup>(memoryStore());
    const fetch = fakeFetch(() => html(CERT_PAGE));
    await createConacClient({ fetch, cache: writeOnly(cache) }).certificate(BEIJING_ID);
    await createConacClient({ fetch, cache: writeOnly(cache) }).certificate(BEIJING_ID);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await cache.get(`cert:${BEIJING_ID}`)).toMatchObject({ status: 'ok' });
  });
});

describe('embed scripts', () => {
  it('derives the script address from its code and takes the certificate id from it', async () => {
    const code = 'CA010000000604299710001';
    expect(embedScriptUrl(code)).toBe(`https://dcs.conac.cn/js/01/000/0000/60429971/${code}.js`);
    const fetch = fakeFetch(
      () =>
        new Response(
          `document.getElementById("_ideConac").innerHTML='<a href="//bszs.conac.cn/sitename?method=show&id=${BEIJING_ID.toLowerCase()}">'`,
        ),
    );
    expect(await createConacClient({ fetch }).scriptCertId(code)).toEqual({ status: 'ok', certId: BEIJING_ID });
    const assembled = fakeFetch(
      () => new Response(`var id = "${BEIJING_ID}"; var html = '<a href="//bszs.conac.cn/sitename?method=show&id=' + id + '">';`),
    );
    expect(await createConacClient({ fetch: assembled }).scriptCertId(code)).toEqual({ status: 'ok', certId: BEIJING_ID });
    const ambiguous = fakeFetch(() => new Response(`var a = "${BEIJING_ID}", b = "0123456789ABCDEF0123456789ABCDEF";`));
    expect(await createConacClient({ fetch: ambiguous }).scriptCertId(code)).toEqual({
      status: 'unresolved',
      detail: 'several candidate ids in the script',
    });
    const empty = fakeFetch(() => new Response('var x = 1;'));
    expect(await createConacClient({ fetch: empty }).scriptCertId(code)).toEqual({
      status: 'unresolved',
      detail: 'no certificate id in the script',
    });
  });
});

describe('the registry says "does not exist" only in its own answer', () => {
  const NOT_FOUND_PAGE = '<div class="msg">对不起，您查询的网站标识证书不存在！</div><p><a href="/">返回首页</a></p>';

  it('asks once more, afresh, before believing a not-found answer; caches the confirmed one', async () => {
    const fetch = fakeFetch(() => html(NOT_FOUND_PAGE));
    const cache = ttlCache<CertificateLookup | ScriptLookup>(memoryStore());
    const client = createConacClient({ fetch, cache });
    expect(await client.certificate(BEIJING_ID)).toMatchObject({ status: 'not-found' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls.every(([, init]) => (init as RequestInit).cache === 'no-store')).toBe(true);
    expect(await client.certificate(BEIJING_ID)).toMatchObject({ status: 'not-found' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a not-found answer followed by the certificate is the certificate', async () => {
    let calls = 0;
    const fetch = fakeFetch(() => html(calls++ === 0 ? NOT_FOUND_PAGE : CERT_PAGE));
    expect(await createConacClient({ fetch }).certificate(BEIJING_ID)).toMatchObject({ status: 'ok' });
  });

  it('a not-found page in a 2xx answer other than 200 is not the registry answer', async () => {
    const fetch = fakeFetch(() => html(NOT_FOUND_PAGE, { status: 203 }));
    expect(await createConacClient({ fetch }).certificate(BEIJING_ID)).toEqual(
      expect.objectContaining({ status: 'unreadable', detail: 'a not-found page in an HTTP 203 answer' }),
    );
  });

  it.each([
    ['an error status', () => html('<h1>证书不存在</h1>', { status: 404 }), 'unreachable'],
    ['a WAF page', () => html('<h1>访问被拦截</h1><p>您访问的页面不存在或已被防火墙拦截，请稍后再试。</p>'), 'unreadable'],
    ['a maintenance page', () => html('<h1>系统维护中</h1><p>查询服务暂停，请稍后再试。</p>'), 'unreadable'],
  ])('%s is never "does not exist"', async (_case, respond, status) => {
    const lookup = await createConacClient({ fetch: fakeFetch(respond) }).certificate(BEIJING_ID);
    expect(lookup.status).toBe(status);
  });

  it('caches a revoked certificate like a not-found one, and never a failure', async () => {
    const revoked = `${CERT_PAGE}<table><tr><th>证书状态</th><td>已撤销</td></tr></table>`;
    const fetch = fakeFetch(() => html(revoked));
    const cache = ttlCache<CertificateLookup | ScriptLookup>(memoryStore());
    const client = createConacClient({ fetch, cache });
    expect(await client.certificate(BEIJING_ID)).toMatchObject({ status: 'revoked', detail: '已撤销' });
    await client.certificate(BEIJING_ID);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('the encoding of a certificate page', () => {
  it('a byte-order mark decides over a <meta charset>, as in browsers', async () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`<meta charset="gbk">${CERT_PAGE}`)]);
    const fetch = fakeFetch(() => new Response(body, { headers: { 'content-type': 'text/html' } }));
    expect(await createConacClient({ fetch }).certificate(BEIJING_ID)).toMatchObject({
      status: 'ok',
      certificate: { holder: '北京市人民政府' },
    });
  });
});
