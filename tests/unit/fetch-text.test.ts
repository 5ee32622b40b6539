// @vitest-environment node
/**
 * The rules of fetching a registry page or a site's homepage: what a request gives away, which
 * redirects are followed, the size cap, the timeout, the charset, and the receipt kept as evidence.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode, type FetchTextOptions, fetchText } from '../../utils/engine/fetch-text';

const CERT_URL = 'https://bszs.conac.cn/sitename?method=show&id=7A1C1D4C0D1E4F0B8E2F3A4B5C6D7E8F';

/** `<p>主办：北京市人民政府办公厅</p>` in GBK, the footer line of a Beijing portal (bytes from Python's gb18030 codec). */
const FOOTER_TEXT = '<p>主办：北京市人民政府办公厅</p>';
const FOOTER_GBK = [
  60, 112, 62, 214, 247, 176, 236, 163, 186, 177, 177, 190, 169, 202, 208, 200, 203, 195, 241, 213, 254, 184, 174, 176, 236, 185,
  171, 204, 252, 60, 47, 112, 62,
];
/** SHA-256 of FOOTER_GBK, from Python's hashlib. */
const FOOTER_GBK_SHA256 = '66db6ae9dcffee2c6f1e357d91cfe27f2fa311b722d5fa79da908cbd00875e5b';
/** SHA-256 of nothing (FIPS 180-2 test vector). */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function fakeFetch(handler: Handler) {
  return vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => handler(String(input), init));
}

function fetchWith(handler: Handler, options: Partial<FetchTextOptions> = {}) {
  const fetch = fakeFetch(handler);
  const result = (url = CERT_URL) =>
    fetchText(url, { fetch: fetch as unknown as typeof globalThis.fetch, redirects: 'same-host', ...options });
  return { fetch, result };
}

const page = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'text/html' }, status = 200) =>
  new Response(body, { status, headers });
const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

afterEach(() => {
  vi.useRealTimers();
});

describe('a request gives nothing away', () => {
  it('sends no cookies and no referrer, bypasses the cache, and follows no redirect unseen', async () => {
    const { fetch, result } = fetchWith(() => page('<p>ok</p>'));
    await result();
    expect(fetch).toHaveBeenCalledWith(CERT_URL, {
      signal: expect.any(AbortSignal),
      redirect: 'manual',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  });
});

describe('redirects', () => {
  it.each([300, 301, 302, 303, 307, 308, 399])(
    'a %i to a page on the same host is followed; the receipt names the page read',
    async (status) => {
      const { fetch, result } = fetchWith((url) =>
        url === CERT_URL ? redirect(status, '/cert/view?id=1') : page('<p>证书</p>'),
      );
      const fetched = await result();
      expect(fetched).toMatchObject({
        status: 'ok',
        text: '<p>证书</p>',
        receipt: { url: 'https://bszs.conac.cn/cert/view?id=1' },
      });
      expect(fetch).toHaveBeenCalledTimes(2);
    },
  );

  it.each([
    ['a 400 carrying a Location', () => redirect(400, '/elsewhere'), 'HTTP 400'],
    ['a 304 Not Modified (no Location)', () => new Response(null, { status: 304 }), 'HTTP 304'],
    ['a 302 without a Location', () => new Response(null, { status: 302 }), 'HTTP 302'],
  ])('%s leads nowhere: an HTTP-status failure after one request', async (_case, respond, detail) => {
    const { fetch, result } = fetchWith(respond);
    expect(await result()).toEqual({ status: 'unreachable', cause: 'http-status', detail });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([200, 201])('a %i carrying a Location (as some CMS answer) is read, not followed', async (status) => {
    const { fetch, result } = fetchWith(() => new Response('<p>证书</p>', { status, headers: { location: '/elsewhere' } }));
    expect(await result()).toMatchObject({ status: 'ok', text: '<p>证书</p>', httpStatus: status, receipt: { url: CERT_URL } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  /** A chain /hop/0 → /hop/1 → … on the registry host; the page at the end of `length` redirects. */
  const chain = (length: number) => (url: string) => {
    const hop = Number(/\/hop\/(\d+)$/.exec(url)?.[1] ?? 0);
    return hop < length ? redirect(302, `/hop/${hop + 1}`) : page('<p>end</p>');
  };

  it('five redirects in a row are followed', async () => {
    const { fetch, result } = fetchWith(chain(5));
    expect(await result('https://bszs.conac.cn/hop/0')).toMatchObject({
      status: 'ok',
      receipt: { url: 'https://bszs.conac.cn/hop/5' },
    });
    expect(fetch).toHaveBeenCalledTimes(6);
  });

  it('a sixth redirect is refused, and nothing more is asked', async () => {
    const { fetch, result } = fetchWith(chain(12));
    expect(await result('https://bszs.conac.cn/hop/0')).toEqual({
      status: 'unreachable',
      cause: 'redirect',
      detail: 'bszs.conac.cn',
    });
    expect(fetch).toHaveBeenCalledTimes(6);
  });

  it('on a plain-http origin (the stand-in registry), a same-host redirect is followed', async () => {
    const { result } = fetchWith((url) => (url.endsWith('/sitename') ? redirect(302, '/sitename/show') : page('<p>证书</p>')));
    expect(await result('http://127.0.0.1:8080/sitename')).toMatchObject({
      status: 'ok',
      receipt: { url: 'http://127.0.0.1:8080/sitename/show' },
    });
  });

  it.each([
    ['ftp://bszs.conac.cn/cert', 'bszs.conac.cn'],
    ['xhttp://bszs.conac.cn/cert', 'bszs.conac.cn'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
  ])('a redirect to the non-web address %s is refused', async (location, detail) => {
    const { fetch, result } = fetchWith(() => redirect(302, location));
    expect(await result()).toEqual({ status: 'unreachable', cause: 'redirect', detail });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("with redirects: 'follow' (a site's homepage), a redirect to another host is followed and recorded", async () => {
    const { result } = fetchWith(
      (url) =>
        url === 'https://beijing.gov.cn/' ? redirect(301, 'https://www.beijing.gov.cn/index.html') : page('<p>首都之窗</p>'),
      { redirects: 'follow' },
    );
    expect(await result('https://beijing.gov.cn/')).toMatchObject({
      status: 'ok',
      text: '<p>首都之窗</p>',
      receipt: { url: 'https://www.beijing.gov.cn/index.html' },
    });
  });

  it("a browser's opaque redirect is refused: its target cannot be checked", async () => {
    // What a browser's fetch gives for redirect: 'manual' — status 0 and no Location to read.
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    const { result } = fetchWith(() => opaque);
    expect(await result()).toEqual({ status: 'unreachable', cause: 'redirect', detail: 'a redirect to an undisclosed address' });
  });
});

describe('failures', () => {
  it('an error status without Retry-After carries no retry hint at all', async () => {
    const { result } = fetchWith(() => page('<h1>503 Service Unavailable</h1>', {}, 503));
    expect(await result()).toStrictEqual({ status: 'unreachable', cause: 'http-status', detail: 'HTTP 503' });
  });

  it("a fetch that rejects with something other than an Error is described by it (a polyfill's string)", async () => {
    const { result } = fetchWith(() => Promise.reject('net::ERR_INTERNET_DISCONNECTED'));
    expect(await result()).toEqual({ status: 'unreachable', cause: 'network', detail: 'net::ERR_INTERNET_DISCONNECTED' });
  });
});

describe('the size cap', () => {
  it('an answer declaring more than the cap is refused before it is read', async () => {
    const { result } = fetchWith(() => page('<p>short</p>', { 'content-type': 'text/html', 'content-length': '2000' }), {
      maxBytes: 1000,
    });
    expect(await result()).toEqual({ status: 'unreachable', cause: 'too-large', detail: '2000 bytes' });
  });

  it('an answer of exactly the cap is read, declared or not', async () => {
    const body = 'x'.repeat(1000);
    for (const headers of [
      { 'content-type': 'text/plain' },
      { 'content-type': 'text/plain', 'content-length': '1000' },
    ] as Record<string, string>[]) {
      const { result } = fetchWith(() => page(body, headers), { maxBytes: 1000 });
      expect(await result()).toMatchObject({ status: 'ok', text: body, receipt: { bytes: 1000 } });
    }
  });

  it('an undeclared answer one byte over the cap is refused while it is read', async () => {
    const { result } = fetchWith(() => page('x'.repeat(1001), { 'content-type': 'text/plain' }), { maxBytes: 1000 });
    expect(await result()).toEqual({ status: 'unreachable', cause: 'too-large', detail: 'more than 1000 bytes' });
  });

  it('an answer without a body is an empty page, with the digest of nothing', async () => {
    const { result } = fetchWith(() => page(null));
    expect(await result()).toMatchObject({ status: 'ok', text: '', receipt: { bytes: 0, sha256: EMPTY_SHA256 } });
  });
});

describe('the receipt', () => {
  it('a GBK page arriving in chunks (split inside a character) is put together in order; the receipt holds its digest', async () => {
    const parts = [FOOTER_GBK.slice(0, 4), FOOTER_GBK.slice(4, 19), FOOTER_GBK.slice(19)];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new Uint8Array(part));
        controller.close();
      },
    });
    const { result } = fetchWith(() => page(body, { 'content-type': 'Text/HTML ;charset=GBK' }), {
      now: () => Date.parse('2026-11-30T08:00:00Z'),
    });
    expect(await result()).toEqual({
      status: 'ok',
      text: FOOTER_TEXT,
      contentType: 'text/html',
      httpStatus: 200,
      receipt: { url: CERT_URL, fetchedAt: '2026-11-30T08:00:00.000Z', sha256: FOOTER_GBK_SHA256, bytes: 33 },
    });
  });
});

describe('the timeout', () => {
  it('leaves no timer behind once the answer is in', async () => {
    vi.useFakeTimers();
    const { result } = fetchWith(() => page('<p>ok</p>'));
    expect(await result()).toMatchObject({ status: 'ok' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a server whose fetch ignores the abort and answers late is still a timeout', async () => {
    vi.useFakeTimers();
    const late = () =>
      new Promise<Response>((resolve) =>
        setTimeout(() => {
          let cancelled = false;
          const body = new ReadableStream<Uint8Array>({
            pull: (controller) =>
              new Promise<void>((done) =>
                setTimeout(() => {
                  if (!cancelled) {
                    controller.enqueue(new Uint8Array(ascii('<p>late</p>')));
                    controller.close();
                  }
                  done();
                }, 10),
              ),
            cancel: () => {
              cancelled = true;
            },
          });
          resolve(page(body));
        }, 50),
      );
    const { result } = fetchWith(late, { timeoutMs: 20 });
    const pending = result();
    await vi.advanceTimersByTimeAsync(100);
    expect(await pending).toEqual({ status: 'unreachable', cause: 'timeout', detail: 'no answer in 20 ms' });
  });

  it('a body still streaming at the timeout is cancelled, not left running', async () => {
    vi.useFakeTimers();
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}), cancel });
    const { result } = fetchWith(() => page(body), { timeoutMs: 20 });
    const pending = result();
    await vi.advanceTimersByTimeAsync(30);
    expect(await pending).toEqual({ status: 'unreachable', cause: 'timeout', detail: 'no answer in 20 ms' });
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});

describe('the charset', () => {
  const gbkPage = (head: string) => new Uint8Array([...ascii(head), ...FOOTER_GBK]);

  it.each([
    ['the header', 'text/html; charset=GBK', ''],
    ['a JSP-style http-equiv <meta>', 'text/html', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'],
    [
      'an old ASP upper-case <META> in single quotes',
      'text/html',
      "<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=GBK'>",
    ],
    ['an HTML5 <meta charset>', 'text/html', '<meta charset="gbk">'],
    ['an unquoted <meta charset>', '', '<meta charset=gbk>'],
  ])('a GBK page is read when %s names its charset', (_where, contentType, head) => {
    expect(decode(gbkPage(head), contentType)).toBe(`${head}${FOOTER_TEXT}`);
  });

  it('the header decides over a <meta charset>', () => {
    const bytes = new Uint8Array([...ascii('<meta charset="gbk">'), 229, 140, 151, 228, 186, 172]);
    expect(decode(bytes, 'text/html; charset=utf-8')).toBe('<meta charset="gbk">北京');
  });

  it.each([
    ['no charset anywhere', 'text/html'],
    ['a charset no decoder knows', 'text/html; charset=x-unknown-charset'],
  ])('with %s, the page is read as UTF-8', (_case, contentType) => {
    expect(decode(new Uint8Array([...ascii('<p>'), 229, 140, 151, 228, 186, 172]), contentType)).toBe('<p>北京');
  });

  it.each([
    ['UTF-8', [0xef, 0xbb, 0xbf, 229, 140, 151, 228, 186, 172]],
    ['UTF-16LE', [0xff, 0xfe, 23, 83, 172, 78]],
    ['UTF-16BE', [0xfe, 0xff, 83, 23, 78, 172]],
  ])('a %s byte-order mark decides over the header, and is dropped', (_bom, bytes) => {
    expect(decode(new Uint8Array(bytes), 'text/html; charset=gbk')).toBe('北京');
  });

  // Pages that merely start like a byte-order mark (decoded texts from Python's codecs).
  it.each([
    ['GBK 踊靠: a second and third byte of the UTF-8 mark', [0xd3, 0xbb, 0xbf, 0xbf], 'gbk', '踊靠'],
    ['GBK 锟靠: its first and third byte', [0xef, 0xbf, 0xbf, 0xbf], 'gbk', '锟靠'],
    ['GBK 锘A: its first two bytes', [0xef, 0xbb, 0x41], 'gbk', '锘A'],
    ['GBK 剥: the second byte of the UTF-16LE mark', [0xb0, 0xfe], 'gbk', '剥'],
    ['Latin-1 ÿA: the first byte of the UTF-16LE mark', [0xff, 0x41], 'iso-8859-1', 'ÿA'],
    ['Latin-1 Aÿ: the second byte of the UTF-16BE mark', [0x41, 0xff], 'iso-8859-1', 'Aÿ'],
    ['Latin-1 þA: the first byte of the UTF-16BE mark', [0xfe, 0x41], 'iso-8859-1', 'þA'],
  ])('%s, is no byte-order mark', (_case, bytes, charset, text) => {
    expect(decode(new Uint8Array(bytes), `text/plain; charset=${charset}`)).toBe(text);
  });
});
