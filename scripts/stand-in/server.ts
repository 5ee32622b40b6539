/**
 * A local stand-in for bszs.conac.cn (certificate pages), dcs.conac.cn (embed scripts, mark
 * images) and sample government sites: one port on 127.0.0.1 speaking http and https, because
 * Chromium's --host-resolver-rules maps a host to one port whatever the scheme.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import {
  certificatePage,
  ENDLESS_CHUNK,
  embedScript,
  endlessPageStart,
  hugeCertificatePage,
  maintenancePage,
  notFoundPage,
  serverErrorPage,
  soft404Page,
  wafPage,
} from './pages';
import { type MarkImage, markPng } from './png';
import { type CertificateRecord, findById, findByScriptCode, scriptPath } from './registry';
import { selfSignedCertificate } from './tls';

export interface StandInOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Host name (Chinese names allowed) → the HTML served at that host's `/`; `host/path` → the HTML at that path. */
  sites?: Record<string, string>;
  /** `host/path` (or a host: its `/`) → where a 302 sends the client. */
  redirects?: Record<string, string>;
  /** Pages made on request, for lists too long to hold (the bench's 10,000 sites): host and path → HTML, or undefined for 404. */
  siteFor?: (host: string, path: string) => string | undefined;
  /** How long the `slow` certificate takes to answer. */
  slowMs?: number;
}

export interface StandInRequest {
  /** From the Host header, without the port. */
  host: string;
  /** Path and query. */
  path: string;
  scheme: 'http' | 'https';
}

export interface StandIn {
  port: number;
  /** `http://127.0.0.1:<port>`; the same port answers https. */
  origin: string;
  close(): Promise<void>;
  /** While down, every CONAC route drops the connection without an answer. */
  setDown(down: boolean): void;
  requests: StandInRequest[];
  /** The next `count` registry requests answer `status` (429 or 503) with Retry-After `retryAfterS`, then normally again. */
  failNext(count: number, status: 429 | 503, retryAfterS?: number): void;
  /** Registry requests (certificates, scripts, images) since the start or the last reset, and the most in one calendar second. */
  registryCounts(): { total: number; peakPerSecond: number };
  resetRegistryCounts(): void;
  /** Requests whose answer is over: sent in full, or cut off. Tests wait on this, not on a clock. */
  over: StandInRequest[];
}

export const HUGE_BYTES = 5 * 1024 * 1024;
const ENDLESS_INTERVAL_MS = 200;
/**
 * Where the `redirect` certificate sends the client: off the CONAC host. That host answers with a
 * normal-looking certificate, so a client that follows the redirect is fooled rather than failing.
 */
export const REDIRECT_TARGET = 'http://evil.example/';
const REDIRECT_HOST = new URL(REDIRECT_TARGET).hostname;

const HTML = 'text/html; charset=utf-8';
const SCRIPT_ROUTE = /^\/js\/(\d{2})\/(\d{3})\/(\d{4})\/(\d{8})\/(CA\d{21})\.js$/;
const IMAGE_ROUTE = /^\/image\/(red|blue|red_error|blue_error)\.png$/;

function hostOf(req: IncomingMessage): string {
  const header = req.headers.host ?? '';
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return header.toLowerCase();
  }
}

function normaliseHost(host: string): string {
  return new URL(`http://${host}`).hostname;
}

/** `host` or `host/path` → `host/path` with the host as the URL standard writes it. */
function pageKey(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? `${normaliseHost(key)}/` : normaliseHost(key.slice(0, slash)) + key.slice(slash);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    // Tests flip the service up and down; a cached answer would hide that.
    'cache-control': 'no-store',
  });
  res.end(body);
}

export async function startStandIn(opts: StandInOptions = {}): Promise<StandIn> {
  const tls = await selfSignedCertificate();
  const slowMs = opts.slowMs ?? 10_000;
  const sites = new Map(Object.entries(opts.sites ?? {}).map(([key, html]) => [pageKey(key), html]));
  const redirects = new Map(Object.entries(opts.redirects ?? {}).map(([key, target]) => [pageKey(key), target]));
  const requests: StandInRequest[] = [];
  const over: StandInRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let down = false;
  let failing: { count: number; status: number; retryAfterS?: number } = { count: 0, status: 503 };
  /** Registry requests per calendar second (epoch second → count). */
  let perSecond = new Map<number, number>();
  let hugePage: Buffer | undefined;

  function track(res: ServerResponse, timer: NodeJS.Timeout): void {
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  }

  function certificate(res: ServerResponse, record: CertificateRecord | undefined, host: string): void {
    if (!record) return send(res, 200, HTML, notFoundPage());
    switch (record.behaviour) {
      case undefined:
        return send(res, 200, HTML, certificatePage(record));
      case 'slow': {
        const timer = setTimeout(() => send(res, 200, HTML, certificatePage(record)), slowMs);
        track(res, timer);
        return;
      }
      case 'endless': {
        res.writeHead(200, { 'content-type': HTML, 'cache-control': 'no-store' });
        res.write(endlessPageStart());
        const timer = setInterval(() => res.write(ENDLESS_CHUNK), ENDLESS_INTERVAL_MS);
        track(res, timer);
        return;
      }
      case 'huge':
        hugePage ??= Buffer.from(hugeCertificatePage(record, HUGE_BYTES));
        return send(res, 200, HTML, hugePage);
      case 'redirect':
        if (host === REDIRECT_HOST) return send(res, 200, HTML, certificatePage(record));
        res.writeHead(302, { location: `${REDIRECT_TARGET}sitename?method=show&id=${record.id}`, 'cache-control': 'no-store' });
        return void res.end();
      case 'octet-stream':
        return send(res, 200, 'application/octet-stream', certificatePage(record));
      case 'image':
        return send(res, 200, 'image/png', markPng(record.color));
      case 'unlabelled':
        return send(res, 200, HTML, maintenancePage());
      case 'revoked':
        return send(res, 200, HTML, certificatePage(record));
      case 'server-error':
        return send(res, 500, HTML, serverErrorPage());
      case 'waf':
        return send(res, 200, HTML, wafPage());
      case 'soft-404':
        return send(res, 200, HTML, soft404Page());
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse, scheme: 'http' | 'https'): void {
    const host = hostOf(req);
    const path = req.url ?? '/';
    const request: StandInRequest = { host, path, scheme };
    requests.push(request);
    res.on('close', () => over.push(request));
    const url = new URL(path, 'http://stand-in');

    const script = SCRIPT_ROUTE.exec(url.pathname);
    const image = IMAGE_ROUTE.exec(url.pathname);
    if (url.pathname === '/sitename' || script || image) {
      const second = Math.floor(Date.now() / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
      if (down) return void req.socket.destroy();
      if (failing.count > 0) {
        failing.count--;
        const headers = failing.retryAfterS === undefined ? {} : { 'retry-after': String(failing.retryAfterS) };
        res.writeHead(failing.status, { 'content-type': 'text/plain', 'cache-control': 'no-store', ...headers });
        return void res.end(failing.status === 429 ? 'Too Many Requests' : 'Service Unavailable');
      }
      if (script) {
        const record = findByScriptCode(script[5]!);
        // The directories repeat the code; a path whose directories disagree is not a real script.
        if (!record || scriptPath(record.scriptCode) !== url.pathname) return send(res, 404, HTML, notFoundPage());
        return send(res, 200, 'application/javascript; charset=utf-8', embedScript(record));
      }
      if (image) return send(res, 200, 'image/png', markPng(image[1] as MarkImage));
      const id = url.searchParams.get('method') === 'show' ? url.searchParams.get('id') : null;
      return certificate(res, id ? findById(id) : undefined, host);
    }

    const redirect = redirects.get(host + url.pathname);
    if (redirect !== undefined) {
      res.writeHead(302, { location: redirect, 'cache-control': 'no-store' });
      return void res.end();
    }
    const site = sites.get(host + url.pathname);
    if (site !== undefined) return send(res, 200, HTML, site);
    const made = opts.siteFor?.(host, url.pathname + url.search);
    if (made !== undefined) return send(res, 200, HTML, made);
    send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
  }

  const httpServer = createHttpServer((req, res) => handle(req, res, 'http'));
  const httpsServer = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => handle(req, res, 'https'));
  // Idle keep-alive connections are closed by the client (Node's fetch: after 4 s), never by the
  // stand-in: when both close at once a reused connection fails, and a test reads that as an outage.
  for (const s of [httpServer, httpsServer]) s.keepAliveTimeout = 60_000;

  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // clients abort mid-answer on purpose (timeouts, endless pages)
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      // 0x16 opens a TLS handshake record; anything else is plain HTTP.
      (first[0] === 0x16 ? httpsServer : httpServer).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in: no TCP address');
  const port = address.port;

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    over,
    setDown(value: boolean) {
      down = value;
    },
    failNext(count, status, retryAfterS) {
      failing = { count, status, retryAfterS };
    },
    registryCounts() {
      const counts = [...perSecond.values()];
      return { total: counts.reduce((a, b) => a + b, 0), peakPerSecond: Math.max(0, ...counts) };
    },
    resetRegistryCounts() {
      perSecond = new Map();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
