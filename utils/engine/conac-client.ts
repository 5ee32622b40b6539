/**
 * Talks to the CONAC hosts, and only to them: certificate pages and embed scripts.
 * Every request has a timeout and a size cap; redirects are never followed off the host.
 */
import type { Cache } from './cache';
import { type CertificateParse, parseCertificate } from './certificate';
import { CERTIFICATE_HOST, certificateUrl, SCRIPT_HOST } from './conac';
import type { Receipt } from './fetch-text';
import { type Fetched, fetchText, type Unreachable } from './fetch-text';
import type { RegistryPolicy } from './registry-policy';

export type { Unreachable } from './fetch-text';

/**
 * `renderedPage`: GovMark's own fetch could not be read, and the certificate was read from the
 * certificate page the person opened, after its scripts ran (see rendered-certificate.ts).
 */
export type CertificateLookup =
  | (CertificateParse & { receipt?: Receipt; renderedPage?: { url: string; readAt: string } })
  | Unreachable;
export type ScriptLookup = { status: 'ok'; certId: string } | { status: 'unresolved'; detail: string } | Unreachable;

export interface ConacClient {
  certificate(certId: string): Promise<CertificateLookup>;
  scriptCertId(scriptCode: string): Promise<ScriptLookup>;
}

export interface ConacClientOptions {
  fetch: typeof fetch;
  /** Send every request to this origin instead of the CONAC hosts (mirrors, tests). */
  origin?: string;
  timeoutMs?: number;
  maxBytes?: number;
  cache?: Cache<CertificateLookup | ScriptLookup>;
  now?: () => number;
  /** Rate limit and retries shared by every lookup (the batch); without it, one attempt each, at once. */
  policy?: RegistryPolicy;
}

const DAY = 24 * 60 * 60 * 1000;
/** A certificate rarely changes; a missing one may be issued soon. Failures are never cached. */
const TTL = { found: DAY, notFound: 60 * 60 * 1000 };

export function createConacClient(options: ConacClientOptions): ConacClient {
  const { origin, cache, now = Date.now, policy } = options;
  // Redirects stay on the CONAC host they started from: the registry's answer must come from the registry.
  const once = (url: string) => fetchText(url, { ...options, now, redirects: 'same-host' });
  const get = async (url: string): Promise<Fetched> => {
    const result = policy ? await policy.request(() => once(url)) : await once(url);
    // The retry hint served the policy; a lookup records only what failed.
    const { retryAfterMs: _, ...answer } = result;
    return answer;
  };
  /** Lookups under way, by key: sites sharing a certificate or script wait for the one request. */
  const pending = new Map<string, Promise<CertificateLookup | ScriptLookup>>();

  async function cached<T extends CertificateLookup | ScriptLookup>(
    key: string,
    load: () => Promise<T>,
    ttlOf: (value: T) => number,
  ): Promise<T> {
    const running = pending.get(key);
    if (running) return running as Promise<T>;
    const lookup = (async () => {
      const hit = (await cache?.get(key).catch(() => undefined)) as T | undefined;
      if (hit) return hit;
      const value = await load();
      const ttl = ttlOf(value);
      if (ttl > 0) await cache?.set(key, value, ttl).catch(() => undefined);
      return value;
    })().finally(() => pending.delete(key));
    pending.set(key, lookup);
    return lookup;
  }

  async function readCertificate(url: string, certId: string): Promise<CertificateLookup> {
    const response = await get(url);
    if (response.status === 'unreachable') return response;
    if (!/html|text\/plain/i.test(response.contentType) && response.contentType !== '') {
      return { status: 'unreadable', detail: `answered with ${response.contentType}` };
    }
    const parsed = parseCertificate(response.text, certId);
    // The registry's not-found answer is a plain 200 from the certificate host (redirects never leave it, see
    // `once`); anything else saying so is not it.
    const fromRegistry = response.httpStatus === 200;
    if (parsed.status === 'not-found' && !fromRegistry) {
      return {
        status: 'unreadable',
        detail: `a not-found page in an HTTP ${response.httpStatus} answer`,
        receipt: response.receipt,
      };
    }
    return { ...parsed, receipt: response.receipt };
  }

  return {
    certificate: (certId) =>
      cached<CertificateLookup>(
        certificateCacheKey(certId),
        async () => {
          const url = certificateUrl(certId, origin ?? `https://${CERTIFICATE_HOST}`);
          const first = await readCertificate(url, certId);
          // "Does not exist" is shown as danger: ask once more, afresh, before believing it.
          return first.status === 'not-found' ? readCertificate(url, certId) : first;
        },
        (value) =>
          value.status === 'ok' ? TTL.found : value.status === 'not-found' || value.status === 'revoked' ? TTL.notFound : 0,
      ),
    scriptCertId: (scriptCode) =>
      cached<ScriptLookup>(
        `script:${scriptCode}`,
        async () => {
          const response = await get(embedScriptUrl(scriptCode, origin));
          if (response.status === 'unreachable') return response;
          return certIdInScript(response.text);
        },
        (value) => (value.status === 'ok' ? TTL.found : 0),
      ),
  };
}

/** Where a certificate lookup is cached (by the client, and by the rendered-page fallback). */
export const certificateCacheKey = (certId: string) => `cert:${certId}`;
/** How long a certificate read is kept. */
export const CERTIFICATE_TTL_MS = TTL.found;

/** The script's path is derived from its code: /js/AA/BBB/CCCC/NNNNNNNN/CA….js */
export function embedScriptUrl(scriptCode: string, origin = `https://${SCRIPT_HOST}`): string {
  const d = scriptCode.slice(2);
  return `${origin}/js/${d.slice(0, 2)}/${d.slice(2, 5)}/${d.slice(5, 9)}/${d.slice(9, 17)}/${scriptCode}.js`;
}

/**
 * The certificate id in an embed script: after `id=` in the link it writes, or else the one
 * 32-hex string it holds (scripts that assemble the link from a variable). Two different ones are ambiguous.
 */
export function certIdInScript(script: string): ScriptLookup {
  const inLink = /[?&]id=([0-9A-Fa-f]{32})(?![0-9A-Fa-f])/.exec(script)?.[1];
  if (inLink) return { status: 'ok', certId: inLink.toUpperCase() };
  const quoted = new Set([...script.matchAll(/["']([0-9A-Fa-f]{32})["']/g)].map((m) => m[1].toUpperCase()));
  if (quoted.size === 1) return { status: 'ok', certId: [...quoted][0] };
  return {
    status: 'unresolved',
    detail: quoted.size ? 'several candidate ids in the script' : 'no certificate id in the script',
  };
}
