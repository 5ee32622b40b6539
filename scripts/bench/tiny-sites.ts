/**
 * Many small sites on one loopback server, for the extension's batch page at 10,000 and 20,000
 * addresses: `http://127.0.0.1:<port>/s/<n>` answers at once with a small page. What each page is
 * follows from n alone, so tests know each address's verdict without asking the code under test:
 * - n % 50 === 7: HTTP 404 (no verdict: unknown);
 * - n % 10 === 3: a page with a CONAC mark linking the certificate of www.beijing.gov.cn (the
 *   registry stand-in has it), which on 127.0.0.1 is a borrowed mark (danger);
 * - otherwise a page without a mark (none).
 */
import { createServer } from 'node:http';
import { BENCH_CERT_ID } from './pages';

export type TinyState = 'unknown' | 'danger' | 'none';

export function tinyState(n: number): TinyState {
  if (n % 50 === 7) return 'unknown';
  return n % 10 === 3 ? 'danger' : 'none';
}

function page(n: number): string {
  const mark =
    tinyState(n) === 'danger'
      ? `<a href="https://bszs.conac.cn/sitename?method=show&amp;id=${BENCH_CERT_ID}"><img src="/red.png" alt="党政机关"></a>`
      : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>站点 ${n}</title></head><body><h1>站点 ${n}</h1><p>主办单位：某某局</p>${mark}</body></html>`;
}

export interface TinySites {
  origin: string;
  /** Requests for each page, by n. */
  requests: Map<number, number>;
  addresses(count: number): string[];
  close(): Promise<void>;
}

export async function startTinySites(): Promise<TinySites> {
  const requests = new Map<number, number>();
  const server = createServer((req, res) => {
    const n = /^\/s\/(\d+)$/.exec(req.url ?? '')?.[1];
    if (n === undefined) return void res.writeHead(404).end();
    requests.set(Number(n), (requests.get(Number(n)) ?? 0) + 1);
    if (tinyState(Number(n)) === 'unknown') return void res.writeHead(404).end('Not Found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(n)));
  });
  // The page's checks come in many at a time.
  server.maxConnections = 1000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    origin,
    requests,
    addresses: (count) => Array.from({ length: count }, (_, n) => `${origin}/s/${n}`),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
