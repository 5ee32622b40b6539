/** Fetches a text resource with a timeout, a size cap, a charset-aware decoder and a receipt. */
import { parseRetryAfter } from './registry-policy';

export type FailureCause = 'network' | 'timeout' | 'redirect' | 'http-status' | 'too-large';

export interface Unreachable {
  status: 'unreachable';
  cause: FailureCause;
  detail: string;
  /** HTTP 429/503's Retry-After, for the registry's retry policy; never part of a stored lookup. */
  retryAfterMs?: number;
}

/** What was received, for evidence: where from (after redirects), when, and a SHA-256 of the bytes. */
export interface Receipt {
  url: string;
  fetchedAt: string;
  sha256: string;
  bytes: number;
}

export type Fetched =
  // retryAfterMs?: never lets a caller drop a failure's retry hint from either kind of answer alike.
  { status: 'ok'; text: string; contentType: string; receipt: Receipt; httpStatus: number; retryAfterMs?: never } | Unreachable;

export interface FetchTextOptions {
  fetch: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  /** 'same-host': a redirect to another host is a failure and is not followed. */
  redirects: 'same-host' | 'follow';
  now?: () => number;
}

const MAX_REDIRECTS = 5;

export async function fetchText(url: string, options: FetchTextOptions): Promise<Fetched> {
  // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
  const { fetch: get, timeoutMs = 8000, maxBytes = 512 * 1024, now = Date.now } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await get(current, {
        signal: controller.signal,
        redirect: 'manual',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
      // Browsers hide a manual redirect's target, so it cannot be checked: refuse it.
      if (response.type === 'opaqueredirect') return unreachable('redirect', 'a redirect to an undisclosed address');
      // A 3xx without a Location (304, a broken redirect) leads nowhere: it is an HTTP-status failure below.
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        const target = new URL(location, current);
        const offHost = options.redirects === 'same-host' && target.host !== new URL(current).host;
        if (offHost || hop >= MAX_REDIRECTS || !['http:', 'https:'].includes(target.protocol))
          return unreachable('redirect', target.host || target.href);
        current = target.href;
        continue;
      }
      if (!response.ok) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        const failure = unreachable('http-status', `HTTP ${response.status}`);
        return retryAfterMs === undefined ? failure : { ...failure, retryAfterMs };
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) return unreachable('too-large', `${declared} bytes`);
      const bytes = await readCapped(response, maxBytes, controller.signal);
      if (!bytes) return unreachable('too-large', `more than ${maxBytes} bytes`);
      const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      return {
        status: 'ok',
        text: decode(bytes, contentType),
        contentType: contentType.split(';')[0].trim(),
        httpStatus: response.status,
        receipt: { url: current, fetchedAt: new Date(now()).toISOString(), sha256: await sha256(bytes), bytes: bytes.length },
      };
    }
  } catch (error) {
    if (controller.signal.aborted) return unreachable('timeout', `no answer in ${timeoutMs} ms`);
    return unreachable('network', networkFailure(error));
  } finally {
    clearTimeout(timer);
  }
}

/** Node's fetch says only "fetch failed"; what failed (host not found, refused, TLS) is in its cause. */
function networkFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return cause && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message;
}

function unreachable(cause: FailureCause, detail: string): Unreachable {
  return { status: 'unreachable', cause, detail };
}

/** Reads the body, giving up (null) past the cap so a never-ending answer cannot fill memory. */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  // Not every fetch ties its body to the abort signal: race each read against it.
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason));
    if (signal.aborted) reject(signal.reason);
  });
  aborted.catch(() => reader.cancel().catch(() => undefined));
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await Promise.race([reader.read(), aborted]);
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Chinese sites still serve GBK: a byte-order mark decides first (as in browsers, over the header
 * and a <meta charset>), then the header, then a <meta charset>, else UTF-8.
 */
export function decode(bytes: Uint8Array, contentType: string): string {
  const bom = bomCharset(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const charset = bom ?? /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  try {
    // TextDecoder drops a BOM that matches its encoding; without a label it decodes UTF-8.
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

function bomCharset(bytes: Uint8Array): string | undefined {
  // Stryker disable next-line StringLiteral: TextDecoder refuses an empty label, and the fallback decodes UTF-8 all the same
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
