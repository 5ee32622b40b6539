// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../scripts/seeded-random';
import { createConacClient } from '../../utils/engine/conac-client';
import type { Fetched } from '../../utils/engine/fetch-text';
import { backoffMs, createRateLimiter, isTransient, parseRetryAfter, registryPolicy } from '../../utils/engine/registry-policy';
import { fakeClock } from './fake-clock';
import { BEIJING_ID } from './helpers';

const ok: Fetched = {
  status: 'ok',
  text: '',
  contentType: 'text/html',
  httpStatus: 200,
  receipt: { url: 'x', fetchedAt: '', sha256: '', bytes: 0 },
};
const failed = (cause: 'timeout' | 'network' | 'http-status' | 'redirect', detail = '', retryAfterMs?: number): Fetched => ({
  status: 'unreachable',
  cause,
  detail,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

describe('the rate limiter', () => {
  it('grants at most n requests in any second, however many callers wait at once', async () => {
    const clock = fakeClock();
    const limit = createRateLimiter(4, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 10 }, () => limit().then(() => times.push(clock.now()))));
    expect(times).toHaveLength(10);
    const start = times[0]!;
    // One every 250 ms: never a burst that could land in the same second as the next.
    expect(times.map((t) => t - start)).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250]);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(4);
  });

  it('does not wait when the caller is slower than the limit', async () => {
    const clock = fakeClock();
    const limit = createRateLimiter(4, clock);
    for (let i = 0; i < 5; i++) {
      await limit();
      await clock.sleep(300);
    }
    expect(clock.slept).toEqual([300, 300, 300, 300, 300]);
  });

  it('takes fractions (a shard of a split budget), and refuses a rate of zero', async () => {
    const clock = fakeClock();
    const limit = createRateLimiter(0.5, clock);
    await limit();
    await limit();
    expect(clock.slept).toEqual([2000]);
    expect(() => createRateLimiter(0, fakeClock())).toThrow(RangeError);
  });
});

describe('retries', () => {
  it('retries timeouts, dropped connections, 429 and 5xx, and nothing else', () => {
    expect(isTransient(failed('timeout'))).toBe(true);
    expect(isTransient(failed('network'))).toBe(true);
    expect(isTransient(failed('http-status', 'HTTP 429'))).toBe(true);
    expect(isTransient(failed('http-status', 'HTTP 503'))).toBe(true);
    expect(isTransient(failed('http-status', 'HTTP 404'))).toBe(false);
    expect(isTransient(failed('redirect', 'evil.example'))).toBe(false);
    expect(isTransient(ok)).toBe(false);
  });

  it('backs off exponentially with jitter between half and all of the step', () => {
    expect(backoffMs(0, 500, () => 0)).toBe(250);
    expect(backoffMs(0, 500, () => 1)).toBe(500);
    expect(backoffMs(2, 500, () => 0.5)).toBe(1500);
  });

  it('asks again after a 429, waiting at least its Retry-After, then takes the answer', async () => {
    const clock = fakeClock();
    const policy = registryPolicy({ limiter: async () => {}, clock, random: () => 0 });
    const send = vi
      .fn<() => Promise<Fetched>>()
      .mockResolvedValueOnce(failed('http-status', 'HTTP 429', 3000))
      .mockResolvedValueOnce(failed('http-status', 'HTTP 503'))
      .mockResolvedValueOnce(ok);
    expect(await policy.request(send)).toBe(ok);
    expect(send).toHaveBeenCalledTimes(3);
    // Retry-After 3 s beats the first backoff (250 ms); the second retry backs off 2 × 500 × 50 %.
    expect(clock.slept).toEqual([3000, 500]);
    expect(policy.stats).toEqual({ requests: 3, retries: 2, failures: 0 });
  });

  it('gives up after three retries and returns the last failure', async () => {
    const clock = fakeClock();
    const policy = registryPolicy({ limiter: async () => {}, clock, random: seededRandom(7) });
    const send = vi.fn(async () => failed('timeout', 'no answer in 10 ms'));
    expect(await policy.request(send)).toEqual(failed('timeout', 'no answer in 10 ms'));
    expect(send).toHaveBeenCalledTimes(4);
    expect(clock.slept).toHaveLength(3);
    clock.slept.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(250 * 2 ** i);
      expect(ms).toBeLessThanOrEqual(500 * 2 ** i);
    });
    expect(policy.stats).toEqual({ requests: 4, retries: 3, failures: 1 });
  });

  it('does not wait out a Retry-After longer than a minute', async () => {
    const clock = fakeClock();
    const policy = registryPolicy({ limiter: async () => {}, clock, random: () => 0 });
    const send = vi.fn(async () => failed('http-status', 'HTTP 429', 3_600_000));
    expect((await policy.request(send)).status).toBe('unreachable');
    expect(send).toHaveBeenCalledTimes(1);
    expect(clock.slept).toEqual([]);
  });

  it('every attempt, retries included, passes the limiter', async () => {
    const limiter = vi.fn(async () => {});
    const policy = registryPolicy({ limiter, clock: fakeClock(), random: () => 0 });
    await policy.request(vi.fn<() => Promise<Fetched>>().mockResolvedValueOnce(failed('network')).mockResolvedValueOnce(ok));
    expect(limiter).toHaveBeenCalledTimes(2);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('the client with a policy', () => {
  const page =
    '<table><tr><th>机构名称</th><td>北京市人民政府</td></tr><tr><th>域名</th><td>www.beijing.gov.cn</td></tr></table>';

  it('sees through a 429 with Retry-After to the certificate, and records no retry hint', async () => {
    const clock = fakeClock();
    let calls = 0;
    const fetch = (async () =>
      ++calls === 1
        ? new Response('busy', { status: 429, headers: { 'retry-after': '1' } })
        : new Response(page, { headers: { 'content-type': 'text/html' } })) as typeof globalThis.fetch;
    const policy = registryPolicy({ limiter: async () => {}, clock, random: () => 0 });
    const lookup = await createConacClient({ fetch, policy }).certificate(BEIJING_ID);
    expect(lookup).toMatchObject({ status: 'ok', certificate: { holder: '北京市人民政府' } });
    expect(clock.slept).toEqual([1000]);
  });

  it('a failure that outlasts the retries is the unreachable lookup, without the retry hint', async () => {
    const fetch = (async () => new Response('x', { status: 503, headers: { 'retry-after': '0' } })) as typeof globalThis.fetch;
    const policy = registryPolicy({ limiter: async () => {}, clock: fakeClock(), random: () => 0 });
    expect(await createConacClient({ fetch, policy }).certificate(BEIJING_ID)).toEqual({
      status: 'unreachable',
      cause: 'http-status',
      detail: 'HTTP 503',
    });
  });

  it('sites sharing a certificate wait for one request', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Response(page, { headers: { 'content-type': 'text/html' } });
    }) as typeof globalThis.fetch;
    const client = createConacClient({ fetch });
    const lookups = await Promise.all(Array.from({ length: 8 }, () => client.certificate(BEIJING_ID)));
    expect(calls).toBe(1);
    expect(new Set(lookups.map((l) => l.status))).toEqual(new Set(['ok']));
  });
});
