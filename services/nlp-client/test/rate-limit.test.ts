import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/rate-limit.js';

describe('the rate limiter', () => {
  it('allows a burst, then one request per refill interval, per client', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('alice').allowed)).toEqual([true, true, true]);
    expect(limiter.take('alice')).toEqual({ allowed: false, remaining: 0, retryAfterSec: 1 });
    expect(limiter.take('bob').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 1, now: () => now });
    limiter.take('alice');
    expect(limiter.take('alice').retryAfterSec).toBe(10);
    now += 4_000;
    expect(limiter.take('alice').retryAfterSec).toBe(6);
  });

  it('never refills beyond the burst', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 600, burst: 2, now: () => now });
    now += 3_600_000;
    expect(limiter.take('alice').remaining).toBe(1);
  });

  it('keeps memory bounded by forgetting the least recently seen client', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1, maxClients: 100 });
    for (let i = 0; i < 1_000; i++) limiter.take(`client-${i}`);
    expect(limiter.trackedClients).toBe(100);
  });
});
