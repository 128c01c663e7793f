import { HttpError, type Guard } from '@nlp-api/service-kit';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Per-client limits: `perMinute` sustained, `burst` at once. rate-limiter-flexible counts in fixed
 * windows, so three counters per client stand in for a token bucket:
 *   - share: the client's part of the minute in the shortest whole-second window (1 s when
 *     `perMinute` is a multiple of 60), so a client over its burst may retry within a second;
 *   - burst: up to `burst` minus that share more (none when the share is already as large), again
 *     once the share would have earned them back;
 *   - minute: `perMinute` in any minute, so the burst never adds to the sustained rate.
 * Counters expire with their windows, so memory holds only the clients seen in the last minutes.
 */
export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  /** Where the counts live; a RateLimiterRedis makes a limit hold across gateway tasks. */
  store?: CounterStore;
}

/** A counter of `points` per `durationSec` window for each key; `name` keeps counters apart in a shared store. */
export type CounterStore = (name: string, points: number, durationSec: number) => RateLimiterAbstract;

export const inMemory: CounterStore = (name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration });

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until the next request would be allowed (0 when allowed now). */
  retryAfterSec: number;
}

export interface RateLimiter {
  take(client: string): Promise<RateDecision>;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

interface Count {
  allowed: boolean;
  res: RateLimiterRes;
}

/** One point off the client's counter, refused or not; a store's own failure is thrown. */
async function count(counter: RateLimiterAbstract, client: string): Promise<Count> {
  try {
    return { allowed: true, res: await counter.consume(client) };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return { allowed: false, res: refusal };
    throw refusal;
  }
}

const refused = (waitMs: number): RateDecision => ({ allowed: false, remaining: 0, retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) });

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { perMinute, burst } = options;
  const store = options.store ?? inMemory;
  const divisor = gcd(perMinute, 60);
  const sharePoints = perMinute / divisor;
  const extra = Math.max(0, burst - sharePoints);
  const share = store('rate-share', sharePoints, 60 / divisor);
  const extraBurst = extra > 0 ? store('rate-burst', extra, Math.max(1, Math.ceil((burst * 60) / perMinute))) : undefined;
  const minute = store('rate-minute', perMinute, 60);

  return {
    async take(client) {
      const fromShare = await count(share, client);
      let left: number;
      if (fromShare.allowed) {
        const burstLeft = extraBurst ? ((await extraBurst.get(client))?.remainingPoints ?? extra) : 0;
        left = fromShare.res.remainingPoints + burstLeft;
      } else {
        const fromBurst = extraBurst ? await count(extraBurst, client) : undefined;
        if (!fromBurst?.allowed) return refused(Math.min(fromShare.res.msBeforeNext, fromBurst?.res.msBeforeNext ?? Infinity));
        left = fromBurst.res.remainingPoints;
      }
      // Counted only once the share or the burst let the request through: refusals cost no minute.
      const fromMinute = await count(minute, client);
      if (!fromMinute.allowed) return refused(fromMinute.res.msBeforeNext);
      return { allowed: true, remaining: Math.min(left, fromMinute.res.remainingPoints), retryAfterSec: 0 };
    },
  };
}

/** 429 with Retry-After past a client's allowance; the client is the principal (key or JWT subject). */
export function rateLimitGuard(perMinute: number, burst: number, store?: CounterStore): Guard {
  const limiter = createRateLimiter({ perMinute, burst, ...(store ? { store } : {}) });
  return async (principal, res) => {
    const decision = await limiter.take(principal.id);
    res.setHeader('RateLimit-Limit', String(perMinute));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    if (decision.allowed) return undefined;
    res.setHeader('RateLimit-Reset', String(decision.retryAfterSec));
    return new HttpError(429, 'RATE_LIMITED', `rate limit of ${perMinute} requests per minute exceeded; retry in ${decision.retryAfterSec} s`, {
      'Retry-After': String(decision.retryAfterSec),
    });
  };
}
