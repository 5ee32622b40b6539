/**
 * Being polite to the CONAC registry: one rate limit shared by every check of a run, and retries
 * with exponential backoff and jitter when the registry is busy or briefly away. Pure: the clock,
 * the sleep and the random source are given, so tests drive them by hand.
 */
import type { Fetched } from './fetch-text';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The default: 4 registry requests a second, whatever the number of checks under way. */
export const DEFAULT_REGISTRY_RATE = 4;

/** Resolves when the caller may send its request. */
export type RateLimiter = () => Promise<void>;

/**
 * Grants spaced at least 1000/perSecond ms apart, first come first served, so no window of one
 * second holds more than `perSecond` grants. Spacing rather than bursts: requests that leave
 * together could reach the registry in the same second as the next batch. Each wait is measured
 * from the previous grant's real time, so a late timer only spreads requests further apart.
 */
export function createRateLimiter(perSecond: number, clock: Clock): RateLimiter {
  if (!(perSecond > 0 && Number.isFinite(perSecond))) throw new RangeError(`a rate of ${perSecond} requests a second`);
  const spacing = 1000 / perSecond;
  let last = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();
  const take = async () => {
    for (;;) {
      const wait = last + spacing - clock.now();
      if (wait <= 0) {
        last = clock.now();
        return;
      }
      await clock.sleep(wait);
    }
  };
  return () => {
    const turn = queue.then(take);
    queue = turn;
    return turn;
  };
}

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** The first backoff (default 500 ms); doubled each retry, then jittered to 50–100 %. */
  baseMs?: number;
  /** A Retry-After longer than this is not waited for: the failure stands (default 60 s). */
  maxRetryAfterMs?: number;
}

/** Counts for the report's methods note: how the registry behaved during the run. */
export interface RegistryStats {
  requests: number;
  retries: number;
  /** Lookups that still failed after the retries. */
  failures: number;
}

/**
 * A registry answer worth asking again: a timeout, a dropped connection, HTTP 429 or 5xx.
 * Redirects off the host, oversize answers and other statuses are final.
 */
export function isTransient(result: Fetched): boolean {
  // Stryker disable next-line StringLiteral: no status is '', and an answer's missing cause and detail make it not transient anyway
  if (result.status === 'ok') return false;
  if (result.cause === 'timeout' || result.cause === 'network') return true;
  const code = Number(/HTTP (\d{3})/.exec(result.detail)?.[1]);
  return result.cause === 'http-status' && (code === 429 || code >= 500);
}

/** The wait before retry `attempt` (0-based): 2^attempt × base, jittered to 50–100 % so clients spread out. */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  return baseMs * 2 ** attempt * (0.5 + random() / 2);
}

export interface RegistryPolicy {
  /** Sends one registry request through the limiter, retrying transient failures. */
  request(send: () => Promise<Fetched>): Promise<Fetched>;
  stats: RegistryStats;
}

export function registryPolicy(options: {
  limiter: RateLimiter;
  clock: Clock;
  random: () => number;
  retry?: RetryOptions;
}): RegistryPolicy {
  const { limiter, clock, random } = options;
  const { retries = 3, baseMs = 500, maxRetryAfterMs = 60_000 } = options.retry ?? {};
  const stats: RegistryStats = { requests: 0, retries: 0, failures: 0 };
  return {
    stats,
    async request(send) {
      for (let attempt = 0; ; attempt++) {
        await limiter();
        stats.requests++;
        const result = await send();
        if (!isTransient(result)) return result;
        const retryAfter = result.status === 'unreachable' ? result.retryAfterMs : undefined;
        if (attempt >= retries || (retryAfter ?? 0) > maxRetryAfterMs) {
          stats.failures++;
          return result;
        }
        stats.retries++;
        await clock.sleep(Math.max(retryAfter ?? 0, backoffMs(attempt, baseMs, random)));
      }
    },
  };
}

/** Retry-After in milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  // An empty or blank value is neither a number nor a date (Date.parse gives NaN): no case of its own.
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The policy of a run: `perSecond` registry requests a second at most, transient failures retried. */
export function politeRegistry(
  perSecond = DEFAULT_REGISTRY_RATE,
  retry: RetryOptions = {},
  clock = realClock,
  random = Math.random,
): RegistryPolicy {
  return registryPolicy({ limiter: createRateLimiter(perSecond, clock), clock, random, retry });
}
