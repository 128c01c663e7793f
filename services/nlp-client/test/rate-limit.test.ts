import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { createRateLimiter, type CounterStore } from '../src/rate-limit.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const allowed = async (limiter: ReturnType<typeof createRateLimiter>, client: string, times: number): Promise<boolean[]> => {
  const out: boolean[] = [];
  for (let i = 0; i < times; i++) out.push((await limiter.take(client)).allowed);
  return out;
};

describe('the rate limiter', () => {
  it('allows a burst, then one request per refill interval, per client', async () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 3 });
    expect(await allowed(limiter, 'alice', 3)).toEqual([true, true, true]);
    expect(await limiter.take('alice')).toEqual({ allowed: false, remaining: 0, retryAfterSec: 1 });
    expect((await limiter.take('bob')).allowed).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(await allowed(limiter, 'alice', 2)).toEqual([true, false]);
  });

  it('says how long to wait', async () => {
    const limiter = createRateLimiter({ perMinute: 6, burst: 1 });
    await limiter.take('alice');
    expect((await limiter.take('alice')).retryAfterSec).toBe(10);
    vi.advanceTimersByTime(4_000);
    expect((await limiter.take('alice')).retryAfterSec).toBe(6);
  });

  it('counts down what is left of the burst', async () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 3 });
    const left: number[] = [];
    for (let i = 0; i < 3; i++) left.push((await limiter.take('alice')).remaining);
    expect(left).toEqual([2, 1, 0]);
  });

  it('never lets the burst add to the rate over a minute', async () => {
    const limiter = createRateLimiter({ perMinute: 120, burst: 10 });
    let passed = 0;
    // Ten requests every second for a minute: twice the share, five times the burst.
    for (let second = 0; second < 60; second++) {
      passed += (await allowed(limiter, 'alice', 10)).filter(Boolean).length;
      vi.advanceTimersByTime(1_000);
    }
    expect(passed).toBe(120);
  });

  it('lets a client that keeps under the rate send its burst again and again', async () => {
    const limiter = createRateLimiter({ perMinute: 6_000, burst: 200 });
    for (let round = 0; round < 5; round++) {
      expect((await allowed(limiter, 'alice', 150)).every(Boolean)).toBe(true);
      vi.advanceTimersByTime(5_000);
    }
  });

  it('forgets a client once its windows have passed: it comes back with its whole burst', async () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 3 });
    await allowed(limiter, 'alice', 5);
    vi.advanceTimersByTime(60_000);
    expect(await allowed(limiter, 'alice', 3)).toEqual([true, true, true]);
  });

  it('keeps its counts in the store it is given', async () => {
    const names: string[] = [];
    const store: CounterStore = (name, points, duration) => {
      names.push(`${name} ${points}/${duration}s`);
      return new RateLimiterMemory({ keyPrefix: name, points, duration });
    };
    const limiter = createRateLimiter({ perMinute: 6_000, burst: 200, store });
    expect((await limiter.take('alice')).allowed).toBe(true);
    expect(names).toEqual(['rate-share 100/1s', 'rate-burst 100/2s', 'rate-minute 6000/60s']);
  });
});
