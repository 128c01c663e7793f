import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBreaker, isOpenCircuit, type Breaker } from '../src/circuit-breaker.js';

let breakers: Breaker[] = [];
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const b of breakers.splice(0)) b.shutdown();
  vi.useRealTimers();
});

function breaker(): Breaker {
  const b = createBreaker({ failureThreshold: 3, cooldownMs: 1_000 });
  breakers.push(b);
  return b;
}

const succeed = (b: Breaker) => b.run(async () => 'ok');
const fail = (b: Breaker) => b.run(async () => Promise.reject(new Error('down'))).catch((e: unknown) => e);
/** A call that counts as failed by its result, as a 503 from the backend does. */
const failByResult = (b: Breaker) => b.run(async () => 503, (status) => status >= 500);
const refused = async (b: Breaker): Promise<boolean> => isOpenCircuit(await b.run(async () => 'ok').catch((e: unknown) => e));

describe('the circuit breaker', () => {
  it('stays closed below the failure threshold, and a success resets the count', async () => {
    const b = breaker();
    await fail(b);
    await fail(b);
    await succeed(b);
    await fail(b);
    await fail(b);
    expect(b.state).toBe('closed');
    expect(await succeed(b)).toBe('ok');
  });

  it('opens after the threshold of failures in a row and refuses calls during the cooldown', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) await fail(b);
    expect(b.state).toBe('open');
    expect(await refused(b)).toBe(true);
    vi.advanceTimersByTime(400);
    expect(b.retryAfterMs()).toBe(600);
    expect(await refused(b)).toBe(true);
  });

  it('counts a result that says failure, and still returns that result', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) expect(await failByResult(b)).toBe(503);
    expect(b.state).toBe('open');
  });

  it('lets exactly one trial through after the cooldown; its success closes the circuit', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) await fail(b);
    vi.advanceTimersByTime(1_000);
    expect(b.state).toBe('half-open');
    let finishTrial = (): void => undefined;
    const trial = b.run(() => new Promise<string>((resolve) => (finishTrial = () => resolve('ok'))));
    expect(await refused(b)).toBe(true);
    finishTrial();
    expect(await trial).toBe('ok');
    expect(b.state).toBe('closed');
    expect(await succeed(b)).toBe('ok');
  });

  it('reopens at once when the trial fails', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) await fail(b);
    vi.advanceTimersByTime(1_000);
    await fail(b);
    expect(b.state).toBe('open');
    expect(b.retryAfterMs()).toBe(1_000);
  });

  it('closes at once on reset, with the failure count cleared', async () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) await fail(b);
    b.reset();
    expect(b.state).toBe('closed');
    await fail(b);
    await fail(b);
    expect(b.state).toBe('closed');
  });
});
