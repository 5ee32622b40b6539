/**
 * A `fetch` for Node that sends every request to one port on 127.0.0.1, whatever the host name,
 * keeping the host in the Host header: Node's counterpart of Chromium's --host-resolver-rules,
 * so the batch engine can fetch `http://www.bench-001.gov.cn/` from the stand-in.
 * Plain http only (the stand-in answers http and https on one port). Redirects are returned,
 * never followed (fetchText follows them itself, as with `redirect: 'manual'`).
 */
import { request } from 'node:http';
import { Readable } from 'node:stream';

export function loopbackFetch(port: number): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const signal = init?.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: init?.method ?? 'GET',
          path: `${url.pathname}${url.search}`,
          headers: { host: url.host },
          agent: false,
        },
        (res) => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = res.statusCode ?? 500;
          const bodyless = status === 204 || status === 304 || (status >= 300 && status < 400);
          if (bodyless) res.resume();
          resolve(new Response(bodyless ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers }));
        },
      );
      const abort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal?.addEventListener('abort', abort, { once: true });
      req.on('error', reject);
      req.on('close', () => signal?.removeEventListener('abort', abort));
      req.end();
    });
}
