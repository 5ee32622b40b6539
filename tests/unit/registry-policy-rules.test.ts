// @vitest-environment node
/** The registry policy's boundaries: which failures are asked again, how long a Retry-After is waited for, how it is read. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Fetched, fetchText, type Unreachable } from '../../utils/engine/fetch-text';
import {
  createRateLimiter,
  isTransient,
  parseRetryAfter,
  politeRegistry,
  realClock,
  registryPolicy,
} from '../../utils/engine/registry-policy';
import { fakeClock } from './fake-clock';

const failed = (cause: Unreachable['cause'], detail: string, retryAfterMs?: number): Unreachable => ({
  status: 'unreachable',
  cause,
  detail,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('which failures are asked again', () => {
  it.each([
    ['HTTP 428', false],
    ['HTTP 429', true],
    ['HTTP 499', false],
    ['HTTP 500', true],
    ['HTTP 502', true],
    ['HTTP 599', true],
  ])('an %s answer: %s', (detail, transient) => {
    expect(isTransient(failed('http-status', detail))).toBe(transient);
  });

  it('the cause decides, not the wording: a redirect to "data:,HTTP 503" is final, asked once', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 302, headers: { location: 'data:,HTTP 503' } }));
    const policy = registryPolicy({ limiter: async () => {}, clock: fakeClock(), random: () => 0 });
    const result = await policy.request(() =>
      fetchText('https://bszs.conac.cn/sitename?method=show&id=1', {
        fetch: fetch as unknown as typeof globalThis.fetch,
        redirects: 'same-host',
      }),
    );
    expect(result).toEqual(failed('redirect', 'data:,HTTP 503'));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('Retry-After', () => {
  it.each([
    [60_000, 2, [60_000]],
    [60_001, 1, []],
  ])('a Retry-After of %i ms: %i requests (a minute is waited for, not a moment more)', async (retryAfterMs, requests, slept) => {
    const clock = fakeClock();
    const policy = registryPolicy({ limiter: async () => {}, clock, random: () => 0 });
    const ok: Fetched = {
      status: 'ok',
      text: '',
      contentType: 'text/html',
      httpStatus: 200,
      receipt: { url: 'x', fetchedAt: '', sha256: '', bytes: 0 },
    };
    const send = vi
      .fn<() => Promise<Fetched>>()
      .mockResolvedValueOnce(failed('http-status', 'HTTP 429', retryAfterMs))
      .mockResolvedValue(ok);
    await policy.request(send);
    expect(send).toHaveBeenCalledTimes(requests);
    expect(clock.slept).toEqual(slept);
  });

  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 5 ', 5_000],
    ['5x', undefined],
    ['x5', undefined],
    ['', undefined],
  ])('%j is read as %s ms', (value, ms) => {
    expect(parseRetryAfter(value, Date.parse('2026-11-30T08:00:00Z'))).toBe(ms);
  });

  it('a date already past means "now"', () => {
    expect(parseRetryAfter('Mon, 30 Nov 2026 07:59:00 GMT', Date.parse('2026-11-30T08:00:00Z'))).toBe(0);
  });
});

describe('the real clock and the default policy', () => {
  it("the real clock's sleep ends when its time is up, not before", async () => {
    vi.useFakeTimers();
    let woke = false;
    const sleeping = realClock.sleep(1000).then(() => {
      woke = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(woke).toBe(true);
  });

  it('a rate of zero is refused, saying so', () => {
    expect(() => createRateLimiter(0, fakeClock())).toThrow(new RangeError('a rate of 0 requests a second'));
  });

  it('a polite registry spaces requests by its rate and retries by its options', async () => {
    const clock = fakeClock();
    const policy = politeRegistry(2, { retries: 1, baseMs: 100 }, clock, () => 1);
    const send = vi.fn(async () => failed('timeout', 'no answer in 8000 ms'));
    expect(await policy.request(send)).toEqual(failed('timeout', 'no answer in 8000 ms'));
    // One retry after a backoff of 100 ms (× 100 % jitter), then the rest of the 500 ms spacing of 2 a second.
    expect(send).toHaveBeenCalledTimes(2);
    expect(clock.slept).toEqual([100, 400]);
    expect(policy.stats).toEqual({ requests: 2, retries: 1, failures: 1 });
  });
});
