// @vitest-environment node
/** The registry client's rules on what it caches and for how long, where it asks for embed scripts, and what it reads. */
import { describe, expect, it, vi } from 'vitest';
import { type Cache, memoryStore, ttlCache } from '../../utils/engine/cache';
import { type CertificateLookup, createConacClient, type ScriptLookup } from '../../utils/engine/conac-client';
import { BEIJING_ID } from './helpers';

const CERT_PAGE = `<table><tr><th>机构名称</th><td>北京市人民政府</td></tr><tr><th>机构类型</th><td>党政机关</td></tr>
<tr><th>网站名称</th><td>首都之窗</td></tr><tr><th>域名</th><td>www.beijing.gov.cn</td></tr></table>`;
/** The embed script of the Beijing portal (code and path as in the CONAC samples). */
const SCRIPT_CODE = 'CA010000000604299710001';
const SCRIPT_PATH = `/js/01/000/0000/60429971/${SCRIPT_CODE}.js`;
const script = (certId: string) =>
  `document.getElementById("_ideConac").innerHTML='<a href="//bszs.conac.cn/sitename?method=show&id=${certId}" target="_blank">';`;
const OTHER_ID = '0123456789ABCDEF0123456789ABCDEF';
/** One day and one hour, in milliseconds: the times to live of a found certificate and of a not-found one. */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function fakeFetch(handler: (url: string) => Response | Promise<Response>) {
  return vi.fn(async (input: RequestInfo | URL) => handler(String(input))) as unknown as typeof fetch & ReturnType<typeof vi.fn>;
}

/** A cache that always misses and records what it is asked to keep. */
function spyCache() {
  return {
    get: vi.fn(async () => undefined),
    set: vi.fn(async () => {}),
  } satisfies Cache<CertificateLookup | ScriptLookup>;
}

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });

describe('what the cache keeps', () => {
  it('a certificate is kept a day, under its id', async () => {
    const cache = spyCache();
    await createConacClient({ fetch: fakeFetch(() => html(CERT_PAGE)), cache }).certificate(BEIJING_ID);
    expect(cache.set).toHaveBeenCalledWith(`cert:${BEIJING_ID}`, expect.objectContaining({ status: 'ok' }), DAY_MS);
  });

  it('a confirmed "does not exist" is kept an hour: it may be issued soon', async () => {
    const cache = spyCache();
    const fetch = fakeFetch(() => html('<div class="msg">对不起，您查询的网站标识证书不存在！</div>'));
    await createConacClient({ fetch, cache }).certificate(BEIJING_ID);
    expect(cache.set).toHaveBeenCalledWith(`cert:${BEIJING_ID}`, expect.objectContaining({ status: 'not-found' }), HOUR_MS);
  });

  it.each([
    ['an unreachable registry', () => Promise.reject(new TypeError('fetch failed'))],
    ['an error page', () => html('<h1>502 Bad Gateway</h1>', 502)],
    [
      'an answer of the wrong type',
      () => new Response(new Uint8Array([0x89, 0x50]), { headers: { 'content-type': 'image/png' } }),
    ],
  ])('a failed certificate lookup (%s) is never written to the cache', async (_case, respond) => {
    const cache = spyCache();
    const lookup = await createConacClient({ fetch: fakeFetch(respond), cache }).certificate(BEIJING_ID);
    expect(lookup.status).not.toBe('ok');
    expect(cache.set).not.toHaveBeenCalled();
  });

  it("an embed script's certificate id is kept a day, under the script's code", async () => {
    const cache = spyCache();
    await createConacClient({ fetch: fakeFetch(() => new Response(script(BEIJING_ID))), cache }).scriptCertId(SCRIPT_CODE);
    expect(cache.set).toHaveBeenCalledWith(`script:${SCRIPT_CODE}`, { status: 'ok', certId: BEIJING_ID }, DAY_MS);
  });

  it.each([
    ['no id in it', () => new Response('var x = 1;'), 'unresolved'],
    ['an unreachable script host', () => Promise.reject(new TypeError('fetch failed')), 'unreachable'],
  ])('a script with %s is not kept', async (_case, respond, status) => {
    const cache = spyCache();
    const lookup = await createConacClient({ fetch: fakeFetch(respond), cache }).scriptCertId(SCRIPT_CODE);
    expect(lookup.status).toBe(status);
    expect(cache.set).not.toHaveBeenCalled();
  });

  it('each embed script is kept apart: two sites with their own scripts get their own certificates', async () => {
    const cache = ttlCache<CertificateLookup | ScriptLookup>(memoryStore());
    const other = 'CA110000000604299720002';
    const fetch = fakeFetch((url) => new Response(script(url.includes(other) ? OTHER_ID : BEIJING_ID)));
    const client = createConacClient({ fetch, cache });
    expect(await client.scriptCertId(SCRIPT_CODE)).toEqual({ status: 'ok', certId: BEIJING_ID });
    expect(await client.scriptCertId(other)).toEqual({ status: 'ok', certId: OTHER_ID });
  });
});

describe('embed scripts', () => {
  it('are asked of the CONAC script host over https', async () => {
    const fetch = fakeFetch(() => new Response(script(BEIJING_ID)));
    await createConacClient({ fetch }).scriptCertId(SCRIPT_CODE);
    expect(fetch.mock.calls[0][0]).toBe(`https://dcs.conac.cn${SCRIPT_PATH}`);
  });

  it('are asked of the given origin when there is one (the stand-in, a mirror)', async () => {
    const fetch = fakeFetch(() => new Response(script(BEIJING_ID)));
    await createConacClient({ fetch, origin: 'http://127.0.0.1:9' }).scriptCertId(SCRIPT_CODE);
    expect(fetch.mock.calls[0][0]).toBe(`http://127.0.0.1:9${SCRIPT_PATH}`);
  });

  it('an unreachable script host is an unreachable lookup, saying why', async () => {
    const fetch = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect(await createConacClient({ fetch }).scriptCertId(SCRIPT_CODE)).toEqual({
      status: 'unreachable',
      cause: 'network',
      detail: 'fetch failed',
    });
  });
});

describe('what is read as a certificate page', () => {
  it('an answer without a content type (a bare mirror) is read', async () => {
    const fetch = fakeFetch(() => new Response(new TextEncoder().encode(CERT_PAGE)));
    expect(await createConacClient({ fetch }).certificate(BEIJING_ID)).toMatchObject({
      status: 'ok',
      certificate: { holder: '北京市人民政府' },
    });
  });

  it('a certificate passed on by a caching proxy (203) is read: only "does not exist" needs the plain 200', async () => {
    const fetch = fakeFetch(() => html(CERT_PAGE, 203));
    expect(await createConacClient({ fetch }).certificate(BEIJING_ID)).toMatchObject({
      status: 'ok',
      certificate: { holder: '北京市人民政府' },
    });
  });
});
